"""The admin API lists and shows only the images and documents the user may choose."""

import pytest

from .media_users import (
    collection_of,
    document_in,
    image_in,
    partner_editor,
    partners,  # noqa: F401  (fixture)
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(partners, django_user_model):  # noqa: F811
    own, other = collection_of(partners[0]), collection_of(partners[1])
    return {
        "editor": partner_editor(django_user_model, partners[0]),
        "images": {"own": image_in(own, "eigenes-bild"), "other": image_in(other, "fremdes-bild")},
        "documents": {
            "own": document_in(own, "eigenes-dokument"),
            "other": document_in(other, "fremdes-dokument"),
        },
    }


def listed_ids(client, kind):
    ids, offset = set(), 0
    while True:
        response = client.get(f"/admin/api/main/{kind}/", {"limit": 20, "offset": offset})
        assert response.status_code == 200
        items = response.json()["items"]
        ids |= {item["id"] for item in items}
        offset += len(items)
        if not items or offset >= response.json()["meta"]["total_count"]:
            return ids


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_partner_editor_sees_only_choosable_media(client, media, kind):
    client.force_login(media["editor"])
    ids = listed_ids(client, kind)
    assert media[kind]["own"].pk in ids
    assert media[kind]["other"].pk not in ids
    assert client.get(f"/admin/api/main/{kind}/{media[kind]['own'].pk}/").status_code == 200
    # (Django's LocaleMiddleware first tries the address under /de/, which is not found either.)
    response = client.get(f"/admin/api/main/{kind}/{media[kind]['other'].pk}/", follow=True)
    assert response.status_code == 404
    assert media[kind]["other"].title not in response.content.decode()


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_administrators_still_see_everything(admin_client, media, kind):
    ids = listed_ids(admin_client, kind)
    assert {media[kind]["own"].pk, media[kind]["other"].pk} <= ids
