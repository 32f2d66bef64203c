"""Partner and fellow overviews: filters in the URL, odd values, pagination, query counts."""

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from core.demo import demo_image
from home.models import NewsIndexPage, NewsPage
from network.models import (
    ArtDiscipline,
    FellowIndexPage,
    FellowProfilePage,
    FieldOfAction,
    PartnerIndexPage,
    PartnerPage,
    ProgramPage,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["page_obj"].object_list]


def test_partner_index_lists_partners_and_says_examples_are_invented(client):
    html = client.get("/de/netzwerk/").content.decode()
    assert "Beispiel-Kunsthaus Bochum" in html
    assert "erfundene Demo-Institutionen" in html
    english = client.get("/en/network/").content.decode()
    assert "invented demo institutions" in english


def test_partner_filters_combine_and_live_in_the_url(client):
    response = client.get("/de/netzwerk/?role=cultural-policy&field=transfer")
    assert response.status_code == 200
    assert titles(response) == ["Kulturrat NRW"]
    html = response.content.decode()
    assert '<option value="cultural-policy" selected>' in html
    assert '<label for="id_field">' in html
    response = client.get("/de/netzwerk/?city=Dortmund&role=lead")
    assert titles(response) == ["Akademie für Theater und Digitalität"]
    assert (
        client.get("/de/netzwerk/?city=Dortmund&role=funder").context["page_obj"].object_list == []
    )


def test_partner_filter_by_field_works_in_english_with_the_same_slug(client):
    response = client.get("/en/network/?field=vermittlung")
    names = titles(response)
    assert "Kulturrat NRW" in names
    assert "(Cultural-policy) mediation" in response.content.decode()


def test_fellow_filters_combine(client):
    response = client.get("/de/fellows/?program=akademie&cohort=2027")
    names = titles(response)
    assert names and all(
        fellow.cohort_year == 2027 and fellow.program.kind == "akademie"
        for fellow in response.context["page_obj"].object_list
    )
    response = client.get("/de/fellows/?discipline=tanz&program=fellowship&cohort=2026")
    assert titles(response) == ["Aylin Demir"]
    english = client.get("/en/fellows/?discipline=tanz")
    assert titles(english) == ["Aylin Demir"]
    assert "Dance" in english.content.decode()


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
def test_fellow_index_never_fails_on_odd_values(client, query):
    response = client.get(f"/de/fellows/?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query", ["role=king", "city=Atlantis", "field=%00", "role=lead&role=%00", "page=1e9"]
)
def test_partner_index_never_fails_on_odd_values(client, query):
    assert client.get(f"/de/netzwerk/?{query}").status_code == 200


def test_invalid_filter_values_are_ignored_with_a_visible_note(client):
    response = client.get("/de/fellows/?discipline=unbekannt&cohort=abc&program=akademie")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html
    assert "Kunstsparte" in html and "Jahrgang" in html  # the ignored filters are named
    # the valid filter still applies
    assert all(f.program.kind == "akademie" for f in response.context["page_obj"].object_list)
    assert response.context["active_filters"] == {"program": "akademie"}


def test_listing_paginates_and_keeps_filters_in_page_links(client, monkeypatch):
    monkeypatch.setattr(FellowIndexPage, "per_page", 3)
    response = client.get("/de/fellows/?program=fellowship")
    page_obj = response.context["page_obj"]
    assert page_obj.paginator.num_pages > 1
    assert len(page_obj.object_list) == 3
    assert 'href="?program=fellowship&amp;page=2"' in response.content.decode()
    last = client.get("/de/fellows/?program=fellowship&page=99999")
    assert last.context["page_obj"].number == page_obj.paginator.num_pages


def _add_fellows(partner, program, count, start=0):
    discipline = ArtDiscipline.objects.get(slug="musik", locale__language_code="de")
    for number in range(start, start + count):
        fellow = FellowProfilePage(
            title=f"Testfellow {number:03d}",
            slug=f"testfellow-{number:03d}",
            cohort_year=2030,
            program=program,
            portrait=demo_image(f"Test portrait {number}", "Testbild", seed=number, kind="avatar"),
            project_title="Testprojekt",
        )
        partner.add_child(instance=fellow)
        fellow.disciplines.add(discipline)
        fellow.save()


def _add_partners(index, count, start=0):
    for number in range(start, start + count):
        partner = PartnerPage(
            title=f"Testpartner {number:03d}",
            slug=f"testpartner-{number:03d}",
            city="Testdorf",
            is_example=True,
            logo=demo_image(f"Test logo {number}", "Testlogo", label="T", seed=number),
        )
        index.add_child(instance=partner)
        partner.fields_of_action.add(*FieldOfAction.objects.filter(slug="transfer"))
        partner.save()


