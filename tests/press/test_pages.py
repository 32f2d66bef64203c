"""The press room and a release, in German and English: same structure, credits on every photo,
and the network diagram with its text alternative."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from network.choices import PartnerRole
from network.models import PartnerIndexPage, PartnerPage

pytestmark = pytest.mark.django_db

PAGES = {
    "de": ("/de/presse/", "/de/presse/k3-startet/"),
    "en": ("/en/press/", "/en/press/k3-begins/"),
}


def structure(html):
    """What a reader can do on the page, independent of its language."""
    return {
        "photos": html.count('class="press-photo"'),
        "credits": len(
            re.findall(
                r'class="press-photo__credit">[^<]+<span class="figure__credit">Grafik: K3 Demo</span>',
                html,
            )
        ),
        "licences": html.count('class="press-photo__licence"'),
        "downloads": len(re.findall(r"/photos/\d+/(web|print|original)/", html)),
        "kit": html.count("press-kit/"),
        "kit_contents": len(re.findall(r"<li><code>", html)),
        "h1": html.count("<h1"),
    }


@pytest.mark.parametrize("which", [0, 1])
def test_press_pages_work_the_same_in_both_languages(client, which):
    german = client.get(PAGES["de"][which])
    english = client.get(PAGES["en"][which])
    assert german.status_code == english.status_code == 200
    german_html, english_html = german.content.decode(), english.content.decode()
    assert '<html lang="de"' in german_html
    assert '<html lang="en"' in english_html
    assert structure(german_html) == structure(english_html)
    assert structure(german_html)["h1"] == 1


def test_every_photo_shows_its_credit_and_licence_in_the_readers_language(client):
    german = client.get(PAGES["de"][1]).content.decode()
    english = client.get(PAGES["en"][1]).content.decode()
    assert german.count('class="press-photo"') == 5
    for html in (german, english):
        figures = re.findall(r'<figure class="press-photo">.*?</figure>', html, re.S)
        assert len(figures) == 5
        for figure in figures:
            assert "Grafik: K3 Demo" in figure
    assert german.count("Frei für redaktionelle Nutzung mit Quellenangabe") >= 5
    assert english.count("Free for editorial use with credit") >= 5
    assert "Bildnachweis" in german or "Credit" in german
    # captions and alt texts are translated, not German on the English page
    assert "The word mark of the K3 KI.Kunst.Kultur competence network." in english
    assert 'alt="The words “K3 KI.Kunst.Kultur” in yellow on dark blue"' in english
    assert "Die Wortmarke des Kompetenznetzwerks" not in english


def test_the_room_lists_releases_contacts_and_the_kit(client):
    for language, (room_url, release_url) in PAGES.items():
        html = client.get(room_url).content.decode()
        assert f'href="{release_url}"' in html
        assert "presse@example.org" in html
        assert f'href="{room_url}press-kit/"' in html
        assert re.search(r"\(ZIP, [\d,.]+\s(KB|MB)\)", html), language


@pytest.fixture
def partners(room):
    home = room.get_parent()
    index = home.get_children().type(PartnerIndexPage).first()
    if index is None:
        index = PartnerIndexPage(title="Netzwerk", slug="netzwerk-test")
        home.add_child(instance=index)
        index.save_revision().publish()
    else:
        index = index.specific
    made = []
    for title, role, city in [
        ("Testakademie Dortmund", PartnerRole.LEAD, "Dortmund"),
        ("Testrat NRW", PartnerRole.CULTURAL_POLICY, "Düsseldorf"),
    ]:
        partner = PartnerPage(
            title=title, slug=title.lower().replace(" ", "-"), role=role, city=city
        )
        index.add_child(instance=partner)
        partner.save_revision().publish()
        made.append(partner)
    return made


def test_network_diagram_has_the_partner_list_as_text_alternative(client, room, partners):
    html = client.get(room.url).content.decode()
    match = re.search(r'<img [^>]*aria-describedby="(network-partners-\d+)"', html)
    assert match
    block = re.search(
        rf'<div class="network-partners" id="{match.group(1)}">(.*?)</div>', html, re.S
    )
    assert block
    text = block.group(1)
    assert "Testakademie Dortmund" in text
    assert "Federführende Einrichtung" in text or "Lead institution" in text
    assert "Testrat NRW" in text
    assert text.index("Testakademie") < text.index("Testrat")  # the lead comes first


def test_partner_list_follows_the_readers_locale(client, partners):
    english = client.get("/en/press/").content.decode()
    # German partner pages are not in the English tree until they are synchronised or translated
    english_partners = PartnerPage.objects.live().filter(
        locale=Locale.objects.get(language_code="en")
    )
    for partner in english_partners:
        assert partner.title in english
    assert "Lead institution" in english or not english_partners.exists()


def test_release_page_queries_do_not_grow_with_photos(client, release):
    with CaptureQueriesContext(connection) as five_photos:
        client.get(release.url)
    release.photos = [("photo", block.value) for block in release.photos][:1]
    release.save_revision().publish()
    client.get(release.url)  # first render after the change writes the new kit
    with CaptureQueriesContext(connection) as one_photo:
        client.get(release.url)
    assert len(five_photos) <= len(one_photo) + 2


def test_press_room_queries_do_not_grow_with_releases(client, room, release):
    client.get(room.url)  # writes the kit once
    with CaptureQueriesContext(connection) as one_release:
        client.get(room.url)
    for number in range(4):
        extra = release.copy(
            update_attrs={"slug": f"mitteilung-{number}", "title": f"Mitteilung {number}"},
            to=room,
        )
        extra.save_revision().publish()
    client.get(room.url)
    with CaptureQueriesContext(connection) as five_releases:
        html = client.get(room.url).content.decode()
    assert html.count("<article>") == 5
    assert len(five_releases) == len(one_release)
