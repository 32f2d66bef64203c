"""Acceptance 2: partner editors submit, K3 Redaktion approves (or rejects) and mails go out."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from editorial.factories import moderator, partner_editor
from editorial.groups import WORKFLOW_NAME
from network.models import PartnerPage

from .helpers import edit_url, editor_form_data

pytestmark = pytest.mark.django_db


def _submit(client, page, title, action="action-submit"):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    data = editor_form_data(response, type(page))
    data["title"] = title
    data[action] = action
    response = client.post(edit_url(page), data)
    assert response.status_code == 302
    return response


def _task_state(page):
    return WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state


def test_workflow_covers_both_locales(site, partners):
    german = partners[0]
    assert german.get_workflow().name == WORKFLOW_NAME
    assert german.get_translation(site.en).get_workflow().name == WORKFLOW_NAME


def test_partner_editor_cannot_publish_and_redaktion_approves(client, partners):
    partner = partners[0]
    editor = partner_editor(partner)
    redaktion = moderator()
    live_title = partner.title
    client.force_login(editor)

    # "Publish" from a partner editor only saves a draft: the live page is untouched.
    _submit(client, partner, "Direkt veröffentlicht?", action="action-publish")
    partner.refresh_from_db()
    assert partner.title == live_title
    assert partner.has_unpublished_changes

    mail.outbox = []
    _submit(client, partner, "Zur Freigabe")
    partner.refresh_from_db()
    assert partner.title == live_title
    task_state = _task_state(partner)
    # The moderators hear about it by mail.
    assert any(redaktion.email in message.to for message in mail.outbox)

    # The editor cannot approve its own submission.
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[partner.pk, "approve", task_state.pk]
    )
    client.post(approve, {"comment": "selbst"})
    partner.refresh_from_db()
    assert partner.title == live_title

    mail.outbox = []
    client.force_login(redaktion)
    response = client.post(approve, {"comment": "Passt, danke!"})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.live and partner.title == "Zur Freigabe"
    assert not WorkflowState.objects.active().filter(object_id=str(partner.pk)).exists()
    approved = [m for m in mail.outbox if editor.email in m.to]
    assert approved and "Zur Freigabe" in approved[0].body

    # The public page shows it.
    assert "Zur Freigabe" in client.get(partner.url).content.decode()


def test_redaktion_rejects_with_a_comment(client, partners):
    partner = partners[-1]
    editor = partner_editor(partner)
    redaktion = moderator()
    live_title = partner.title
    client.force_login(editor)
    _submit(client, partner, "Noch nicht gut")
    task_state = _task_state(partner)

    mail.outbox = []
    client.force_login(redaktion)
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=[partner.pk, "reject", task_state.pk]
    )
    assert client.post(reject, {"comment": "Bitte Quelle ergänzen."}).status_code == 302
    partner.refresh_from_db()
    assert partner.title == live_title
    state = WorkflowState.objects.filter(object_id=str(partner.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = [m for m in mail.outbox if editor.email in m.to]
    assert rejected and "Bitte Quelle ergänzen." in rejected[0].body


def test_scheduled_publishing_goes_live_with_publish_scheduled(partners):
    partner = PartnerPage.objects.get(pk=partners[0].pk)
    redaktion = moderator()
    partner.title = "Später live"
    revision = partner.save_revision(user=redaktion)
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    partner.refresh_from_db()
    assert partner.title != "Später live"
    call_command("publish_scheduled", verbosity=0)
    partner.refresh_from_db()
    assert partner.title == "Später live"
