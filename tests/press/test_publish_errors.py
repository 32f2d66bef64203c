"""Issue 13: a publish that fails validation does not show "Saved" in the header beside the
error (Wagtail's autosave would store the refused input and say so half a second later)."""

import pytest
from django.urls import reverse

from editorial.factories import press_officer
from tests.editorial.helpers import admin_in_english, editor_form_data

pytestmark = pytest.mark.django_db

AUTOSAVE_FORM = 'data-controller="w-init w-unsaved w-autosave"'
SAVED_INDICATOR = "w-autosave-indicator__state--saved"


def test_a_refused_publish_shows_the_errors_and_no_saved_indicator(client, room, release):
    officer = press_officer()
    admin_in_english(officer)
    client.force_login(officer)
    url = reverse("wagtailadmin_pages:edit", args=[release.pk])
    editor = client.get(url)
    html = editor.content.decode()
    assert AUTOSAVE_FORM in html and SAVED_INDICATOR in html  # the normal editor autosaves

    data = editor_form_data(editor, type(release))
    data["lead"] = ""
    data["action-publish"] = "action-publish"
    response = client.post(url, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "The page could not be saved due to validation errors." in html
    assert AUTOSAVE_FORM not in html and SAVED_INDICATOR not in html
    assert 'data-w-unsaved-force-value="true"' in html  # leaving still warns about the input
    release.refresh_from_db()
    assert (
        release.lead == "Die Probebühne öffnet."
        and release.latest_revision == release.live_revision
    )

    # The next normal load of the editor autosaves again.
    assert AUTOSAVE_FORM in client.get(url).content.decode()


def test_a_valid_publish_still_publishes(client, room, release):
    officer = press_officer()
    client.force_login(officer)
    url = reverse("wagtailadmin_pages:edit", args=[release.pk])
    data = editor_form_data(client.get(url), type(release))
    data["lead"] = "Neu eingeleitet."
    data["action-publish"] = "action-publish"
    assert client.post(url, data).status_code == 302
    release.refresh_from_db()
    assert release.live and release.lead == "Neu eingeleitet."
