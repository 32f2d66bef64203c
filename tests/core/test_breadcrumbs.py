"""Breadcrumbs on every page below a section, in the reader's language, and the same trail as
schema.org BreadcrumbList (issue 14)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from core.breadcrumbs import breadcrumb_trail
from core.factories import alias_in, translate
from core.visibility import visible_to_public
from home.factories import StandardPageFactory
from network.factories import FellowProfilePageFactory, PartnerIndexPageFactory, PartnerPageFactory
from tests.structured_data import json_ld_objects, json_ld_of_type

pytestmark = pytest.mark.django_db


def visible_trail(response):
    """[(title, href, aria-current, lang)] of the page's breadcrumb navigation, or None."""
    soup = BeautifulSoup(response.content, "html.parser")
    [nav, *more] = soup.select("nav.breadcrumbs") or [None]
    assert not more
    if nav is None:
        return None
    assert nav.find("ol") is not None
    return [
        (link.get_text(), link["href"], link.get("aria-current"), link.get("lang"))
        for link in nav.select("ol > li > a")
    ]


def breadcrumb_list(response):
    return [
        (item["position"], item["name"], item["item"])
        for item in json_ld_of_type(response, "BreadcrumbList")["itemListElement"]
    ]


@pytest.fixture
def english_fellow(site):
    """A fellow below a partner below the partner overview, each translated into English."""
    index = PartnerIndexPageFactory(title="Netzwerk", slug="netzwerk")
    partner = PartnerPageFactory(parent=index, title="Theaterakademie", slug="theaterakademie")
    fellow = FellowProfilePageFactory(parent=partner, title="Mara Muster", slug="mara-muster")
    translate(index, "en", title="Network", slug="network")
    translate(partner, "en", title="Theatre academy", slug="theatre-academy")
    return translate(fellow, "en", title="Mara Muster (en)", slug="mara")


def test_a_nested_english_page_shows_english_ancestors(client, english_fellow):
    response = client.get(english_fellow.url)
    assert english_fellow.url == "/en/network/theatre-academy/mara/"
    html = response.content.decode()
    assert 'aria-label="Breadcrumb"' in html
    assert visible_trail(response) == [
        ("Home page", "/en/", None, None),
        ("Network", "/en/network/", None, None),
        ("Theatre academy", "/en/network/theatre-academy/", None, None),
        ("Mara Muster (en)", "/en/network/theatre-academy/mara/", "page", None),
    ]


def test_the_breadcrumb_list_is_the_visible_trail(client, english_fellow):
    response = client.get(english_fellow.url)
    assert [type_["@type"] for type_ in json_ld_objects(response)].count("BreadcrumbList") == 1
    assert breadcrumb_list(response) == [
        (position, title, f"http://testserver{href}")
        for position, (title, href, _current, _lang) in enumerate(visible_trail(response), 1)
    ]


def test_the_german_page_shows_the_german_trail(client, english_fellow):
    german = english_fellow.get_translation(english_fellow.get_parent().locale.get_default())
    trail = visible_trail(client.get(german.url))
    assert [title for title, *_ in trail] == [
        "Startseite",
        "Netzwerk",
        "Theaterakademie",
        "Mara Muster",
    ]
    assert trail[-1][1] == "/de/netzwerk/theaterakademie/mara-muster/"


def test_an_untranslated_ancestor_is_marked_as_german(client, site):
    index = PartnerIndexPageFactory(title="Netzwerk", slug="netzwerk")
    translate(index, "en", title="Network", slug="network")
    partner = PartnerPageFactory(parent=index, title="Nur deutsch", slug="nur-deutsch")
    alias_in(partner, "en")
    fellow = FellowProfilePageFactory(parent=partner, title="Mara", slug="mara")
    english = translate(fellow, "en", title="Mara (en)", slug="mara-en")
    trail = visible_trail(client.get(english.url))
    assert trail[1] == ("Network", "/en/network/", None, None)
    assert trail[2] == ("Nur deutsch", "/en/network/nur-deutsch/", None, "de")
    assert trail[3][2] == "page"


def test_section_and_home_pages_have_no_breadcrumbs(client, site):
    section = StandardPageFactory(title="Über uns", slug="ueber-uns")
    for url in (site.home_de.url, site.home_en.url, section.url):
        response = client.get(url)
        assert visible_trail(response) is None
        assert "BreadcrumbList" not in [data["@type"] for data in json_ld_objects(response)]


def test_ancestors_the_public_cannot_see_are_left_out(client, site):
    section = StandardPageFactory(title="Über uns", slug="ueber-uns")
    draft = StandardPageFactory(parent=section, title="Entwurf", slug="entwurf", live=False)
    page = StandardPageFactory(parent=draft, title="Darunter", slug="darunter")
    response = client.get(page.url)
    assert [title for title, *_ in visible_trail(response)] == [
        "Startseite",
        "Über uns",
        "Darunter",
    ]
    assert [name for _position, name, _url in breadcrumb_list(response)] == [
        "Startseite",
        "Über uns",
        "Darunter",
    ]


def test_the_trail_costs_one_query_however_deep_and_none_until_content_changes(rf, site):
    """Measured by itself: Wagtail's routing costs a query or two per level anyway."""
    section = StandardPageFactory(title="Bereich", slug="bereich")
    shallow = StandardPageFactory(parent=section, title="Flach", slug="flach")
    parent = section
    for level in range(4):
        parent = StandardPageFactory(parent=parent, title=f"Ebene {level}", slug=f"ebene-{level}")
    deep = StandardPageFactory(parent=parent, title="Tief", slug="tief")
    visible_to_public(Page.objects.all()).exists()  # the view restrictions are cached from here
    for page, length in ((shallow, 3), (deep, 7)):
        request = rf.get(page.url)
        Site.find_for_request(request)  # Wagtail's middleware has done this before any page
        page = Page.objects.get(pk=page.pk)
        with CaptureQueriesContext(connection) as queries:
            assert len(breadcrumb_trail(request, page)) == length
            breadcrumb_trail(request, page)  # the BreadcrumbList asks again: no query
        assert len(queries) == 1  # the ancestors
        with CaptureQueriesContext(connection) as queries:  # the next reader: from the cache
            assert len(breadcrumb_trail(request, Page.objects.get(pk=page.pk))) == length
        assert len(queries) == 1  # the page itself, in this test

    section.title = "Neuer Bereich"
    section.save_revision().publish()
    request = rf.get(deep.url)
    Site.find_for_request(request)
    trail = breadcrumb_trail(request, Page.objects.get(pk=deep.pk))
    assert trail[1].title == "Neuer Bereich"
