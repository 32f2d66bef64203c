"""The sitemaps (core/sitemaps.py) list every page the public may see and search engines should
index, once per language, with reciprocal hreflang alternates between real translations only;
robots.txt names the index (issue 14)."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail_localize.models import StringSegment, TranslationSource

from core.factories import alias_in, first_or_create, translate
from home.factories import StandardPageFactory
from press.factories import PressReleasePageFactory, PressRoomPageFactory

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def get_xml(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def sitemap(client, language):
    """{location: {hreflang: href}} of /sitemap-<language>.xml."""
    root = get_xml(client, f"/sitemap-{language}.xml")
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link[@rel='alternate']", NS)
        }
        for url in root.findall("sm:url", NS)
    }


def absolute(page):
    return HOST + page.url


def translated_pair(parent, title, slug):
    german = StandardPageFactory(parent=parent, title=title, slug=slug)
    english = translate(german, "en", title=f"{title} (en)", slug=f"{slug}-en")
    return german, english


def started_translation(page):
    """A translator's unpublished work on every string of `page`, saved as wagtail-localize does."""
    alias_in(page, "en")
    source, _created = TranslationSource.update_or_create_from_instance(page.specific)
    texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    return translate(page, "en", publish=False, strings={text: f"EN {text}" for text in texts})


def schedule(page):
    page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


@pytest.fixture
def world(site):
    translated = translated_pair(site.home_de, "Quallen", "quallen")
    untranslated = StandardPageFactory(parent=site.home_de, title="Nur Deutsch", slug="nur-deutsch")
    alias = alias_in(untranslated, "en")
    in_progress = StandardPageFactory(parent=site.home_de, title="Halb", slug="halb")
    started = started_translation(in_progress)
    assert started.live and not started.alias_of_id
    private_de, public_en = translated_pair(site.home_de, "Intern", "intern")
    PageViewRestriction.objects.create(
        page=private_de, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    room = first_or_create(PressRoomPageFactory)
    room_en = translate(room, "en", title="Press", slug="press")
    release = PressReleasePageFactory(
        parent=room, title="Sperrfrist", slug="sperrfrist", live=False
    )
    schedule(release)
    release_en = translate(release, "en", go_live_at=None, title="Embargo", slug="embargo")
    assert release_en.live
    return {
        "translated": translated,
        "untranslated": untranslated,
        "alias": alias,
        "in_progress": (in_progress, started),
        "private": (private_de, public_en),
        "room": (room, room_en),
        "release": (release, release_en),
    }


def test_each_language_lists_its_indexable_pages_once(client, site, world):
    german, english = sitemap(client, "de"), sitemap(client, "en")
    german_pages = [site.home_de, *world["translated"][:1], world["untranslated"]]
    german_pages += [world["in_progress"][0], world["room"][0]]
    english_pages = [site.home_en, world["translated"][1], world["private"][1], world["room"][1]]
    assert sorted(german) == sorted(absolute(page) for page in german_pages)
    assert sorted(english) == sorted(absolute(page) for page in english_pages)


def test_aliases_translations_in_progress_embargoed_and_private_pages_are_absent(client, world):
    listed = set(sitemap(client, "de")) | set(sitemap(client, "en"))
    for alternates in [*sitemap(client, "de").values(), *sitemap(client, "en").values()]:
        listed |= set(alternates.values())
    absent = [world["alias"], world["in_progress"][1], *world["release"], world["private"][0]]
    for page in absent:
        assert absolute(page) not in listed, page
    # The alias and the translation in progress keep the German address they were given.
    assert world["alias"].url.startswith("/en/") and world["in_progress"][1].url.startswith("/en/")


def test_real_translations_list_each_other_self_and_the_german_as_x_default(client, world):
    german, english = world["translated"]
    expected = {"de": absolute(german), "en": absolute(english), "x-default": absolute(german)}
    assert sitemap(client, "de")[absolute(german)] == expected
    assert sitemap(client, "en")[absolute(english)] == expected


def test_pages_in_one_language_have_no_alternates(client, world):
    assert sitemap(client, "de")[absolute(world["untranslated"])] == {}
    assert sitemap(client, "de")[absolute(world["in_progress"][0])] == {}
    # The German original is private: its public English translation stands alone.
    assert sitemap(client, "en")[absolute(world["private"][1])] == {}


def test_alternates_are_reciprocal(client, world):
    listed = {**sitemap(client, "de"), **sitemap(client, "en")}
    assert any(listed.values())
    for location, alternates in listed.items():
        assert alternates.get("x-default", location) in listed
        for language, href in alternates.items():
            assert href in listed, (location, language)
            assert location in listed[href].values(), (location, href)


def test_every_listed_page_is_public_indexable_and_agrees_with_its_head(client, world):
    """What the sitemap says matches what the page itself says: no noindex, its own address as
    canonical, the same hreflang alternates."""
    for location, alternates in {**sitemap(client, "de"), **sitemap(client, "en")}.items():
        response = client.get(location.removeprefix(HOST))
        assert response.status_code == 200, location
        head = response.content.decode().split("</head>")[0]
        assert "noindex" not in head, location
        assert f'<link rel="canonical" href="{location}">' in head
        if alternates:
            in_head = dict(
                re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head)
            )
            assert in_head == alternates, location


def test_lastmod_is_the_last_publication_date(client, world):
    german = world["translated"][0]
    german.last_published_at = timezone.make_aware(datetime.datetime(2026, 5, 4, 12))
    german.save(update_fields=["last_published_at"])
    root = get_xml(client, "/sitemap-de.xml")
    dates = {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }
    assert dates[absolute(german)] == "2026-05-04"


def test_the_index_lists_one_sitemap_per_language(client, site):
    root = get_xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    locations = [entry.findtext("sm:loc", namespaces=NS) for entry in root]
    assert sorted(locations) == [f"{HOST}/sitemap-de.xml", f"{HOST}/sitemap-en.xml"]
    assert client.get("/sitemap-fr.xml").status_code == 404


def test_robots_txt_names_the_sitemap(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert f"Sitemap: {HOST}/sitemap.xml" in response.content.decode().splitlines()


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_sitemap_costs_the_same_queries_for_3_and_15_pages(client, site, language):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(f"/sitemap-{language}.xml").status_code == 200
        return len(context.captured_queries)

    for number in range(3):
        translated_pair(site.home_de, f"Seite {number}", f"seite-{number}")
    queries()  # Wagtail caches the site's root paths on the first request
    few = queries()
    for number in range(3, 15):
        translated_pair(site.home_de, f"Seite {number}", f"seite-{number}")
    assert len(sitemap(client, language)) == 16  # and the home page
    queries()
    assert queries() == few
