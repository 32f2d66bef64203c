"""Issue 13: K3 Redaktion decides from one list on the dashboard, with a confirmation, and every
person gets one mail per moderation event."""

import datetime
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.models import Page, WorkflowState

from core.factories import UserFactory, translate
from editorial.factories import moderator, partner_editor
from editorial.groups import REDAKTION
from editorial.models import PartnerSpace
from network.factories import FellowProfilePageFactory, ProgramPageFactory

from .helpers import admin_in_english, edit_url

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("wagtailadmin_home")


def submit(page, user, title, go_live_at=None):
    """What "Submit for moderation" in the editor does: a new revision, the workflow started."""
    page = Page.objects.get(pk=page.pk).specific
    page.title = title
    page.go_live_at = go_live_at
    revision = page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return revision


def english_moderator(**fields):
    user = moderator(**fields)
    admin_in_english(user)
    return user


def task_state_of(page):
    return WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state


def moderation_list(html):
    start = html.index('id="editorial-moderation-list-content"')
    return html[start : html.index("</table>", start)]


def row_of(panel, page):
    start = panel.index(f'data-moderation-row="{page.pk}"')
    return panel[start : panel.index("</tr>", start)]


def test_moderators_see_each_submission_once_with_partner_submitter_and_buttons(client, partners):
    partner = partners[0]
    editor = partner_editor(partner, first_name="Paula", last_name="Partner")
    redaktion = english_moderator()
    central = ProgramPageFactory(title="Zentrales Programm", slug="zentrales-programm")
    submit(partner, editor, "Partnerseite zur Freigabe")
    submit(central, UserFactory(first_name="Zora", last_name="Zentral"), "Zentral zur Freigabe")

    client.force_login(redaktion)
    html = client.get(DASHBOARD).content.decode()
    # Once on the whole dashboard: Wagtail's "Awaiting your review" is gone.
    assert html.count(f'data-moderation-row="{partner.pk}"') == 1
    assert 'id="awaiting-review' not in html
    panel = moderation_list(html)
    row = row_of(panel, partner)
    assert "Probebühne Wesel" in row and "Paula Partner" in row and "German" in row
    with translation.override("en"):
        submitted = date_format(
            localtime(task_state_of(partner).started_at), "SHORT_DATETIME_FORMAT"
        )
    assert submitted in row
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[partner.pk, "approve", task_state_of(partner).pk],
    )
    assert f'action="{approve}"' in row and ">Approve</button>" in row
    assert ">Request changes</summary>" in row
    central_row = row_of(panel, central)
    assert ">K3<" in central_row and "Zora Zentral" in central_row


def test_approving_from_the_list_publishes_and_confirms(client, partners):
    partner = partners[0]
    editor = partner_editor(partner)
    redaktion = english_moderator()
    submit(partner, editor, "Freigegebener Titel")
    task_state = task_state_of(partner)
    client.force_login(redaktion)
    done = reverse("editorial_moderation_done", args=[task_state.pk])
    assert f'value="{done}"' in row_of(
        moderation_list(client.get(DASHBOARD).content.decode()), partner
    )

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[partner.pk, "approve", task_state.pk]),
        {"next": done},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == DASHBOARD
    html = response.content.decode()
    assert "“Freigegebener Titel” approved and published." in html
    partner.refresh_from_db()
    assert partner.live and partner.title == "Freigegebener Titel"
    assert f'data-moderation-row="{partner.pk}"' not in html


def test_approving_a_scheduled_page_confirms_its_go_live_time(client, partners):
    partner = partners[0]
    go_live = timezone.now() + datetime.timedelta(days=2)
    submit(partner, partner_editor(partner), "Später freigegeben", go_live_at=go_live)
    task_state = task_state_of(partner)
    client.force_login(english_moderator())

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[partner.pk, "approve", task_state.pk]),
        {"next": reverse("editorial_moderation_done", args=[task_state.pk])},
        follow=True,
    )
    with translation.override("en"):
        when = date_format(localtime(go_live), "DATETIME_FORMAT")
    assert f"“Später freigegeben” approved; it goes live on {when}." in response.content.decode()
    partner.refresh_from_db()
    assert partner.title != "Später freigegeben"  # not before its time


