"""Issue 15: an open call's "Apply now" button, the contact block's punctuation, and the funder
listed apart from the member institutions (the network of tests/network/conftest.py)."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from core.factories import first_or_create, translate
from network.choices import PartnerRole
from network.factories import (
    PartnerPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)
from network.models import ProgramPage

from .conftest import titles
from .test_page_rules import add_url

pytestmark = pytest.mark.django_db

APPLY = "https://example.org/bewerbung"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def apply_links(page):
    return page.select(f'a.button[href="{APPLY}"]')


# --- Apply now ----------------------------------------------------------------------------------


def test_open_call_shows_an_apply_button_with_its_deadline(client, site):
    program = ProgramPageFactory(title="Quallenakademie", open_call=True, apply_url=APPLY)
    english = translate(program, "en", title="Jellyfish academy")

    page = soup(client.get(english.url))
    links = apply_links(page)
    assert links  # at the call status and in the call section
    deadline = timezone.localtime(program.call_deadline)
    assert links[0].get_text() == f"Apply now – deadline {deadline:%-d %B %Y}"

    overview = soup(client.get(english.get_parent().url))
    [card] = [card for card in overview.select(".card") if "Jellyfish" in card.get_text()]
    assert len(apply_links(card)) == 1


def test_without_a_deadline_the_button_says_apply_now(client, site):
    program = ProgramPageFactory(
        call_title="Laufend", call_opens_at=None, call_deadline=None, apply_url=APPLY
    )
    english = translate(program, "en")
    assert [a.get_text() for a in apply_links(soup(client.get(english.url)))][0] == "Apply now"


@pytest.mark.parametrize(
    "fields",
    [
        {"open_call": True, "apply_url": ""},  # open, but nowhere to apply
        {
            "call_title": "Vorbei",
            "call_opens_at": timezone.now() - timedelta(days=60),
            "call_deadline": timezone.now() - timedelta(days=1),
            "apply_url": APPLY,
        },
        {
            "call_title": "Bald",
            "call_opens_at": timezone.now() + timedelta(days=5),
            "call_deadline": timezone.now() + timedelta(days=50),
            "apply_url": APPLY,
        },
        {"call_title": "", "apply_url": APPLY},  # no call at all
    ],
)
def test_no_button_unless_the_call_is_open_and_says_where(client, site, fields):
    program = ProgramPageFactory(**fields)
    page = soup(client.get(program.url))
    assert apply_links(page) == []
    overview = soup(client.get(program.get_parent().url))
    assert apply_links(overview) == []


def test_editor_sets_the_application_link_in_the_admin(admin_client, site):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    index = first_or_create(ProgramIndexPageFactory)
    form = admin_client.get(add_url(ProgramPage, index)).content.decode()
    assert 'name="apply_url"' in form
    data = nested_form_data(
        {
            "title": "Neues Programm",
            "slug": "neues-programm",
            "kind": "akademie",
            "intro": "Worum es geht.",
            "body": streamfield([]),
            "call_title": "Jahrgang 2030",
            "call_opens_at": "",
            "call_deadline": "",
            "call_eligibility": rich_text(""),
            "call_how_to_apply": rich_text(""),
            "apply_url": APPLY,
            "action-publish": "publish",
        }
    )
    response = admin_client.post(add_url(ProgramPage, index), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    program = ProgramPage.objects.get(slug="neues-programm", locale=index.locale)
    assert program.apply_url == APPLY


# --- Contact ------------------------------------------------------------------------------------


def contact(page):
    """The text of the contact entry and its mail link, or None without one."""
    for term in page.select("dl.facts dt"):
        if term.get_text() == "Kontakt":
            value = term.find_next_sibling("dd")
            link = value.find("a")
            return value.get_text(" | ", strip=True), link and link["href"]
    return None


@pytest.mark.parametrize(
    ("name", "email", "expected"),
    [
        (
            "Jana Beispiel",
            "k3@example.org",
            ("Jana Beispiel | k3@example.org", "mailto:k3@example.org"),
        ),
        ("", "k3@example.org", ("k3@example.org", "mailto:k3@example.org")),
        ("Jana Beispiel", "", ("Jana Beispiel", None)),
        ("", "", None),
    ],
)
def test_contact_block_has_no_dangling_separator(client, site, name, email, expected):
    for page in (
        PartnerPageFactory(contact_name=name, contact_email=email),
        ProgramPageFactory(contact_name=name, contact_email=email),
    ):
        html = client.get(page.url).content.decode()
        assert contact(soup(client.get(page.url))) == expected
        assert " – <a" not in html and "<dd> –" not in html


# --- The funder, apart from the members ---------------------------------------------------------


def test_funder_is_listed_apart_and_the_count_is_the_members(client, network):
    PartnerPageFactory(title="Landesministerium Test", city="Düsseldorf", role=PartnerRole.FUNDER)

    response = client.get(network.partners.url)
    members = titles(response)
    assert members == ["Beispiel-Puppenhaus Lippstadt", "Kulturrat Kleve", "Medienwerk Unna"]
    page = soup(response)
    assert page.select_one('[role="status"]').get_text(strip=True).startswith("3 ")
    funders = page.select_one("section.funders")
    assert [h.get_text() for h in funders.select(".card h3")] == ["Landesministerium Test"]
    assert "Düsseldorf" not in [o["value"] for o in page.select('select[name="city"] option')]

    # Filters narrow the members; the funder stays listed apart and is not counted.
    filtered = client.get(f"{network.partners.url}?city=Unna")
    assert titles(filtered) == ["Medienwerk Unna"]
    assert soup(filtered).select_one("section.funders") is not None


def test_funder_value_of_the_role_filter_is_ignored_with_a_note(client, network):
    PartnerPageFactory(title="Landesministerium Test", role=PartnerRole.FUNDER)
    response = client.get(f"{network.partners.url}?role=funder")
    assert "Landesministerium Test" not in titles(response)
    assert response.context["filter_form"].notes


def test_the_home_pages_programmes_show_a_call_closed_at_its_deadline_without_an_edit(
    client, site, monkeypatch
):
    """The programmes section is rendered once and kept until the next call opens or closes
    (home.blocks.ProgramsTeaserBlock.changes_at)."""
    deadline = timezone.now() + timedelta(hours=1)
    ProgramPageFactory(
        title="Quallenakademie",
        call_title="Ausschreibung 2027",
        call_opens_at=timezone.now() - timedelta(days=5),
        call_deadline=deadline,
    )
    home = site.home_de
    home.sections = '[{"type": "programs", "value": {"heading": "Programme", "intro": ""}}]'
    home.save_revision().publish()

    def call_badge():
        cards = soup(client.get("/de/")).select(".card")
        card = next(card for card in cards if "Quallenakademie" in card.get_text())
        return card.select_one(".badge").get_text(strip=True)

    assert call_badge() == "Bewerbung offen"
    assert call_badge() == "Bewerbung offen"
    later = deadline + timedelta(minutes=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    assert call_badge() == "Ausschreibung beendet"
