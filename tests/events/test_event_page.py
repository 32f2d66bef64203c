"""The event page: status, facts and schema.org JSON-LD."""

from decimal import Decimal

from core.factories import translate
from events.choices import EventStatus
from events.factories import VenueFactory
from events.models import EventSeries
from tests.structured_data import json_ld_of_type

from .conftest import berlin


def json_ld(response):
    return json_ld_of_type(response, "Event")


def test_in_person_event(client, world, make_event):
    event = make_event(
        "Werkstatt",
        berlin(2027, 2, 1, 10),
        berlin(2027, 2, 1, 16),
        fee=Decimal("25"),
        event_language="de-en",
        co_organisers=[world.beta],
    )
    data = json_ld(client.get(event.url))
    assert data["@type"] == "Event"
    assert data["name"] == "Werkstatt"
    assert data["startDate"] == "2027-02-01T10:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Testhausen"
    assert [o["name"] for o in data["organizer"]] == ["Partner test-alpha", "Partner test-beta"]
    assert data["offers"]["price"] == "25.00" and data["offers"]["priceCurrency"] == "EUR"
    assert data["inLanguage"] == ["de", "en"]
    assert "postalCode" not in data["location"]["address"]  # the test venue has none


def test_venue_address_as_on_an_envelope(client, world, make_event):
    venue = world.bochum
    venue.address, venue.postcode = "Hauptstraße 1\nHinterhaus", "44787"
    venue.save()
    event = make_event("Adresse", berlin(2027, 2, 1, 10))
    response = client.get(event.url)
    assert "Hauptstraße 1<br>Hinterhaus<br>44787 Testhausen" in response.content.decode()
    address = json_ld(response)["location"]["address"]
    assert address["postalCode"] == "44787"
    assert address["streetAddress"] == "Hauptstraße 1 Hinterhaus"
    assert address["addressLocality"] == "Testhausen"


def test_online_cancelled_free_event(client, make_event):
    event = make_event(
        "Abgesagtes Webinar",
        berlin(2027, 2, 1, 10),
        format="online",
        online_url="https://example.org/live",
        status=EventStatus.CANCELLED,
        status_note="Krankheit",
        event_language="en",
    )
    response = client.get(event.url)
    data = json_ld(response)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert "offers" not in data and data["isAccessibleForFree"] is True
    assert data["inLanguage"] == "en"
    html = response.content.decode()
    assert 'class="event-status-banner event-status-banner--cancelled"' in html
    assert "Abgesagt" in html and "Krankheit" in html


def test_hybrid_event_has_both_locations(client, make_event):
    event = make_event("Hybrid", berlin(2027, 2, 1, 10), format="hybrid")
    data = json_ld(client.get(event.url))
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]


def test_json_ld_cannot_close_its_script_element(client, make_event):
    event = make_event("</script><script>alert(1)</script>", berlin(2027, 2, 1, 10))
    response = client.get(event.url)
    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == "</script><script>alert(1)</script>"


def test_series_dates_link_to_each_other(client, world, make_event):
    series = EventSeries.objects.create(locale=world.german, title="Reihe X")
    first = make_event("Teil 1", berlin(2027, 2, 1, 10), series=series)
    second = make_event("Teil 2", berlin(2027, 3, 1, 10), series=series)
    html = client.get(first.url).content.decode()
    assert "Reihe X" in html and f'href="{second.url}"' in html


def test_page_links_its_ical_file(client, make_event):
    event = make_event("Mit Datei", berlin(2027, 2, 1, 10))
    html = client.get(event.url).content.decode()
    assert '<link rel="alternate" type="text/calendar"' in html
    assert f'href="{event.url}ical/"' in html


def test_translated_venue_keeps_the_postcode(site):
    # Translated with wagtail-localize: the postcode is synchronised, not translated.
    german = VenueFactory(
        name="Beispielhaus der Künste", address="Domplatz 1", postcode="50667", city="Köln"
    )
    english = translate(german, "en", name="Example House of the Arts", city="Cologne")
    assert (english.name, english.city) == ("Example House of the Arts", "Cologne")
    assert english.postcode == german.postcode == "50667"
    assert english.locality == "50667 Cologne"

    german.postcode = "50668"
    german.save()
    translate(german, "en")  # the next synchronisation carries the new postcode over
    english.refresh_from_db()
    assert english.postcode == "50668"
