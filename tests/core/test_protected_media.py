"""Stored files get addresses nobody can guess, and protected files leave Django by sendfile."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from press.demo import minimal_pdf
from tests.images import png_upload
from tests.press.files import upload

pytestmark = pytest.mark.django_db

TOKEN = r"[0-9a-f]{32}"


def add_image(client, title, name):
    response = client.post(
        "/admin/images/add/",
        {
            "title": title,
            "file": png_upload(name),
            "collection": Collection.get_first_root_node().pk,
            "description": "Eine Bühne",
            "credit": "Foto: Jana Beispiel",
            "licence": "editorial",
            "tags": "",
        },
    )
    assert response.status_code == 302
    return get_image_model().objects.get(title=title)


def add_document(client, title, name):
    response = client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": upload(name, minimal_pdf([title]), "application/pdf"),
            "collection": Collection.get_first_root_node().pk,
            "language": "de",
            "licence": "editorial",
            "tags": "",
        },
    )
    assert response.status_code == 302
    return get_document_model().objects.get(title=title)


def test_uploads_are_stored_under_a_random_directory(admin_client):
    first = add_image(admin_client, "Erstes", "Bühne Foto.png")
    second = add_image(admin_client, "Zweites", "Bühne Foto.png")
    for image in (first, second):
        assert re.fullmatch(rf"original_images/{TOKEN}/buhne-foto\.png", image.file.name)
    assert first.file.name != second.file.name

    rendition = first.get_rendition("max-20x20|format-jpeg")
    assert re.fullmatch(
        rf"images/{TOKEN}/buhne-foto\.max-20x20\.format-jpeg\.jpg", rendition.file.name
    )
    assert rendition.file.name.split("/")[1] != first.file.name.split("/")[1]

    document = add_document(admin_client, "Faktenblatt", "Fakten März.pdf")
    assert re.fullmatch(rf"documents/{TOKEN}/fakten-marz\.pdf", document.file.name)


def test_documents_leave_django_by_x_accel_redirect_when_configured(client, settings):
    document = get_document_model()(title="Blatt", language="de")
    document.file.save("blatt.pdf", ContentFile(minimal_pdf(["Blatt"])), save=False)
    document.save()
    with open(document.file.path, "rb") as source:
        content = source.read()

    settings.K3_MEDIA_ACCEL_REDIRECT = ""
    streamed = client.get(document.url)
    assert streamed.status_code == 200
    assert b"".join(streamed.streaming_content) == content
    assert "X-Accel-Redirect" not in streamed

    settings.K3_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    handed_over = client.get(document.url)
    assert handed_over.status_code == 200
    assert handed_over["X-Accel-Redirect"] == f"/protected-media/{document.file.name}"
    assert handed_over.content == b""
    assert handed_over["Content-Disposition"].endswith('filename="blatt.pdf"')


def test_files_stored_before_keep_working(client, settings):
    """Files uploaded before the random directories keep their names and addresses."""
    settings.K3_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    document = get_document_model()(title="Altes Blatt", language="de")
    document.file.save("alt.pdf", ContentFile(minimal_pdf(["Alt"])), save=False)
    document.save()
    old_name = "documents/altes blatt.pdf"
    document.file.storage.save(old_name, ContentFile(minimal_pdf(["Alt"])))
    document.file.name = old_name
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/documents/altes%20blatt.pdf"
