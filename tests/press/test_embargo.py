"""An embargoed release and its media stay unreachable until its go-live time, then appear."""

import datetime
import io
import json
import re
import zipfile
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from press.factories import PressReleasePageFactory

from .conftest import press_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret_document(site):
    return press_document("Zahlen vor Sperrfrist", "Geheim bis Montag")


@pytest.fixture
def embargoed(room, release, secret_document):
    image = release.photo_images[0]
    page = PressReleasePageFactory(
        parent=room,
        title="Neue Fellows ausgewählt",
        slug="neue-fellows",
        lead="Die ersten KI-Fellows stehen fest.",
        date=datetime.date(2026, 6, 1),
        pdf_version=secret_document,
        photos=json.dumps(
            [{"type": "photo", "value": {"image": image.pk, "caption": "Fellows", "alt_text": ""}}]
        ),
        live=False,
    )
    page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live  # scheduled, not published
    return page, image


def urls(page, image, document):
    base = f"{page.get_parent().url}{page.slug}/"
    return [
        base,
        f"{base}photos/{image.pk}/web/",
        f"{base}photos/{image.pk}/original/",
        f"{base}press-kit/",
        document.url,
    ]


@contextmanager
def after_go_live(page):
    """Move the clock past the go-live time and run Wagtail's scheduled publishing, as cron does."""
    later = page.go_live_at + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=io.StringIO())
        yield


def test_embargoed_release_and_media_are_unreachable_until_go_live(
    client, room, release, embargoed, secret_document
):
    page, image = embargoed
    for url in urls(page, image, secret_document):
        assert client.get(url).status_code == 404, url
    room_html = client.get(room.url).content.decode()
    assert "Neue Fellows ausgewählt" not in room_html
    names = zipfile.ZipFile(
        io.BytesIO(b"".join(client.get(f"{room.url}press-kit/").streaming_content))
    ).namelist()
    assert not any("zahlen-vor-sperrfrist" in name for name in names)

    with after_go_live(page):
        page.refresh_from_db()
        assert page.live
        check_published(client, room, release, page, image, secret_document)


def check_published(client, room, release, page, image, secret_document):
    for url in urls(page, image, secret_document):
        assert client.get(url).status_code == 200, url
    room_html = client.get(room.url).content.decode()
    assert "Neue Fellows ausgewählt" in room_html
    # newest first
    assert room_html.index("Neue Fellows ausgewählt") < room_html.index(release.title)
    names = zipfile.ZipFile(
        io.BytesIO(b"".join(client.get(f"{room.url}press-kit/").streaming_content))
    ).namelist()
    assert any("zahlen-vor-sperrfrist" in name for name in names)


def test_editors_can_preview_an_embargoed_release(admin_client, embargoed):
    page, _image = embargoed
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200


def test_a_translation_published_early_waits_for_its_source(client, embargoed):
    """Go-live dates are not synchronised by wagtail-localize; the embargo still holds."""
    page, image = embargoed
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.go_live_at = None
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.live
    assert client.get(english.url).status_code == 404
    assert client.get(f"{english.url}photos/{image.pk}/web/").status_code == 404
    english_room = page.get_parent().get_translation(english.locale)
    assert "Neue Fellows" not in client.get(english_room.url).content.decode()

    with after_go_live(page):
        assert client.get(english.url).status_code == 200


def test_the_release_form_points_to_where_the_schedule_really_is(admin_client, release):
    """The hint names the Status panel's "Set schedule", and the editor really offers it."""
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[release.pk])).content.decode()
    assert "wählen Sie „Zeitplan festlegen“" in html  # our hint, in the German admin
    assert "Reiter „Einstellungen“" not in html  # the tab the old hint named does not exist
    # and Wagtail's own action in the Status panel opens the scheduling dialog
    toggle = re.search(r"<button[^>]*schedule-publishing-dialog[^>]*>\s*Zeitplan festlegen", html)
    assert toggle is not None
