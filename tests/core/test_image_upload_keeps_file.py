"""Issue 13: an image upload that comes back with errors keeps its file.

Wagtail's multiple uploader (Images › Add an image) already keeps the file while it asks for the
details. The one-image form (/admin/images/add/) and the upload tab of the image chooser (what
a partner editor uses while editing an event) re-showed the form empty-handed: the editor had to
choose the file again. Now the file waits, and the form says so.
"""

import json
import re

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from editorial.factories import partner_editor
from editorial.models import PartnerSpace
from network.factories import PartnerPageFactory
from tests.browser import with_password
from tests.images import png_upload

pytestmark = pytest.mark.django_db

KEPT = re.compile(r'name="(?:image-chooser-upload-)?kept_upload" value="([^"]+)"')
# The chooser's upload form has a prefix.
PREFIXES = {
    reverse("wagtailimages:add"): "",
    reverse("wagtailimages_chooser:create"): "image-chooser-upload-",
}


@pytest.fixture
def editor(site):
    partner = PartnerPageFactory(title="Bildbühne Kleve", slug="bildbuehne-kleve")
    user = with_password(partner_editor(partner), "en")
    user.collection = PartnerSpace.objects.get(partner_key=partner.translation_key).collection
    return user


def details(editor, **overrides):
    """What the form sends; `kept_upload` is its hidden field, empty until a file waits."""
    data = {
        "kept_upload": "",
        "title": "Werkstatt",
        "collection": editor.collection.pk,
        "description": "Menschen an einem Tisch mit Laptops",
        "credit": "Foto: Jana Beispiel",
        "licence": "editorial",
        "tags": "",
    }
    data.update(overrides)
    return data


def html_of(response):
    content = response.content.decode()
    return json.loads(content)["htmlFragment"] if content.startswith("{") else content


def prefixed(url, data):
    return {PREFIXES[url] + key: value for key, value in data.items()}


@pytest.mark.parametrize("url", list(PREFIXES), ids=["image form", "chooser upload"])
def test_the_file_is_kept_when_details_are_missing_and_used_on_the_next_submit(client, editor, url):
    client.force_login(editor)

    first = client.post(
        url, prefixed(url, {**details(editor, credit=""), "file": png_upload("saal.png")})
    )

    assert first.status_code == 200
    html = html_of(first)
    assert "This field is required." in html  # the credit
    assert "File kept: saal" in html
    token = KEPT.search(html).group(1)
    assert not get_image_model().objects.filter(title="Werkstatt").exists()

    second = client.post(url, prefixed(url, {**details(editor), "kept_upload": token}))

    assert second.status_code in (200, 302)
    image = get_image_model().objects.get(title="Werkstatt")
    assert (image.width, image.height) == (40, 30)
    assert image.file.name.endswith(".png")
    assert image.uploaded_by_user == editor
    assert not UploadedFile.objects.exists()  # the waiting file is gone once the image is saved


def test_a_new_file_on_the_second_submit_replaces_the_kept_one(client, editor):
    client.force_login(editor)
    url = reverse("wagtailimages:add")
    first = client.post(url, {**details(editor, credit=""), "file": png_upload("alt.png")})
    token = KEPT.search(first.content.decode()).group(1)

    client.post(
        url,
        {**details(editor), "kept_upload": token, "file": png_upload("neu.png", size=(20, 10))},
    )

    image = get_image_model().objects.get(title="Werkstatt")
    assert (image.width, image.height) == (20, 10)
    assert not UploadedFile.objects.exists()


def test_another_users_kept_file_is_not_theirs_to_use(client, editor, site):
    client.force_login(editor)
    url = reverse("wagtailimages:add")
    first = client.post(url, {**details(editor, credit=""), "file": png_upload("privat.png")})
    token = KEPT.search(first.content.decode()).group(1)
    other = partner_editor(PartnerPageFactory(title="Andere Bühne", slug="andere-buehne"))
    client.force_login(other)

    response = client.post(url, {**details(editor, title="Fremd"), "kept_upload": token})

    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Fremd").exists()
    assert "privat" not in response.content.decode()


def test_a_tampered_token_is_ignored(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("wagtailimages:add"), {**details(editor), "kept_upload": "1:forged"}
    )

    assert response.status_code == 200  # the file is required again
    assert not get_image_model().objects.filter(title="Werkstatt").exists()
