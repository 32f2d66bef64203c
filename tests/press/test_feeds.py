"""Issue 14: journalists subscribe to the press releases (press.feeds); an embargoed release
appears in the feeds of every language only once it is live."""

import datetime
import io
import json
import re
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.factories import alias_in
from press.factories import PressReleasePageFactory
from tests.feeds import parsed, titles

from .conftest import CREDIT, press_photo

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_press_feeds_list_the_releases_of_their_language_with_photo_and_credit(
    client, room, release, english, feed_format
):
    german_feed = parsed(client, f"{room.url}feed/{feed_format}/")
    entry = german_feed.entries[titles(german_feed).index("Probebühne eröffnet")]
    assert entry.link == f"http://testserver{release.url}"
    assert entry.summary == "Die Probebühne öffnet."
    assert entry.published in ("Mon, 02 Mar 2026 00:00:00 +0100", "2026-03-02T00:00:00+01:00")
    assert entry.author == "K3 KI.Kunst.Kultur"
    assert entry.enclosures[0].href.startswith("http://testserver/")
    assert entry.media_credit[0]["content"] == CREDIT

    english_room = room.get_translation(english)
    english_feed = parsed(client, f"{english_room.url}feed/{feed_format}/")
    assert "Rehearsal stage opens" in titles(english_feed)
    assert "Probebühne eröffnet" not in titles(english_feed)


def test_english_press_feed_leaves_out_untranslated_releases(client, room, release):
    untranslated = PressReleasePageFactory(parent=room, title="Nur auf Deutsch erschienen")
    alias = alias_in(untranslated, "en")
    assert alias.live
    english_room = room.get_translation(alias.locale)
    assert "Nur auf Deutsch erschienen" not in titles(
        parsed(client, f"{english_room.url}feed/rss/")
    )
    assert "Nur auf Deutsch erschienen" in titles(parsed(client, f"{room.url}feed/rss/"))


@contextmanager
def after_go_live(page):
    """Move the clock past the go-live time and run Wagtail's scheduled publishing, as cron does."""
    later = page.go_live_at + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=io.StringIO())
        yield


def test_embargoed_release_appears_in_the_feeds_only_once_live(client, room, release, english):
    image = press_photo("Sperrfrist Foto")
    page = PressReleasePageFactory(
        parent=room,
        title="Neue Fellows ausgewählt",
        slug="neue-fellows",
        date=datetime.date(2026, 6, 1),
        photos=json.dumps(
            [{"type": "photo", "value": {"image": image.pk, "caption": "", "alt_text": ""}}]
        ),
        live=False,
    )
    page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    page.save_revision().publish()
    # The English translation was published early: go-live dates are not synchronised.
    translation = page.copy_for_translation(english)
    translation.title = "New fellows selected"
    translation.go_live_at = None
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert translation.live
    english_room = room.get_translation(english)
    feeds = {
        "Neue Fellows ausgewählt": f"{room.url}feed/rss/",
        "New fellows selected": f"{english_room.url}feed/atom/",
    }
    for title, url in feeds.items():
        assert title not in titles(parsed(client, url)), url

    with after_go_live(page):
        for title, url in feeds.items():
            feed = parsed(client, url)
            assert titles(feed)[0] == title, url  # the newest release
            assert feed.entries[0].media_credit[0]["content"] == CREDIT


def test_press_room_announces_its_feeds(client, room, english):
    english_room = room.get_translation(english)
    for page in (room, english_room):
        html = client.get(page.url).content.decode()
        links = re.findall(r'<link rel="alternate" type="application/[a-z]+\+xml"[^>]*>', html)
        assert f'title="{page.title} (RSS)" href="{page.url}feed/rss/"' in links[0]
        assert f'href="{page.url}feed/atom/"' in links[1]


def queries_for(client, url):
    client.get(url)  # makes the image renditions once, as the first reader does
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_press_feed_query_count_does_not_grow_with_the_releases(client, room, release):
    def add(count):
        for _ in range(count):
            image = press_photo("Foto", width=60, height=40)
            PressReleasePageFactory(
                parent=room,
                photos=json.dumps(
                    [{"type": "photo", "value": {"image": image.pk, "caption": "", "alt_text": ""}}]
                ),
            )

    add(2)  # three with the module's release
    few = queries_for(client, f"{room.url}feed/rss/")
    add(9)
    assert queries_for(client, f"{room.url}feed/rss/") == few
