"""/api/v1/events/: the calendar's filters with the calendar's answers, bad values as 400, and
what each event carries."""

from urllib.parse import parse_qsl

import pytest

from core.factories import K3ImageFactory, translate
from tests.events.test_calendar import shared_catalogue  # noqa: F401 (a fixture)
from tests.events.test_calendar import titles as calendar_titles

from .conftest import berlin

URL = "/api/v1/events/"
CALENDAR = "/de/veranstaltungen/"


@pytest.fixture
def catalogue(shared_catalogue, world):  # noqa: F811
    """The calendar tests' eight events (tests/events/test_calendar.py)."""
    return shared_catalogue


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_upcoming_by_default_soonest_first_and_the_past_latest_first(client, catalogue):
    upcoming = titles(client.get(URL))
    assert "Past Event" not in upcoming
    assert upcoming.index("Plain Event") < upcoming.index("Online Event")
    assert upcoming.index("Online Event") < upcoming.index("Bilingual Event")
    assert titles(client.get(URL, {"period": "past", "topic": "test-tools"})) == ["Past Event"]


@pytest.mark.parametrize(
    "query",
    [
        "program=test-akademie",
        "format=online",
        "format=hybrid",
        "topic=test-tools",
        "partner=test-beta",
        "city=Testburg",
        "city=testburg",
        "month=2027-03&partner=test-alpha",
        "language=en",
        "topic=test-tools&format=hybrid",
        "topic=test-tools&month=2027-02",
        "partner=test-alpha&language=de&format=online",
        "program=test-akademie&city=Testhausen",
        "month=2035-01",
        "topic=",  # blank: no filter, as on the calendar
    ],
)
def test_filters_give_what_the_calendar_shows(client, catalogue, query):
    params = dict(parse_qsl(query, keep_blank_values=True))
    assert set(titles(client.get(URL, params))) == calendar_titles(client.get(CALENDAR, params))


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("topic=does-not-exist", "topic"),
        ("program=nope", "program"),
        ("partner=nope", "partner"),
        ("city=Atlantis", "city"),
        ("language=fr", "language"),
        ("format=zoom", "format"),
        ("month=2026-13", "month"),
        ("month=99999-01", "month"),
        ("month=%00", "month"),
        ("topic=a%00b", "topic"),
        ("city=%ED%A0%80", "city"),
        ("topic=" + "ä" * 3000, "topic"),
        ("topic=test-tools&topic=test-recht", "topic"),
        ("period=soon", "period"),
        ("period=past&period=upcoming", "period"),
        ("lang=fr", "lang"),
    ],
)
def test_a_value_the_calendar_does_not_offer_is_a_400_naming_the_parameter(
    client, catalogue, query, parameter
):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [parameter]
    assert errors[parameter][0]


def test_the_message_names_the_value_and_what_is_valid(client, catalogue):
    errors = client.get(URL, {"format": "zoom", "month": "2026-13"}).json()
    assert "zoom" in errors["format"][0]
    assert "in-person, online, hybrid" in errors["format"][0]
    assert "2026-13" in errors["month"][0] and "YYYY-MM" in errors["month"][0]
    # The same value twice is one value.
    assert client.get(URL, {"format": ["online", "online"]}).status_code == 200


def test_unknown_parameters_are_ignored(client, catalogue):
    assert set(titles(client.get(URL, {"when": "x", "q": "y" * 5000}))) == set(
        titles(client.get(URL))
    )


def test_an_event_carries_its_dates_place_program_topics_organiser_and_image(
    client, world, make_event
):
    event = make_event(
        "Werkstatt Recht",
        berlin(2027, 2, 3, 16),
        berlin(2027, 2, 3, 18),
        program=world.academy,
        topics=[world.copyright],
        image=K3ImageFactory(credit="Foto: Jana Beispiel", description="Ein Saal"),
        fee="12.50",
    )
    item = client.get(f"{URL}{event.pk}/").json()
    assert item["title"] == "Werkstatt Recht"
    assert item["url"] == f"http://testserver{event.url}"
    assert item["start"] == "2027-02-03T16:00:00+01:00"
    assert item["end"] == "2027-02-03T18:00:00+01:00"
    assert (item["format"], item["status"], item["event_language"]) == (
        "in-person",
        "scheduled",
        "de",
    )
    assert item["venue"]["city"] == "Testhausen"
    assert item["program"] == {"slug": "test-akademie", "title": "Programm test-akademie"}
    assert item["topics"] == [{"slug": "test-recht", "name": "Testrecht"}]
    assert item["lead_organiser"] == {"title": "Partner test-alpha", "city": "Bochum"}
    assert item["fee"] == "12.50"
    image = item["image"]
    assert image["url"].startswith("http://testserver/media/")
    assert (image["alt"], image["alt_language"], image["credit"]) == (
        "Ein Saal",
        "de",
        "Foto: Jana Beispiel",
    )
    assert image["width"] and image["height"]
    assert (image["licence"], image["licence_url"]) == (
        "cc-by-4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    listed = client.get(URL, {"topic": "test-recht"}).json()["results"]
    assert listed == [item]


def test_english_events_use_the_english_calendar_options(client, world, make_event):
    event = make_event("KI-Sprechstunde", berlin(2027, 2, 3, 16), program=world.academy)
    english = translate(event, "en", title="AI consultation hour", slug="ai-consultation-hour")
    translate(world.academy, "en", title="Academy", slug="academy")
    results = client.get(URL, {"lang": "en", "program": "academy"}).json()["results"]
    assert [item["id"] for item in results] == [english.pk]
    assert results[0]["program"] == {"slug": "academy", "title": "Academy"}
    assert results[0]["content_language"] == "en"
    # The German slug is no English program.
    assert client.get(URL, {"lang": "en", "program": "test-akademie"}).status_code == 400
