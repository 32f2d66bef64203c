"""Every page describes itself to search engines and link previews: one meta description, a
title without the site name twice, OpenGraph and Twitter card tags with a 1200×630 image, and
the other language only where a real translation exists (issue 14)."""

import re
from html import unescape

import factory
import pytest

from core.factories import K3ImageFactory, alias_in, translate
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory
from network.factories import (
    FellowIndexPageFactory,
    FellowProfilePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory
from press.factories import PressReleasePageFactory, PressRoomPageFactory

pytestmark = pytest.mark.django_db

SITE_NAME = "K3 KI.Kunst.Kultur"


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode().split("</head>")[0]


def meta_tags(html):
    """[(name or property, content)] of the page's <meta> tags, in order."""
    return [
        (key, unescape(content))
        for key, content in re.findall(
            r'<meta (?:name|property)="([^"]+)" content="([^"]*)">', html
        )
    ]


def meta(html, key):
    values = [content for name, content in meta_tags(html) if name == key]
    assert len(values) == 1, (key, values)
    return values[0]


def values(html, key):
    return [content for name, content in meta_tags(html) if name == key]


def title(html):
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip())


def large_image(**fields):
    return K3ImageFactory(
        file=factory.django.ImageField(filename="gross.png", width=1600, height=1000), **fields
    )


PAGES = {
    "home": (lambda site: site.home_de, "Der Vorspann der Startseite."),
    "standard": (
        lambda site: StandardPageFactory(intro="Worum es auf dieser Seite geht."),
        "Worum es auf dieser Seite geht.",
    ),
    "news": (lambda site: NewsPageFactory(teaser="Kurz gesagt: Neues."), "Kurz gesagt: Neues."),
    "event": (lambda site: EventPageFactory(intro="Ein Abend über KI."), "Ein Abend über KI."),
    "press release": (
        lambda site: PressReleasePageFactory(lead="Wer, was, wann, wo."),
        "Wer, was, wann, wo.",
    ),
    "partner": (
        lambda site: PartnerPageFactory(description="<p>Ein Haus für Kunst &amp; KI.</p>"),
        "Ein Haus für Kunst & KI.",
    ),
    "fellow": (
        lambda site: FellowProfilePageFactory(project_description="<p>Sie malt mit Daten.</p>"),
        "Sie malt mit Daten.",
    ),
    "news index": (lambda site: NewsIndexPageFactory(intro="Alle Meldungen."), "Alle Meldungen."),
    "event index": (
        lambda site: EventIndexPageFactory(intro="Alle Termine."),
        "Alle Termine.",
    ),
    "partner index": (
        lambda site: PartnerIndexPageFactory(intro="Alle Partner."),
        "Alle Partner.",
    ),
    "fellow index": (lambda site: FellowIndexPageFactory(intro="Alle Fellows."), "Alle Fellows."),
    "press room": (lambda site: PressRoomPageFactory(intro="Für die Presse."), "Für die Presse."),
}


@pytest.mark.parametrize("kind", PAGES)
def test_every_page_type_has_one_meta_description_from_its_lead_text(client, site, kind):
    make, expected = PAGES[kind]
    page = make(site)
    if kind == "home":
        page.intro = f"<p>{expected}</p>"
        page.save_revision().publish()
    html = head(client, page.url)
    assert meta(html, "description") == expected
    assert meta(html, "og:description") == expected


def test_the_search_description_comes_first_and_a_page_without_text_gets_the_sites(client, site):
    described = StandardPageFactory(search_description="Für Suchmaschinen.", intro="Vorspann.")
    assert meta(head(client, described.url), "description") == "Für Suchmaschinen."
    silent = NewsIndexPageFactory(intro="")
    assert "K3 KI.Kunst.Kultur" in meta(head(client, silent.url), "description")


