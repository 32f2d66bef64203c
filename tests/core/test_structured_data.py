"""schema.org JSON-LD beyond events: the network as Organization on both home pages, news and
press releases as NewsArticle, fellows as Person; every object valid JSON with absolute
addresses and ISO dates (issue 14)."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.factories import K3ImageFactory, alias_in, translate
from core.licences import Licence
from events.factories import EventPageFactory
from network.choices import PartnerRole
from network.factories import FellowProfilePageFactory, PartnerPageFactory
from news.factories import NewsPageFactory
from tests.press.conftest import CREDIT, press_release, press_room
from tests.structured_data import json_ld_objects, json_ld_of_type

pytestmark = pytest.mark.django_db

MINISTRY = "Ministerium für Kultur und Wissenschaft des Landes Nordrhein-Westfalen"
LEAD = "Akademie für Theater und Digitalität"
ADDRESS_KEYS = {"url", "@id", "item", "logo", "contentUrl", "sameAs", "license"}
DATE_KEYS = {"datePublished", "dateModified", "foundingDate", "startDate", "endDate"}


@pytest.fixture
def network(site):
    """The lead, a consortium partner and the funder, as partner pages in German."""
    return {
        "lead": PartnerPageFactory(
            title=LEAD, role=PartnerRole.LEAD, website="https://theater.example/"
        ),
        "consortium": PartnerPageFactory(title="Kulturrat Test", role=PartnerRole.CONSORTIUM),
        "funder": PartnerPageFactory(
            title=MINISTRY, role=PartnerRole.FUNDER, website="https://mkw.example/"
        ),
    }


def organization(client, url):
    return json_ld_of_type(client.get(url), "Organization")


def member_names(data):
    return {role["member"]["name"]: role["roleName"] for role in data["member"]}


def assert_well_formed(response):
    """Every JSON-LD object parses, names schema.org, and its addresses and dates are usable
    outside the page: absolute http(s) URLs, ISO 8601 dates."""
    objects = json_ld_objects(response)
    assert objects
    for data in objects:
        assert data["@context"] == "https://schema.org"
        for key, value in walk(data):
            if key in ADDRESS_KEYS:
                assert value.startswith(("http://", "https://")), (key, value)
            if key in DATE_KEYS:
                parse = datetime.datetime if "T" in value else datetime.date
                parse.fromisoformat(value)
    return objects


def walk(data):
    """(key, value) of every string in nested dicts and lists."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                yield key, value
            elif isinstance(value, list) and all(isinstance(item, str) for item in value):
                yield from ((key, item) for item in value)
            else:
                yield from walk(value)
    elif isinstance(data, list):
        for item in data:
            yield from walk(item)


# --- The network --------------------------------------------------------------------------------


def test_the_german_home_page_describes_the_network(client, site, network):
    response = client.get(site.home_de.url)
    assert_well_formed(response)
    data = json_ld_of_type(response, "Organization")
    assert data["name"] == "K3 KI.Kunst.Kultur – NRW Kompetenznetzwerk"
    assert "K3" in data["alternateName"]
    assert data["url"] == "http://testserver/de/"
    assert data["@id"] == "http://testserver/de/#organization"
    assert data["foundingDate"] == "2026-03-01"
    assert data["logo"].endswith(".svg")
    assert member_names(data) == {
        LEAD: "Federführende Einrichtung",
        "Kulturrat Test": "Konsortialpartner",
    }
    lead = next(role["member"] for role in data["member"] if role["member"]["name"] == LEAD)
    assert lead["url"] == f"http://testserver{network['lead'].url}"
    assert lead["sameAs"] == "https://theater.example/"
    # The funder funds; it is no member.
    assert data["funder"] == {
        "@type": "GovernmentOrganization",
        "name": MINISTRY,
        "url": f"http://testserver{network['funder'].url}",
        "sameAs": "https://mkw.example/",
    }


