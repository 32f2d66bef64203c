"""Issue 13: an event's image, with its alt text and credit, on its cards and its page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import K3ImageFactory

from .conftest import berlin

CALENDAR = "/de/veranstaltungen/"


def test_image_shows_on_the_calendar_card_with_alt_text_and_credit(client, make_event):
    image = K3ImageFactory(description="Publikum im Saal", credit="Foto: Jana Beispiel")
    make_event("Bildabend", berlin(2027, 2, 3, 18), image=image)

    html = client.get(CALENDAR).content.decode()

    card = html[html.index('class="card event-card') :]
    card = card[: card.index("</li>")]
    assert 'alt="Publikum im Saal"' in card
    assert "Foto: Jana Beispiel" in card
    assert "Bildabend" in card


def test_image_shows_in_the_event_page_header(client, make_event):
    image = K3ImageFactory(description="Bühne mit Projektion", credit="Foto: K3")
    event = make_event("Projektion", berlin(2027, 2, 3, 18), image=image)

    html = client.get(event.url).content.decode()

    header = html[html.index('class="event__header"') :]
    header = header[: header.index("</header>")]
    assert 'alt="Bühne mit Projektion"' in header
    assert "Foto: K3" in header


def test_image_shows_on_the_partner_pages_event_list(client, world, make_event):
    image = K3ImageFactory(description="Werkstatt mit Robotern")
    make_event("Werkstatt", berlin(2027, 2, 3, 18), image=image, parent=world.alpha)

    html = client.get(world.alpha.url).content.decode()

    section = html[html.index('class="upcoming-events"') :]
    assert 'alt="Werkstatt mit Robotern"' in section[: section.index("</section>")]


def test_event_without_image_has_no_figure(client, make_event):
    make_event("Ohne Bild", berlin(2027, 2, 3, 18))

    html = client.get(CALENDAR).content.decode()

    assert "<figure" not in html[html.index('class="card event-card') :]


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(CALENDAR).status_code == 200
    return len(queries)


def test_calendar_query_count_does_not_grow_with_event_images(client, make_event):
    for number in range(3):
        make_event(f"Bild {number}", berlin(2027, 5, 1 + number, 10), image=K3ImageFactory())
    _queries(client)  # makes the renditions and warms the caches
    three = _queries(client)
    for number in range(9):
        make_event(f"Mehr {number}", berlin(2027, 5, 5, 10 + number), image=K3ImageFactory())
    _queries(client)
    twelve = _queries(client)
    assert twelve == three
