"""The calendar page on one catalogue of events: filters one by one and combined, the archive,
bad input, the cached filter options."""

import re

import pytest

from .conftest import add_event, berlin

URL = "/de/veranstaltungen/"


@pytest.fixture(scope="module")
def shared_catalogue(calendar_world):
    """Eight events that differ in one property each from a plain one, made once for the module."""
    w = calendar_world
    return {
        "plain": add_event(w, "Plain Event", berlin(2027, 2, 3, 10), program=w.education),
        "online": add_event(w, "Online Event", berlin(2027, 2, 4, 10), format="online"),
        "hybrid_tools": add_event(
            w, "Hybrid Tools Event", berlin(2027, 3, 5, 10), format="hybrid", topics=[w.tools]
        ),
        "tools": add_event(w, "Tools Event", berlin(2027, 2, 6, 10), topics=[w.tools]),
        "beta": add_event(
            w,
            "Beta Event",
            berlin(2027, 2, 7, 10),
            parent=w.beta,
            venue=w.muenster,
            program=w.academy,
        ),
        "english": add_event(w, "English Event", berlin(2027, 2, 8, 10), event_language="en"),
        "bilingual": add_event(
            w, "Bilingual Event", berlin(2027, 3, 9, 10), event_language="de-en"
        ),
        "past": add_event(w, "Past Event", berlin(2026, 12, 1, 10), topics=[w.tools]),
    }


@pytest.fixture
def catalogue(shared_catalogue, world):
    return shared_catalogue


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
