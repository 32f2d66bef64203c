"""K3 Redaktion's one moderation list: every page waiting for the user's review, with its partner,
its submitter and the two decisions as buttons.

The buttons post to Wagtail's own workflow action view (so its checks, logging and mails stay
the only way a page is approved); its `next` leads to `moderation_done`, which tells the
moderator what became of the page, read back from the database, after a normal page load.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Page, TaskState, get_default_page_content_type

from network.models import PartnerPage

PANEL_ROWS = 25
CENTRAL = "K3"  # the partner column for pages outside every partner's subtree

# Wagtail's dashboard panels that show the same pages again (wagtail.admin.views.home).
WAGTAIL_MODERATION_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


def partner_names_for(pages):
    """Page id -> the title of the partner page at or above it ("K3" for central pages)."""
    partners = list(PartnerPage.objects.only("path", "title", "depth").order_by("-depth"))
    names = {}
    for page in pages:
        names[page.pk] = next(
            (partner.title for partner in partners if page.path.startswith(partner.path)),
            CENTRAL,
        )
    return names


@dataclass
class ModerationRow:
    page: Page
    task_state: TaskState
    partner: str
    submitted_by: object  # a user, or None
    submitted_at: datetime
    approve_url: str | None
    reject_url: str | None
    done_url: str


def reviewable_task_states(user):
    """Task states of pages the user may approve or reject now, newest first."""
    return (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type=get_default_page_content_type())
        .select_related("task", "workflow_state__requested_by", "revision__user")
        .order_by("-started_at")
    )


def can_moderate(user):
    """Whether the user takes part in an approval step (K3 Redaktion, superusers)."""
    return (
        user.is_superuser
        or GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()
    )


def moderation_rows(user):
    states = list(reviewable_task_states(user))
    pages = Page.objects.select_related("locale").in_bulk(
        [int(state.workflow_state.object_id) for state in states]
    )
    partner_names = partner_names_for(pages.values())
    rows = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue  # the page was deleted while in moderation
        actions = {name for name, _label, _modal in state.task.specific.get_actions(page, user)}
        rows.append(
            ModerationRow(
                page=page,
                task_state=state,
                partner=partner_names[page.pk],
                submitted_by=state.workflow_state.requested_by
                or (state.revision.user if state.revision else None),
                submitted_at=state.started_at,
                approve_url=_action_url(page, "approve", state) if "approve" in actions else None,
                reject_url=_action_url(page, "reject", state) if "reject" in actions else None,
                done_url=reverse("editorial_moderation_done", args=[state.pk]),
            )
        )
    return rows


def _action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


class ModerationListPanel(Component):
    name = "editorial_moderation_list"
    order = 100
    template_name = "editorial/panels/moderation_list.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        rows = moderation_rows(self.user)
        return {
            "rows": rows[:PANEL_ROWS],
            "total": len(rows),
            "csrf_token": (parent_context or {}).get("csrf_token"),
        }


def remove_wagtail_moderation_panels(panels):
    panels[:] = [panel for panel in panels if panel.name not in WAGTAIL_MODERATION_PANELS]


def moderation_done(request, task_state_id):
    """Where the list's buttons land after Wagtail's workflow action: what became of the page."""
    task_state = get_object_or_404(TaskState.objects.select_related("task"), pk=task_state_id)
    page = get_object_or_404(Page, pk=int(task_state.workflow_state.object_id)).specific
    if task_state.finished_by_id != request.user.pk:
        return redirect("wagtailadmin_home")  # someone else's decision: nothing to confirm
    title = page.get_admin_display_title()
    if task_state.status == TaskState.STATUS_APPROVED:
        if page.live and not page.has_unpublished_changes:
            messages.success(request, _("“%(title)s” approved and published.") % {"title": title})
        elif page.approved_schedule:
            go_live = page.scheduled_revision.approved_go_live_at
            messages.success(
                request,
                _("“%(title)s” approved; it goes live on %(when)s.")
                % {
                    "title": title,
                    "when": date_format(timezone.localtime(go_live), "DATETIME_FORMAT"),
                },
            )
        else:
            messages.success(request, _("“%(title)s” approved.") % {"title": title})
    elif task_state.status == TaskState.STATUS_REJECTED:
        messages.success(
            request,
            _("Changes requested for “%(title)s”.") % {"title": title},
        )
    return redirect("wagtailadmin_home")


urlpatterns = [
    path("moderation/<int:task_state_id>/done/", moderation_done, name="editorial_moderation_done"),
]