def _count_queries(client, url):
    client.get(url)  # renditions are made on the first visit
    # The client's request_started signal clears the query log: start from an empty one so the
    # captured slice is the whole request.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries) > 5  # the capture really saw the request
    return len(queries), len(response.context["page_obj"].object_list)


def test_fellow_index_query_count_does_not_grow_with_items(client, monkeypatch):
    monkeypatch.setattr(FellowIndexPage, "per_page", 100)
    partner = PartnerPage.objects.get(slug="beispiel-kunsthaus-bochum", locale__language_code="de")
    program = ProgramPage.objects.get(slug="ki-fellowships", locale__language_code="de")
    _add_fellows(partner, program, 5)
    few, shown_few = _count_queries(client, "/de/fellows/?cohort=2030")
    _add_fellows(partner, program, 45, start=5)
    many, shown_many = _count_queries(client, "/de/fellows/?cohort=2030")
    assert (shown_few, shown_many) == (5, 50)
    assert few == many


def test_partner_index_query_count_does_not_grow_with_items(client, monkeypatch):
    monkeypatch.setattr(PartnerIndexPage, "per_page", 100)
    index = PartnerIndexPage.objects.get(locale__language_code="de")
    _add_partners(index, 5)
    few, shown_few = _count_queries(client, "/de/netzwerk/?city=Testdorf")
    _add_partners(index, 45, start=5)
    many, shown_many = _count_queries(client, "/de/netzwerk/?city=Testdorf")
    assert (shown_few, shown_many) == (5, 50)
    assert few == many


def test_news_index_query_count_does_not_grow_with_items(client, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 100)
    index = NewsIndexPage.objects.get(locale__language_code="de")
    NewsPage.objects.filter(locale__language_code="de").unpublish()

    def add(count, start=0):
        for number in range(start, start + count):
            index.add_child(
                instance=NewsPage(
                    title=f"Testmeldung {number}",
                    slug=f"testmeldung-{number}",
                    date="2026-05-01",
                    teaser="Kurz",
                    image=demo_image(
                        f"Test news {number}", "Testbild", seed=number, kind="picture"
                    ),
                )
            )

    add(5)
    few, shown_few = _count_queries(client, "/de/aktuelles/")
    add(45, start=5)
    many, shown_many = _count_queries(client, "/de/aktuelles/")
    assert (shown_few, shown_many) == (5, 50)
    assert few == many


def test_program_page_shows_call_status_and_its_fellows(client):
    html = client.get("/de/programme/ki-akademie/").content.decode()
    assert "Bewerbung offen" in html or "Open for applications" in html
    assert "Tariq Hassan" in html
    assert "Mara Lindqvist" not in html  # a KI-Fellow, not an Akademie participant
    assert "{# upcoming events" not in html
    fellowships = client.get("/en/programs/ki-fellowships/").content.decode()
    assert "Mara Lindqvist" in fellowships


def test_partner_page_lists_its_fellows_and_news(client):
    html = client.get("/de/netzwerk/akademie-fuer-theater-und-digitalitaet/").content.decode()
    assert "Mara Lindqvist" in html and "Tariq Hassan" in html
    assert "K3 geht an den Start" in html  # names the partner
    english = client.get("/en/network/kulturrat-nrw/").content.decode()
    assert "Kulturrat NRW: advisory experience for the network" in english  # its own news
    assert "K3 gets going" in english


def test_example_partner_page_says_it_is_invented(client):
    html = client.get("/de/netzwerk/beispiel-kunsthaus-bochum/").content.decode()
    assert "erfundene Beispielinstitution" in html
    real = client.get("/de/netzwerk/kulturrat-nrw/").content.decode()
    assert "erfundene Beispielinstitution" not in real


def test_call_status_follows_the_dates():
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    program = ProgramPage(call_title="Call")
    program.call_opens_at, program.call_deadline = now + timedelta(days=1), now + timedelta(days=9)
    assert program.call_status(now) == "upcoming"
    assert program.call_status(now + timedelta(days=2)) == "open"
    assert program.call_status(now + timedelta(days=10)) == "closed"
    assert ProgramPage(call_title="").call_status(now) is None


def test_snippet_names_follow_the_reader_and_slugs_stay_equal():
    german = ArtDiscipline.objects.get(slug="tanz", locale__language_code="de")
    english = german.get_translation(german.locale.__class__.objects.get(language_code="en"))
    assert (german.name, english.name) == ("Tanz", "Dance")
    assert english.slug == german.slug
    fellows = FellowProfilePage.objects.filter(disciplines__slug="tanz")
    assert fellows.filter(locale__language_code="en").exists()