def test_a_new_partner_page_becomes_a_member(client, site, network):
    assert "Neues Haus" not in member_names(organization(client, site.home_de.url))
    PartnerPageFactory(title="Neues Haus", role=PartnerRole.CULTURAL_POLICY)
    members = member_names(organization(client, site.home_de.url))
    assert members["Neues Haus"] == "Kulturpolitischer Partner"
    PartnerPageFactory(title="Entwurfshaus", live=False)
    assert "Entwurfshaus" not in member_names(organization(client, site.home_de.url))


def test_the_english_home_page_describes_the_same_network_in_english(client, site, network):
    index = network["lead"].get_parent()
    translate(index, "en", title="Network", slug="network")
    translated = translate(network["lead"], "en", slug="academy")
    alias_in(network["consortium"], "en")
    alias_in(network["funder"], "en")
    response = client.get(site.home_en.url)
    assert_well_formed(response)
    data = json_ld_of_type(response, "Organization")
    # One organisation in both languages: the same @id, the reader's address.
    assert data["@id"] == "http://testserver/de/#organization"
    assert data["url"] == "http://testserver/en/"
    members = {role["member"]["name"]: role["member"]["url"] for role in data["member"]}
    # A real translation under its English address; an untranslated alias under its German
    # original's (its canonical address: the English one is noindex).
    assert members == {
        LEAD: f"http://testserver{translated.url}",
        "Kulturrat Test": f"http://testserver{network['consortium'].url}",
    }
    assert translated.url.startswith("/en/")
    assert data["funder"]["name"] == MINISTRY
    assert {role["roleName"] for role in data["member"]} == {
        "Lead institution",
        "Consortium partner",
    }


def home_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_home_page_queries_do_not_grow_with_the_partners(client, site, network):
    client.get(site.home_de.url)  # renditions, caches
    few = home_queries(client, site.home_de.url)
    for number in range(6):
        alias_in(PartnerPageFactory(title=f"Partner Nummer {number}"), "en")
    client.get(site.home_de.url)
    many = home_queries(client, site.home_de.url)
    assert len(member_names(organization(client, site.home_de.url))) == 8
    assert many == few


# --- News and press releases --------------------------------------------------------------------


def credited_image(**fields):
    return K3ImageFactory(
        file__width=1600,
        file__height=1000,
        credit="Foto: Jana Beispiel",
        licence=Licence.CC_BY_4,
        caption="Die Werkstatt am Abend",
        **fields,
    )


