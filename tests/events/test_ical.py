"""iCalendar downloads and feeds, parsed back with the icalendar library."""

from icalendar import Calendar

from events.choices import EventStatus

from .conftest import berlin


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def test_event_download_is_valid_rfc5545(client, make_event):
    event = make_event("Webinar Recht", berlin(2027, 7, 1, 16), berlin(2027, 7, 1, 18))
    calendar = parse(client.get(event.url + "ical/"))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    [vevent] = vevents(calendar)
    assert str(vevent["SUMMARY"]) == "Webinar Recht"
    assert vevent["DTSTAMP"]
    assert vevent.decoded("DTSTART") == berlin(2027, 7, 1, 16)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent.decoded("DTEND") == berlin(2027, 7, 1, 18)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert vevent["STATUS"] == "CONFIRMED"
    assert "Partner test-alpha" in str(vevent["DESCRIPTION"])
    assert "attachment" in client.get(event.url + "ical/")["Content-Disposition"]


def test_uid_is_stable_across_downloads_and_feed(client, make_event):
    event = make_event("Stabil", berlin(2027, 1, 20, 16))
    first = vevents(parse(client.get(event.url + "ical/")))[0]["UID"]
    second = vevents(parse(client.get(event.url + "ical/")))[0]["UID"]
    feed = parse(client.get("/de/veranstaltungen/ical/"))
    assert first == second
    assert first in [component["UID"] for component in vevents(feed)]


def test_text_with_line_breaks_and_ical_syntax_stays_one_event(client, make_event):
    title = "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected; a, b"
    event = make_event(title, berlin(2027, 1, 20, 16), intro="Line one\nBEGIN:VCALENDAR\\n")
    raw = client.get(event.url + "ical/").content
    lines = raw.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 1 and lines.count(b"END:VEVENT") == 1
    assert not any(line.startswith(b"SUMMARY:Injected") for line in lines)
    [vevent] = vevents(parse(client.get(event.url + "ical/")))
    assert str(vevent["SUMMARY"]) == title.replace("\r\n", "\n")  # CRLF folds to one break
    assert "Line one\nBEGIN:VCALENDAR\\n" in str(vevent["DESCRIPTION"])


def test_cancelled_event_is_cancelled_in_the_feed(client, make_event):
    make_event("Fällt aus", berlin(2027, 1, 21, 16), status=EventStatus.CANCELLED)
    feed = parse(client.get("/de/veranstaltungen/ical/"))
    [vevent] = [v for v in vevents(feed) if "Fällt aus" in str(v["SUMMARY"])]
    assert vevent["STATUS"] == "CANCELLED"
    assert str(vevent["SUMMARY"]).startswith("Abgesagt")


def test_all_day_event_uses_dates(client, make_event):
    event = make_event("Tag", berlin(2027, 3, 30, 9), berlin(2027, 3, 31, 9), all_day=True)
    [vevent] = vevents(parse(client.get(event.url + "ical/")))
    assert str(vevent.decoded("DTSTART")) == "2027-03-30"
    assert str(vevent.decoded("DTEND")) == "2027-04-01"  # exclusive end


def test_feed_applies_the_calendar_filters(client, world, make_event):
    make_event("Mit Thema", berlin(2027, 2, 1, 10), topics=[world.tools], format="online")
    make_event("Ohne Thema", berlin(2027, 2, 1, 10))
    summaries = {
        str(v["SUMMARY"])
        for v in vevents(parse(client.get("/de/veranstaltungen/ical/?topic=test-tools")))
    }
    assert "Mit Thema" in summaries and "Ohne Thema" not in summaries
    assert summaries == {
        str(v["SUMMARY"])
        for v in vevents(
            parse(client.get("/de/veranstaltungen/ical/?topic=test-tools&format=online"))
        )
    }


def test_feed_is_bounded(client, world, make_event, monkeypatch):
    monkeypatch.setattr("events.filters.FEED_LIMIT", 3)
    for day in range(1, 6):
        make_event(f"Viele {day}", berlin(2027, 2, day, 10), topics=[world.copyright])
    make_event("Lange her", berlin(2026, 6, 1, 10), topics=[world.copyright])
    summaries = [
        str(v["SUMMARY"])
        for v in vevents(parse(client.get("/de/veranstaltungen/ical/?topic=test-recht")))
    ]
    assert summaries == ["Viele 1", "Viele 2", "Viele 3"]


def test_feed_is_in_the_readers_language(client, english_calendar):
    english = vevents(parse(client.get("/en/events/ical/")))
    german = vevents(parse(client.get("/de/veranstaltungen/ical/")))
    assert any("AI consultation hour" in str(v["SUMMARY"]) for v in english)
    assert not any("KI-Sprechstunde" in str(v["SUMMARY"]) for v in english)
    assert any("KI-Sprechstunde" in str(v["SUMMARY"]) for v in german)
