"""A press room and one release with photos, a network diagram and two PDFs, in German and
English, built with the factories.

With the session demo loaded the room is the demo's (one per language); the release, its photos
and documents are always this module's, so tests assert on what they find on `release` and
`room`, not on demo wording.
"""

import datetime
import json

import pytest

from core.factories import K3DocumentFactory, K3ImageFactory, first_or_create, translate
from core.licences import Licence
from home.factories import bilingual_site
from press.demo import minimal_pdf
from press.factories import PressReleasePageFactory, PressRoomPageFactory
from press.models import PressReleasePage

CREDIT = "Foto: Presse-Test"
CONTACT = {
    "name": "Pia Presse",
    "role": "Pressestelle",
    "email": "presse-test@example.org",
    "phone": "",
}
# German and English caption and alt text of each photo of the release.
PHOTOS = [
    ("Bühne im Testlicht", "Stage in test light", "Eine leere Bühne", "An empty stage"),
    ("Probe im Studio", "Rehearsal in the studio", "Zwei Menschen proben", "Two people rehearse"),
]


def press_photo(title, width=2400, height=1600):
    """A photo as press photos are: large, credited and free for editorial use."""
    return K3ImageFactory(
        title=title,
        credit=CREDIT,
        licence=Licence.EDITORIAL_WITH_CREDIT,
        file__width=width,
        file__height=height,
        file__filename=f"{title.lower().replace(' ', '-')}.png",
    )


def press_document(title, text):
    return K3DocumentFactory(
        title=title,
        licence=Licence.EDITORIAL_WITH_CREDIT,
        file__data=minimal_pdf([text]),
        file__filename=f"{title.lower().replace(' ', '-')}.pdf",
    )


def contacts():
    return json.dumps([{"type": "contact", "value": CONTACT}])


def press_room(site):
    """The German press room (the demo's, if loaded) and its English translation."""
    room = first_or_create(
        PressRoomPageFactory,
        intro="Alles für Journalistinnen und Journalisten.",
        press_contacts=contacts(),
        network_diagram=press_photo("Schaubild Testnetz"),
        network_diagram_caption="Das Netzwerk",
    )
    if room.get_translation_or_none(site.en) is None:
        translate(room, "en", title="Press", slug="press")
    return room


@pytest.fixture
def room(site):
    return press_room(site)


def photo_blocks(images, diagram, english=False):
    blocks = [
        {
            "type": "photo",
            "value": {
                "image": image.pk,
                "caption": english_caption if english else caption,
                "alt_text": english_alt if english else alt,
            },
        }
        for image, (caption, english_caption, alt, english_alt) in zip(images, PHOTOS, strict=True)
    ]
    blocks.append(
        {
            "type": "network_diagram",
            "value": {"image": diagram.pk, "caption": "", "alt_text": ""},
        }
    )
    return json.dumps(blocks)


@pytest.fixture(scope="module")
def shared_release(module_db):
    """Made once per test module (tests/conftest.py::module_db)."""
    return press_release(press_room(bilingual_site()))


@pytest.fixture
def release(shared_release, room):
    return PressReleasePage.objects.get(pk=shared_release.pk)


def press_release(room):
    """A published release with two photos and the room's network diagram, a PDF version and a
    fact sheet, translated into English."""
    images = [press_photo(f"Pressefoto Probebühne {number}") for number in (1, 2)]
    release = PressReleasePageFactory(
        parent=room,
        title="Probebühne eröffnet",
        slug="probebuehne-eroeffnet",
        date=datetime.date(2026, 3, 2),
        lead="Die Probebühne öffnet.",
        pdf_version=press_document("Mitteilung Probebühne", "Die Probebühne öffnet."),
        photos=photo_blocks(images, room.network_diagram),
        documents=json.dumps(
            [{"type": "document", "value": press_document("Faktenblatt Probe", "Fakten").pk}]
        ),
        contacts=contacts(),
    )
    translate(
        release,
        "en",
        title="Rehearsal stage opens",
        slug="rehearsal-stage-opens",
        lead="The rehearsal stage opens.",
        photos=photo_blocks(images, room.network_diagram, english=True),
    )
    return release
