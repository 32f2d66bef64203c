"""An editor can only put images and documents on a page that they may choose.

Posting another collection's id into a page's chooser field or into a StreamField block (also
nested in StructBlocks and ListBlocks) is refused with a form error; nothing is saved and the
editor's input is shown again. Media a page already had stay allowed when it is saved unchanged.
"""

import datetime
import json

import pytest
from wagtail.models import Page

from core.factories import first_or_create
from editorial.factories import press_officer
from news.factories import NewsPageFactory
from news.models import NewsPage
from press.factories import PressReleasePageFactory, PressRoomPageFactory
from tests.editorial.helpers import edit_url, editor_form_data, page_snapshot

from .media_users import (
    collection_of,
    document_in,
    image_in,
    partner_editor,
    partners,  # noqa: F401  (fixture)
)

pytestmark = pytest.mark.django_db
# The admin speaks German unless a user chose English: accept the message in either language.
REFUSED = ("in a collection you cannot choose from", "aus der Sie nicht auswählen können")


@pytest.fixture
def scene(partners, django_user_model):  # noqa: F811
    own, other = collection_of(partners[0]), collection_of(partners[1])
    news = NewsPageFactory(
        parent=partners[0],
        slug="medienwahl-test",
        title="Medienwahl",
        date=datetime.date(2026, 3, 1),
        teaser="Ein Test.",
    )
    return {
        "editor": partner_editor(django_user_model, partners[0]),
        "news": news,
        "own_image": image_in(own, "eigenes"),
        "other_image": image_in(other, "fremdes"),
        "own_document": document_in(own, "eigenes-dokument"),
        "other_document": document_in(other, "fremdes-dokument"),
    }


def stream_block(prefix, index, block_type, values):
    data = {
        f"{prefix}-{index}-type": block_type,
        f"{prefix}-{index}-deleted": "",
        f"{prefix}-{index}-order": str(index),
        f"{prefix}-{index}-id": "",
    }
    data.update({f"{prefix}-{index}-value{key}": value for key, value in values.items()})
    return data


def figure(image):
    return {"-image": str(image.pk), "-alt_text": "", "-caption": "Bildunterschrift"}


def downloads(*documents):
    values = {"-heading": "Downloads", "-documents-count": str(len(documents))}
    for index, document in enumerate(documents):
        values.update(
            {
                f"-documents-{index}-value": str(document.pk),
                f"-documents-{index}-deleted": "",
                f"-documents-{index}-order": str(index),
                f"-documents-{index}-id": "",
            }
        )
    return values


def edit(client, user, page, changes):
    client.force_login(user)
    data = editor_form_data(client.get(edit_url(page)), type(page))
    data.update(changes)
    return client.post(edit_url(page), data)


def error_messages(error):
    nested = getattr(error, "non_block_errors", None)  # a StreamField's own messages
    if nested:
        return [message for inner in nested.as_data() for message in inner.messages]
    return error.messages


def refused(response, field):
    assert response.status_code == 200, response.get("Location")
    errors = response.context["form"].errors
    assert field in errors, errors
    messages = [message for error in errors[field].as_data() for message in error_messages(error)]
    assert any(wording in message for wording in REFUSED for message in messages), messages


@pytest.mark.parametrize("field", ["listing_image", "image"])
def test_other_collections_image_in_a_chooser_field_is_refused(client, scene, field):
    before = page_snapshot(scene["news"])
    response = edit(
        client,
        scene["editor"],
        scene["news"],
        {field: str(scene["other_image"].pk), "title": "Neuer Titel (Entwurf)"},
    )
    refused(response, field)
    assert page_snapshot(scene["news"]) == before
    assert "Neuer Titel (Entwurf)" in response.content.decode()  # the input is kept


def test_other_collections_media_in_stream_blocks_are_refused(client, scene):
    for block_type, values in [
        ("image", figure(scene["other_image"])),
        ("downloads", downloads(scene["own_document"], scene["other_document"])),
    ]:
        before = page_snapshot(scene["news"])
        changes = {"body-count": "1", **stream_block("body", 0, block_type, values)}
        response = edit(client, scene["editor"], scene["news"], changes)
        refused(response, "body")
        assert page_snapshot(scene["news"]) == before


def test_own_collections_media_are_saved(client, scene):
    changes = {
        "listing_image": str(scene["own_image"].pk),
        "body-count": "2",
        **stream_block("body", 0, "image", figure(scene["own_image"])),
        **stream_block("body", 1, "downloads", downloads(scene["own_document"])),
    }
    response = edit(client, scene["editor"], scene["news"], changes)
    assert response.status_code == 302, response.context["form"].errors
    draft = Page.objects.get(pk=scene["news"].pk).get_latest_revision_as_object()
    assert draft.listing_image_id == scene["own_image"].pk
    assert draft.body[0].value["image"].pk == scene["own_image"].pk


@pytest.mark.parametrize("published", [True, False], ids=["live", "draft"])
def test_media_already_on_the_page_do_not_block_saving(client, scene, published):
    """A moderator put another partner's photo on the page; the partner may still save it."""
    news = scene["news"]
    news.listing_image = scene["other_image"]
    revision = news.save_revision()
    if published:
        revision.publish()
    response = edit(
        client,
        scene["editor"],
        NewsPage.objects.get(pk=news.pk),
        {"title": "Medienwahl, überarbeitet"},
    )
    assert response.status_code == 302, response.context["form"].errors
    draft = Page.objects.get(pk=news.pk).get_latest_revision_as_object()
    assert draft.title == "Medienwahl, überarbeitet"
    assert draft.listing_image_id == scene["other_image"].pk


def test_press_photos_nested_in_struct_blocks_are_checked(client, scene):
    release = PressReleasePageFactory(
        parent=first_or_create(PressRoomPageFactory),
        slug="medienwahl-mitteilung",
        title="Mitteilung",
        lead="Lead.",
    )
    press_user = press_officer(username="presse-medienwahl")  # after the room: its rights follow it
    before = page_snapshot(release)
    photo = {
        "-image": str(scene["other_image"].pk),
        "-caption": "Ein Foto",
        "-alt_text": "",
    }
    changes = {"photos-count": "1", **stream_block("photos", 0, "photo", photo)}
    response = edit(client, press_user, release, changes)
    refused(response, "photos")
    assert page_snapshot(release) == before
    response = edit(client, press_user, release, {"pdf_version": str(scene["other_document"].pk)})
    refused(response, "pdf_version")


def linking_to(document):
    """The rich text editor's content: one paragraph that links to `document`."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": "Programmheft",
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 12, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {"type": "DOCUMENT", "mutability": "MUTABLE", "data": {"id": document.pk}}
            },
        }
    )


def test_document_links_in_rich_text_are_checked(client, scene, partners):  # noqa: F811
    paragraph = {"": linking_to(scene["other_document"])}
    changes = {"body-count": "1", **stream_block("body", 0, "paragraph", paragraph)}
    refused(edit(client, scene["editor"], scene["news"], changes), "body")

    partner = partners[0]
    before = page_snapshot(partner)
    changes = {"description": linking_to(scene["other_document"])}
    refused(edit(client, scene["editor"], partner, changes), "description")
    assert page_snapshot(partner) == before

    changes = {"description": linking_to(scene["own_document"])}
    assert edit(client, scene["editor"], partner, changes).status_code == 302
