"""Images must carry alt text and a credit; documents a language and a licence."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from tests.images import png_upload

pytestmark = pytest.mark.django_db


def image_form(**overrides):
    data = {
        "title": "Netzwerktreffen",
        "file": png_upload(),
        "collection": Collection.get_first_root_node().pk,
        "description": "Menschen sitzen im Kreis auf einer Bühne",
        "credit": "Foto: Jana Beispiel",
        "licence": "editorial",
        "tags": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("missing", ["description", "credit"])
def test_image_upload_without_alt_text_or_credit_is_refused(admin_client, missing):
    before = get_image_model().objects.count()
    response = admin_client.post("/admin/images/add/", image_form(**{missing: ""}))
    assert response.status_code == 200  # the form again, with the error
    assert get_image_model().objects.count() == before
    errors = response.context["form"].errors
    assert missing in errors
    assert errors[missing] == [
        "Dieses Feld muss ausgefüllt werden."
    ]  # the admin defaults to German


def test_image_upload_with_alt_text_and_credit_is_saved(admin_client):
    response = admin_client.post("/admin/images/add/", image_form())
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Netzwerktreffen")
    assert image.credit == "Foto: Jana Beispiel"
    assert image.default_alt_text == "Menschen sitzen im Kreis auf einer Bühne"


def test_admin_speaks_the_users_language(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    response = admin_client.get("/admin/images/add/")
    assert '<html lang="de"' in response.content.decode()
    assert "Alternativtext" in response.content.decode()
    profile.preferred_language = "en"
    profile.save()
    response = admin_client.get("/admin/images/add/")
    assert '<html lang="en"' in response.content.decode()
    assert "Alt text" in response.content.decode()


def test_document_keeps_its_language_and_licence(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Programmheft",
            "file": SimpleUploadedFile("programm.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
            "collection": Collection.get_first_root_node().pk,
            "language": "en",
            "licence": "cc-by-4.0",
            "tags": "",
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Programmheft")
    assert (document.language, document.licence) == ("en", "cc-by-4.0")


def test_svg_upload_is_refused(admin_client):
    svg = SimpleUploadedFile(
        "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"
    )
    before = get_image_model().objects.count()
    response = admin_client.post("/admin/images/add/", image_form(file=svg))
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert get_image_model().objects.count() == before