def test_the_english_page_describes_itself_in_english(client, site):
    original = StandardPageFactory(intro="Auf Deutsch.")
    english = translate(original, "en", title="In English", intro="In English.")
    assert meta(head(client, english.url), "description") == "In English."


def test_the_home_page_title_is_the_site_name_once_others_add_it(client, site):
    assert title(head(client, site.home_de.url)) == SITE_NAME
    assert title(head(client, site.home_en.url)) == SITE_NAME
    page = StandardPageFactory(title="Über uns")
    assert title(head(client, page.url)) == f"Über uns – {SITE_NAME}"
    page.seo_title = "Wer wir sind"
    page.save_revision().publish()
    html = head(client, page.url)
    assert title(html) == f"Wer wir sind – {SITE_NAME}"
    assert meta(html, "og:title") == "Wer wir sind"


def test_open_graph_tags_with_a_1200_by_630_image_and_its_alt_text(client, site):
    image = large_image(description="Zwei Menschen vor einer Leinwand")
    news = NewsPageFactory(title="Neu im Netz", image=image)
    html = head(client, news.url)
    assert meta(html, "og:title") == "Neu im Netz"
    assert meta(html, "og:url") == f"http://testserver{news.url}"
    assert meta(html, "og:site_name") == SITE_NAME
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:locale") == "de_DE"
    assert meta(html, "og:image").startswith("http://testserver/")
    assert ".fill-1200x630" in meta(html, "og:image")
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt") == "Zwei Menschen vor einer Leinwand"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_a_page_uses_its_listing_image_or_a_portrait_else_a_small_card(client, site):
    standard = StandardPageFactory(listing_image=large_image(description="Ein Blick ins Atelier"))
    assert meta(head(client, standard.url), "og:image:alt") == "Ein Blick ins Atelier"
    fellow = FellowProfilePageFactory(portrait=large_image(description="Porträt"))
    assert meta(head(client, fellow.url), "og:image:alt") == "Porträt"
    event = EventPageFactory(image=large_image(description="Bühne"))
    assert meta(head(client, event.url), "og:image:alt") == "Bühne"
    bare = StandardPageFactory()
    html = head(client, bare.url)
    assert values(html, "og:image") == []
    assert meta(html, "twitter:card") == "summary"


@pytest.mark.parametrize(
    "make, expected",
    [
        (NewsPageFactory, "article"),
        (PressReleasePageFactory, "article"),
        (EventPageFactory, "website"),
        (StandardPageFactory, "website"),
    ],
)
def test_news_and_press_releases_are_articles(client, site, make, expected):
    assert meta(head(client, make().url), "og:type") == expected


def test_the_other_locale_is_offered_only_for_a_real_translation(client, site):
    translated = StandardPageFactory(title="Übersetzt")
    english = translate(translated, "en", title="Translated")
    german_html, english_html = head(client, translated.url), head(client, english.url)
    assert values(german_html, "og:locale:alternate") == ["en_GB"]
    assert meta(english_html, "og:locale") == "en_GB"
    assert values(english_html, "og:locale:alternate") == ["de_DE"]

    aliased = StandardPageFactory(title="Nur deutsch")
    alias = alias_in(aliased, "en")
    assert values(head(client, aliased.url), "og:locale:alternate") == []
    alias_html = head(client, alias.url)
    assert values(alias_html, "og:locale:alternate") == []
    assert meta(alias_html, "og:locale") == "de_DE"  # its text is German
    assert meta(alias_html, "og:url") == f"http://testserver{aliased.url}"  # the canonical

    started = StandardPageFactory(title="Angefangen")
    alias_in(started, "en")
    draft = translate(started, "en", publish=False, title="Started")
    assert values(head(client, started.url), "og:locale:alternate") == []
    assert values(head(client, draft.url), "og:locale:alternate") == []


def test_views_that_are_no_page_still_have_one_description(client, site):
    html = head(client, "/de/search/?q=kunst")
    assert len(values(html, "description")) == 1
