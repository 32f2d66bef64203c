"""A translation that was started but not published reads exactly like an untranslated page:
the German live text under the English URL, marked as German, not indexed, not offered as English.
Only publishing the translation makes the English page English (issue 13)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from core.factories import alias_in, translate, translate_strings
from editorial.groups import TRANSLATION
from editorial.status import IN_PROGRESS, translation_backlog
from home.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.editorial.helpers import member_of, sync_spaces

pytestmark = pytest.mark.django_db

ENGLISH_URL = "/en/quallen/"
GERMAN_URL = "/de/quallen/"


def english_strings(page):
    """A translator's work on every segment of `page`: 'EN ' before each German text."""
    source, _created = TranslationSource.update_or_create_from_instance(page.specific)
    texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    return {text: f"EN {text}" for text in texts}


@pytest.fixture
def started(site):
    """A live German page whose English alias a translator has started to translate: every
    string has an English draft, saved the way wagtail-localize saves drafts."""
    original = StandardPageFactory(
        parent=site.home_de, title="Quallen", slug="quallen", intro="Quallen leuchten."
    )
    alias_in(original, "en")
    strings = english_strings(original)
    strings["quallen"] = "jellyfish"  # the slug is a segment too; it changes on publishing
    translation = translate(original, "en", publish=False, strings=strings)
    assert translation.alias_of_id is None and translation.live
    return original, translation


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def hreflangs(html):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)


def test_a_started_translation_shows_the_german_live_text_marked_as_german(client, started):
    html = page_html(client, ENGLISH_URL)
    assert "Quallen leuchten." in html
    assert "EN Quallen" not in html
    assert re.search(r'<main id="main"[^>]*lang="de"', html)
    assert "This page has not been translated yet" in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="http://testserver{GERMAN_URL}">' in html
    assert all(code != "en" for code, _href in hreflangs(html))
    # nor does the German page offer it as English
    assert ("en", f"http://testserver{ENGLISH_URL}") not in hreflangs(page_html(client, GERMAN_URL))


def test_a_started_translation_follows_what_the_german_page_publishes(client, started):
    original, _translation = started
    original = Page.objects.get(pk=original.pk).specific
    original.intro = "Quallen leuchten im Dunkeln."
    original.save_revision().publish()

    html = page_html(client, ENGLISH_URL)
    assert "Quallen leuchten im Dunkeln." in html
    assert "EN Quallen" not in html


def test_saving_a_draft_again_keeps_the_draft_off_the_public_page(client, started):
    original, _translation = started
    translate(original, "en", publish=False, strings=english_strings(original))
    assert "EN Quallen" not in page_html(client, ENGLISH_URL)


def test_the_backlog_lists_a_started_translation_as_in_progress(started):
    original, translation = started
    [entry] = [
        entry
        for entry in translation_backlog(Page.objects.filter(pk=original.pk))
        if entry.page.pk == original.pk
    ]
    assert entry.state == IN_PROGRESS and entry.translation.pk == translation.pk


def test_publishing_the_translation_makes_the_english_page_english(client, started):
    _original, translation = started
    translation.get_latest_revision().publish()

    html = page_html(client, "/en/jellyfish/")
    assert "EN Quallen leuchten." in html
    assert '<html lang="en">' in html and not re.search(r'<main id="main"[^>]*lang=', html)
    assert "not been translated" not in html
    assert "noindex" not in html
    assert '<link rel="canonical" href="http://testserver/en/jellyfish/">' in html
    assert ("en", "http://testserver/en/jellyfish/") in hreflangs(html)
    assert ("de", f"http://testserver{GERMAN_URL}") in hreflangs(html)
    german = page_html(client, GERMAN_URL)
    assert ("en", "http://testserver/en/jellyfish/") in hreflangs(german)


def test_english_listings_show_a_started_translation_as_german(client, site):
    news = NewsIndexPageFactory(parent=site.home_de, title="Aktuelles", slug="aktuelles")
    translate(news, "en", title="News", slug="news")
    item = NewsPageFactory(parent=news, title="Quallenwerkstatt", teaser="Wir basteln Quallen.")
    alias_in(item, "en")
    translate(item, "en", publish=False, strings=english_strings(item))

    html = page_html(client, "/en/news/")
    [(tag, card)] = re.findall(r'(<article class="card"[^>]*>)(.*?)</article>', html, re.S)
    assert tag == '<article class="card" lang="de">'
    assert "Quallenwerkstatt" in card and "EN " not in card


def test_english_search_labels_a_started_translation_as_german(client, started):
    response = client.get("/en/search/", {"q": "Quallen"})
    html = response.content.decode()
    [result] = re.findall(r'<li class="search-result">.*?</li>', html, re.S)
    assert f'<a href="{ENGLISH_URL}" lang="de" hreflang="de">Quallen</a>' in result
    assert "in German" in result
    assert "EN Quallen" not in html


def test_translate_in_the_admin_keeps_translation_memory_off_the_public_page(
    client, site, django_user_model
):
    """A translator clicks "Translate" on a page whose strings are already in the translation
    memory: wagtail-localize writes them into the live English page, which must not show them."""
    original = StandardPageFactory(
        parent=site.home_de, title="Quallen", slug="quallen", intro="Quallen leuchten."
    )
    alias_in(original, "en")
    source, _created = TranslationSource.update_or_create_from_instance(original)
    translate_strings(source, site.en, english_strings(original))
    sync_spaces()  # makes the groups with their rights
    client.force_login(member_of(django_user_model, TRANSLATION, "uebersetzung"))
    url = reverse("wagtail_localize:submit_page_translation", args=[original.pk])
    assert client.post(url, {"locales": [site.en.pk]}).status_code == 302
    client.logout()

    english = Page.objects.get(translation_key=original.translation_key, locale=site.en)
    assert english.alias_of_id is None
    assert "EN Quallen leuchten." in english.get_latest_revision().content["intro"]
    html = page_html(client, ENGLISH_URL)
    assert "Quallen leuchten." in html and "EN Quallen" not in html
    assert "This page has not been translated yet" in html
