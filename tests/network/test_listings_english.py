"""Partner, fellow and program pages and their snippets in both languages, on the network with
its English translations (tests/network/conftest.py::network_en, made once for this module)."""

import pytest

from core.factories import translate
from network.models import FellowProfilePage
from news.factories import NewsPageFactory

from .conftest import english_url, titles

pytestmark = pytest.mark.django_db


def test_partner_index_lists_partners_in_both_languages(client, network_en):
    html = client.get(network_en.partners.url + "?city=Lippstadt").content.decode()
    assert "Beispiel-Puppenhaus Lippstadt" in html
    english = client.get(english_url(network_en.partners) + "?city=Lippstadt").content.decode()
    assert "Beispiel-Puppenhaus Lippstadt" in english or "Lippstadt" in english


def test_partner_filter_by_field_works_in_english_with_the_same_slug(client, network_en):
    response = client.get(english_url(network_en.partners) + "?field=publikum")
    assert titles(response) == ["Kulturrat Kleve"]
    assert "Audience development" in response.content.decode()


def test_fellow_filters_combine(client, network_en):
    url = network_en.fellows.url
    response = client.get(f"{url}?program=fellowship&cohort=2029")
    assert titles(response) == ["Jule Brandt", "Piet Sommer"]
    response = client.get(f"{url}?program=akademie&cohort=2030")
    assert titles(response) == ["Ines Roth"]
    response = client.get(f"{url}?discipline=zirkus&program=fellowship&cohort=2030")
    assert titles(response) == ["Noah Kessler"]
    english = client.get(english_url(network_en.fellows) + "?discipline=puppenspiel")
    assert titles(english) == ["Ines Roth", "Jule Brandt"]
    assert "Puppetry" in english.content.decode()


def test_program_page_shows_call_status_and_its_fellows(client, network_en):
    html = client.get(network_en.academy.url).content.decode()
    assert "Bewerbung offen" in html
    assert "Ines Roth" in html
    assert "Noah Kessler" not in html  # a fellow of the residencies, not of the academy
    assert "{# upcoming events" not in html
    residencies = client.get(english_url(network_en.residencies)).content.decode()
    assert "Open for applications" not in residencies  # no call
    assert "Noah Kessler" in residencies and "Piet Sommer" in residencies


def test_partner_page_lists_its_fellows_and_news(client, network_en):
    own = NewsPageFactory(parent=network_en.lead, title="Medienwerk eröffnet ein Labor")
    naming = NewsPageFactory(title="Netzwerktreffen in Kleve", related_partners=[network_en.lead])
    translate(own, "en", title="Medienwerk opens a lab")
    translate(naming, "en", title="Network meeting in Kleve")
    html = client.get(network_en.lead.url).content.decode()
    assert "Noah Kessler" in html and "Ines Roth" in html
    assert "Jule Brandt" not in html  # hosted by another partner
    assert "Medienwerk eröffnet ein Labor" in html  # its own news
    assert "Netzwerktreffen in Kleve" in html  # names the partner
    english = client.get(english_url(network_en.lead)).content.decode()
    assert "Medienwerk opens a lab" in english and "Network meeting in Kleve" in english


def test_snippet_names_follow_the_reader_and_slugs_stay_equal(network_en):
    german = network_en.puppetry
    english = german.get_translation(german.locale.__class__.objects.get(language_code="en"))
    assert (german.name, english.name) == ("Puppenspiel", "Puppetry")
    assert english.slug == german.slug
    fellows = FellowProfilePage.objects.filter(disciplines__slug="puppenspiel")
    assert fellows.filter(locale__language_code="en").count() == 2
