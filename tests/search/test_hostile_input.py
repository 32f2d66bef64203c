"""Whatever arrives in the query string: a page with a message, never a 500, never unescaped."""

import pytest

from .helpers import search

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'

ANSWERED = [
    "",
    "   ",
    "\t\n",
    '"',
    "'",
    '"unbalanced',
    "a OR b AND NOT c",
    "-minus +plus ~tilde *star ^caret",
    "NEAR(a b) col:term {x} [y] (z",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "Robert'); SELECT pg_sleep(5); --",
    "%_\\%",
    "& | ! <-> :*",
    SCRIPT,
    "ä" * 200,
    "🎭 Theater",
]


@pytest.mark.parametrize("query", ANSWERED)
@pytest.mark.parametrize("language", ["de", "en"])
def test_odd_queries_are_answered(client, language, query):
    response = search(client, language, q=query)
    assert response.status_code == 200
    assert SCRIPT not in response.content.decode()


def test_script_is_echoed_escaped(client):
    html = search(client, "en", q=SCRIPT).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script>alert" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "Kunst\x00"},
        {"q": "\x00"},
        {"q": "Kunst", "type": "'; DROP TABLE x; --"},
        {"q": "Kunst", "type": SCRIPT},
    ],
)
def test_invalid_input_is_a_400_with_a_message(client, params):
    response = search(client, "de", **params)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html
    assert SCRIPT not in html


def test_long_query_gets_a_readable_reason(client):
    html = search(client, "en", q="x" * 10_000).content.decode()
    assert "at most 200 characters" in html


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "99999999999999999999", "9" * 5000, ""])
def test_odd_page_numbers(client, page):
    assert search(client, "de", q="Kunst", page=page).status_code == 200


def test_repeated_parameters(client):
    response = client.get("/de/search/?q=Kunst&q=%00&type=event&type=nope")
    assert response.status_code in (200, 400)
