"""The event widget's fragment (/<lang>/widget/events/) and its admin page, through HTTP.

The fragment is what partner sites fetch: the calendar's filters, only what the public may see,
no cookie, readable from any origin, cacheable. The admin page gives each partner editor the
snippet for their own institution only.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.factories import alias_in
from editorial.factories import moderator, partner_editor, translator
from events.choices import EventStatus
from events.widget import MAX_LIMIT

from .conftest import berlin

URL = "/de/widget/events/"
ADMIN_URL = "/admin/event-widget/"


def titles(response):
    assert response.status_code == 200
    return re.findall(
        r'class="k3-events__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def events(world, make_event):
    """Three upcoming events of partner alpha, one of beta, one co-organised, one past."""
    return {
        "first": make_event("Alpha eins", berlin(2027, 2, 3, 18), berlin(2027, 2, 3, 20)),
        "online": make_event("Alpha online", berlin(2027, 2, 4, 18), format="online"),
        "tools": make_event("Alpha Werkzeuge", berlin(2027, 3, 5, 10), topics=[world.tools]),
        "beta": make_event("Beta eins", berlin(2027, 2, 5, 10), parent=world.beta),
        "shared": make_event(
            "Beta mit Alpha", berlin(2027, 2, 6, 10), parent=world.beta, co_organisers=[world.alpha]
        ),
        "past": make_event("Alpha vorbei", berlin(2026, 12, 1, 10)),
    }


# --- The fragment ------------------------------------------------------------------------------


def test_partner_filter_shows_its_upcoming_events_soonest_first(client, events):
    response = client.get(URL, {"partner": "test-alpha"})
    assert titles(response) == ["Alpha eins", "Alpha online", "Beta mit Alpha", "Alpha Werkzeuge"]
    html = response.content.decode()
    # Absolute links on the host the fragment was asked from: it is shown on another site.
    assert f'href="http://testserver{events["first"].url}"' in html
    assert '<time datetime="2027-02-03T18:00:00+01:00">' in html
    assert "· Testhalle, Testhausen" in html
    # The co-organised event names its lead organiser; the partner's own events do not.
    assert html.count("Partner test-beta") == 1
    assert 'href="http://testserver/de/veranstaltungen/?partner=test-alpha"' in html
    assert 'rel="stylesheet" href="http://testserver/static/css/k3-events-widget.css"' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"partner": "test-beta"}, ["Beta eins", "Beta mit Alpha"]),
        ({"topic": "test-tools"}, ["Alpha Werkzeuge"]),
        ({"format": "online", "partner": "test-alpha"}, ["Alpha online"]),
        ({"month": "2027-03"}, ["Alpha Werkzeuge"]),
        ({"city": "testhausen", "partner": "test-beta"}, ["Beta eins", "Beta mit Alpha"]),
        ({}, ["Alpha eins", "Alpha online", "Beta eins", "Beta mit Alpha", "Alpha Werkzeuge"]),
    ],
)
def test_calendar_filters_apply(client, events, params, expected):
    assert titles(client.get(URL, params)) == expected


def test_limit_and_heading_level(client, events):
    response = client.get(URL, {"partner": "test-alpha", "limit": "2", "heading": "3"})
    assert titles(response) == ["Alpha eins", "Alpha online"]
    html = response.content.decode()
    assert '<h3 class="k3-events__heading"' in html
    assert '<h4 class="k3-events__title">' in html
    assert len(titles(client.get(URL, {"limit": "0"}))) == 1
    assert '<h2 class="k3-events__heading"' in client.get(URL, {"heading": "x"}).content.decode()


def test_limit_has_a_maximum(client, world, make_event):
    for day in range(1, MAX_LIMIT + 3):
        make_event(f"Tag {day}", berlin(2027, 2, day, 10))
    assert len(titles(client.get(URL, {"limit": "1000"}))) == MAX_LIMIT


@pytest.mark.parametrize(
    "query",
    [
        "partner=nobody",
        "program=nope&topic=nope&city=Atlantis&language=fr&format=zoom&month=2026-13",
        "partner=%00",
        "limit=-5",
        "limit=%00",
        "limit=99999999999999999999999",
        "heading=%00&heading=9",
        "partner=" + "ä" * 3000,
        "city=%ED%A0%80",
    ],
)
def test_bad_input_is_ignored(client, events, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert "Alpha eins" in titles(response)


def test_ignored_values_are_named(client, events):
    html = client.get(URL, {"partner": "nobody"}).content.decode()
    assert 'class="k3-events__note"' in html and "nobody" in html


def test_only_what_the_public_may_see(client, world, make_event, events):
    make_event("Alpha Entwurf", berlin(2027, 2, 10, 10), live=False)
    private = make_event("Alpha privat", berlin(2027, 2, 11, 10))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    found = titles(client.get(URL, {"partner": "test-alpha", "limit": "20"}))
    assert "Alpha eins" in found
    assert not {"Alpha Entwurf", "Alpha privat", "Alpha vorbei", "Beta eins"} & set(found)


def test_cancelled_event_says_so(client, world, make_event):
    make_event("Alpha abgesagt", berlin(2027, 2, 3, 18), status=EventStatus.CANCELLED)
    html = client.get(URL, {"partner": "test-alpha"}).content.decode()
    assert "k3-events__event--cancelled" in html
    assert '<p class="k3-events__status">Abgesagt</p>' in html


def test_empty_state(client, events):
    html = client.get(URL, {"partner": "test-alpha", "month": "2027-08"}).content.decode()
    assert 'class="k3-events__empty"' in html
    assert 'class="k3-events__list"' not in html


def test_english(client, english_calendar):
    response = client.get("/en/widget/events/", {"partner": "test-alpha"})
    assert titles(response) == ["AI consultation hour"]
    html = response.content.decode()
    assert 'lang="en"' in html and "Upcoming events" in html
    assert "http://testserver/en/events/?partner=test-alpha" in html
    assert "3 February 2027, 16:00" in html
    german = client.get(URL, {"partner": "test-alpha"}).content.decode()
    assert "Kommende Veranstaltungen" in german and "3. Februar 2027, 16:00" in german


def test_no_calendar_in_the_language_is_a_404(client, world):
    assert client.get("/en/widget/events/").status_code == 404


def test_readable_from_any_origin_cacheable_and_without_cookies(client, events):
    response = client.get(URL, {"partner": "test-alpha"}, HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=300"} <= cache_control
    assert not response.cookies
    assert "Set-Cookie" not in str(response.serialize_headers())
    assert "Cookie" not in response.get("Vary", "")
    # The CORS header is the widget's alone.
    assert "Access-Control-Allow-Origin" not in client.get("/de/veranstaltungen/")


def test_no_cookie_even_for_a_logged_in_editor(client, events, admin_user):
    """The script omits credentials, but a reader who opens the address itself sends them."""
    client.force_login(admin_user)
    client.get("/admin/")  # a session and a CSRF cookie exist now
    response = client.get(URL, {"partner": "test-alpha"})
    assert not response.cookies


def test_query_count_does_not_grow_with_the_events(client, world, make_event):
    for day in range(1, 11):
        make_event(f"Tag {day}", berlin(2027, 2, day, 10), co_organisers=[world.beta])
    client.get(URL, {"partner": "test-alpha"})  # fills the calendar's cache

    def queries(limit):
        with CaptureQueriesContext(connection) as captured:
            assert len(titles(client.get(URL, {"partner": "test-alpha", "limit": limit}))) == limit
        return len(captured)

    assert queries(1) == queries(10)


# --- The admin page ----------------------------------------------------------------------------


@pytest.fixture
def partners(world):
    """Alpha and beta in both languages (English as aliases, as synchronisation makes them)."""
    alias_in(world.alpha, "en")
    alias_in(world.beta, "en")
    return world


def test_partner_editor_sees_only_their_own_snippet(client, partners):
    client.force_login(partner_editor(partners.alpha))
    response = client.get(ADMIN_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-partner="test-alpha" data-lang="de"' in html
    assert 'data-partner="test-alpha" data-lang="en"' in html
    assert "http://testserver/static/js/k3-events-widget.js" in html
    assert "test-beta" not in html
    assert "connect-src http://testserver" in html
    # Asking for another partner's snippet shows their own.
    html = client.get(ADMIN_URL, {"partner": "test-beta"}).content.decode()
    assert "test-beta" not in html and 'data-partner="test-alpha"' in html


@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_central_editors_choose_any_partner(client, partners, admin_user, role):
    client.force_login(admin_user if role == "admin" else moderator())
    html = client.get(ADMIN_URL).content.decode()
    assert '<option value="test-alpha"' in html and '<option value="test-beta"' in html
    html = client.get(ADMIN_URL, {"partner": "test-beta"}).content.decode()
    assert 'data-partner="test-beta" data-lang="de"' in html
    assert 'data-partner="test-alpha"' not in html


def test_snippet_is_in_the_language_of_the_widget(client, partners, admin_user):
    client.force_login(admin_user)
    html = client.get(ADMIN_URL, {"partner": "test-alpha"}).content.decode()
    # The fallback link inside the element, shown until the events arrive.
    assert "/de/veranstaltungen/?partner=test-alpha" in html


def test_user_without_an_institution_gets_no_snippet(client, partners):
    client.force_login(translator())
    response = client.get(ADMIN_URL)
    assert response.status_code == 200
    assert "data-k3-events" not in response.content.decode()
    assert ADMIN_URL not in client.get("/admin/").content.decode()  # nor in the menu


def test_menu_item_in_the_admin(client, partners):
    client.force_login(partner_editor(partners.alpha))
    assert ADMIN_URL in client.get("/admin/").content.decode()


def test_anonymous_users_are_sent_to_the_login(client, partners):
    response = client.get(ADMIN_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
