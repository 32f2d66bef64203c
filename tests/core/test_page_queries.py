"""Queries per page do not grow with what the page shows (issue 16).

Each page type is requested with few and with many items (menu and footer links, organisers,
topics, events, news, fellows, partners, translations), once with an empty cache (the first
reader after a change) and once more (the next reader, with the menu, the translations and the
breadcrumbs from the cache). The counts must be equal and stay under the bound measured when the
test was written; a bound that fails means a new query per page: look for the N+1 first.
"""

import json

import pytest
from django.core.cache import cache
from django.db import connection

from core.factories import K3ImageFactory, alias_in, translate
from events.factories import EventPageFactory, VenueFactory
from home.factories import StandardPageFactory
from navigation.factories import NavigationFactory
from network.factories import (
    FellowProfilePageFactory,
    PartnerPageFactory,
    ProgramPageFactory,
)
from news.factories import NewsPageFactory
from press.factories import PressReleasePageFactory
from taxonomy.factories import ArtDisciplineFactory, TopicFactory

pytestmark = pytest.mark.django_db

FEW, MANY = 2, 8


def count_queries(client, url):
    statements = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: statements.append(sql) or execute(sql, *rest)
    ):
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


def queries(client, url):
    """(queries with an empty cache, queries of the next request)."""
    client.get(url)  # renditions are made on the first visit
    cache.clear()
    return count_queries(client, url), count_queries(client, url)


@pytest.fixture
def navigation(site):
    """Menu and footer with few links; `grow()` gives them many, in both languages."""
    pages = [StandardPageFactory(parent=site.home_de, show_in_menus=True) for _ in range(MANY)]
    for page in pages:
        translate(page, "en")
    german = NavigationFactory(locale=site.de, main_pages=pages[:FEW], footer_pages=pages[:FEW])

    def grow():
        links = [("link", {"page": page}) for page in pages]
        german.main_links = links
        german.footer_links = links
        german.save()

    return grow


def partners(count):
    return [PartnerPageFactory(logo=K3ImageFactory()) for _ in range(count)]


def test_standard_page(client, site, navigation):
    page = StandardPageFactory(parent=site.home_de, title="Impressum", slug="impressum")
    translate(page, "en", title="Legal notice", slug="legal-notice")
    few = queries(client, page.url)
    navigation()
    many = queries(client, page.url)
    assert few == many
    assert many[0] <= 20 and many[1] <= 3


def test_event_page(client, site, navigation):
    def event(count):
        event = EventPageFactory(
            image=K3ImageFactory(),
            venue=VenueFactory(),
            program=ProgramPageFactory(),
            co_organisers=partners(count),
            topics=TopicFactory.create_batch(count),
        )
        translate(event, "en")
        return event

    few = queries(client, event(FEW).url)
    navigation()
    many_event = event(MANY)
    many = queries(client, many_event.url)
    assert few == many
    assert many[0] <= 37 and many[1] <= 13
    english = many_event.get_translation(site.en)
    in_english = queries(client, english.url)  # organisers, program and topics localized
    assert in_english[0] <= 38 and in_english[1] <= 14


def test_partner_page(client, site, navigation):
    def partner(count):
        partner = PartnerPageFactory(logo=K3ImageFactory())
        for _ in range(count):
            EventPageFactory(parent=partner, image=K3ImageFactory())
            NewsPageFactory(parent=partner, image=K3ImageFactory(), related_partners=[partner])
            FellowProfilePageFactory(parent=partner, portrait=K3ImageFactory())
        alias_in(partner, "en")
        return partner

    few = queries(client, partner(FEW).url)
    navigation()
    many = queries(client, partner(MANY).url)
    assert few == many
    # The next reader gets the events, fellows and news sections as rendered for the first
    # (core.lookup_cache.cached_fragment): only the page itself is read.
    assert many[0] <= 38 and many[1] <= 4, many


def test_fellow_page(client, site, navigation):
    def fellow(count):
        fellow = FellowProfilePageFactory(
            parent=PartnerPageFactory(),
            portrait=K3ImageFactory(),
            program=ProgramPageFactory(),
            disciplines=ArtDisciplineFactory.create_batch(count),
        )
        translate(fellow, "en")
        return fellow

    few = queries(client, fellow(FEW).url)
    navigation()
    many = queries(client, fellow(MANY).url)
    assert few == many
    assert many[0] <= 34 and many[1] <= 10


def test_news_page(client, site, navigation):
    def news(count):
        news = NewsPageFactory(
            image=K3ImageFactory(),
            related_partners=partners(count),
            related_programs=[ProgramPageFactory() for _ in range(count)],
            topics=TopicFactory.create_batch(count),
        )
        translate(news, "en")
        return news

    few = queries(client, news(FEW).url)
    navigation()
    many = queries(client, news(MANY).url)
    assert few == many
    assert many[0] <= 33 and many[1] <= 11


def test_press_release(client, site, navigation):
    def release(count):
        photos = [
            {"type": "photo", "value": {"image": K3ImageFactory().pk, "caption": "Foto"}}
            for _ in range(count)
        ]
        release = PressReleasePageFactory(photos=json.dumps(photos))
        translate(release, "en")
        return release

    few = queries(client, release(FEW).url)
    navigation()
    many = queries(client, release(MANY).url)
    assert few == many
    assert many[0] <= 31 and many[1] <= 10


def test_home_page(client, site, navigation):
    def add(count):
        partners(count)
        for _ in range(count):
            ProgramPageFactory(listing_image=K3ImageFactory())
            NewsPageFactory(image=K3ImageFactory())
            EventPageFactory(image=K3ImageFactory())
        return [StandardPageFactory(parent=site.home_de) for _ in range(count)]

    def set_sections(featured):
        site.home_de.sections = json.dumps(
            [
                {"type": "programs", "value": {"heading": "Programme", "intro": ""}},
                {"type": "latest_news", "value": {"heading": "Aktuelles", "count": 12}},
                {"type": "upcoming_events", "value": {"heading": "Termine", "count": 12}},
                {"type": "partner_logos", "value": {"heading": "Netzwerk"}},
                {
                    "type": "featured_pages",
                    "value": {"heading": "Gut zu wissen", "pages": [p.pk for p in featured]},
                },
            ]
        )
        site.home_de.save_revision().publish()

    set_sections(add(FEW))
    few = queries(client, "/de/")
    navigation()
    set_sections(add(MANY))
    many = queries(client, "/de/")
    assert few == many
    # The next reader gets every section as rendered for the first (home.blocks.SectionBlock).
    assert many[0] <= 36 and many[1] <= 2, many


def test_footer_funding_logo_is_not_made_again(client, site):
    """The cached footer keeps its logo's rendition: later readers make none and look none up
    (an image cached with its prefetched renditions once made it again on every request)."""
    NavigationFactory(locale=site.de, funding_logo=K3ImageFactory())
    page = StandardPageFactory(parent=site.home_de, slug="impressum")
    client.get(page.url)
    statements = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: statements.append(sql) or execute(sql, *rest)
    ):
        response = client.get(page.url)
    assert b'class="funding__logo" src="' in response.content
    assert not [sql for sql in statements if "rendition" in sql.lower()]
