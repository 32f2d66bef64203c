"""A failed upload leaves no file behind in MEDIA_ROOT.

The failures are real exceptions raised inside the save (a receiver of Django's pre_save or
post_save signal, as a search index, a database error or a full disk would) or right after it in
the same transaction (Wagtail's log entry), while the admin's own views handle the upload.
"""

import io
import os
import time
from contextlib import contextmanager

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry, UploadedFile

from press.demo import minimal_pdf
from tests.images import png_upload

from .media_files import camera_jpeg, media_files

pytestmark = pytest.mark.django_db


class DiskFull(Exception):
    pass


@contextmanager
def failing_save(model, signal=post_save):
    def fail(**kwargs):
        raise DiskFull

    signal.connect(fail, sender=model, dispatch_uid="test-failing-save")
    try:
        with pytest.raises(DiskFull):
            yield
    finally:
        signal.disconnect(sender=model, dispatch_uid="test-failing-save")


def image_data(**overrides):
    data = {
        "title": "Verwaist",
        "collection": Collection.get_first_root_node().pk,
        "description": "Ein Testbild",
        "credit": "Foto: Test",
        "licence": "editorial",
        "tags": "",
    }
    data.update(overrides)
    return data


def document_data(**overrides):
    data = {
        "title": "Verwaist",
        "collection": Collection.get_first_root_node().pk,
        "language": "de",
        "licence": "editorial",
        "tags": "",
    }
    data.update(overrides)
    return data


def pdf(name="programm.pdf"):
    return SimpleUploadedFile(name, minimal_pdf("Programm"), "application/pdf")


@pytest.mark.parametrize("model_name", ["image", "log entry"])
def test_failed_image_upload_leaves_no_file(admin_client, model_name):
    model = get_image_model() if model_name == "image" else ModelLogEntry
    before = media_files()
    with failing_save(model):
        admin_client.post("/admin/images/add/", image_data(file=camera_jpeg()))
    assert not get_image_model().objects.filter(title="Verwaist").exists()
    assert media_files() == before


def test_failed_save_of_a_multiple_upload_leaves_only_the_pending_file(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": camera_jpeg(), "collection": Collection.get_first_root_node().pk},
    )
    upload_id = response.json()["uploaded_file_id"]
    before = media_files()
    prefix = f"uploaded-image-{upload_id}"
    data = {f"{prefix}-{key}": value for key, value in image_data().items()}
    # This view copies the pending file into original_images before it saves the image.
    with failing_save(get_image_model(), pre_save):
        admin_client.post(
            reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]), data
        )
    # The pending upload stays for another try; no copy of it in original_images.
    assert media_files() == before


@pytest.mark.parametrize("model_name", ["image", "log entry"])
def test_failed_image_replacement_keeps_the_old_file_and_drops_the_new(admin_client, model_name):
    model = get_image_model() if model_name == "image" else ModelLogEntry
    admin_client.post("/admin/images/add/", image_data(file=png_upload("vorher.png")))
    image = get_image_model().objects.get(title="Verwaist")
    before = media_files()
    with failing_save(model):
        admin_client.post(
            reverse("wagtailimages:edit", args=[image.pk]), image_data(file=camera_jpeg())
        )
    assert media_files() == before
    image.refresh_from_db()
    assert image.file.storage.exists(image.file.name)


@pytest.mark.parametrize("model_name", ["document", "log entry"])
def test_failed_document_replacement_keeps_the_old_file_and_drops_the_new(admin_client, model_name):
    model = get_document_model() if model_name == "document" else ModelLogEntry
    admin_client.post("/admin/documents/add/", document_data(file=pdf("vorher.pdf")))
    document = get_document_model().objects.get(title="Verwaist")
    before = media_files()
    with failing_save(model):
        admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]), document_data(file=pdf("neu.pdf"))
        )
    assert media_files() == before
    document.refresh_from_db()
    assert document.file.storage.exists(document.file.name)


def test_successful_replacement_deletes_the_old_file_on_commit(
    admin_client, django_capture_on_commit_callbacks
):
    admin_client.post("/admin/images/add/", image_data(file=png_upload("vorher.png")))
    image = get_image_model().objects.get(title="Verwaist")
    old_name = image.file.name
    image.get_rendition("max-20x20")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailimages:edit", args=[image.pk]), image_data(file=camera_jpeg())
        )
    assert response.status_code == 302
    image.refresh_from_db()
    assert not image.file.storage.exists(old_name)
    assert image.file.storage.exists(image.file.name)
    assert not image.renditions.exists()


@pytest.mark.parametrize("model_name", ["document", "log entry"])
def test_failed_document_upload_leaves_no_file(admin_client, model_name):
    model = get_document_model() if model_name == "document" else ModelLogEntry
    before = media_files()
    with failing_save(model):
        admin_client.post("/admin/documents/add/", document_data(file=pdf()))
    assert not get_document_model().objects.filter(title="Verwaist").exists()
    assert media_files() == before


@pytest.mark.parametrize(
    "url", ["/admin/documents/add/", "/admin/documents/multiple/add/"], ids=["single", "multiple"]
)
def test_refused_document_leaves_no_file(admin_client, url):
    before = media_files()
    disguised = SimpleUploadedFile("programm.pdf", b"<html><script>alert(1)</script>", "text/html")
    if "multiple" in url:
        data = {"files[]": disguised, "collection": Collection.get_first_root_node().pk}
    else:
        data = document_data(file=disguised)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert media_files() == before
    assert not get_document_model().objects.filter(file__endswith="programm.pdf").exists()


def test_unfinished_multiple_uploads_are_deleted_after_a_day(admin_client):
    def pending_upload():
        response = admin_client.post(
            "/admin/images/multiple/add/",
            {"files[]": camera_jpeg(), "collection": Collection.get_first_root_node().pk},
        )
        return UploadedFile.objects.get(pk=response.json()["uploaded_file_id"])

    before = media_files()
    abandoned, fresh = pending_upload(), pending_upload()
    two_days_ago = time.time() - 48 * 3600
    os.utime(abandoned.file.path, (two_days_ago, two_days_ago))

    call_command("delete_stale_uploads", stdout=io.StringIO())

    assert not UploadedFile.objects.filter(pk=abandoned.pk).exists()
    assert UploadedFile.objects.filter(pk=fresh.pk).exists()
    assert media_files() == before | {fresh.file.name}
