"""The calendar page as each test adds its own events: co-organisers, pagination, query counts,
the English calendar."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pagination import assert_paginated

from .conftest import berlin

URL = "/de/veranstaltungen/"


def test_co_organised_events_appear_under_the_co_organiser(client, world, make_event):
    make_event("Joint Event", berlin(2027, 2, 3, 10), parent=world.beta,
               co_organisers=[world.alpha])  # fmt: skip
    assert "Joint Event" in client.get(URL, {"partner": "test-alpha"}).content.decode()


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
