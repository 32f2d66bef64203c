"""Moderation mails that cannot be sent are shown to the editor, not only logged.

Wagtail's workflow notifiers catch every sending error (a refused SMTP connection, a header
Django will not send) and only log it, so the editor who submitted reads "submitted for
moderation" while the moderators never hear of it. The notifiers here are Wagtail's own, connected
in their place under the same dispatch uids; when one reports that not every mail went out, the
request being served (see `editorial.middleware`) gets a warning message.
"""

from contextvars import ContextVar

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

current_request = ContextVar("editorial_current_request", default=None)

_WARNED = "_editorial_mail_failure_warned"


def report_mail_failure():
    request = current_request.get()
    if request is None or getattr(request, _WARNED, False):
        return  # outside a request (a management command): the log is all there is
    setattr(request, _WARNED, True)
    messages.warning(
        request,
        _(
            "The notification e-mail could not be sent: nobody has been told by mail. "
            "Everything else has been saved. Please tell the people concerned directly "
            "and let the site's administrators know."
        ),
    )


class ReportFailuresMixin:
    def send_notifications(self, template_set, context, recipients, **kwargs):
        all_sent = super().send_notifications(template_set, context, recipients, **kwargs)
        if not all_sent:
            report_mail_failure()
        return all_sent


class TaskSubmissionNotifier(
    ReportFailuresMixin, mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class WorkflowSubmissionNotifier(ReportFailuresMixin, mail.WorkflowStateSubmissionEmailNotifier):
    """One mail per person per submission: Wagtail tells superusers about the workflow and again
    about its first approval step, and its attempt to leave out the submitter is a no-op (the
    `exclude` result is discarded)."""

    def get_recipient_users(self, workflow_state, **kwargs):
        submitter = kwargs.get("user")
        recipients = set(super().get_recipient_users(workflow_state, **kwargs))
        task_state = workflow_state.current_task_state
        if task_state is not None and TASK_NOTIFIER.can_handle(task_state.specific):
            recipients -= set(TASK_NOTIFIER.get_recipient_users(task_state.specific, **kwargs))
        return {recipient for recipient in recipients if recipient != submitter}


class WorkflowApprovalNotifier(ReportFailuresMixin, mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionNotifier(ReportFailuresMixin, mail.WorkflowStateRejectionEmailNotifier):
    pass


TASK_NOTIFIER = TaskSubmissionNotifier()

# (signal, sender, Wagtail's dispatch uid in wagtail.admin.signal_handlers, our notifier)
NOTIFIERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TASK_NOTIFIER,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalNotifier(),
    ),
]


def replace_wagtail_notifiers():
    """Put ours under Wagtail's dispatch uids. Whichever app is ready first, ours stays: a
    connected uid is not connected twice, and Wagtail's, if already there, is taken out."""
    for signal, sender, uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier, sender=sender, dispatch_uid=uid, weak=False)