def test_news_is_a_news_article_by_the_network(client, site):
    news = NewsPageFactory(
        title="Werkstatt eröffnet",
        date=datetime.date(2026, 3, 2),
        teaser="Die Werkstatt ist offen.",
        image=credited_image(),
    )
    response = client.get(news.url)
    assert_well_formed(response)
    data = json_ld_of_type(response, "NewsArticle")
    url = f"http://testserver{news.url}"
    assert data["headline"] == "Werkstatt eröffnet"
    assert data["description"] == "Die Werkstatt ist offen."
    assert data["datePublished"] == "2026-03-02"
    news.refresh_from_db()
    assert data["dateModified"] == timezone.localtime(news.last_published_at).isoformat()
    assert data["inLanguage"] == "de"
    assert data["url"] == url and data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["author"]["@id"] == "http://testserver/de/#organization"
    assert data["publisher"]["name"] == "K3 KI.Kunst.Kultur – NRW Kompetenznetzwerk"
    image = data["image"]
    assert image["@type"] == "ImageObject"
    assert image["creditText"] == "Foto: Jana Beispiel"
    assert image["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert image["caption"] == "Die Werkstatt am Abend"
    assert (image["width"], image["height"]) == (1200, 630)
    assert image["url"].startswith("http://testserver/")


def test_a_partners_news_is_by_the_partner(client, site, network):
    news = NewsPageFactory(parent=network["lead"], date=datetime.date(2026, 4, 1))
    data = json_ld_of_type(client.get(news.url), "NewsArticle")
    assert data["author"]["name"] == LEAD
    assert data["author"]["url"] == f"http://testserver{network['lead'].url}"
    assert data["publisher"]["@id"] == "http://testserver/de/#organization"


def test_english_news_is_in_english_and_shows_no_german_caption(client, site):
    news = NewsPageFactory(title="Werkstatt", image=credited_image())
    english = translate(news, "en", title="Workshop", slug="workshop", teaser="It is open.")
    data = json_ld_of_type(client.get(english.url), "NewsArticle")
    assert (data["headline"], data["inLanguage"]) == ("Workshop", "en")
    assert data["url"] == f"http://testserver{english.url}"
    assert data["image"]["creditText"] == "Foto: Jana Beispiel"
    assert "caption" not in data["image"]


def test_untranslated_news_describes_its_german_original(client, site):
    news = NewsPageFactory(title="Nur auf Deutsch")
    alias = alias_in(news, "en")
    data = json_ld_of_type(client.get(alias.url), "NewsArticle")
    assert data["inLanguage"] == "de"
    assert data["url"] == f"http://testserver{news.url}"


def test_press_release_is_a_news_article_with_its_first_press_photo(client, site):
    release = press_release(press_room(site))
    response = client.get(release.url)
    assert_well_formed(response)
    data = json_ld_of_type(response, "NewsArticle")
    assert data["headline"] == "Probebühne eröffnet"
    assert data["description"] == "Die Probebühne öffnet."
    assert data["datePublished"] == "2026-03-02"
    assert data["author"]["@id"] == data["publisher"]["@id"]
    assert data["image"]["creditText"] == CREDIT
    assert data["image"]["caption"] == "Bühne im Testlicht"
    english = release.get_translation(site.en)
    data = json_ld_of_type(client.get(english.url), "NewsArticle")
    assert (data["headline"], data["inLanguage"]) == ("Rehearsal stage opens", "en")
    assert data["image"]["caption"] == "Stage in test light"


# --- Fellows ------------------------------------------------------------------------------------


def test_fellow_is_a_person_affiliated_with_the_host(client, site, network):
    fellow = FellowProfilePageFactory(
        parent=network["lead"],
        title="Mara Muster",
        project_description="<p>Sie malt mit Daten.</p>",
        portrait=credited_image(),
        website="https://mara.example/",
        links=json.dumps(
            [{"type": "link", "value": {"label": "Portfolio", "url": "https://folio.example/"}}]
        ),
    )
    response = client.get(fellow.url)
    assert_well_formed(response)
    data = json_ld_of_type(response, "Person")
    assert data["name"] == "Mara Muster"
    assert data["url"] == f"http://testserver{fellow.url}"
    assert data["description"] == "Sie malt mit Daten."
    assert data["affiliation"]["name"] == LEAD
    assert data["affiliation"]["url"] == f"http://testserver{network['lead'].url}"
    assert data["image"]["creditText"] == "Foto: Jana Beispiel"
    assert data["sameAs"] == ["https://mara.example/", "https://folio.example/"]


def test_a_fellow_without_host_is_affiliated_with_the_network(client, site):
    fellow = FellowProfilePageFactory(title="Ohne Haus")
    data = json_ld_of_type(client.get(fellow.url), "Person")
    assert data["affiliation"]["@id"] == "http://testserver/de/#organization"
    # No text of its own: no description (not the site's).
    assert "image" not in data and "sameAs" not in data and "description" not in data


def test_an_untranslated_fellow_names_its_german_pages(client, site, network):
    fellow = FellowProfilePageFactory(parent=network["lead"], title="Nur deutsch")
    data = json_ld_of_type(client.get(alias_in(fellow, "en").url), "Person")
    assert data["url"] == f"http://testserver{fellow.url}"
    assert data["affiliation"]["url"] == f"http://testserver{network['lead'].url}"


# --- Events still -------------------------------------------------------------------------------


def test_event_keeps_its_event_data_with_a_credited_image(client, site):
    event = EventPageFactory(title="Abend über KI", image=credited_image())
    response = client.get(event.url)
    objects = assert_well_formed(response)
    assert [data["@type"] for data in objects].count("Event") == 1
    data = json_ld_of_type(response, "Event")
    assert data["name"] == "Abend über KI"
    assert data["image"]["creditText"] == "Foto: Jana Beispiel"
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 675)
