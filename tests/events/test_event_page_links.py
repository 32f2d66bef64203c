"""Issue 15: an event's picture on its cards (listing image first) and page, a plain link to the
venue on OpenStreetMap, and a way back to the calendar of the reader's language."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import K3ImageFactory
from events.factories import VenueFactory

from .conftest import berlin

CALENDAR = "/de/veranstaltungen/"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_of(page, title):
    [card] = [card for card in page.select(".event-card") if title in card.get_text()]
    return card


def test_card_shows_the_listing_image_and_the_page_its_image(client, make_event):
    teaser = K3ImageFactory(description="Teaserbild", credit="Grafik: Teaser")
    header = K3ImageFactory(description="Kopfbild", credit="Foto: Kopf")
    event = make_event("Zwei Bilder", berlin(2027, 2, 3, 18), image=header, listing_image=teaser)

    card = card_of(soup(client.get(CALENDAR)), "Zwei Bilder")
    assert card.select_one("img")["alt"] == "Teaserbild"
    assert "Grafik: Teaser" in card.select_one("figcaption").get_text()
    assert card.select('a[rel="license"]') == []

    header_html = soup(client.get(event.url)).select_one(".event__header")
    assert header_html.select_one("img")["alt"] == "Kopfbild"
    assert header_html.select_one('figure a[rel="license"]') is not None  # with its licence


def test_each_image_stands_in_for_the_other(client, make_event):
    only_teaser = make_event(
        "Nur Teaser", berlin(2027, 2, 3, 18), listing_image=K3ImageFactory(description="Teaser")
    )
    make_event("Nur Kopf", berlin(2027, 2, 4, 18), image=K3ImageFactory(description="Kopf"))

    calendar = soup(client.get(CALENDAR))
    assert card_of(calendar, "Nur Teaser").select_one("img")["alt"] == "Teaser"
    assert card_of(calendar, "Nur Kopf").select_one("img")["alt"] == "Kopf"
    header = soup(client.get(only_teaser.url)).select_one(".event__header")
    assert header.select_one("img")["alt"] == "Teaser"


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(CALENDAR).status_code == 200
    return len(queries)


def test_calendar_query_count_does_not_grow_with_listing_images(client, make_event):
    # Both images on some events, one of them on others: each kind costs a query, not each event.
    for number in range(3):
        make_event(
            f"Teaser {number}",
            berlin(2027, 5, 1 + number, 10),
            listing_image=K3ImageFactory(),
            image=K3ImageFactory() if number == 0 else None,
        )
    _queries(client)  # makes the renditions and warms the caches
    three = _queries(client)
    for number in range(9):
        make_event(
            f"Mehr {number}",
            berlin(2027, 5, 5, 10 + number),
            listing_image=K3ImageFactory() if number % 2 else None,
            image=K3ImageFactory(),
        )
    _queries(client)
    twelve = _queries(client)
    assert twelve == three


def test_venue_links_to_an_address_search_on_openstreetmap(client, world, make_event):
    venue = VenueFactory(
        locale=world.german,
        name="Probebühne",
        address="Hafenstraße 7\nHinterhaus",
        postcode="44147",
        city="Dortmund",
    )
    event = make_event("Vor Ort", berlin(2027, 2, 3, 18), venue=venue)

    page = soup(client.get(event.url))
    [link] = page.select('a[href^="https://www.openstreetmap.org/"]')
    assert link["href"] == (
        "https://www.openstreetmap.org/search?query="
        "Hafenstra%C3%9Fe+7%2C+Hinterhaus%2C+44147+Dortmund"
    )
    assert link.get("target") is None  # the same tab
    assert link.select_one(".visually-hidden") is not None  # says it leaves the site
    assert page.select("iframe") == []  # nothing loaded from OpenStreetMap


def test_online_event_has_no_map_link(client, make_event):
    event = make_event("Im Netz", berlin(2027, 2, 3, 18), format="online", online_access="Zoom")
    assert "openstreetmap" not in client.get(event.url).content.decode()


def test_event_below_a_partner_leads_back_to_the_calendar_of_its_language(client, english_calendar):
    german = soup(client.get(english_calendar.event_de.url))
    [back] = german.select(".back-link a")
    assert back["href"] == CALENDAR

    english = soup(client.get(english_calendar.event_en.url))
    [back] = english.select(".back-link a")
    assert back["href"] == "/en/events/"
    assert back.get_text() == "Back to the calendar"


def test_english_venue_link_text(client, world, english_calendar):
    from core.factories import translate

    translate(world.bochum, "en")
    english = soup(client.get(english_calendar.event_en.url))
    [link] = english.select('a[href^="https://www.openstreetmap.org/search?query="]')
    assert link.get_text(" ", strip=True) == "Map on OpenStreetMap (external website)"