def test_requesting_changes_from_the_list_confirms_and_keeps_the_page(client, partners):
    partner = partners[0]
    editor = partner_editor(partner)
    redaktion = english_moderator()
    live_title = partner.title
    submit(partner, editor, "Noch nicht fertig")
    task_state = task_state_of(partner)
    client.force_login(redaktion)

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[partner.pk, "reject", task_state.pk]),
        {"next": reverse("editorial_moderation_done", args=[task_state.pk]), "comment": "Quelle?"},
        follow=True,
    )
    assert "Changes requested for “Noch nicht fertig”" in response.content.decode()
    partner.refresh_from_db()
    assert partner.title == live_title
    rejected = [message for message in mail.outbox if editor.email in message.to]
    assert len(rejected) == 1 and "Quelle?" in rejected[0].body


def test_the_confirmation_speaks_only_of_the_users_own_decision(client, partners):
    partner = partners[0]
    submit(partner, partner_editor(partner), "Fremde Entscheidung")
    task_state = task_state_of(partner)
    task_state.approve(user=moderator(username="erste"))
    client.force_login(english_moderator(username="zweite"))
    response = client.get(reverse("editorial_moderation_done", args=[task_state.pk]), follow=True)
    assert "“Fremde Entscheidung”" not in response.content.decode()


def test_partner_editors_see_their_submissions_once(client, partners):
    partner = partners[0]
    editor = partner_editor(partner)
    submit(partner, editor, "Meine Einreichung")
    client.force_login(editor)
    html = client.get(DASHBOARD).content.decode()
    # In our panel (with the state of its moderation), not again in Wagtail's.
    assert "Meine Einreichung" in html[html.index('id="editorial-moderation-content"') :]
    assert 'id="objects-in-workflow' not in html
    assert "editorial-moderation-list" not in html  # no decisions for partners


def _mails_per_recipient():
    return Counter(address for message in mail.outbox for address in message.to)


def test_one_mail_per_person_per_moderation_event(client, partners, admin_user):
    partner = partners[0]
    editor = partner_editor(partner)
    # A moderator in two groups, a superuser who is also a moderator, and a plain moderator.
    space = PartnerSpace.objects.get(partner_key=partner.translation_key)
    twice = moderator(username="zweifach")
    twice.groups.add(space.group)
    admin_user.groups.add(Group.objects.get(name=REDAKTION))
    plain = moderator(username="einfach")

    mail.outbox = []
    submit(partner, editor, "Eine Mail je Person")
    counts = _mails_per_recipient()
    assert counts == {twice.email: 1, admin_user.email: 1, plain.email: 1}
    body = next(m.body for m in mail.outbox if twice.email in m.to)
    assert f"http://testserver{edit_url(partner)}" in body  # WAGTAILADMIN_BASE_URL

    mail.outbox = []
    client.force_login(twice)
    task_state = task_state_of(partner)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[partner.pk, "approve", task_state.pk])
    )
    assert _mails_per_recipient() == {editor.email: 1}

    # A moderator submitting a page is not told about it; the others once each.
    mail.outbox = []
    submit(partners[1], twice, "Von der Redaktion eingereicht")
    assert _mails_per_recipient() == {admin_user.email: 1, plain.email: 1}


def translation_row(html, page):
    start = html.index('id="editorial-translations-content"')
    start = html.index(f'data-translation-row="{page.pk}"', start)
    return html[start : html.index("</tr>", start)]


def test_moderators_see_draft_translations_with_partner_and_date(client, partners):
    """Two partners' pages of the same name, one translated as a draft: told apart by partner,
    state and date."""
    wesel = FellowProfilePageFactory(parent=partners[0], title="Ada Probe", cohort_year=2026)
    xanten = FellowProfilePageFactory(parent=partners[1], title="Ada Probe", cohort_year=2026)
    draft = translate(wesel, "en", publish=False, title="Ada Probe (draft)")
    client.force_login(english_moderator())
    html = client.get(DASHBOARD).content.decode()

    row = translation_row(html, wesel)
    assert "Probebühne Wesel" in row and "English" in row
    assert "in progress, not published" in row
    assert f'href="{edit_url(draft)}">Continue the translation</a>' in row
    with translation.override("en"):
        edited = date_format(
            localtime(Page.objects.get(pk=draft.pk).latest_revision_created_at),
            "SHORT_DATETIME_FORMAT",
        )
    assert edited in row
    other = translation_row(html, xanten)
    assert "Probemuseum Xanten" in other and "missing" in other
