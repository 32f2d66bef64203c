"""Issue 13: partner editors add venues and change their own; K3 Redaktion changes every venue."""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from core.factories import locale
from editorial.factories import moderator, partner_editor
from events.factories import VenueFactory
from events.models import Venue
from network.factories import PartnerPageFactory
from tests.browser import with_password

pytestmark = pytest.mark.django_db

VENUE_FORM = {
    "name": "Probenraum am Hafen",
    "address": "Hafenstraße 3",
    "postcode": "46483",
    "city": "Wesel",
    "accessibility_notes": "Ebenerdiger Zugang.",
}


def url(action, *args):
    return reverse(Venue.snippet_viewset.get_url_name(action), args=args)


@pytest.fixture
def partners(site):
    return (
        PartnerPageFactory(title="Probebühne Wesel", slug="probebuehne-wesel", city="Wesel"),
        PartnerPageFactory(title="Probemuseum Xanten", slug="probemuseum-xanten", city="Xanten"),
    )


@pytest.fixture
def editor_a(partners):
    return partner_editor(partners[0])


def test_partner_editor_adds_a_venue_that_belongs_to_their_institution(client, partners, editor_a):
    client.force_login(editor_a)

    assert client.get(url("add") + "?locale=de").status_code == 200
    response = client.post(url("add") + "?locale=de", VENUE_FORM)

    assert response.status_code == 302
    venue = Venue.objects.get(name="Probenraum am Hafen")
    assert venue.partner == partners[0]
    assert venue.locale.language_code == "de"


def test_partner_editor_changes_their_own_venue(client, partners, editor_a):
    venue = VenueFactory(partner=partners[0], name="Alter Name", city="Wesel")
    client.force_login(editor_a)

    assert client.get(url("edit", venue.pk)).status_code == 200
    response = client.post(url("edit", venue.pk), {**VENUE_FORM, "name": "Neuer Name"})

    assert response.status_code == 302
    venue.refresh_from_db()
    assert venue.name == "Neuer Name"
    assert venue.partner == partners[0]  # the form does not offer to give it away


def test_partner_editor_cannot_change_another_partners_venue(client, partners, editor_a):
    venue = VenueFactory(partner=partners[1], name="Museumshof", city="Xanten")
    client.force_login(editor_a)

    shown = client.get(url("edit", venue.pk))
    posted = client.post(url("edit", venue.pk), {**VENUE_FORM, "name": "Übernommen"})

    for response in (shown, posted):
        assert response.status_code == 302
        assert response.url == url("list")
    venue.refresh_from_db()
    assert venue.name == "Museumshof"
    texts = [str(message) for message in get_messages(shown.wsgi_request)]
    assert any("Probemuseum Xanten" in text for text in texts)


def test_partner_editor_cannot_change_or_delete_venues_of_the_editorial_team(
    client, partners, editor_a
):
    venue = VenueFactory(partner=None, name="Dortmunder U", city="Dortmund")
    client.force_login(editor_a)

    assert client.get(url("edit", venue.pk)).status_code == 302
    assert client.post(url("delete", venue.pk)).status_code in (302, 403)
    assert Venue.objects.filter(pk=venue.pk, name="Dortmunder U").exists()


def test_listing_shows_a_partner_editor_their_own_venues_and_the_editorial_team_all(
    client, partners, editor_a
):
    VenueFactory(partner=partners[0], name="Probenraum Wesel")
    VenueFactory(partner=partners[1], name="Museumshof Xanten")
    client.force_login(editor_a)

    own = client.get(url("list")).content.decode()

    assert "Probenraum Wesel" in own
    assert "Museumshof Xanten" not in own
    client.force_login(moderator())
    every = client.get(url("list")).content.decode()
    assert "Probenraum Wesel" in every and "Museumshof Xanten" in every


def test_editorial_team_changes_any_venue_and_assigns_it(client, partners):
    venue = VenueFactory(partner=partners[1], name="Museumshof", city="Xanten")
    client.force_login(moderator())

    response = client.post(
        url("edit", venue.pk), {**VENUE_FORM, "name": "Museumshof", "partner": partners[0].pk}
    )

    assert response.status_code == 302
    venue.refresh_from_db()
    assert venue.partner == partners[0]


def _chooser_html(client, query):
    choose_url = reverse(Venue.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    response = client.get(choose_url, {"q": query})
    assert response.status_code == 200
    content = response.content.decode()
    return json.loads(content)["html"] if content.startswith("{") else content


def test_chooser_finds_venues_of_every_partner_by_name_and_city(client, partners, editor_a):
    VenueFactory(partner=partners[1], name="Museumshof", city="Xanten")
    VenueFactory(partner=None, name="Dortmunder U", city="Dortmund")
    client.force_login(editor_a)

    by_city = _chooser_html(client, "xanten")
    by_name = _chooser_html(client, "dortmunder")

    assert "Museumshof" in by_city and "Dortmunder U" not in by_city
    assert "Dortmunder U" in by_name and "Museumshof" not in by_name


@pytest.mark.parametrize(
    ("language", "place", "other"), [("de", "Ort", "Place"), ("en", "Place", "Ort")]
)
def test_listing_column_headers_follow_the_admin_language(client, partners, language, place, other):
    VenueFactory(partner=partners[0], name="Probenraum Wesel", locale=locale("de"))
    client.force_login(with_password(moderator(), language))

    content = client.get(url("list")).content.decode()

    listing = content[content.index('<table class="listing') :]
    headers = listing[: listing.index("</thead>")]
    assert place in headers
    assert other not in headers
    assert "Partner" in headers
