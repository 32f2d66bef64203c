"""Hardening: wagtail-localize actions that replace a live page need publish rights on it."""

import pytest
from django.urls import reverse

from editorial.groups import REDAKTION

from .helpers import DENIED, english, member_of, page_snapshot, partner_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_english_translation(client, partners, django_user_model):
    """partners[0]'s English page as a real (not alias) live translation, made by a moderator."""
    partner = partners[0]
    moderator = member_of(django_user_model, REDAKTION, "redaktion")
    translated = partner.get_translation(english())
    if translated.alias_of_id is not None:
        client.force_login(moderator)
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[partner.pk]),
            {"locales": [english().pk]},
        )
        assert response.status_code == 302
        translated = partner.get_translation(english())
    assert translated.alias_of_id is None and translated.live
    client.logout()
    return translated


def test_partner_editor_cannot_convert_a_live_translation_to_an_alias(
    client,
    partners,
    django_user_model,
    live_english_translation,
    django_capture_on_commit_callbacks,
):
    page = live_english_translation
    editor = partner_editor(django_user_model, partners[0])
    assert page.permissions_for_user(editor).can_edit()  # own space: may edit, not publish
    client.force_login(editor)
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    before = page_snapshot(page)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url).status_code in DENIED
        assert client.post(url).status_code in DENIED
    assert page_snapshot(page) == before
    page.refresh_from_db()
    assert page.alias_of_id is None

    # Nor is the action offered in the editor's menu.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "localize-convert-to-alias" not in response.content.decode()


def test_moderator_converts_a_live_translation_to_an_alias(
    client, partners, django_user_model, live_english_translation
):
    page = live_english_translation
    client.force_login(member_of(django_user_model, REDAKTION, "redaktion"))
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    page.refresh_from_db()
    assert page.alias_of_id == partners[0].pk
