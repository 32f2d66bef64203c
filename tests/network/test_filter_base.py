"""The shared listing-filter base (core/filters.py) and the one pagination include, through HTTP,
on the factory-made network of tests/network/conftest.py."""

import re

import pytest

from network.factories import PartnerPageFactory
from network.models import FellowIndexPage, PartnerIndexPage
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from tests.pagination import assert_paginated

pytestmark = pytest.mark.django_db


def titles(response):
    return [page.title for page in response.context["page_obj"].object_list]


def test_ignored_values_are_named_and_do_not_reach_the_page_links(client, network, monkeypatch):
    monkeypatch.setattr(FellowIndexPage, "per_page", 2)
    response = client.get("/de/fellows/?discipline=unbekannt&cohort=abc&program=fellowship")
    html = response.content.decode()
    assert "„unbekannt“ ist kein gültiger Wert für „Kunstsparte“ und wurde ignoriert." in html
    assert "„abc“ ist kein gültiger Wert für „Jahrgang“ und wurde ignoriert." in html
    assert 'aria-invalid="true" aria-describedby="id_cohort_error"' in html
    assert '<p class="field-note" id="id_cohort_error">' in html
    assert '<option value="fellowship" selected>' in html
    assert_paginated(response, "program=fellowship")


def test_a_repeated_filter_uses_its_last_value_and_says_so(client, network):
    response = client.get("/de/fellows/?discipline=zirkus&discipline=puppenspiel")
    assert response.context["filter_form"].active == {"discipline": "puppenspiel"}
    assert sorted(titles(response)) == ["Ines Roth", "Jule Brandt"]
    html = response.content.decode()
    assert "Nur ein Wert je Filter: „Kunstsparte“ zeigt „puppenspiel“." in html
    assert '<option value="puppenspiel" selected>' in html


def test_a_nul_byte_in_a_filter_is_repeated_back_printable(client, network):
    html = client.get("/de/netzwerk/?role=le%00ad").content.decode()
    assert "„lead“ ist kein gültiger Wert für „Rolle im Netzwerk“" in html
    assert "\x00" not in html


@pytest.mark.parametrize(
    ("url", "index", "querystring"),
    [
        ("/de/netzwerk/?city=Testdorf", PartnerIndexPage, "city=Testdorf"),
        ("/de/fellows/?program=fellowship", FellowIndexPage, "program=fellowship"),
        ("/de/aktuelles/", NewsIndexPage, ""),
    ],
)
def test_every_listing_paginates_with_the_same_component(
    client, network, monkeypatch, url, index, querystring
):
    for _ in range(3):
        PartnerPageFactory(city="Testdorf")
        NewsPageFactory()
    monkeypatch.setattr(index, "per_page", 1)
    links = assert_paginated(client.get(url), querystring)
    assert f"{querystring}&page=2".lstrip("&") in links
    separator = "&" if "?" in url else "?"
    second = client.get(f"{url}{separator}page=2")
    assert_paginated(second, querystring, current=2)
    assert second.context["page_obj"].number == 2


def test_filter_options_keep_their_order(client, network):
    html = client.get("/de/fellows/").content.decode()
    cohorts = re.findall(r'<option value="(\d{4})"', html)
    assert cohorts == ["2030", "2029"]  # newest cohort first, each once
    assert re.findall(r'<select name="(\w+)"', html) == ["discipline", "program", "cohort"]
    html = client.get("/de/netzwerk/").content.decode()
    assert re.findall(r'<select name="(\w+)"', html) == ["role", "city", "field"]
    roles = re.findall(
        r'<option value="([a-z-]+)"', html.split('name="role"')[1].split("</select>")[0]
    )
    # The funder is no member: it is listed apart, not filtered for (issue 15).
    assert roles == ["lead", "consortium", "cultural-policy"]
    cities = re.findall(
        r'<option value="([^"]+)"', html.split('name="city"')[1].split("</select>")[0]
    )
    assert cities == ["Kleve", "Lippstadt", "Unna"]
