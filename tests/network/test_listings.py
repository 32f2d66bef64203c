"""Partner and fellow overviews: filters in the URL, odd values, pagination, query counts.

The network they list is built by tests/network/conftest.py::network.
"""

from datetime import timedelta

import factory
import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.factories import K3ImageFactory, first_or_create
from network.factories import FellowProfilePageFactory, PartnerPageFactory
from network.models import FellowIndexPage, PartnerIndexPage, ProgramPage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage

from .conftest import titles

pytestmark = pytest.mark.django_db


def test_partner_filters_combine_and_live_in_the_url(client, network):
    url = network.partners.url
    response = client.get(f"{url}?role=cultural-policy&field=archiv")
    assert response.status_code == 200
    assert titles(response) == ["Kulturrat Kleve"]
    html = response.content.decode()
    assert '<option value="cultural-policy" selected>' in html
    assert '<label for="id_field">' in html
    assert titles(client.get(f"{url}?field=archiv")) == ["Kulturrat Kleve", "Medienwerk Unna"]
    assert titles(client.get(f"{url}?city=Unna&role=lead")) == ["Medienwerk Unna"]
    assert client.get(f"{url}?city=Unna&role=consortium").context["page_obj"].object_list == []


ODD_QUERIES = [
    "discipline=unbekannt",
    "cohort=abc",
    "cohort=99999999999999999999999",
    "cohort=-1",
    "program=%00",
    "discipline=%00theater",
    "page=abc",
    "page=999999999999999999999",
    "page=-3",
    "page=%00",
    "cohort=2026&cohort=abc",
    "discipline=tanz&discipline=musik",
    "program=fellowship&program=fellowship&page=1&page=2",
    "%00=%00",
    "discipline=" + "x" * 5000,
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_fellow_index_never_fails_on_odd_values(client, network, query):
    response = client.get(f"{network.fellows.url}?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query", ["role=king", "city=Atlantis", "field=%00", "role=lead&role=%00", "page=1e9"]
)
def test_partner_index_never_fails_on_odd_values(client, network, query):
    assert client.get(f"{network.partners.url}?{query}").status_code == 200


def test_invalid_filter_values_are_ignored_with_a_visible_note(client, network):
    response = client.get(f"{network.fellows.url}?discipline=unbekannt&cohort=abc&program=akademie")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html
    assert "Kunstsparte" in html and "Jahrgang" in html  # the ignored filters are named
    # the valid filter still applies
    shown = response.context["page_obj"].object_list
    assert "Ines Roth" in [fellow.title for fellow in shown]
    assert all(fellow.program.kind == "akademie" for fellow in shown)
    assert response.context["filter_form"].active == {"program": "akademie"}


def test_listing_paginates_and_keeps_filters_in_page_links(client, network, monkeypatch):
    monkeypatch.setattr(FellowIndexPage, "per_page", 2)
    url = network.fellows.url
    response = client.get(f"{url}?program=fellowship")
    page_obj = response.context["page_obj"]
    assert page_obj.paginator.num_pages > 1
    assert len(page_obj.object_list) == 2
    assert 'href="?program=fellowship&amp;page=2"' in response.content.decode()
    last = client.get(f"{url}?program=fellowship&page=99999")
    assert last.context["page_obj"].number == page_obj.paginator.num_pages


def _count_queries(client, url):
    client.get(url)  # renditions are made on the first visit
    # The client's request_started signal clears the query log: start from an empty one so the
    # captured slice is the whole request.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries) > 2  # the capture really saw the request (the page, its items, …)
    return len(queries), len(response.context["page_obj"].object_list)


def test_fellow_index_query_count_does_not_grow_with_items(client, network, monkeypatch):
    monkeypatch.setattr(FellowIndexPage, "per_page", 100)

    def add(count):
        FellowProfilePageFactory.create_batch(
            count,
            parent=network.example,
            program=network.residencies,
            cohort_year=2031,
            portrait=factory_image(),
            disciplines=[network.puppetry],
        )

    url = f"{network.fellows.url}?cohort=2031"
    add(5)
    few, shown_few = _count_queries(client, url)
    add(45)
    many, shown_many = _count_queries(client, url)
    assert (shown_few, shown_many) == (5, 50)
    assert few == many


def test_partner_index_query_count_does_not_grow_with_items(client, network, monkeypatch):
    monkeypatch.setattr(PartnerIndexPage, "per_page", 100)

    def add(count):
        PartnerPageFactory.create_batch(
            count, city="Olpe", logo=factory_image(), fields_of_action=[network.archive]
        )

    url = f"{network.partners.url}?city=Olpe"
    add(5)
    few, shown_few = _count_queries(client, url)
    add(45)
    many, shown_many = _count_queries(client, url)
    assert (shown_few, shown_many) == (5, 50)
    assert few == many


def test_news_index_query_count_does_not_grow_with_items(client, site, monkeypatch):
    index = first_or_create(NewsIndexPageFactory)
    monkeypatch.setattr(index.__class__, "per_page", 100)
    NewsPage.objects.filter(locale=site.de).unpublish()  # the demo's, when it is loaded

    def add(count):
        NewsPageFactory.create_batch(count, parent=index, image=factory_image())

    add(5)
    few, shown_few = _count_queries(client, index.url)
    add(45)
    many, shown_many = _count_queries(client, index.url)
    assert (shown_few, shown_many) == (5, 50)
    assert few == many


def factory_image():
    """A new image per call; each listing item gets its own, so renditions cannot be shared."""
    return factory.LazyFunction(K3ImageFactory)


def test_call_status_follows_the_dates():
    now = timezone.now()
    program = ProgramPage(call_title="Call")
    program.call_opens_at, program.call_deadline = now + timedelta(days=1), now + timedelta(days=9)
    assert program.call_status(now) == "upcoming"
    assert program.call_status(now + timedelta(days=2)) == "open"
    assert program.call_status(now + timedelta(days=10)) == "closed"
    assert ProgramPage(call_title="").call_status(now) is None
