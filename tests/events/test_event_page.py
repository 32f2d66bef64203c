"""The event page: status, facts and schema.org JSON-LD."""

import json
import re
from decimal import Decimal

from events.models import EventSeries, EventStatus

from .conftest import berlin


def json_ld(response):
    assert response.status_code == 200
    html = response.content.decode()
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(data)


def test_in_person_event(client, world, make_event):
    event = make_event(
        "Werkstatt",
        berlin(2031, 2, 1, 10),
        berlin(2031, 2, 1, 16),
        fee=Decimal("25"),
        event_language="de-en",
        co_organisers=[world["beta"]],
    )
    data = json_ld(client.get(event.url))
    assert data["@type"] == "Event"
    assert data["name"] == "Werkstatt"
    assert data["startDate"] == "2031-02-01T10:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Testhausen"
    assert [o["name"] for o in data["organizer"]] == ["Partner test-alpha", "Partner test-beta"]
    assert data["offers"]["price"] == "25.00" and data["offers"]["priceCurrency"] == "EUR"
    assert data["inLanguage"] == ["de", "en"]


def test_online_cancelled_free_event(client, make_event):
    event = make_event(
        "Abgesagtes Webinar",
        berlin(2031, 2, 1, 10),
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
    event = make_event("Hybrid", berlin(2031, 2, 1, 10), format="hybrid")
    data = json_ld(client.get(event.url))
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]


def test_json_ld_cannot_close_its_script_element(client, make_event):
    event = make_event("</script><script>alert(1)</script>", berlin(2031, 2, 1, 10))
    response = client.get(event.url)
    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == "</script><script>alert(1)</script>"


def test_series_dates_link_to_each_other(client, world, make_event):
    series = EventSeries.objects.create(locale=world["german"], title="Reihe X")
    first = make_event("Teil 1", berlin(2031, 2, 1, 10), series=series)
    second = make_event("Teil 2", berlin(2031, 3, 1, 10), series=series)
    html = client.get(first.url).content.decode()
    assert "Reihe X" in html and f'href="{second.url}"' in html


def test_page_links_its_ical_file(client, make_event):
    event = make_event("Mit Datei", berlin(2031, 2, 1, 10))
    html = client.get(event.url).content.decode()
    assert '<link rel="alternate" type="text/calendar"' in html
    assert f'href="{event.url}ical/"' in html
