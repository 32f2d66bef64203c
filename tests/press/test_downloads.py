"""Photo downloads, documents and press kits: type, name, disposition, contents."""

import io
import re
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.utils.text import slugify
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from core.factories import K3ImageFactory
from press.kits import CREDITS_NAME
from press.models import PressRoomPage

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


def listed_kit_contents(html):
    return re.findall(r"<li><code>([^<]+)</code></li>", html)


def photo_download_urls(html):
    return re.findall(r'href="([^"]+/photos/\d+/[a-z]+/)"', html)


@pytest.mark.parametrize(
    ("size", "long_side"), [("web", 1600), ("print", 2400), ("original", 2400)]
)
def test_photo_download_is_a_named_jpeg_attachment(client, release, size, long_side):
    image = release.photo_images[0]
    response = client.get(f"{release.url}photos/{image.pk}/{size}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == (
        f'attachment; filename="k3-{slugify(image.title)}-{size}-{long_side}px.jpg"'
    )
    picture = Image.open(io.BytesIO(body(response)))
    assert picture.format == "JPEG"
    assert max(picture.size) == long_side


def test_every_listed_download_works(client, release):
    html = client.get(release.url).content.decode()
    urls = photo_download_urls(html)
    assert len(urls) == 3 * len(release.photo_images) == 9
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Disposition"].startswith("attachment; filename=")


def test_renditions_are_made_once_and_reused(client, release):
    image = release.photo_images[1]
    url = f"{release.url}photos/{image.pk}/web/"
    client.get(url)
    renditions = list(image.renditions.values_list("pk", "file"))
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert list(image.renditions.values_list("pk", "file")) == renditions


@pytest.mark.parametrize("size", ["huge", "0", "original.jpg"])
def test_unknown_size_is_not_found(client, release, size):
    image = release.photo_images[0]
    assert client.get(f"{release.url}photos/{image.pk}/{size}/").status_code == 404


def test_only_listed_photos_can_be_downloaded(client, release):
    other = K3ImageFactory(title="Nicht freigegeben")
    assert client.get(f"{release.url}photos/{other.pk}/web/").status_code == 404


def test_documents_are_served_by_wagtail_as_attachments(client, release):
    html = client.get(release.url).content.decode()
    for document in release.all_documents:
        assert document.url in html
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        # Wagtail shows PDFs inline, but sandboxed and never sniffed as something else
        assert f'filename="{document.filename}"' in response["Content-Disposition"]
        assert "default-src 'none'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert body(response).startswith(b"%PDF-")


@pytest.fixture
def private_document(release):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Interne Sprachregelung", file=release.pdf_version.file.name, collection=private
    )
    release.documents.append(("document", document))
    release.save_revision().publish()
    return document


def test_private_documents_are_not_downloadable_anonymously(client, private_document, release):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    # …nor listed on the release or packed into its press kit.
    release.refresh_from_db()
    html = client.get(release.url).content.decode()
    assert "Interne Sprachregelung" not in html
    archive = zipfile.ZipFile(io.BytesIO(body(client.get(f"{release.url}press-kit/"))))
    assert not any("interne" in name for name in archive.namelist())


def test_logged_in_users_get_private_documents(admin_client, private_document):
    assert admin_client.get(private_document.url).status_code == 200


def test_release_press_kit_contains_what_the_page_lists_plus_credits(client, release):
    html = client.get(release.url).content.decode()
    listed = listed_kit_contents(html)
    response = client.get(f"{release.url}press-kit/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == (
        f'attachment; filename="k3-pressemappe-{release.slug}.zip"'
    )
    data = body(response)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    names = archive.namelist()
    assert names == listed
    # every photo and document on the page is in it, byte for byte
    photos = [name for name in names if name.startswith("photos/")]
    documents = [name for name in names if name.startswith("documents/")]
    assert len(photos) == len(release.photo_images) == html.count('class="press-photo"')
    assert len(documents) == len(release.all_documents) == 2
    for name, image in zip(photos, release.photo_images, strict=True):
        with image.file.open("rb") as original:
            assert archive.read(name) == original.read()
    # the size shown beside the link is the size of the file
    shown, unit = re.search(r"\(ZIP, ([\d,]+)\s(KB|MB)\)", html).groups()
    scale = 1024 if unit == "KB" else 1024 * 1024
    assert abs(float(shown.replace(",", ".")) - len(data) / scale) <= 0.05
    credits = archive.read(CREDITS_NAME).decode()
    assert "Bildnachweis und Nutzungsbedingungen" in credits
    assert "Photos: credit and terms of use" in credits
    assert "Frei für redaktionelle Nutzung mit Quellenangabe" in credits
    assert "Free for editorial use with credit" in credits
    for image in release.photo_images:
        assert image.credit in credits
        assert image.title in credits


def test_english_page_offers_the_same_kit_under_an_english_name(client, release):
    english = release.get_translations().get().specific
    response = client.get(f"{english.url}press-kit/")
    assert response["Content-Disposition"] == (
        f'attachment; filename="k3-press-kit-{english.slug}.zip"'
    )
    german = client.get(f"{release.url}press-kit/")
    assert body(response) == body(german)


def test_press_kit_is_rebuilt_when_its_content_changes_and_only_then(client, release):
    kit_url = f"{release.url}press-kit/"
    first = body(client.get(kit_url))
    kits = set(default_storage.listdir("press-kits")[1])
    assert body(client.get(kit_url)) == first
    assert set(default_storage.listdir("press-kits")[1]) == kits  # not written again

    image = release.photo_images[0]
    image.credit = "Foto: Neue Fotografin"
    image.save()
    second = body(client.get(kit_url))
    assert second != first
    credits = zipfile.ZipFile(io.BytesIO(second)).read(CREDITS_NAME).decode()
    assert "Foto: Neue Fotografin" in credits


def test_press_room_kit_holds_every_release_and_the_diagram(client, room, release):
    html = client.get(room.url).content.decode()
    listed = listed_kit_contents(html)
    response = client.get(f"{room.url}press-kit/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="k3-pressemappe-{room.slug}.zip"'
    )
    names = zipfile.ZipFile(io.BytesIO(body(response))).namelist()
    assert names == listed
    assert CREDITS_NAME in names
    assert any(slugify(room.network_diagram.title) in name for name in names)
    documents = [name for name in names if name.startswith("documents/")]
    for document in release.all_documents:
        assert any(slugify(document.title) in name for name in documents)
    # the diagram is both on the room and in the release: packed once
    releases = PressRoomPage.objects.get(pk=room.pk).releases
    images = {image.pk for listed in releases for image in listed.photo_images}
    assert room.network_diagram_id in images
    assert len([n for n in names if n.startswith("photos/")]) == len(images)
