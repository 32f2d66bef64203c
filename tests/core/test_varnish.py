"""deploy/varnish/k3cms.vcl with a real varnishd in front of the test server: what readers get
from the cache, what never goes into it, and that every kind of change purges what shows it.

Varnish is installed by .ci/run; without it the tests are skipped locally and fail under
CI=true. The site is reached through Varnish at 127.0.0.1:<port>, which is also the Wagtail
Site's address, so the URLs Wagtail purges are the ones readers asked for. Changes are made with
Wagtail's API in the test, and through the admin (the live server then sends the PURGE).
"""

import datetime
import http.cookiejar
import io
import os
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.factories import TEST_PASSWORD, K3ImageFactory, UserFactory, translate
from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from home.factories import StandardPageFactory
from navigation.factories import NavigationFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from press.factories import PressReleasePageFactory, PressRoomPageFactory
from tests.core.servers import free_port, installed_binary, start_server, wait_for_port

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "k3cms.vcl"

# Each test commits its world (the live server reads it) and flushes it afterwards; one process
# under pytest-xdist keeps the module's Varnish to itself.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.xdist_group("varnish"),
]


@pytest.fixture(scope="module")
def varnish(live_server):
    """varnishd with the shipped VCL, its backend the live server: its base URL."""
    binary = installed_binary("varnishd", "varnish")
    backend_port = urllib.parse.urlsplit(live_server.url).port
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="k3cms-varnish-") as directory:
        os.chmod(directory, 0o755)  # varnishd started as root reads the VCL as its own user
        text = VCL.read_text()
        assert '.port = "8001";' in text, "the VCL's backend changed: update this test"
        vcl = Path(directory) / "k3cms.vcl"
        vcl.write_text(text.replace('.port = "8001";', f'.port = "{backend_port}";'))
        process = start_server(
            [binary, "-F", "-n", f"{directory}/varnish", "-a", f"127.0.0.1:{port}"]
            + ["-f", str(vcl), "-s", "malloc,32m"]
        )
        try:
            wait_for_port(port, timeout=30, process=process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture
def cached_site(site, settings, varnish):
    """The site as in production: Varnish in front, purged by Wagtail, the in-process cache on."""
    port = urllib.parse.urlsplit(varnish).port
    site.site.hostname, site.site.port = "127.0.0.1", port
    site.site.save()
    settings.PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "core.page_cache.VarnishBackend", "LOCATION": varnish},
        "in_process": {"BACKEND": "core.page_cache.InProcessBackend"},
    }
    cache.clear()
    request = urllib.request.Request(f"{varnish}/", method="BAN")
    with urllib.request.urlopen(request, timeout=10) as response:  # a clean cache per test
        assert response.status == 200
    return Reader(varnish)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Reader:
    """Someone reading through Varnish, with cookies once logged in."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            NoRedirects, urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def get(self, path, **headers):
        """(status, headers, body) of a GET; error statuses and redirects are answers too."""
        url = path if path.startswith("http") else self.base_url + path
        request = urllib.request.Request(url, headers=headers)
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def post(self, path, data):
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(
            self.base_url + path, data=body, headers={"Referer": self.base_url + path}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def log_in(self, user):
        assert self.get("/admin/login/")[0] == 200
        status = self.post("/admin/login/", {"username": user.username, "password": TEST_PASSWORD})
        assert status == 302

    def twice(self, path, **headers):
        """The X-Cache of two requests in a row, and the second answer."""
        first = self.get(path, **headers)
        second = self.get(path, **headers)
        return first[1]["X-Cache"], second[1]["X-Cache"], second


def title_of(body):
    return re.search(r"<title>(.*?)</title>", body, re.S).group(1)


def shows_within_a_second(reader, path, text):
    """Whether `text` is served at `path` within one second (Wagtail purges on commit)."""
    deadline = time.monotonic() + 1
    while True:
        if text in reader.get(path)[2]:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def test_readers_get_cached_pages_and_a_publish_within_a_second(cached_site):
    reader = cached_site
    index = NewsIndexPageFactory()
    news = NewsPageFactory(parent=index, title="Erste Fassung", teaser="Kurz.")
    english = translate(news, "en", title="First version", slug="first-version")
    feed = f"{index.url}feed/rss/"

    for path in (news.url, english.url, index.url, feed, "/sitemap-de.xml"):
        first, second, (status, headers, _body) = reader.twice(path)
        assert (first, second, status) == ("MISS", "HIT", 200), path
        assert "Age" in headers and "s-maxage" in headers["Cache-Control"]
    # One language per address: the German and the English page never swap.
    assert title_of(reader.get(news.url)[2]).startswith("Erste Fassung")
    assert title_of(reader.get(english.url)[2]).startswith("First version")
    assert '<html lang="en">' in reader.get(english.url)[2]

    news.title = "Zweite Fassung"
    news.save_revision().publish()

    assert shows_within_a_second(reader, news.url, "<title>Zweite Fassung")
    for path in (index.url, feed):
        status, headers, body = reader.get(path)
        assert headers["X-Cache"] == "MISS" and "Zweite Fassung" in body, path
    # The translation and the sitemap were purged with it.
    assert reader.get(english.url)[1]["X-Cache"] == "MISS"
    assert reader.get("/sitemap-de.xml")[1]["X-Cache"] == "MISS"


def test_what_varnish_never_keeps(cached_site):
    reader = cached_site
    news = NewsPageFactory(title="Für alle")
    calendar = EventIndexPageFactory()
    EventPageFactory(parent=calendar, title="Ein Abend", format="online")
    room = PressRoomPageFactory()
    embargoed = PressReleasePageFactory(parent=room, title="Unter Sperrfrist", live=False)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    embargoed.save_revision().publish()
    locked = StandardPageFactory(title="Nur mit Passwort")
    PageViewRestriction.objects.create(page=locked, restriction_type="password", password="geheim")

    # "/" redirects by language, for each reader their own.
    for language in ("en", "de", "en"):
        status, headers, _body = reader.get("/", **{"Accept-Language": language})
        assert (status, headers["Location"]) == (302, f"/{language}/")
        assert headers["X-Cache"] == "MISS"
    # Search queries, unknown and invalid filters: never stored.
    for path in (
        "/de/search/?q=Abend",
        f"{news.url}?utm_source=newsletter",
        f"{calendar.url}?city=Nirgendwo",
        f"{calendar.url}?format=ONLINE",
    ):
        assert reader.twice(path)[:2] == ("MISS", "MISS"), path
    # A valid filter is cached once, whatever the order of its parameters.
    month = timezone.localdate().strftime("%Y-%m")
    assert reader.twice(f"{calendar.url}?format=online&month={month}")[:2] == ("MISS", "HIT")
    assert reader.get(f"{calendar.url}?month={month}&format=online")[1]["X-Cache"] == "HIT"
    # The embargoed release is nowhere, and its press room is kept only until the go-live.
    status_miss = reader.twice(f"{room.url}{embargoed.slug}/")
    assert status_miss[:2] == ("MISS", "MISS") and status_miss[2][0] == 404
    _first, _second, (status, headers, body) = reader.twice(room.url)
    assert status == 200 and "Unter Sperrfrist" not in body
    s_maxage = int(re.search(r"s-maxage=(\d+)", headers["Cache-Control"])[1])
    assert s_maxage <= 2 * 60 * 60
    # Go-live (cron's publish_scheduled, the clock moved past it): purged, listed at once.
    assert reader.get(room.url)[1]["X-Cache"] == "HIT"
    later = embargoed.go_live_at + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=io.StringIO())
    _status, headers, body = reader.get(room.url)
    assert headers["X-Cache"] == "MISS" and "Unter Sperrfrist" in body
    # The password form (view-restricted, with a CSRF token).
    assert reader.twice(locked.url)[:2] == ("MISS", "MISS")

    # Logged in: nothing from the cache, nothing into it, the admin and its previews passed.
    reader.cookies.clear()
    assert reader.twice(news.url)[:2] == ("MISS", "HIT")
    reader.log_in(UserFactory(superuser=True))
    first, second, (status, headers, body) = reader.twice(news.url)
    assert (first, second, status) == ("MISS", "MISS", 200)
    assert "private" in headers["Cache-Control"]
    assert reader.twice(f"/admin/pages/{news.pk}/edit/preview/?mode=")[:2] == ("MISS", "MISS")
    assert reader.twice("/admin/")[:2] == ("MISS", "MISS")


def test_every_kind_of_change_purges_what_shows_it(cached_site):
    reader = cached_site
    home = NewsIndexPageFactory().get_parent()
    NavigationFactory(footer_text="Gefördert vom Land.")
    image = K3ImageFactory(credit="Foto: Anna Alt")
    news = NewsPageFactory(title="Mit Bild", image=image, teaser="Kurz.")
    english = translate(news, "en", title="With a picture", slug="with-a-picture")
    venue = VenueFactory(name="Alte Halle")
    event = EventPageFactory(parent=EventIndexPageFactory(), title="Konzert", venue=venue)
    other_parent = StandardPageFactory(title="Archiv")
    moved = StandardPageFactory(title="Wandernde Seite")
    old_url = moved.url
    paths = [home.url, news.url, english.url, event.url, old_url]
    for path in paths:
        assert reader.twice(path)[:2] == ("MISS", "HIT"), path

    # A snippet every page shows: the whole site is forgotten.
    navigation = NavigationFactory._meta.model.objects.get(locale=home.locale)
    navigation.footer_text = "Gefördert von NRW."
    navigation.save()
    assert "Gefördert von NRW." in reader.get(home.url)[2]
    # A snippet some pages show, and an image's credit: the pages that use them.
    for path in paths:
        reader.get(path)
    venue.name = "Neue Halle"
    venue.save()
    assert "Neue Halle" in reader.get(event.url)[2]
    image.credit = "Foto: Berta Neu"
    image.save()
    assert "Foto: Berta Neu" in reader.get(news.url)[2]
    # The translation is published (what wagtail-localize's sync does).
    english.title = "With a new picture"
    english.save_revision().publish()
    assert title_of(reader.get(english.url)[2]).startswith("With a new picture")
    # A move: the old address redirects (Wagtail's automatic redirect), the new one is served.
    moved.move(other_parent, pos="last-child")
    moved.refresh_from_db()
    status, headers, _body = reader.get(old_url)
    assert (status, urllib.parse.urlsplit(headers["Location"]).path) == (301, moved.url)
    assert reader.get(moved.url)[0] == 200
    # Unpublished in the admin: the live server sends the PURGE.
    assert reader.twice(news.url)[:2] == ("MISS", "HIT")
    editor = Reader(reader.base_url)
    editor.log_in(UserFactory(superuser=True))
    assert editor.post(f"/admin/pages/{news.pk}/unpublish/", {}) == 302
    assert reader.get(news.url)[0] == 404
