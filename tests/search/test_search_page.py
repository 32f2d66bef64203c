"""The search page: per-language results, ranking, excerpts, types, pagination, suggestions."""

import re

import pytest
from django.utils import timezone

from core.factories import alias_in
from events.factories import EventPageFactory
from home.factories import StandardPageFactory
from home.models import StandardPage
from network.factories import FellowProfilePageFactory, PartnerPageFactory, ProgramPageFactory
from news.factories import NewsPageFactory
from press.factories import PressReleasePageFactory
from tests.pagination import assert_paginated

from .helpers import result_urls, search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["de", "en"])
def test_empty_search_page_is_noindex_with_a_labelled_form(client, site, language):
    response = search(client, language)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert html.count("<h1") == 1
    form = re.search(r'<form class="search-form" role="search".*?</form>', html, re.S).group()
    field_id = re.search(r'<input type="search" name="q" id="([^"]+)"', form).group(1)
    assert f'<label for="{field_id}">' in form


def test_results_page_is_noindex(client, make_page):
    make_page("quallen", "Quallenkunst")
    response = search(client, "de", q="Quallenkunst")
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert result_urls(response) == ["/de/quallen/"]


def test_every_page_has_the_site_search_form_in_its_header(client, site):
    html = client.get("/en/").content.decode()
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert '<form class="site-search" role="search" method="get" action="/en/search/">' in header
    assert '<label class="visually-hidden" for="site-search-q">Search the website</label>' in header


def test_results_come_only_from_the_readers_language(client, make_page, make_translation):
    german = make_page("quallen", "Quallenkunst im Revier", intro="Ein Abend über Quallenkunst.")
    make_translation(german, "Jellyfish art in the Ruhr", intro="An evening on jellyfish art.")

    assert result_urls(search(client, "de", q="Quallenkunst")) == ["/de/quallen/"]
    assert result_urls(search(client, "de", q="jellyfish")) == []
    assert result_urls(search(client, "en", q="jellyfish")) == ["/en/quallen-en/"]
    # The German page has a real translation, so the English side does not show it.
    assert result_urls(search(client, "en", q="Quallenkunst")) == []


def test_untranslated_german_pages_appear_in_english_marked_as_german(client, make_page):
    alias = alias_in(make_page("quallen", "Quallenkunst im Revier"), "en")
    response = search(client, "en", q="Quallenkunst")
    html = response.content.decode()
    assert result_urls(response) == [alias.url] == ["/en/quallen/"]
    link = re.search(rf'<a href="{re.escape(alias.url)}"[^>]*>', html).group()
    assert 'lang="de"' in link
    assert "in German" in html


def test_titles_rank_above_body_text(client, make_page):
    make_page("im-text", "Ein Abend im Revier", intro="Es geht um Seegurkenmalerei und mehr.")
    make_page("im-titel", "Seegurkenmalerei", intro="Ein Abend im Revier.")
    assert result_urls(search(client, "de", q="Seegurkenmalerei")) == [
        "/de/im-titel/",
        "/de/im-text/",
    ]


def test_excerpt_highlights_the_match_and_escapes_the_text(client, make_page):
    make_page(
        "markiert",
        "Ein Abend",
        intro='Vorher "zitiert" & dann ein Workshop über Seegurkenmalerei im Revier.',
    )
    response = search(client, "de", q="Workshops Seegurkenmalerei")
    assert result_urls(response) == ["/de/markiert/"]
    html = response.content.decode()
    excerpt = re.search(r'<p class="search-result__excerpt">(.*?)</p>', html, re.S).group(1)
    assert "<mark>Workshop</mark>" in excerpt
    assert "<mark>Seegurkenmalerei</mark>" in excerpt
    assert "&quot;zitiert&quot; &amp; dann" in excerpt


def test_events_show_their_type_and_date(client, site):
    event = EventPageFactory(title="Quallenkunst im Revier")
    html = search(client, "de", q="Quallenkunst").content.decode()
    result = html.split(f'href="{event.url}"', 1)[0].rsplit('<li class="search-result">', 1)[1]
    assert '<span class="search-result__type">Veranstaltung</span>' in result
    assert f'<time datetime="{timezone.localtime(event.start).isoformat()}">' in result


def test_type_filter(client, make_page):
    program = ProgramPageFactory(title="Seegurken-Akademie")
    event = EventPageFactory(title="Seegurken-Abend")
    page = make_page("seegurken", "Seegurken-Fibel")
    word = "Seegurken"
    everything = result_urls(search(client, "de", q=word))
    programs = result_urls(search(client, "de", q=word, type="program"))
    events = result_urls(search(client, "de", q=word, type="event"))
    pages = result_urls(search(client, "de", q=word, type="page"))
    assert set(everything) == {program.url, event.url, page.url}
    assert programs == [program.url]
    assert events == [event.url]
    assert pages == [page.url]


