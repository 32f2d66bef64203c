"""core.translation: one answer to "is this page's text in its own language?" and one bulk
"these chosen pages in the reader's language" for every listing, link and label."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import factories as core_factories
from core.translation import (
    content_language,
    is_real_translation,
    localize,
    localize_all,
    snippets_in_language,
    untranslated_language,
    untranslated_source,
    with_translation_state,
)
from core.visibility import restricted_paths
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_news(site):
    """German news items below a news overview that has its English translation at /en/news/;
    each item is dated a day after the last, so the newest heads the listings."""
    index = NewsIndexPageFactory(parent=site.home_de)
    core_factories.translate(index, site.en, title="News", slug="news")
    dates = (timezone.localdate() + datetime.timedelta(days=number) for number in range(1, 100))

    def add(title, **fields):
        fields.setdefault("teaser", f"{title} in Kürze.")
        return NewsPageFactory(parent=index, title=title, date=next(dates), **fields)

    return add


def alias_in(page, locale):
    """What wagtail-localize's locale synchronisation makes: the German page under an English URL."""
    return page.copy_for_translation(locale, alias=True)


def translate(page, locale, title):
    """A translation made by copying, as Wagtail's own "Translate" without wagtail-localize does."""
    translation = page.copy_for_translation(locale)
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_an_alias_of_a_german_page_is_untranslated_and_says_so(add_news, english):
    original = add_news("Quellenlage")
    alias = alias_in(original, english)

    assert untranslated_source(alias).pk == original.pk
    assert not is_real_translation(alias)
    assert content_language(alias) == "de"
    assert untranslated_language(alias) == "de"


def test_originals_and_real_translations_are_in_their_own_language(add_news, english):
    original = add_news("Quellenlage")
    translation = translate(original, english, "State of sources")

    for page, language in ((original, "de"), (translation, "en")):
        assert is_real_translation(page)
        assert untranslated_source(page) is None
        assert content_language(page) == language
        assert untranslated_language(page) == ""


def test_an_alias_inside_one_language_tree_is_not_untranslated(add_news, english, client):
    """Wagtail's "copy as alias" within the English tree mirrors English text: no lang="de"
    (the old listing filter marked every alias German)."""
    english_item = translate(add_news("Quellenlage"), english, "State of sources")
    same_language_alias = english_item.create_alias(update_slug="state-of-sources-again")

    assert is_real_translation(same_language_alias)
    html = client.get("/en/news/").content.decode()
    cards = re.findall(r"<article class=\"card\"([^>]*)>.*?</article>", html, re.S)
    titles = re.findall(r"<article class=\"card\"[^>]*>.*?<h\d[^>]*>(.*?)</h\d>", html, re.S)
    marks = zip([re.sub(r"<[^>]+>", "", t).strip() for t in titles], cards, strict=True)
    assert [mark for title, mark in marks if title == "State of sources"] == ["", ""]


def test_english_listing_marks_untranslated_items_and_only_them(add_news, english, client):
    alias_in(add_news("Unübersetzte Meldung"), english)
    translate(add_news("Übersetzte Meldung"), english, "Translated news")

    html = client.get("/en/news/").content.decode()
    untranslated = re.search(r'<article class="card" lang="de">.*?</article>', html, re.S)
    assert untranslated and "Unübersetzte Meldung" in untranslated.group(0)
    translated = re.search(
        r'<article class="card"(?: lang="\w+")?>(?:(?!</article>).)*Translated news', html, re.S
    )
    assert translated and 'lang="de"' not in translated.group(0)


def test_hreflang_offers_only_real_translations(add_news, english, client):
    alias = alias_in(add_news("Unübersetzte Meldung"), english)
    original = add_news("Übersetzte Meldung")
    translation = translate(original, english, "Translated news")

    def hreflangs(page):
        html = client.get(page.url).content.decode()
        return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))

    assert "en" not in hreflangs(alias)
    assert set(hreflangs(translation)) == {"de", "en", "x-default"}
    assert hreflangs(translation)["en"].endswith(translation.url)


def test_listings_ask_the_translation_state_without_queries(add_news, english):
    for number in range(3):
        alias_in(add_news(f"Meldung {number}"), english)
    listing = list(with_translation_state(NewsPage.objects.filter(locale=english)))

    with CaptureQueriesContext(connection) as queries:
        languages = [untranslated_language(page) for page in listing]

    assert languages.count("de") >= 3
    assert len(queries) == 0


def localize_counting_queries(chosen, english, **options):
    restricted_paths()  # the view restrictions are kept in the cache (core.visibility)
    with CaptureQueriesContext(connection) as queries:
        localized = localize_all(chosen, english, **options)
    return localized, len(queries)


def test_localize_all_keeps_the_order_in_a_constant_number_of_queries(add_news, english):
    chosen = [add_news(f"Auswahl {number}") for number in range(10)]
    for page in chosen[::2]:
        alias_in(page, english)
    for page in chosen[1::2]:
        translate(page, english, f"Choice {page.title.split()[-1]}")
    chosen.reverse()

    two, queries_for_two = localize_counting_queries(chosen[:2], english)
    ten, queries_for_ten = localize_counting_queries(chosen, english)

    assert queries_for_two == queries_for_ten == 1  # the pages
    assert [page.translation_key for page in ten] == [page.translation_key for page in chosen]
    assert [page.title for page in two] == ["Choice 9", "Auswahl 8"]
    assert {page.locale_id for page in ten} == {english.pk}


def test_localize_all_gives_specific_pages_of_one_type_without_more_queries(add_news, english):
    chosen = [add_news(f"Auswahl {number}") for number in range(10)]
    for page in chosen:
        alias_in(page, english)

    _plain, plain_queries = localize_counting_queries(chosen, english)
    localized, specific_queries = localize_counting_queries(chosen, english, specific=True)

    assert specific_queries == plain_queries
    assert [page.teaser for page in localized] == [page.teaser for page in chosen]


def test_pages_held_back_or_unpublished_in_the_readers_language_are_left_out(add_news, english):
    # Scheduled before it was ever live: the German page stays offline until then.
    embargoed = add_news("Sperrfrist", go_live_at=timezone.now() + datetime.timedelta(days=2))
    translate(embargoed, english, "Embargoed")
    unpublished = add_news("Entwurf")
    translate(unpublished, english, "Draft").unpublish()
    shown = add_news("Sichtbar")
    alias_in(shown, english)

    chosen = [embargoed, unpublished, shown]
    assert [page.title for page in localize_all(chosen, english)] == ["Sichtbar"]
    assert localize(embargoed, english) is None
    # Links that must lead somewhere fall back to the chosen page, never to a held-back one.
    fallback = localize_all(chosen, english, fall_back_to_chosen=True)
    assert [page.title for page in fallback] == ["Entwurf", "Sichtbar"]


def test_snippets_follow_the_reader_and_fall_back_to_the_chosen_entry(site, german, english):
    translated = Topic.objects.create(name="Urheberrecht", slug="urheberrecht-t", locale=german)
    english_topic = translated.copy_for_translation(english)
    english_topic.name = "Copyright"
    english_topic.save()
    untranslated = Topic.objects.create(name="Förderung", slug="foerderung-t", locale=german)

    with CaptureQueriesContext(connection) as queries:
        localized = localize_all([untranslated, translated], english)

    assert len(queries) == 1
    assert [topic.name for topic in localized] == ["Förderung", "Copyright"]
    names = [topic.name for topic in snippets_in_language(Topic, english)]
    assert "Copyright" in names and "Förderung" in names and "Urheberrecht" not in names
