"""Faults readers must not notice: Redis going away, and a database outage served as a 503."""

import logging
import shutil

import pytest
from django.test import override_settings

from tests.events import conftest as calendar_fixtures
from tests.events.conftest import berlin

from .servers import RedisServer, Site

# The calendar world of the events tests (a calendar page, partners, topics, venues).
frozen_now = calendar_fixtures.frozen_now
calendar_world = calendar_fixtures.calendar_world
world = calendar_fixtures.world
make_event = calendar_fixtures.make_event

needs_redis = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server is not installed (.ci/run does)"
)


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server):
    """The Django cache on the throwaway Redis, as production configures it (k3cms/settings)."""
    caches = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "k3cms",
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
                "RETRY_INTERVAL": 0,  # ask Redis on every call, so a recovery shows at once
            },
        }
    }
    with override_settings(CACHES=caches):  # Django resets its cache connections on this
        yield redis_server


def reader_pages(world, make_event):
    event = make_event("Redis-Ausfall-Probe", berlin(2027, 3, 1, 18))
    return [
        "/de/",
        world.calendar.url,  # the calendar: filter options and counts from the cache
        world.calendar.url + "archive/",
        world.calendar.url + "?topic=test-tools",
        "/de/widget/events/?partner=test-alpha",  # the partners' widget: the calendar's options
        event.url,
        "/de/search/?q=Probe",
    ]


def cache_records(caplog):
    return [r for r in caplog.records if r.name == "k3cms.cache"]


@needs_redis
@pytest.mark.django_db
def test_pages_keep_answering_when_redis_goes_away(client, redis_cache, world, make_event, caplog):
    pages = reader_pages(world, make_event)
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}

    redis_cache.stop()
    caplog.set_level(logging.WARNING, logger="k3cms.cache")
    for url in pages + pages:
        response = client.get(url)
        assert response.status_code == 200, url
    assert b"Redis-Ausfall-Probe" in client.get(pages[1]).content

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    # Once per outage, not once per call.
    assert [r.levelname for r in cache_records(caplog)] == ["ERROR"]


@needs_redis
@pytest.mark.django_db
def test_an_edit_during_the_outage_shows_at_once(client, redis_cache, world, make_event):
    """Without Redis there is no generation to tell this process of a change: look-ups and
    fragments (core.lookup_cache) are worked out anew on every request, never kept stale."""
    event = make_event("Vor dem Ausfall", berlin(2027, 3, 1, 18), parent=world.alpha)
    pages = [world.calendar.url, world.alpha.url, event.url]
    for url in pages:
        assert "Vor dem Ausfall" in client.get(url).content.decode(), url

    redis_cache.stop()
    for url in pages:  # what this process keeps of the last generation is not used
        assert "Vor dem Ausfall" in client.get(url).content.decode(), url
    event.title = "Während des Ausfalls"
    event.save_revision().publish()
    for url in pages:
        html = client.get(url).content.decode()
        assert "Während des Ausfalls" in html and ">Vor dem Ausfall<" not in html, url


@needs_redis
@pytest.mark.django_db
def test_a_recovery_and_a_second_outage_are_logged_once_each(
    client, redis_cache, world, make_event, caplog
):
    pages = reader_pages(world, make_event)
    caplog.set_level(logging.WARNING, logger="k3cms.cache")
    redis_cache.stop()
    for url in pages:
        assert client.get(url).status_code == 200, url

    redis_cache.start()  # the same port: Redis is back
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert client.get("/healthz").json()["status"] == "ok"

    redis_cache.stop()
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert [r.levelname for r in cache_records(caplog)] == ["ERROR", "WARNING", "ERROR"]


# --- the database away: a separate process, so it works on SQLite and PostgreSQL runs alike ----

UNREACHABLE_DATABASES = {
    "postgresql": "postgres://postgres@127.0.0.1:1/none",
    "sqlite": "sqlite:////nonexistent-k3cms-directory/db.sqlite3",
}


@pytest.fixture(params=sorted(UNREACHABLE_DATABASES))
def site_without_database(request):
    site = Site({"DATABASE_URL": UNREACHABLE_DATABASES[request.param]}).start()
    yield site
    site.stop()


def test_a_database_outage_gives_readers_the_branded_503_page(site_without_database):
    for path in ("/de/", "/en/"):
        status, headers, body = site_without_database.get(path)
        assert status == 503, body[:500]
        assert int(headers["Retry-After"]) > 0
        assert "site-header__brand" in body
        assert 'name="robots" content="noindex"' in body
        assert "no-store" in headers["Cache-Control"]

    status, _, body = site_without_database.get("/healthz")
    assert status == 503
    assert '"database": "unavailable"' in body


@needs_redis
@pytest.mark.django_db
def test_password_reset_mails_still_go_out_without_the_cache(
    client, redis_cache, django_user_model
):
    from django.core import mail

    django_user_model.objects.create_user(
        username="forgetful", email="forgetful@example.org", password="a-long-passphrase-1"
    )
    redis_cache.stop()
    # The throttle cannot count without its cache: it lets the request through instead of failing.
    response = client.post("/admin/password_reset/", {"email": "forgetful@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
