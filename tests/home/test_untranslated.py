"""Pages left untranslated stay reachable in English, honestly marked as German."""

import re

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

# One untranslated page per type the demo leaves in German on purpose.
ALIASES = [
    ("/en/leichte-sprache/", "/de/leichte-sprache/"),
    ("/en/network/beispiel-archiv-hagen/", "/de/netzwerk/beispiel-archiv-hagen/"),
    (
        "/en/network/beispiel-orchester-krefeld/ben-schulte/",
        "/de/netzwerk/beispiel-orchester-krefeld/ben-schulte/",
    ),
    (
        "/en/network/beispiel-medienlabor-koeln/ki-werkstatt/",
        "/de/netzwerk/beispiel-medienlabor-koeln/ki-werkstatt/",
    ),
]


@pytest.mark.parametrize("english,german", ALIASES)
def test_untranslated_page_is_marked_as_german(client, english, german):
    response = client.get(english)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>") or '<html lang="en">' in html
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


@pytest.mark.parametrize("english,german", ALIASES)
def test_german_original_does_not_offer_the_alias(client, english, german):
    html = client.get(german).content.decode()
    assert "This page has not been translated yet" not in html
    assert "noindex" not in html
    assert f'hreflang="en" href="http://testserver{english}"' not in html


def test_translated_page_carries_both_hreflangs_and_no_notice(client):
    html = client.get("/en/network/kulturrat-nrw/").content.decode()
    assert "not been translated" not in html
    assert 'hreflang="de" href="http://testserver/de/netzwerk/kulturrat-nrw/"' in html
    assert 'hreflang="en" href="http://testserver/en/network/kulturrat-nrw/"' in html


def test_english_listings_mark_german_entries(client):
    html = client.get("/en/news/").content.decode()
    card = re.search(r'<article class="card" lang="de">.*?</article>', html, re.S)
    assert card and "KI-Werkstatt" in card.group(0)


def test_every_page_type_has_an_alias_in_the_demo():
    aliased = {
        page.specific_class.__name__
        for page in Page.objects.filter(locale__language_code="en", alias_of__isnull=False)
    }
    assert {"StandardPage", "PartnerPage", "FellowProfilePage", "NewsPage"} <= aliased
