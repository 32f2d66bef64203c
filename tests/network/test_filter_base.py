"""The shared listing-filter base (core/filters.py) and the one pagination include, through HTTP.

These read the demo's fellows and partners (the session demo); they move to factories with the rest.
"""

import re

import pytest

from core.demo import demo_image
from network.models import FellowIndexPage, PartnerIndexPage, PartnerPage
from news.models import NewsIndexPage
from taxonomy.models import FieldOfAction
from tests.pagination import assert_paginated

pytestmark = pytest.mark.django_db


def titles(response):
    return [page.title for page in response.context["page_obj"].object_list]


def _add_partners(index, count, start=0):
    for number in range(start, start + count):
        partner = PartnerPage(
            title=f"Testpartner {number:03d}",
            slug=f"testpartner-{number:03d}",
            city="Testdorf",
            logo=demo_image(f"Test logo {number}", "Testlogo", label="T", seed=number),
        )
        index.add_child(instance=partner)
        partner.fields_of_action.add(*FieldOfAction.objects.filter(slug="transfer"))
        partner.save()


def test_ignored_values_are_named_and_do_not_reach_the_page_links(client, monkeypatch):
    monkeypatch.setattr(FellowIndexPage, "per_page", 2)
    response = client.get("/de/fellows/?discipline=unbekannt&cohort=abc&program=akademie")
    html = response.content.decode()
    assert "„unbekannt“ ist kein gültiger Wert für „Kunstsparte“ und wurde ignoriert." in html
    assert "„abc“ ist kein gültiger Wert für „Jahrgang“ und wurde ignoriert." in html
    assert 'aria-invalid="true" aria-describedby="id_cohort_error"' in html
    assert '<p class="field-note" id="id_cohort_error">' in html
    assert '<option value="akademie" selected>' in html
    assert_paginated(response, "program=akademie")


def test_a_repeated_filter_uses_its_last_value_and_says_so(client):
    response = client.get("/de/fellows/?discipline=musik&discipline=tanz")
    assert response.context["filter_form"].active == {"discipline": "tanz"}
    assert titles(response) == ["Aylin Demir"]
    html = response.content.decode()
    assert "Nur ein Wert je Filter: „Kunstsparte“ zeigt „tanz“." in html
    assert '<option value="tanz" selected>' in html


def test_a_nul_byte_in_a_filter_is_repeated_back_printable(client):
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
    client, monkeypatch, url, index, querystring
):
    if index is PartnerIndexPage:
        _add_partners(PartnerIndexPage.objects.get(locale__language_code="de"), 3)
    monkeypatch.setattr(index, "per_page", 1)
    links = assert_paginated(client.get(url), querystring)
    assert f"{querystring}&page=2".lstrip("&") in links
    separator = "&" if "?" in url else "?"
    second = client.get(f"{url}{separator}page=2")
    assert_paginated(second, querystring, current=2)
    assert second.context["page_obj"].number == 2


def test_filter_options_keep_their_order(client):
    html = client.get("/de/fellows/").content.decode()
    cohorts = re.findall(r'<option value="(\d{4})"', html)
    assert cohorts == sorted(set(cohorts), reverse=True)  # newest cohort first
    assert re.findall(r'<select name="(\w+)"', html) == ["discipline", "program", "cohort"]
    html = client.get("/de/netzwerk/").content.decode()
    assert re.findall(r'<select name="(\w+)"', html) == ["role", "city", "field"]
    roles = re.findall(
        r'<option value="([a-z-]+)"', html.split('name="role"')[1].split("</select>")[0]
    )
    assert roles == ["lead", "consortium", "cultural-policy", "funder"]
    cities = re.findall(
        r'<option value="([^"]+)"', html.split('name="city"')[1].split("</select>")[0]
    )
    assert cities == sorted(cities)
