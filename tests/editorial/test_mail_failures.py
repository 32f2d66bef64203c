"""Hardening: a moderation mail that cannot be sent is shown to the editor, not only logged."""

import socket

import pytest
from django.test import override_settings
from wagtail.models import WorkflowState

from editorial.groups import REDAKTION
from network.models import PartnerPage

from .helpers import admin_in_english, edit_url, editor_form_data, member_of, partner_editor

pytestmark = pytest.mark.django_db

WARNING = "notification e-mail could not be sent"


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


def _submit(client, page):
    data = editor_form_data(client.get(edit_url(page)), PartnerPage)
    data["title"] = "Zur Freigabe"
    data["action-submit"] = "action-submit"
    return client.post(edit_url(page), data, follow=True)


def test_editor_sees_that_the_moderators_could_not_be_mailed(client, partners, django_user_model):
    partner = partners[0]
    member_of(django_user_model, REDAKTION, "redaktion")  # a moderator with an address
    editor = partner_editor(django_user_model, partner)
    admin_in_english(editor)
    client.force_login(editor)
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=_closed_port(),
        EMAIL_TIMEOUT=5,
    ):
        response = _submit(client, partner)
    assert response.status_code == 200
    assert WorkflowState.objects.active().filter(object_id=str(partner.pk)).exists()
    assert WARNING in response.content.decode()


def test_no_warning_when_the_mail_goes_out(client, partners, django_user_model):
    from django.core import mail

    partner = partners[0]
    member_of(django_user_model, REDAKTION, "redaktion")
    editor = partner_editor(django_user_model, partner)
    admin_in_english(editor)
    client.force_login(editor)
    response = _submit(client, partner)
    assert mail.outbox
    assert WARNING not in response.content.decode()
