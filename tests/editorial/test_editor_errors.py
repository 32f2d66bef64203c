"""Issue 13: an editor answer that refuses a save (a conflict) comes back without autosave, which
would otherwise store the refused input over the newer version and show "Saved" beside the
message."""

import pytest
from django.test import Client

from core.factories import UserFactory
from editorial.factories import partner_editor
from network.models import PartnerPage

from .helpers import edit_url, editor_form_data

pytestmark = pytest.mark.django_db

AUTOSAVE_FORM = 'data-controller="w-init w-unsaved w-autosave"'


def _open_editor(user, page):
    client = Client()
    client.force_login(user)
    response = client.get(edit_url(page))
    assert AUTOSAVE_FORM in response.content.decode()  # a normal editor autosaves
    return client, editor_form_data(response, PartnerPage)


def test_a_refused_stale_save_comes_back_without_autosave(partners):
    partner = partners[0]
    editor_a = partner_editor(partner)
    editor_b = UserFactory(groups=editor_a.groups.all())
    client_a, form_a = _open_editor(editor_a, partner)
    client_b, form_b = _open_editor(editor_b, partner)
    form_a["title"] = "Fassung von A"
    assert client_a.post(edit_url(partner), form_a).status_code == 302

    form_b["title"] = "Fassung von B"
    response = client_b.post(edit_url(partner), form_b)

    html = response.content.decode()
    assert response.status_code == 200 and "Fassung von B" in html
    assert AUTOSAVE_FORM not in html
    assert "w-autosave-indicator__state--saved" not in html
