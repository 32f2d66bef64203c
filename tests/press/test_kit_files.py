"""Press kits on disk: never served truncated, never left half-written, credits on one line."""

import io
import json
import os
import zipfile

import pytest
from django.core.files.storage import default_storage

from core.factories import K3ImageFactory
from press.factories import PressReleasePageFactory
from press.kits import KIT_DIRECTORY

from .conftest import press_document

pytestmark = pytest.mark.django_db


def make_release(room, slug, image_title="Bühne", credit="Foto: Jana Beispiel"):
    image = K3ImageFactory(title=image_title, credit=credit)
    document = press_document("Faktenblatt", "Fakten")
    release = PressReleasePageFactory(
        parent=room,
        slug=slug,
        photos=json.dumps(
            [{"type": "photo", "value": {"image": image.pk, "caption": "", "alt_text": ""}}]
        ),
        documents=json.dumps([{"type": "document", "value": document.pk}]),
    )
    return release, image, document


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def kit_directory_listing():
    path = default_storage.path(KIT_DIRECTORY)
    return sorted(os.listdir(path)) if os.path.isdir(path) else []


@pytest.mark.parametrize("leftover", ["garbage", "truncated"])
def test_a_file_left_by_a_crashed_worker_is_rebuilt_not_served(client, room, leftover):
    release, _image, _document = make_release(room, "absturz")
    kit = release.press_kit
    final_path = default_storage.path(kit.storage_name)
    os.makedirs(os.path.dirname(final_path), exist_ok=True)
    if leftover == "garbage":
        content = b"PK\x03\x04 half a header"
    else:
        kit.build()
        with open(final_path, "rb") as complete:
            content = complete.read()[:-200]
    with open(final_path, "wb") as left_behind:
        left_behind.write(content)

    archive = download(client, f"{release.url}press-kit/")
    assert archive.namelist() == kit.member_names
    assert archive.testzip() is None
    assert zipfile.is_zipfile(final_path)


def test_a_build_that_fails_midway_leaves_nothing_behind(client, room):
    release, _image, document = make_release(room, "volle-platte")
    kit = release.press_kit
    os.remove(document.file.path)  # an operator lost a media file
    before = kit_directory_listing()

    response = client.get(f"{release.url}press-kit/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Press kit temporarily unavailable" in response.content.decode() or (
        "Pressemappe" in response.content.decode()
    )
    assert not default_storage.exists(kit.storage_name)
    assert kit_directory_listing() == before  # no temporary file either
    # The release page itself still renders, with its kit link but without a size.
    assert client.get(release.url).status_code == 200


def test_credits_are_german_in_the_german_section_and_one_line_per_field(client, room):
    release, _image, _document = make_release(
        room,
        "zeilen",
        image_title="Bühne\r\nLizenz: gemeinfrei",
        credit="Foto:\nNiemand\u2028Frei",
    )
    credits = download(client, f"{release.url}press-kit/").read("CREDITS.txt").decode()
    german, english = credits.split("K3 KI.Kunst.Kultur – press kit")
    assert "  Lizenz: " in german and "Licence" not in german
    assert "  Bildnachweis: Foto: Niemand Frei" in german
    assert "  Titel: Bühne Lizenz: gemeinfrei" in german
    assert "  Licence: " in english and "  Title: Bühne Lizenz: gemeinfrei" in english
    # No line of the file starts with the forged field.
    assert not any(line.startswith("Lizenz: gemeinfrei") for line in credits.splitlines())
    assert not any(line.startswith("Niemand") for line in credits.splitlines())
