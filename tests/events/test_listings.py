"""Program, partner and home pages show their upcoming events (the same queryset methods)."""

import json

from .conftest import berlin


def test_partner_page_shows_led_and_co_organised_upcoming_events(client, world, make_event):
    make_event("Eigene Veranstaltung", berlin(2027, 2, 1, 10), parent=world.alpha)
    make_event("Gemeinsame Veranstaltung", berlin(2027, 2, 2, 10), parent=world.beta,
               co_organisers=[world.alpha])  # fmt: skip
    make_event("Vergangene Veranstaltung", berlin(2026, 2, 2, 10), parent=world.alpha)
    make_event("Fremde Veranstaltung", berlin(2027, 2, 2, 10), parent=world.beta)
    html = client.get(world.alpha.url).content.decode()
    assert "Eigene Veranstaltung" in html and "Gemeinsame Veranstaltung" in html
    assert "Vergangene Veranstaltung" not in html and "Fremde Veranstaltung" not in html


def test_program_page_shows_its_upcoming_events(client, world, make_event):
    make_event("Akademie-Termin", berlin(2027, 2, 1, 10), program=world.academy)
    make_event("Webinar-Termin", berlin(2027, 2, 1, 10), program=world.education)
    html = client.get(world.academy.url).content.decode()
    assert "Akademie-Termin" in html and "Webinar-Termin" not in html


def test_home_page_section_shows_as_many_events_as_editors_chose(client, world, make_event):
    for day in range(1, 6):
        make_event(f"Termin {day}", berlin(2027, 2, day, 10))
    home = world.home
    home.sections = json.dumps(
        [{"type": "upcoming_events", "value": {"heading": "Nächste Termine", "count": 2}}]
    )
    home.save_revision().publish()
    html = client.get("/de/").content.decode()
    assert "Nächste Termine" in html
    assert "Termin 1" in html and "Termin 2" in html and "Termin 3" not in html


def test_an_event_leaves_the_partner_page_when_it_ends_without_an_edit(
    client, world, make_event, monkeypatch
):
    """The partner's upcoming events are rendered once and kept until content changes or the
    first event shown ends (core.lookup_cache.cached_fragment); the events' clock and the
    fragments' clock move together here."""

    def clock_at(moment):
        monkeypatch.setattr("events.models.current_time", lambda: moment)
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    make_event("Bald vorbei", berlin(2027, 1, 15, 12), berlin(2027, 1, 15, 13), parent=world.alpha)
    make_event("Später", berlin(2027, 2, 1, 10), parent=world.alpha)
    clock_at(berlin(2027, 1, 15, 12, 30))
    for _request in range(2):
        html = client.get(world.alpha.url).content.decode()
        assert "Bald vorbei" in html and "Später" in html

    clock_at(berlin(2027, 1, 15, 13, 1))
    html = client.get(world.alpha.url).content.decode()
    assert "Bald vorbei" not in html and "Später" in html


def test_an_edit_shows_in_the_partner_pages_events_on_the_next_request(client, world, make_event):
    event = make_event("Erster Titel", berlin(2027, 2, 1, 10), parent=world.alpha)
    assert "Erster Titel" in client.get(world.alpha.url).content.decode()
    event.title = "Zweiter Titel"
    event.save_revision().publish()
    html = client.get(world.alpha.url).content.decode()
    assert ">Zweiter Titel</a>" in html and ">Erster Titel</a>" not in html


def test_the_calendars_cards_and_form_follow_a_venue_edit_and_keep_notes_to_their_reader(
    client, world, make_event
):
    """Cards and filter form are rendered once per page of events and per filters
    (events_tags.event_cards, calendar_filter_form), until a page, venue, topic or series
    changes; a query with a value not recognised gets its own note, never someone else's."""
    make_event("Im Testsaal", berlin(2027, 2, 1, 10))
    url = world.calendar.url
    for _request in range(2):
        html = client.get(url).content.decode()
        assert "Im Testsaal" in html and "Testhausen" in html

    venue = world.bochum
    venue.city = "Neustadt"
    venue.save()
    html = client.get(url).content.decode()
    assert "Neustadt" in html and " · Testhausen" not in html

    note = "wurde ignoriert"
    assert note in client.get(url, {"format": "unbekannt"}).content.decode()
    assert note not in client.get(url).content.decode()
    assert note in client.get(url, {"format": "unbekannt"}).content.decode()
