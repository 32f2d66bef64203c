"""Pages left untranslated stay reachable in English, honestly marked as German."""

import re

import pytest

from core.factories import alias_in, first_or_create, translate
from home.factories import StandardPageFactory
from network.factories import FellowProfilePageFactory, PartnerIndexPageFactory, PartnerPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(site):
    """The partner overview, translated: untranslated partners are aliased below it."""
    partners = first_or_create(PartnerIndexPageFactory, title="Netzwerk", slug="netzwerk")
    translate(partners, "en", title="Network", slug="network")
    return partners


def standard_page(site, network):
    return StandardPageFactory(
        parent=site.home_de, title="Quallen in Leichter Sprache", slug="quallen-leicht"
    )


def partner(site, network):
    return PartnerPageFactory(title="Beispiel-Archiv Hamm", slug="beispiel-archiv-hamm")


def fellow(site, network):
    host = PartnerPageFactory(title="Beispiel-Orchester Kleve", slug="beispiel-orchester-kleve")
    alias_in(host, "en")
    return FellowProfilePageFactory(parent=host, title="Jule Brandt", slug="jule-brandt")


def partner_news(site, network):
    host = PartnerPageFactory(title="Beispiel-Medienlabor Unna", slug="beispiel-medienlabor-unna")
    alias_in(host, "en")
    return NewsPageFactory(parent=host, title="Quallenwerkstatt", slug="quallenwerkstatt")


# One untranslated page per type, with the addresses its alias and original must have.
PAGE_TYPES = {
    "StandardPage": (standard_page, "/en/quallen-leicht/", "/de/quallen-leicht/"),
    "PartnerPage": (
        partner,
        "/en/network/beispiel-archiv-hamm/",
        "/de/netzwerk/beispiel-archiv-hamm/",
    ),
    "FellowProfilePage": (
        fellow,
        "/en/network/beispiel-orchester-kleve/jule-brandt/",
        "/de/netzwerk/beispiel-orchester-kleve/jule-brandt/",
    ),
    "NewsPage": (
        partner_news,
        "/en/network/beispiel-medienlabor-unna/quallenwerkstatt/",
        "/de/netzwerk/beispiel-medienlabor-unna/quallenwerkstatt/",
    ),
}


@pytest.fixture(params=PAGE_TYPES)
def untranslated(request, site, network):
    """(English alias URL, German URL) of an untranslated page of one type."""
    build, english, german = PAGE_TYPES[request.param]
    original = build(site, network)
    alias = alias_in(original, "en")
    assert type(alias).__name__ == request.param and alias.alias_of_id == original.pk
    assert (alias.url, original.url) == (english, german)
    return english, german


def test_untranslated_page_is_marked_as_german(client, untranslated):
    english, german = untranslated
    response = client.get(english)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert re.search(r'<main id="main"[^>]*lang="de"', html)
    assert "This page has not been translated yet" in html
    assert f'href="{german}" hreflang="de"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="http://testserver{german}">' in html
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    assert ("de", f"http://testserver{german}") in hreflangs
    assert all(code != "en" for code, _href in hreflangs)
    # the language switcher leads to the German original
    assert f'<a href="{german}" hreflang="de" lang="de">Deutsch</a>' in html


def test_german_original_does_not_offer_the_alias(client, untranslated):
    english, german = untranslated
    response = client.get(german)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This page has not been translated yet" not in html
    assert "noindex" not in html
    assert f'hreflang="en" href="http://testserver{english}"' not in html


def test_translated_page_carries_both_hreflangs_and_no_notice(client, network):
    council = PartnerPageFactory(title="Kulturrat Kleve", slug="kulturrat-kleve")
    translate(council, "en", title="Cultural council Kleve")
    html = client.get("/en/network/kulturrat-kleve/").content.decode()
    assert "Cultural council Kleve" in html
    assert "not been translated" not in html
    assert 'hreflang="de" href="http://testserver/de/netzwerk/kulturrat-kleve/"' in html
    assert 'hreflang="en" href="http://testserver/en/network/kulturrat-kleve/"' in html


def test_english_listings_mark_german_entries(client, site):
    news = first_or_create(NewsIndexPageFactory, title="Aktuelles", slug="aktuelles")
    translate(news, "en", title="News", slug="news")
    alias_in(NewsPageFactory(title="Quallenwerkstatt"), "en")
    translate(NewsPageFactory(title="Quallenabend"), "en", title="Jellyfish evening")
    html = client.get("/en/news/").content.decode()
    cards = re.findall(r'(<article class="card"[^>]*>)(.*?)</article>', html, re.S)
    tags = {
        title: tag
        for tag, card in cards
        for title in ("Quallenwerkstatt", "Jellyfish evening")
        if title in card
    }
    assert tags == {
        "Quallenwerkstatt": '<article class="card" lang="de">',
        "Jellyfish evening": '<article class="card">',
    }
