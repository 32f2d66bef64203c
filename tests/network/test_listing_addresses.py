"""Each page of a listing is one address: its own canonical, hreflang to the same page number
in the other language, `?page=1` redirected to the bare URL, and forms that say where they go."""

import re

import pytest

from events.factories import EventIndexPageFactory
from network.models import FellowIndexPage, PartnerIndexPage

from .conftest import english_url

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def head_links(response):
    html = response.content.decode()
    canonical = re.findall(r'<link rel="canonical" href="([^"]*)">', html)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">', html))
    og_url = re.findall(r'<meta property="og:url" content="([^"]*)">', html)
    return canonical, alternates, og_url


@pytest.fixture
def one_per_page(monkeypatch):
    monkeypatch.setattr(PartnerIndexPage, "per_page", 1)
    monkeypatch.setattr(FellowIndexPage, "per_page", 1)


def test_a_later_page_is_its_own_canonical_with_hreflang_to_the_same_page(
    client, network_en, one_per_page
):
    german, english = network_en.partners.url, english_url(network_en.partners)
    response = client.get(f"{german}?page=2")
    assert response.context["page_obj"].number == 2
    canonical, alternates, og_url = head_links(response)
    assert canonical == og_url == [f"{HOST}{german}?page=2"]
    assert alternates == {
        "de": f"{HOST}{german}?page=2",
        "en": f"{HOST}{english}?page=2",
        "x-default": f"{HOST}{german}?page=2",
    }
    # and the other way round, from the English page 3
    canonical, alternates, _ = head_links(client.get(f"{english}?page=3"))
    assert canonical == [f"{HOST}{english}?page=3"]
    assert alternates["de"] == f"{HOST}{german}?page=3"


def test_the_first_page_and_filtered_views_point_to_the_bare_listing(
    client, network_en, one_per_page
):
    url = network_en.fellows.url
    canonical, alternates, _ = head_links(client.get(url))
    assert canonical == [f"{HOST}{url}"]
    assert alternates["en"] == f"{HOST}{english_url(network_en.fellows)}"
    # a filtered view is no page of its own, whichever page of it
    canonical, alternates, _ = head_links(client.get(f"{url}?program=fellowship&page=2"))
    assert canonical == [f"{HOST}{url}"]
    assert alternates["de"] == f"{HOST}{url}"
    # a page number past the end shows the last page, and says so in the canonical
    response = client.get(f"{url}?page=999")
    last = response.context["page_obj"].number
    assert last > 1
    assert head_links(response)[0] == [f"{HOST}{url}?page={last}"]
    assert head_links(client.get(f"{url}?page=abc"))[0] == [f"{HOST}{url}"]


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("page=1", ""),
        ("city=Kleve&page=1", "?city=Kleve"),
        ("page=1&city=Kleve", "?city=Kleve"),
    ],
)
def test_page_one_redirects_permanently_to_the_bare_address(client, network, query, target):
    url = network.partners.url
    response = client.get(f"{url}?{query}")
    assert response.status_code == 301
    assert response["Location"] == f"{url}{target}"
    assert client.get(response["Location"]).status_code == 200


def test_page_one_of_the_calendar_and_its_archive_redirect(client, network):
    calendar = EventIndexPageFactory()
    response = client.get(f"{calendar.url}archive/?page=1")
    assert response.status_code == 301
    assert response["Location"] == f"{calendar.url}archive/"
    canonical, alternates, _ = head_links(client.get(response["Location"]))
    assert canonical == [f"{HOST}{calendar.url}archive/"]
    assert alternates["de"] == f"{HOST}{calendar.url}archive/"


def test_page_links_lead_to_page_one_without_a_page_number(client, network, one_per_page):
    """No link leads through the redirect."""
    url = network.partners.url
    html = client.get(f"{url}?page=2").content.decode()
    assert f'<a href="{url}" rel="prev">' in html
    assert "page=1" not in html
    fellows = network.fellows.url
    filtered = client.get(f"{fellows}?program=fellowship&page=2").content.decode()
    assert '<a href="?program=fellowship" rel="prev">' in filtered
    assert "page=1" not in filtered


@pytest.mark.parametrize("index", ["partners", "fellows"])
def test_filter_forms_say_where_they_go(client, network, index):
    url = getattr(network, index).url
    html = client.get(url).content.decode()
    actions = re.findall(r'<form[^>]*\baction="([^"]*)"', html)
    assert len(actions) == len(re.findall(r"<form\b", html)), "every form has an action"
    assert url in actions
    assert all(actions)
