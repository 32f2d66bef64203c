"""Uploaded photos lose their location and device data in the original and every rendition."""

import hashlib
import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from tests.images import png_upload

from .media_files import assert_clean, assert_upright, camera_jpeg, camera_jpeg_bytes

pytestmark = pytest.mark.django_db


def image_data(**overrides):
    data = {
        "title": "Werkstatt",
        "collection": Collection.get_first_root_node().pk,
        "description": "Menschen an einem Tisch mit Laptops",
        "credit": "Foto: Jana Beispiel",
        "licence": "editorial",
        "tags": "",
    }
    data.update(overrides)
    return data


def stored(image):
    with image.file.open("rb") as handle:
        return handle.read()


def assert_stored_image_is_clean(image):
    data = stored(image)
    assert_upright(assert_clean(data))
    # Size, hash and dimensions describe the stored (stripped) file.
    assert image.file_size == len(data)
    assert image.file_hash == hashlib.sha1(data).hexdigest()
    assert (image.width, image.height) == (120, 80)  # as stored; the tag turns it upright
    rendition = image.get_rendition("max-100x100")
    with rendition.file.open("rb") as handle:
        rendition_data = handle.read()
    rendition_image = assert_clean(rendition_data)
    assert rendition_image.getexif().get(0x0112) in (None, 1)  # Wagtail turned it upright
    assert_upright(rendition_image)


def test_single_upload_strips_location_and_serial_numbers(admin_client):
    response = admin_client.post("/admin/images/add/", image_data(file=camera_jpeg()))
    assert response.status_code == 302
    assert_stored_image_is_clean(get_image_model().objects.get(title="Werkstatt"))


def test_multiple_upload_strips_the_pending_file_and_the_image(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": camera_jpeg(), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    upload_id = response.json()["uploaded_file_id"]  # alt text and credit are still missing
    upload = UploadedFile.objects.get(pk=upload_id)
    with upload.file.open("rb") as handle:
        assert_clean(handle.read())  # even the pending file in MEDIA_ROOT is clean

    prefix = f"uploaded-image-{upload_id}"
    data = {f"{prefix}-{key}": value for key, value in image_data(title="Mehrfach").items()}
    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]), data
    )
    assert response.json()["success"] is True
    assert_stored_image_is_clean(get_image_model().objects.get(title="Mehrfach"))


def test_replacing_the_file_in_the_edit_form_strips_it(admin_client):
    admin_client.post("/admin/images/add/", image_data(file=png_upload("alt.png")))
    image = get_image_model().objects.get(title="Werkstatt")
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]), image_data(file=camera_jpeg())
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".jpg")
    assert_stored_image_is_clean(image)


def test_images_saved_in_code_are_stripped_too(db):
    image = get_image_model()(
        title="Skript",
        file=ImageFile(io.BytesIO(camera_jpeg_bytes()), name="skript.jpg"),
        description="Testbild",
        credit="Test",
    )
    image._set_image_file_metadata()
    image.save()
    image.refresh_from_db()
    assert_stored_image_is_clean(image)
