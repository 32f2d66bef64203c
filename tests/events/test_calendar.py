"""The calendar page: filters one by one and combined, the archive, bad input, query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pagination import assert_paginated

from .conftest import berlin

URL = "/de/veranstaltungen/"


@pytest.fixture
def catalogue(world, make_event):
    """Six events that differ in one property each from a plain one."""
    w = world
    return {
        "plain": make_event("Plain Event", berlin(2027, 2, 3, 10), program=w.education),
        "online": make_event("Online Event", berlin(2027, 2, 4, 10), format="online"),
        "hybrid_tools": make_event(
            "Hybrid Tools Event", berlin(2027, 3, 5, 10), format="hybrid", topics=[w.tools]
        ),
        "tools": make_event("Tools Event", berlin(2027, 2, 6, 10), topics=[w.tools]),
        "beta": make_event(
            "Beta Event",
            berlin(2027, 2, 7, 10),
            parent=w.beta,
            venue=w.muenster,
            program=w.academy,
        ),
        "english": make_event("English Event", berlin(2027, 2, 8, 10), event_language="en"),
        "bilingual": make_event("Bilingual Event", berlin(2027, 3, 9, 10), event_language="de-en"),
        "past": make_event("Past Event", berlin(2026, 12, 1, 10), topics=[w.tools]),
    }


def titles(response):
    assert response.status_code == 200
    html = response.content.decode()
    names = [
        "Plain Event", "Online Event", "Hybrid Tools Event", "Tools Event", "Beta Event",
        "English Event", "Bilingual Event", "Past Event",
    ]  # fmt: skip
    return {name for name in names if f">{name}</a>" in html}


def test_upcoming_by_default_soonest_first(client, catalogue):
    response = client.get(URL)
    found = titles(response)
    assert "Past Event" not in found
    assert {"Plain Event", "Beta Event", "Bilingual Event"} <= found
    html = response.content.decode()
    assert html.index("Plain Event") < html.index("Online Event") < html.index("Bilingual Event")


def test_past_archive(client, catalogue):
    found = titles(client.get(URL + "archive/", {"topic": "test-tools"}))
    assert found == {"Past Event"}
    html = client.get(URL, {"topic": "test-tools"}).content.decode()
    assert 'href="/de/veranstaltungen/archive/?topic=test-tools"' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"program": "test-akademie"}, {"Beta Event"}),
        ({"format": "online"}, {"Online Event"}),
        ({"format": "hybrid"}, {"Hybrid Tools Event"}),
        ({"topic": "test-tools"}, {"Hybrid Tools Event", "Tools Event"}),
        ({"partner": "test-beta"}, {"Beta Event"}),
        ({"city": "Testburg"}, {"Beta Event"}),
        ({"city": "testburg"}, {"Beta Event"}),
        ({"month": "2027-03", "partner": "test-alpha"}, {"Hybrid Tools Event", "Bilingual Event"}),
        ({"language": "en"}, {"English Event", "Bilingual Event"}),
        ({"topic": "test-tools", "format": "hybrid"}, {"Hybrid Tools Event"}),
        ({"topic": "test-tools", "month": "2027-02"}, {"Tools Event"}),
        ({"partner": "test-alpha", "language": "de", "format": "online"}, {"Online Event"}),
        ({"program": "test-akademie", "city": "Testhausen"}, set()),
    ],
)
def test_filters(client, catalogue, params, expected):
    found = titles(client.get(URL, params))
    assert found == expected


def test_co_organised_events_appear_under_the_co_organiser(client, world, make_event):
    make_event("Joint Event", berlin(2027, 2, 3, 10), parent=world.beta,
               co_organisers=[world.alpha])  # fmt: skip
    assert "Joint Event" in client.get(URL, {"partner": "test-alpha"}).content.decode()


def test_selected_filters_stay_in_the_form_and_the_feed_link(client, catalogue):
    html = client.get(URL, {"topic": "test-tools", "format": "hybrid"}).content.decode()
    assert '<option value="test-tools" selected>' in html
    assert 'type="text/calendar"' in html
    assert "/de/veranstaltungen/ical/?format=hybrid&amp;topic=test-tools" in html
    assert (
        'href="webcal://testserver/de/veranstaltungen/ical/?format=hybrid&amp;topic=test-tools"'
        in html
    )


def test_empty_state_suggests_removing_filters(client, catalogue):
    response = client.get(URL, {"program": "test-akademie", "city": "Testhausen"})
    html = response.content.decode()
    assert "Keine kommenden Veranstaltungen" in html or "No upcoming events" in html
    assert 'href="/de/veranstaltungen/?city=Testhausen"' in html  # program removed
    assert 'href="/de/veranstaltungen/?program=test-akademie"' in html  # city removed


@pytest.mark.parametrize(
    "query",
    [
        "topic=does-not-exist",
        "program=nope&partner=nope&city=Atlantis&language=fr&format=zoom",
        "month=2026-13",
        "month=0000-00",
        "month=99999-01",
        "month=2027-3",
        "page=abc",
        "page=-1",
        "page=99999999999999999999999999",
        "page=0",
        "topic=a%00b",
        "city=%00",
        "month=%00",
        "page=%00",
        "when=%00",
        "topic=test-tools&topic=test-recht&topic=x",
        "format=online&format=online",
        "q=" + "x" * 5000,
        "topic=" + "ä" * 3000,
        "city=%ED%A0%80",
    ],
)
def test_bad_input_never_fails(client, catalogue, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code in (200, 400)
    feed = client.get(f"{URL}ical/?{query}")
    assert feed.status_code in (200, 400)
    archive = client.get(f"{URL}archive/?{query}")
    assert archive.status_code in (200, 400)


def test_unknown_values_are_ignored_with_a_visible_note(client, catalogue):
    html = client.get(URL, {"topic": "does-not-exist", "month": "2026-13"}).content.decode()
    assert "does-not-exist" in html and "2026-13" in html
    assert 'class="notice"' in html
    assert {"Plain Event", "Tools Event"} <= titles(client.get(URL, {"topic": "nope"}))


def test_pagination_keeps_filters(client, world, make_event):
    for day in range(1, 26):
        make_event(f"Serie {day}", berlin(2027, 4, day, 10), topics=[world.copyright])
    first = client.get(URL, {"topic": "test-recht"})
    assert "topic=test-recht&page=2" in assert_paginated(first, "topic=test-recht")
    last = client.get(URL, {"topic": "test-recht", "page": 3})
    assert ">Serie 25</a>" in last.content.decode()
    assert ">Serie 1</a>" not in last.content.decode()
    previous = assert_paginated(last, "topic=test-recht", current=3)
    assert "topic=test-recht&page=2" in previous
    archive = client.get(URL + "archive/", {"topic": "test-recht", "page": 1})
    assert "Serie" not in archive.content.decode()  # not one past event: no page links
    assert ">Serie 25</a>" in client.get(URL, {"topic": "test-recht", "page": 999}).content.decode()


def _queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"topic": "test-recht", "format": "in-person"}])
def test_query_count_does_not_grow_with_events(client, world, make_event, params):
    for number in range(5):
        make_event(f"Fünf {number}", berlin(2027, 5, 1 + number, 10), topics=[world.copyright],
                   co_organisers=[world.beta])  # fmt: skip
    client.get(URL, params)  # warm what is cached per process (site root, settings)
    make_event("Noch eine", berlin(2027, 5, 1, 12))  # and start the calendar's cache afresh
    five_cold, five_warm = _queries(client, params), _queries(client, params)
    for number in range(45):
        make_event(f"Viele {number}", berlin(2027, 5, 6, 10), topics=[world.copyright],
                   co_organisers=[world.beta], parent=world.alpha if number % 2 else world.beta)  # fmt: skip
    fifty_cold, fifty_warm = _queries(client, params), _queries(client, params)
    assert (fifty_cold, fifty_warm) == (five_cold, five_warm)
    assert five_warm < five_cold  # filter options and the count come from the cache


def test_english_calendar_lists_english_events(client, english_calendar):
    html = client.get("/en/events/").content.decode()
    assert "AI consultation hour" in html
    assert "KI-Sprechstunde" not in html


def _form(html):
    start = html.index('<form class="filters"')
    return html[start : html.index("</form>", start)]


def test_filter_options_are_the_same_computed_and_cached(client, catalogue):
    params = {"program": "test-akademie", "partner": "test-beta"}
    cold = client.get(URL, params)  # the options are computed for this request
    warm = client.get(URL, params)  # and read from the cache for this one
    assert titles(cold) == titles(warm) == {"Beta Event"}
    form = _form(cold.content.decode())
    assert form == _form(warm.content.decode())
    names = re.findall(r'<select name="(\w+)"', form)
    assert names == ["program", "format", "topic", "partner", "city", "month", "language"]
    partners = re.findall(r"<option value=\"[^\"]+\"(?: selected)?>(Partner test-\w+)<", form)
    assert partners == ["Partner test-alpha", "Partner test-beta"]
    assert '<option value="test-beta" selected>' in form


def test_filters_show_what_they_apply(client, catalogue):
    html = client.get(f"{URL}?city=testburg&topic=test-recht&topic=test-tools").content.decode()
    assert '<option value="Testburg" selected>' in html  # as offered, whatever the case typed
    assert "Stadt: Testburg" in html
    assert "Nur ein Wert je Filter: „Thema“ zeigt „test-tools“." in html
    assert '<option value="test-tools" selected>' in html
    html = client.get(URL, {"month": "2035-01"}).content.decode()
    assert '<option value="2035-01" selected>Januar 2035</option>' in html  # beyond the offer
    html = client.get(URL, {"month": "2027-13", "format": "online"}).content.decode()
    assert "„2027-13“ ist kein gültiger Wert für „Monat“ und wurde ignoriert." in html
    assert 'aria-describedby="filter-month_error"' in html
    # The ignored month is not among the active filters; removing format leaves none.
    assert re.findall(r'<a class="badge" href="([^"]*)">', html) == ["/de/veranstaltungen/"]
