"""Line breaks in one-line fields are refused with a message, in every admin form.

A CR/LF in a title or credit would add lines to the press kit's CREDITS.txt and to the headers
of moderation mails ("Bcc: ..."). Multi-line fields (teasers, summaries) keep their line breaks.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, UploadedFile

from events.models import Venue
from home.models import StandardPage
from news.factories import NewsPageFactory
from news.models import NewsPage
from press.demo import minimal_pdf
from tests.editorial.helpers import edit_url, editor_form_data, page_snapshot
from tests.images import png_upload

pytestmark = pytest.mark.django_db
INJECTION = "Pressemitteilung\r\nBcc: x@example.org"
# The admin speaks German unless a user chose English: accept the message in either language.
REFUSED = ("must be a single line", "muss einzeilig sein")


def says_refused(text):
    return any(wording in text for wording in REFUSED)


@pytest.fixture
def news(site):
    return NewsPageFactory(
        title="Einzeilig", slug="einzeilig-test", date=datetime.date(2026, 3, 1), teaser="Ein Test."
    )


def refused(response, field):
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(says_refused(message) for message in errors.get(field, [])), errors


@pytest.mark.parametrize("field", ["title", "seo_title"])
def test_page_title_with_a_line_break_is_refused(admin_client, news, field):
    before = page_snapshot(news)
    data = editor_form_data(admin_client.get(edit_url(news)), NewsPage)
    data.update({field: INJECTION, "listing_summary": "Zeile eins\r\nZeile zwei"})
    refused(admin_client.post(edit_url(news), data), field)
    assert page_snapshot(news) == before


def test_new_page_with_a_line_break_in_its_title_is_not_created(admin_client, site):
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", site.home_de.pk])
    data = editor_form_data(admin_client.get(url), StandardPage)
    data.update({"title": INJECTION, "slug": "injektion"})
    refused(admin_client.post(url, data), "title")
    assert not Page.objects.filter(slug="injektion").exists()


def test_multi_line_fields_keep_their_line_breaks(admin_client, news):
    data = editor_form_data(admin_client.get(edit_url(news)), NewsPage)
    data.update({"teaser": "Zeile eins\r\nZeile zwei", "listing_summary": "Eins\nZwei"})
    response = admin_client.post(edit_url(news), data)
    assert response.status_code == 302
    draft = Page.objects.get(pk=news.pk).get_latest_revision_as_object()
    assert draft.teaser.splitlines() == ["Zeile eins", "Zeile zwei"]


def image_data(**overrides):
    data = {
        "title": "Einzeilig",
        "collection": Collection.get_first_root_node().pk,
        "description": "Ein Testbild",
        "credit": "Foto: Jana Beispiel",
        "caption": "",
        "licence": "editorial",
        "tags": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("field", ["title", "credit", "caption", "description"])
def test_image_fields_with_a_line_break_are_refused(admin_client, field):
    value = "Foto: Jana Beispiel\nBcc: x@example.org"
    response = admin_client.post(
        "/admin/images/add/", image_data(file=png_upload(), **{field: value})
    )
    refused(response, field)
    assert not get_image_model().objects.filter(credit__contains="Bcc").exists()


def test_image_credit_with_a_line_break_is_refused_in_the_multiple_uploader(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": png_upload(), "collection": Collection.get_first_root_node().pk},
    )
    upload_id = response.json()["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"
    data = {
        f"{prefix}-{key}": value
        for key, value in image_data(credit="Foto: Jana\r\nBeispiel").items()
    }
    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]), data
    )
    assert response.json()["success"] is False
    assert says_refused(response.json()["form"])
    assert UploadedFile.objects.filter(pk=upload_id).exists()
    assert not get_image_model().objects.filter(credit__startswith="Foto: Jana").exists()


def test_image_credit_with_a_line_break_is_refused_when_editing(admin_client):
    admin_client.post("/admin/images/add/", image_data(file=png_upload()))
    image = get_image_model().objects.get(title="Einzeilig")
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]), image_data(credit="Foto\rBcc: x")
    )
    refused(response, "credit")
    image.refresh_from_db()
    assert image.credit == "Foto: Jana Beispiel"


def test_document_title_with_a_line_break_is_refused(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": INJECTION,
            "file": SimpleUploadedFile("a.pdf", minimal_pdf("A"), "application/pdf"),
            "collection": Collection.get_first_root_node().pk,
            "language": "de",
            "licence": "editorial",
            "tags": "",
        },
    )
    refused(response, "title")
    assert not get_document_model().objects.filter(title__contains="Bcc").exists()


def test_snippet_field_with_a_line_break_is_refused(admin_client):
    url = reverse("wagtailsnippets_events_venue:add")
    response = admin_client.post(
        url,
        {
            "name": "Kulturhaus\nBcc: x@example.org",
            "address": "Hauptstraße 1\nHinterhaus",
            "postcode": "44147",
            "city": "Dortmund",
            "accessibility_notes": "",
            "locale": "1",
        },
    )
    refused(response, "name")
    assert not Venue.objects.filter(name__startswith="Kulturhaus").exists()
