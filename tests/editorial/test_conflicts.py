"""Hardening: a save from a form loaded before someone else's save is refused, not lost."""

import re

import pytest
from django.test import Client
from wagtail.models import Page

from core.factories import UserFactory
from editorial.factories import moderator, partner_editor
from network.models import PartnerPage

from .helpers import admin_in_english, edit_url, editor_form_data

pytestmark = pytest.mark.django_db


def _open_editor(user, page):
    client = Client()
    client.force_login(user)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return client, editor_form_data(response, PartnerPage)


def _latest_title(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object().title


@pytest.mark.parametrize("action", ["", "action-submit"])
def test_stale_save_is_refused_with_the_input_kept_and_saved_when_confirmed(partners, action):
    partner = partners[0]
    editor_a = partner_editor(partner)
    editor_b = UserFactory(groups=editor_a.groups.all())
    admin_in_english(editor_b)
    client_a, form_a = _open_editor(editor_a, partner)
    client_b, form_b = _open_editor(editor_b, partner)

    form_a["title"] = "Fassung von A"
    assert client_a.post(edit_url(partner), form_a).status_code == 302
    revisions = Page.objects.get(pk=partner.pk).revisions.count()

    form_b["title"] = "Fassung von B"
    if action:
        form_b[action] = action
    response = client_b.post(edit_url(partner), form_b)
    assert response.status_code == 200
    assert "saved a newer version" in response.content.decode()
    shown = editor_form_data(response, PartnerPage)
    assert shown["title"] == "Fassung von B"  # B's input is still there
    # The message links to what A changed.
    compare = re.search(
        r'href="([^"]*/revisions/compare/\d+\.\.\.\d+/)"', response.content.decode()
    )
    assert compare
    assert "Fassung von A" in client_b.get(compare.group(1)).content.decode()
    assert _latest_title(partner) == "Fassung von A"
    assert Page.objects.get(pk=partner.pk).revisions.count() == revisions

    # Saving the re-rendered form again is the confirmation to overwrite.
    response = client_b.post(edit_url(partner), shown)
    assert response.status_code == 302
    assert _latest_title(partner) == "Fassung von B"


def test_stale_publish_by_a_moderator_is_refused(partners):
    partner = partners[-1]
    live_title = partner.title
    client_editor, form_editor = _open_editor(partner_editor(partner), partner)
    client_moderator, form_moderator = _open_editor(moderator(), partner)

    form_editor["title"] = "Entwurf der Partnerin"
    assert client_editor.post(edit_url(partner), form_editor).status_code == 302

    form_moderator["action-publish"] = "action-publish"
    response = client_moderator.post(edit_url(partner), form_moderator)
    assert response.status_code == 200
    partner = Page.objects.get(pk=partner.pk)
    assert partner.title == live_title  # nothing published over the editor's draft
    assert _latest_title(partner) == "Entwurf der Partnerin"


def test_save_from_the_latest_revision_goes_through(partners):
    partner = partners[0]
    editor = partner_editor(partner)
    client, form = _open_editor(editor, partner)
    form["title"] = "Erste Änderung"
    assert client.post(edit_url(partner), form).status_code == 302
    form = editor_form_data(client.get(edit_url(partner)), PartnerPage)
    form["title"] = "Zweite Änderung"
    assert client.post(edit_url(partner), form).status_code == 302
    assert _latest_title(partner) == "Zweite Änderung"