def test_type_filter_links_keep_the_query(client, make_page):
    make_page("quallen", "Quallenkunst")
    html = search(client, "de", q="Quallen kunst").content.decode()
    assert 'href="?q=Quallen%20kunst&amp;type=event"' in html
    assert '<a href="?q=Quallen%20kunst" aria-current="true">' in html


def test_unknown_type_is_a_400_with_a_message(client, site):
    response = search(client, "de", q="Kunst", type="secret")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_pagination(client, make_page):
    for number in range(12):
        make_page(f"blatt-{number}", f"Blattwerk {number}")
    first = search(client, "de", q="Blattwerk")
    second = search(client, "de", q="Blattwerk", page=2)
    assert len(result_urls(first)) == 10
    assert len(result_urls(second)) == 2
    assert not set(result_urls(first)) & set(result_urls(second))
    assert 'href="?q=Blattwerk&amp;page=2" rel="next"' in first.content.decode()
    assert "q=Blattwerk&page=2" in assert_paginated(first, "q=Blattwerk")
    assert_paginated(second, "q=Blattwerk", current=2)
    assert '<ol class="search-results" id="search-results" start="11">' in second.content.decode()
    # Nonsense and huge page numbers fall back to the first and last page.
    assert result_urls(search(client, "de", q="Blattwerk", page="abc")) == result_urls(first)
    assert result_urls(search(client, "de", q="Blattwerk", page="99999")) == result_urls(second)
    assert search(client, "de", q="Blattwerk", page="9" * 5000).status_code == 200


def test_no_results_suggests_a_spelling(client, make_page):
    make_page("quallen", "Quallenkunst")
    html = search(client, "de", q="Qualenkunst").content.decode()
    assert '<a href="?q=quallenkunst">quallenkunst</a>' in html


def test_no_results_without_suggestion_still_helps(client, site):
    html = search(client, "en", q="xqzvwk").content.decode()
    assert "Nothing found" in html
    assert "Did you mean" not in html


def test_query_count_does_not_grow_with_results(client, make_page, django_assert_max_num_queries):
    for number in range(10):
        make_page(f"blatt-{number}", f"Blattwerk {number}")
    search(client, "de", q="Blattwerk")  # warm caches (site root, vocabulary)
    with django_assert_max_num_queries(25):
        response = search(client, "de", q="Blattwerk")
    assert len(result_urls(response)) == 10


@pytest.mark.parametrize(
    ("slug", "label", "page_factory"),
    [
        ("event", "Veranstaltung", EventPageFactory),
        ("program", "Programm", ProgramPageFactory),
        ("fellow", "Fellow", FellowProfilePageFactory),
        ("partner", "Partner", PartnerPageFactory),
        ("news", "Aktuelles", NewsPageFactory),
        ("press", "Pressemitteilung", PressReleasePageFactory),
        ("page", "Seite", StandardPageFactory),
    ],
)
def test_every_page_type_is_labelled_and_filterable(client, site, slug, label, page_factory):
    from search.types import type_by_slug

    result_type = type_by_slug(slug)
    assert result_type is not None, f"{slug}: its page model is missing"
    assert (result_type.models or [StandardPage])[0] is page_factory._meta.model
    page = page_factory(title=f"Quallenkunst {slug}")
    response = search(client, "de", q="Quallenkunst", type=slug)
    assert result_urls(response) == [page.url]
    html = response.content.decode()
    result = html.split(f'href="{page.url}"', 1)[0].rsplit('<li class="search-result">', 1)[1]
    assert f'<span class="search-result__type">{label}</span>' in result


def test_an_edited_text_shows_in_the_next_searchs_excerpt(client, make_page):
    """What a result shows of a page is kept per page until content changes (search.results)."""
    page = make_page("seegurken", "Seegurken", intro="Ein Workshop über Seegurkenmalerei.")
    for words in ("Seegurkenmalerei", "Workshop"):  # kept once, highlighted per search
        html = search(client, "de", q=words).content.decode()
        assert f"<mark>{words}</mark>" in html
    page.intro = "Ein Vortrag über Seegurkenmalerei."
    page.save_revision().publish()
    html = search(client, "de", q="Seegurkenmalerei").content.decode()
    assert "Vortrag" in html and "Workshop" not in html
