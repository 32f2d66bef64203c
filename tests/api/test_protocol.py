"""What every endpoint shares: pagination, JSON errors, CORS, the rate limit (also with the
cache gone), the OpenAPI schema and its docs page."""

import json
import re

import pytest
import yaml
from django.test import override_settings
from drf_spectacular.validation import validate_schema

from home.factories import bilingual_site
from news.factories import NewsPageFactory
from tests.core.test_faults import needs_redis, redis_cache, redis_server  # noqa: F401

from .conftest import KINDS

pytestmark = pytest.mark.django_db

NEWS = "/api/v1/news/"
ORIGIN = "https://elsewhere.example"


@pytest.fixture(scope="module")
def shared_five_news(module_db):
    """Made once for the module (tests/conftest.py::module_db): 88 tests read them."""
    bilingual_site()
    return [NewsPageFactory(title=f"Meldung {n}") for n in range(5)]


@pytest.fixture
def five_news(shared_five_news, site):
    return shared_five_news


# --- Pagination and errors ----------------------------------------------------------------------


def test_pages_of_results(client, five_news):
    first = client.get(NEWS, {"page_size": 2}).json()
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/news/?page=2&page_size=2"
    last = client.get(NEWS, {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    seen = [item["id"] for n in (1, 2, 3) for item in client.get(
        NEWS, {"page_size": 2, "page": n}
    ).json()["results"]]  # fmt: skip
    assert sorted(seen) == sorted(page.pk for page in five_news)


@pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "%00", "9" * 30])
def test_a_page_that_does_not_exist_is_a_json_404(client, five_news, page):
    response = client.get(f"{NEWS}?page_size=2&page={page}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.parametrize(("page_size", "shown"), [("1000", 5), ("abc", 5), ("0", 5), ("3", 3)])
def test_page_size_is_capped_and_an_invalid_one_gives_the_default(
    client, five_news, page_size, shown
):
    response = client.get(NEWS, {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == shown


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_ids_are_a_json_404_not_a_redirect(client, site, kind):
    response = client.get(f"/api/v1/{kind}/999999/")
    assert response.status_code == 404
    assert response.json()["detail"]
    assert client.get(f"/api/v1/{kind}/", {"lang": "fr"}).status_code == 400


def test_the_api_only_reads(client, five_news):
    assert client.post(NEWS, {}).status_code == 405
    assert client.delete(f"{NEWS}{five_news[0].pk}/").status_code == 405


# --- CORS -------------------------------------------------------------------------------------


def test_any_website_may_read_the_api_without_credentials(client, five_news):
    response = client.get(NEWS, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(NEWS, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 200
    methods = {m.strip() for m in preflight["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}
    assert "Access-Control-Allow-Credentials" not in preflight


def test_the_site_itself_sends_no_cors_headers(client, site):
    response = client.get("/de/", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


# --- Rate limit -------------------------------------------------------------------------------


@override_settings(API_RATE_LIMIT="3/day")
def test_a_client_past_the_limit_gets_429_with_retry_after(client, site):
    for _ in range(3):
        assert client.get(NEWS).status_code == 200
    response = client.get(NEWS, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 429
    assert response.json()["detail"]
    assert 0 < int(response["Retry-After"]) <= 24 * 60 * 60
    assert response["Access-Control-Allow-Origin"] == "*"  # browsers can read the 429
    # Every endpoint counts; another client has its own count.
    assert client.get("/api/v1/events/").status_code == 429
    assert client.get(NEWS, REMOTE_ADDR="192.0.2.7").status_code == 200


@needs_redis
@override_settings(API_RATE_LIMIT="2/day")
def test_the_limit_is_counted_in_redis_and_lifted_while_redis_is_down(client, site, redis_cache):  # noqa: F811
    assert [client.get(NEWS).status_code for _ in range(3)] == [200, 200, 429]
    redis_cache.stop()
    assert [client.get(NEWS).status_code for _ in range(5)] == [200] * 5


# --- The schema and its docs page ---------------------------------------------------------------

ENDPOINTS = {f"/api/v1/{kind}/" for kind in KINDS} | {f"/api/v1/{kind}/{{id}}/" for kind in KINDS}


def test_the_openapi_schema_lists_every_endpoint_as_valid_json_and_yaml(client, site):
    as_json = client.get("/api/v1/schema/", {"format": "json"})
    assert as_json.status_code == 200
    schema = json.loads(as_json.content)
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == ENDPOINTS
    event_filters = {p["name"] for p in schema["paths"]["/api/v1/events/"]["get"]["parameters"]}
    assert {"lang", "period", "program", "format", "topic", "partner", "city", "month"} <= (
        event_filters
    )
    assert {"language", "page", "page_size"} <= event_filters
    for kind in KINDS:
        answers = schema["paths"][f"/api/v1/{kind}/"]["get"]["responses"]
        assert {"200", "400", "404", "429"} <= set(answers), kind
    as_yaml = client.get("/api/v1/schema/")
    assert as_yaml.status_code == 200
    assert yaml.safe_load(as_yaml.content) == schema


def test_the_docs_page_uses_only_our_own_files_and_no_inline_code(client, site):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline script"
    assert not re.search(r"\sstyle=", html)
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert addresses
    for address in addresses:
        assert address.startswith(("/static/", "/api/v1/docs/?")), address
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()


def test_api_and_docs_redirect_from_the_bare_prefixes(client, site):
    for url in ("/api/", "/api/v1/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/api/v1/docs/"


ODD_QUERIES = [
    "lang=%00",
    "lang=de&lang=en",
    "lang=" + "x" * 5000,
    "page=%ED%A0%80",
    "page_size=-5",
    "page_size=9999999999999999999999",
    "period=%00",
    "role=%00&city=%00&field=%00",
    "program=%00&topic=%00&partner=%00&month=%00&language=%00",
    "format=json",
    "format=api",
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_query_strings_are_answered_never_with_a_500(client, five_news, kind, query):
    response = client.get(f"/api/v1/{kind}/?{query}")
    assert response.status_code in (200, 400, 404), response.content
    assert response["Content-Type"] == "application/json"
    assert client.head(f"/api/v1/{kind}/").status_code == 200
