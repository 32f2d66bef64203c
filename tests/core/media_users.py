"""Partner editors with their own collections, made with the project's group setup."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from editorial.groups import sync_all
from editorial.models import PartnerSpace
from network.factories import PartnerPageFactory
from press.demo import minimal_pdf
from tests.editorial.helpers import partner_editor
from tests.images import png_upload


@pytest.fixture
def partners(site):
    """Two partners, each with its own space (group and collection), as the admin makes them."""
    found = [
        PartnerPageFactory(title="Medienhaus Soest", city="Soest"),
        PartnerPageFactory(title="Bildwerk Hamm", city="Hamm"),
    ]
    sync_all()
    return found


def collection_of(partner):
    return PartnerSpace.objects.get(partner_key=partner.translation_key).collection


def image_in(collection, title, owner=None):
    return get_image_model().objects.create(
        title=title,
        file=png_upload(f"{title}.png"),
        collection=collection,
        description="Testbild",
        credit="Foto: Test",
        uploaded_by_user=owner,
    )


def document_in(collection, title, owner=None):
    return get_document_model().objects.create(
        title=title,
        file=SimpleUploadedFile(f"{title}.pdf", minimal_pdf(title), "application/pdf"),
        collection=collection,
        uploaded_by_user=owner,
    )


__all__ = ["collection_of", "document_in", "image_in", "partner_editor"]
