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
