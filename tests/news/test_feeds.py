"""Issue 14: RSS and Atom feeds of the news, per language and per partner (news.feeds)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import K3ImageFactory, alias_in, first_or_create, translate
from network.factories import PartnerPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.feeds import parsed, titles

pytestmark = pytest.mark.django_db

CREDIT = "Foto: Jana Beispiel"
FORMATS = ["rss", "atom"]


@pytest.fixture
def news(site):
    """German news: one translated with an image, one only aliased in English, one whose English
    translation is not published yet, and one of a partner."""
    index = first_or_create(NewsIndexPageFactory)
    index_en = translate(index, "en", title="News", slug="news")
    partner = PartnerPageFactory(title="Haus der Probe", slug="haus-der-probe")
    translated = NewsPageFactory(
        parent=index,
        title="Fellows ausgewählt",
        teaser="Die Fellows stehen fest.",
        date=datetime.date(2026, 5, 4),
        image=K3ImageFactory(credit=CREDIT),
    )
    translated_en = translate(
        translated, "en", title="Fellows selected", slug="fellows-selected", teaser="Chosen."
    )
    aliased = NewsPageFactory(parent=index, title="Nur auf Deutsch", date=datetime.date(2026, 5, 3))
    alias_in(aliased, "en")
    in_progress = NewsPageFactory(
        parent=index, title="Übersetzung läuft", date=datetime.date(2026, 5, 2)
    )
    alias_in(in_progress, "en")
    translate(in_progress, "en", publish=False, title="Translation in progress")
    partner_news = NewsPageFactory(
        parent=partner, title="Premiere im Haus", date=datetime.date(2026, 5, 1)
    )
    return index, index_en, partner, translated_en, partner_news


@pytest.mark.parametrize("feed_format", FORMATS)
def test_german_feed_lists_every_news_item_with_link_date_author_and_image(
    client, news, feed_format
):
    index, _index_en, partner, _translated_en, _partner_news = news
    feed = parsed(client, f"{index.url}feed/{feed_format}/")
    assert feed.feed.get("language", "de") == "de"
    assert titles(feed) == [
        "Fellows ausgewählt",
        "Nur auf Deutsch",
        "Übersetzung läuft",
        "Premiere im Haus",
    ]
    first, *_rest, last = feed.entries
    assert first.link.startswith("http://testserver/de/aktuelles/")
    assert first.summary == "Die Fellows stehen fest."
    # The news item's date, at midnight in Germany (RSS and Atom write it differently).
    assert first.published in ("Mon, 04 May 2026 00:00:00 +0200", "2026-05-04T00:00:00+02:00")
    assert first.author == "K3 KI.Kunst.Kultur"
    assert last.author == partner.title
    enclosure = first.enclosures[0]
    assert enclosure.href.startswith("http://testserver/")
    assert enclosure.type == "image/png"
    assert first.media_credit[0]["content"] == CREDIT
    assert first.media_content[0]["url"] == enclosure.href
    # feedparser reads media:description (the German alt text) as the entry's content.
    assert first.content[0].value.startswith("Beschreibung von")
    assert not last.get("enclosures")


@pytest.mark.parametrize("feed_format", FORMATS)
def test_english_feed_has_only_real_translations(client, news, feed_format):
    _index, index_en, _partner, translated_en, _partner_news = news
    feed = parsed(client, f"{index_en.url}feed/{feed_format}/")
    assert titles(feed) == ["Fellows selected"]
    assert feed.entries[0].link == f"http://testserver{translated_en.url}"
    assert feed.entries[0].summary == "Chosen."
    assert feed.entries[0].media_credit[0]["content"] == CREDIT
    assert "content" not in feed.entries[0]  # no media:description: the alt text is German


def test_partner_feed_has_only_the_partners_news(client, news):
    index, _index_en, partner, _translated_en, _partner_news = news
    feed = parsed(client, f"{index.url}feed/{partner.slug}/rss/")
    assert titles(feed) == ["Premiere im Haus"]
    assert feed.feed.link == f"http://testserver{partner.url}"
    assert client.get(f"{index.url}feed/kein-partner/rss/").status_code == 404
    assert client.get(f"{index.url}feed/json/").status_code == 404


def alternate_links(html):
    return re.findall(r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*>', html)


def test_pages_announce_their_feeds_in_their_language(client, site, news):
    index, index_en, partner, _translated_en, _partner_news = news
    expected = {
        site.home_de.url: f"{index.url}feed/rss/",
        index.url: f"{index.url}feed/rss/",
        site.home_en.url: f"{index_en.url}feed/rss/",
        index_en.url: f"{index_en.url}feed/rss/",
        partner.url: f"{index.url}feed/{partner.slug}/rss/",
    }
    for page_url, feed_url in expected.items():
        links = alternate_links(client.get(page_url).content.decode())
        assert len(links) == 2, page_url
        assert f'href="{feed_url}"' in links[0], page_url
        assert 'type="application/atom+xml"' in links[1], page_url
        assert parsed(client, feed_url).entries  # the announced feed is there


def queries_for(client, url):
    client.get(url)  # makes the image renditions once, as the first reader does
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_items(client, site):
    index = first_or_create(NewsIndexPageFactory)
    partner = PartnerPageFactory(title="Haus der Zahlen", slug="haus-der-zahlen")

    def add(count):
        for _ in range(count):
            NewsPageFactory(parent=partner, image=K3ImageFactory())

    add(3)
    few = (
        queries_for(client, f"{index.url}feed/rss/"),
        queries_for(client, f"{index.url}feed/{partner.slug}/atom/"),
    )
    add(9)
    many = (
        queries_for(client, f"{index.url}feed/rss/"),
        queries_for(client, f"{index.url}feed/{partner.slug}/atom/"),
    )
    assert few == many


def test_feed_has_at_most_twenty_items(client, site):
    index = first_or_create(NewsIndexPageFactory)
    for _ in range(22):
        NewsPageFactory(parent=index)
    assert len(parsed(client, f"{index.url}feed/rss/").entries) == 20
