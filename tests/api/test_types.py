"""Partners, programs and news: their own fields, and the partner overview's filters."""

import datetime

import pytest

from core.factories import K3ImageFactory, translate
from network.choices import PartnerRole
from network.factories import PartnerPageFactory, ProgramPageFactory
from news.factories import NewsPageFactory
from taxonomy.factories import FieldOfActionFactory

pytestmark = pytest.mark.django_db

PARTNERS = "/api/v1/partners/"


@pytest.fixture
def partners(site):
    field = FieldOfActionFactory(locale=site.de, name="Vermittlung", slug="vermittlung")
    translate(field, "en", name="Outreach")
    return {
        "theater": PartnerPageFactory(
            title="Theater Testdorf",
            city="Testdorf",
            role=PartnerRole.LEAD,
            fields_of_action=[field],
            logo=K3ImageFactory(credit="Logo: Theater"),
            website="https://theater.example",
        ),
        "museum": PartnerPageFactory(
            title="Museum Teststadt", city="Teststadt", role=PartnerRole.CONSORTIUM
        ),
    }


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Museum Teststadt", "Theater Testdorf"]),
        ({"role": "lead"}, ["Theater Testdorf"]),
        ({"city": "Teststadt"}, ["Museum Teststadt"]),
        ({"field": "vermittlung"}, ["Theater Testdorf"]),
    ],
)
def test_partners_by_name_with_the_overviews_filters(client, partners, params, expected):
    assert titles(client.get(PARTNERS, params)) == expected


@pytest.mark.parametrize("params", [{"role": "sponsor"}, {"city": "Atlantis"}, {"field": "x"}])
def test_a_partner_filter_value_not_offered_is_a_400(client, partners, params):
    response = client.get(PARTNERS, params)
    assert response.status_code == 400
    assert list(response.json()) == list(params)


def test_a_partner_carries_role_city_fields_and_logo(client, partners):
    theater = partners["theater"]
    item = client.get(f"{PARTNERS}{theater.pk}/").json()
    assert (item["role"], item["city"], item["website"]) == (
        "lead",
        "Testdorf",
        "https://theater.example",
    )
    assert item["fields_of_action"] == [{"slug": "vermittlung", "name": "Vermittlung"}]
    assert item["logo"]["alt"] == "Theater Testdorf"  # a logo's alt text is the name
    assert item["logo"]["credit"] == "Logo: Theater"
    english = translate(theater, "en", title="Theatre Testdorf", slug="theatre-testdorf")
    item = client.get(f"{PARTNERS}{english.pk}/").json()
    assert item["fields_of_action"] == [{"slug": "vermittlung", "name": "Outreach"}]
    assert (item["logo"]["alt"], item["logo"]["alt_language"]) == ("Theatre Testdorf", "en")


def test_a_program_carries_its_call_for_applications(client, site):
    with_call = ProgramPageFactory(title="Fellowship", open_call=True)
    without = ProgramPageFactory(title="Akademie")
    items = {i["id"]: i for i in client.get("/api/v1/programs/").json()["results"]}
    call = items[with_call.pk]["call"]
    assert (call["title"], call["status"]) == ("Ausschreibung", "open")
    assert call["deadline"] and call["opens_at"]
    assert items[without.pk]["call"] is None
    assert items[with_call.pk]["kind"] == "fellowship"


def test_news_newest_first_with_date_and_teaser(client, site):
    older = NewsPageFactory(title="Älter", date=datetime.date(2026, 3, 1), teaser="Früher.")
    newer = NewsPageFactory(title="Neuer", date=datetime.date(2026, 4, 1))
    results = client.get("/api/v1/news/").json()["results"]
    assert [item["id"] for item in results] == [newer.pk, older.pk]
    assert (results[1]["date"], results[1]["teaser"]) == ("2026-03-01", "Früher.")
    assert results[1]["summary"] == "Früher."
