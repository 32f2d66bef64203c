"""The page cache without Varnish: Cache-Control of every public answer, and the in-process
fallback (PAGE_CACHE=1) that serves an anonymous reader's second request from the cache and
forgets it when Wagtail purges. Through Varnish: tests/core/test_varnish.py."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.factories import UserFactory
from events.factories import EventIndexPageFactory
from home.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from press.factories import PressReleasePageFactory, PressRoomPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {"in_process": {"BACKEND": "core.page_cache.InProcessBackend"}}
    cache.clear()
    yield
    cache.clear()


def directives(response):
    """Cache-Control as {name: value or True}."""
    found = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            found[name] = int(value) if value else True
    return found


def is_public(response):
    return "public" in directives(response) and "s-maxage" in directives(response)


def is_private(response):
    return {"private", "no-cache"} <= set(directives(response))


def test_a_readers_page_is_public_and_the_admin_private(client, site, settings):
    news = NewsPageFactory(title="Offen für alle")
    response = client.get(news.url)
    assert response.status_code == 200
    assert directives(response) == {
        "public": True,
        "max-age": settings.PAGE_CACHE_BROWSER_SECONDS,
        "s-maxage": settings.PAGE_CACHE_SECONDS,
    }
    client.force_login(UserFactory(superuser=True))
    assert is_private(client.get(news.url))
    assert is_private(client.get("/admin/"))


def test_what_shared_caches_must_not_keep(client, site):
    news_index = NewsIndexPageFactory()
    NewsPageFactory(title="Eine Meldung")
    calendar = EventIndexPageFactory()
    locked = StandardPageFactory(parent=site.home_de, title="Nur mit Passwort")
    PageViewRestriction.objects.create(
        page=locked, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    assert is_public(client.get("/de/search/"))
    assert is_private(client.get("/de/search/", {"q": "Meldung"}))
    # Unknown parameters would make a new cache entry per spelling.
    assert is_private(client.get(news_index.url, {"utm_source": "newsletter"}))
    assert is_private(client.get(calendar.url, {"city": "Nirgendwo"}))
    assert is_private(client.get(calendar.url, {"page": "7"}))  # past the last page
    assert is_public(client.get(calendar.url, {"format": "online"}))
    assert is_private(client.get(calendar.url, {"format": "ONLINE"}))  # not as the form writes it
    # "/" redirects by the browser's language (LocaleMiddleware, outside ours): never public.
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and not is_public(response)
    assert "Accept-Language" in response["Vary"]
    assert client.get("/de/keine-seite/").status_code == 404
    # The password form holds a CSRF token; and the page is view-restricted.
    response = client.get(locked.url)
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert is_private(response)
    # From now on the reader has a CSRF cookie: nothing shared any more.
    assert is_private(client.get(news_index.url))


def test_nothing_is_kept_past_the_next_go_live(client, site, settings):
    room = PressRoomPageFactory()
    now = timezone.now()
    # Live since yesterday, until tomorrow: its past go-live time limits nothing.
    NewsPageFactory(
        go_live_at=now - datetime.timedelta(days=1), expire_at=now + datetime.timedelta(days=1)
    )
    release = PressReleasePageFactory(parent=room, title="Unter Sperrfrist", live=False)
    release.go_live_at = timezone.now() + datetime.timedelta(seconds=90)
    release.save_revision().publish()

    response = client.get(f"{room.url}{release.slug}/")
    assert response.status_code == 404 and is_private(response)
    listing = client.get(room.url)
    assert "Unter Sperrfrist" not in listing.content.decode()
    lifetime = directives(listing)["s-maxage"]
    assert 80 <= lifetime <= 90 < settings.PAGE_CACHE_SECONDS
    assert directives(listing)["max-age"] <= 60


def test_the_second_anonymous_request_comes_from_the_cache(
    client, site, page_cache, django_assert_num_queries, django_assert_max_num_queries
):
    news = NewsPageFactory(title="Zweimal gelesen")
    first = client.get(news.url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(news.url)
    assert second.content == first.content
    assert is_public(second)
    # A cookie of its own (not ours: readers get none) would be a cache entry of its own.
    client.cookies["consent"] = "1"
    with django_assert_max_num_queries(100) as rendered:
        assert client.get(news.url).content == first.content
    assert len(rendered) > 0


def test_editors_never_get_the_cached_page(client, site, page_cache, django_assert_max_num_queries):
    news = NewsPageFactory(title="Für Leser")
    client.get(news.url)
    client.force_login(UserFactory(superuser=True))
    response = client.get(news.url)
    assert is_private(response)
    # Rendered for the editor (the session and the user are read), not taken from the cache.
    assert "Für Leser" in response.content.decode()
    client.logout()
    assert client.get(news.url).content.decode().count("Für Leser") >= 1


def test_publishing_purges_the_page_and_its_listing(client, site, page_cache):
    index = NewsIndexPageFactory()
    news = NewsPageFactory(parent=index, title="Alter Titel", teaser="Kurz.")
    for url in (news.url, index.url):
        assert "Alter Titel" in client.get(url).content.decode()

    news.title = "Neuer Titel"
    news.save_revision().publish()

    for url in (news.url, index.url):
        body = client.get(url).content.decode()
        assert "Neuer Titel" in body and "Alter Titel" not in body, url


def title_of(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def test_a_redis_outage_is_a_cache_miss(client, site, settings):
    settings.PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.1, "RETRY_INTERVAL": 60},
        }
    }
    news = NewsPageFactory(title="Ohne Redis")
    for _ in range(2):
        response = client.get(news.url)
        assert response.status_code == 200 and "Ohne Redis" in title_of(response)
