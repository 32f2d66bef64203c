"""Upload limits and disguised files, through the admin's own HTTP views (single and multiple)."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from press.demo import minimal_pdf
from tests.images import png_upload

from .files import EXECUTABLE, HTML, png_bomb, upload

pytestmark = pytest.mark.django_db


def image_form(file):
    return {
        "title": "Pressefoto",
        "file": file,
        "collection": Collection.get_first_root_node().pk,
        "description": "Eine Bühne mit Publikum",
        "credit": "Foto: Jana Beispiel",
        "licence": "editorial",
        "tags": "",
    }


def document_form(file):
    return {
        "title": "Pressemappe",
        "file": file,
        "collection": Collection.get_first_root_node().pk,
        "language": "de",
        "licence": "editorial",
        "tags": "",
    }


def add_image(client, file):
    return client.post("/admin/images/add/", image_form(file))


def add_images_multiple(client, file):
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": file, "collection": Collection.get_first_root_node().pk},
    )


def add_document(client, file):
    return client.post("/admin/documents/add/", document_form(file))


def add_documents_multiple(client, file):
    return client.post(
        "/admin/documents/multiple/add/",
        {"files[]": file, "collection": Collection.get_first_root_node().pk},
    )


def refused_by_form(response):
    """The form again, with the message: returns the page as the editor sees it."""
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    return response.content.decode()


def refused_by_multiple_uploader(response):
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert data["error_message"]
    return data["error_message"]


@pytest.fixture
def count_images():
    before = get_image_model().objects.count()
    yield
    assert get_image_model().objects.count() == before  # nothing was stored


@pytest.fixture
def count_documents():
    before = get_document_model().objects.count()
    yield
    assert get_document_model().objects.count() == before


IMAGE_REFUSALS = [
    ("page.html", HTML, "text/html"),
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "image/svg+xml"),
    ("photo.jpg", EXECUTABLE, "image/jpeg"),  # a program renamed .jpg
    ("photo.png", HTML, "image/png"),  # a page renamed .png
    ("tool.exe", EXECUTABLE, "application/octet-stream"),
]


@pytest.mark.parametrize(("name", "content", "content_type"), IMAGE_REFUSALS)
def test_forbidden_or_disguised_image_is_refused(
    admin_client, count_images, name, content, content_type
):
    message = refused_by_form(add_image(admin_client, upload(name, content, content_type)))
    assert message
    message = refused_by_multiple_uploader(
        add_images_multiple(admin_client, upload(name, content, content_type))
    )
    assert message


def test_oversized_image_is_refused_with_its_size(admin_client, settings, count_images):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 200
    message = refused_by_form(add_image(admin_client, png_upload(size=(400, 300))))
    assert "200" in message  # says what the limit is
    message = refused_by_multiple_uploader(
        add_images_multiple(admin_client, png_upload(size=(400, 300)))
    )
    assert "200" in message


def test_image_with_too_many_pixels_is_refused(admin_client, settings, count_images):
    """A tiny file that would need 81 megapixels of memory: over our 50 MP limit."""
    bomb = png_bomb(9000, 9000)
    assert bomb.size < 200_000
    message = refused_by_form(add_image(admin_client, bomb))
    assert "81000000" in message.replace(".", "").replace(",", "")
    message = refused_by_multiple_uploader(add_images_multiple(admin_client, png_bomb(9000, 9000)))
    assert message


def test_decompression_bomb_is_refused_without_a_server_error(admin_client, count_images):
    """900 megapixels in a few hundred kilobytes: Pillow itself refuses to open it."""
    bomb = png_bomb(30000, 30000)
    assert bomb.size < 1_000_000
    refused_by_form(add_image(admin_client, bomb))
    refused_by_multiple_uploader(add_images_multiple(admin_client, png_bomb(30000, 30000)))


def test_a_real_photo_is_accepted(admin_client):
    stored = get_image_model().objects.filter(title="Pressefoto")
    before = stored.count()
    response = add_image(admin_client, png_upload(size=(400, 300)))
    assert response.status_code == 302
    assert stored.count() == before + 1


DOCUMENT_REFUSALS = [
    ("page.html", HTML, None),  # not on the allow-list
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
    ("tool.exe", EXECUTABLE, None),
    ("release.pdf", HTML, "eine Webseite"),  # a page renamed .pdf
    ("release.pdf", EXECUTABLE, "ein Programm"),  # a program renamed .pdf
    ("notes.txt", EXECUTABLE, "ein Programm"),
    ("table.csv", b"<html><script>x</script></html>", "eine Webseite"),
    ("letter.docx", b"%PDF-1.4 not a word file", "etwas anderes"),
]


@pytest.mark.parametrize(("name", "content", "says"), DOCUMENT_REFUSALS)
def test_forbidden_or_disguised_document_is_refused(
    admin_client, count_documents, name, content, says
):
    """The admin speaks German by default: the message says what the file really is."""
    message = refused_by_form(add_document(admin_client, upload(name, content)))
    if says:
        assert says in message
        assert f"echte {name.rsplit('.', 1)[1].upper()}-Datei" in message
    message = refused_by_multiple_uploader(
        add_documents_multiple(admin_client, upload(name, content))
    )
    if says:
        assert says in message


def test_disguised_document_message_follows_the_editors_language(
    admin_client, admin_user, count_documents
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    html = refused_by_form(add_document(admin_client, upload("release.pdf", HTML)))
    assert (
        "This file is named .pdf but its content is a web page or markup (HTML, SVG, XML). "
        "Please upload a real PDF file."
    ) in html


def test_oversized_document_is_refused(admin_client, settings, count_documents):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 500
    big_pdf = minimal_pdf(["K3 " * 400])
    assert len(big_pdf) > 500
    refused_by_form(add_document(admin_client, upload("big.pdf", big_pdf)))
    refused_by_multiple_uploader(add_documents_multiple(admin_client, upload("big.pdf", big_pdf)))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("release.pdf", minimal_pdf(["Pressemitteilung"])),
        ("notes.txt", "Grüße aus Dortmund\n".encode()),
        ("table.csv", b"name;city\nATD;Dortmund\n"),
    ],
)
def test_genuine_documents_are_accepted(admin_client, name, content):
    response = add_document(admin_client, upload(name, content))
    assert response.status_code == 302
    response = add_documents_multiple(admin_client, upload(name, content))
    assert response.json()["success"] is True
