"""The press room and a release, in German and English: same structure, credits on every photo,
and the network diagram with its text alternative."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import translate
from network.choices import PartnerRole
from network.factories import PartnerPageFactory

from .conftest import CONTACT, PHOTOS

pytestmark = pytest.mark.django_db


def english(page):
    return page.get_translation(page.locale.__class__.objects.get(language_code="en")).specific


def structure(html):
    """What a reader can do on the page, independent of its language."""
    return {
        "photos": html.count('class="press-photo"'),
        "credits": len(
            re.findall(
                r'class="press-photo__credit">[^<]+<span class="figure__credit">[^<]+</span>', html
            )
        ),
        "licences": html.count('class="press-photo__licence"'),
        "downloads": len(re.findall(r"/photos/\d+/(web|print|original)/", html)),
        "kit": html.count("press-kit/"),
        "kit_contents": len(re.findall(r"<li><code>", html)),
        "h1": html.count("<h1"),
    }


@pytest.mark.parametrize("which", ["room", "release"])
def test_press_pages_work_the_same_in_both_languages(client, room, release, which):
    page = {"room": room, "release": release}[which]
    german = client.get(page.url)
    in_english = client.get(english(page).url)
    assert german.status_code == in_english.status_code == 200
    german_html, english_html = german.content.decode(), in_english.content.decode()
    assert '<html lang="de"' in german_html
    assert '<html lang="en"' in english_html
    assert structure(german_html) == structure(english_html)
    assert structure(german_html)["h1"] == 1


def test_every_photo_shows_its_credit_and_licence_in_the_readers_language(client, release):
    german = client.get(release.url).content.decode()
    in_english = client.get(english(release).url).content.decode()
    photos = len(release.photo_images)
    assert photos == len(PHOTOS) + 1  # and the network diagram
    for html in (german, in_english):
        figures = re.findall(r'<figure class="press-photo">.*?</figure>', html, re.S)
        assert len(figures) == photos
        for figure, image in zip(figures, release.photo_images, strict=True):
            assert image.credit in figure
    assert german.count("Frei für redaktionelle Nutzung mit Quellenangabe") >= photos
    assert in_english.count("Free for editorial use with credit") >= photos
    # captions and alt texts are translated, not German on the English page
    for caption, english_caption, alt, english_alt in PHOTOS:
        assert caption in german and f'alt="{alt}"' in german
        assert english_caption in in_english and f'alt="{english_alt}"' in in_english
        assert caption not in in_english and alt not in in_english


def test_the_room_lists_releases_contacts_and_the_kit(client, room, release):
    for room_page, release_page in [(room, release), (english(room), english(release))]:
        html = client.get(room_page.url).content.decode()
        assert f'href="{release_page.url}"' in html
        for contact in room_page.press_contacts:
            assert contact.value["email"] in html
        assert f'href="{room_page.url}press-kit/"' in html
        assert re.search(r"\(ZIP, [\d,.]+\s(KB|MB)\)", html), room_page.url
    assert CONTACT["email"] in client.get(release.url).content.decode()


@pytest.fixture
def partners(site):
    return [
        PartnerPageFactory(title=title, role=role, city=city)
        for title, role, city in [
            ("Testakademie Dortmund", PartnerRole.LEAD, "Dortmund"),
            ("Testrat NRW", PartnerRole.CULTURAL_POLICY, "Düsseldorf"),
        ]
    ]


def network_partners_text(html):
    match = re.search(r'<img [^>]*aria-describedby="(network-partners-\d+)"', html)
    assert match
    block = re.search(
        rf'<div class="network-partners" id="{match.group(1)}">(.*?)</div>', html, re.S
    )
    assert block
    return block.group(1)


def test_network_diagram_has_the_partner_list_as_text_alternative(client, room, partners):
    text = network_partners_text(client.get(room.url).content.decode())
    assert "Testakademie Dortmund" in text
    assert "Federführende Einrichtung" in text or "Lead institution" in text
    assert "Testrat NRW" in text
    assert text.index("Testakademie") < text.index("Testrat")  # the lead comes first


def test_partner_list_follows_the_readers_locale(client, room, partners):
    lead, council = partners
    translate(lead, "en", title="Test Academy Dortmund")
    text = network_partners_text(client.get(english(room).url).content.decode())
    assert "Test Academy Dortmund" in text
    assert "Lead institution" in text
    # a partner page not yet translated is not listed in English, not even in German
    assert council.title not in text
    assert "Testakademie Dortmund" not in text


def test_release_page_queries_do_not_grow_with_photos(client, release):
    client.get(release.url)  # first render writes the kit
    with CaptureQueriesContext(connection) as all_photos:
        client.get(release.url)
    release.photos = [("photo", block.value) for block in release.photos][:1]
    release.save_revision().publish()
    client.get(release.url)  # first render after the change writes the new kit
    with CaptureQueriesContext(connection) as one_photo:
        client.get(release.url)
    assert len(all_photos) <= len(one_photo) + 2


def test_press_room_queries_do_not_grow_with_releases(client, room, release):
    client.get(room.url)  # writes the kit once
    with CaptureQueriesContext(connection) as before:
        html = client.get(room.url).content.decode()
    listed = html.count("<article>")
    for number in range(4):
        extra = release.copy(
            update_attrs={"slug": f"mitteilung-{number}", "title": f"Mitteilung {number}"},
            to=room,
        )
        extra.save_revision().publish()
    client.get(room.url)
    with CaptureQueriesContext(connection) as four_more:
        html = client.get(room.url).content.decode()
    assert html.count("<article>") == listed + 4
    assert len(four_more) == len(before)
