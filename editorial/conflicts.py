"""Refuse a page save made from a revision that is no longer the latest (lost updates).

Wagtail's editor sends the revision it loaded (`loaded_revision_id`, `loaded_revision_created_at`)
with every save, but only its autosave (JSON) requests are refused when they are out of date; a
normal save from a stale form silently replaces the newer revision. Here such a save is refused
like a validation error: the form comes back (status 200) with the editor's input and a message
naming who saved in between. The re-rendered form carries the now-latest revision, so saving it
again is the explicit "overwrite" confirmation, as the "Continue" button of Wagtail's own
conflict dialog is.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.admin import messages

from .editor import EditViewWithoutAutosaveOnErrors, mark_answering

_REFUSING = "_editorial_refusing_stale_save"


def is_stale_save(request, latest_revision):
    """True when a POST from the editor form was made from an older revision than `latest_revision`.

    The same rules as Wagtail's `EditView.is_out_of_date`, which only its autosave uses.
    """
    if request.method != "POST" or latest_revision is None:
        return False
    latest_id = str(latest_revision.pk)
    # An editor that autosaved overwrites its own autosave revision: that is current or not.
    if overwrite_id := request.POST.get("overwrite_revision_id"):
        return overwrite_id != latest_id
    if "loaded_revision_id" not in request.POST:
        return False  # not the editor form (e.g. a script); nothing to compare with
    if request.POST["loaded_revision_id"] != latest_id:
        return True
    # Same id, but autosave may have overwritten that revision since the form was loaded.
    return request.POST.get("loaded_revision_created_at", "") != (
        latest_revision.created_at.isoformat()
    )


def conflict_message(revision):
    when = date_format(localtime(revision.created_at), "DATETIME_FORMAT")
    user = revision.user
    name = (user.get_full_name() or user.get_username()) if user else _("someone")
    return _(
        "Not saved: %(name)s saved a newer version of this page at %(when)s, after you opened "
        "it. Your changes are still in the form below. Look at what changed, then save again "
        "to overwrite the newer version with yours."
    ) % {"name": name, "when": when}


class RefuseStaleSaveView(EditViewWithoutAutosaveOnErrors):
    """The page editor, answering a stale POST with the bound form and the conflict message."""

    def post(self, request, *args, **kwargs):
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        self.form.is_valid()  # shows the other errors of the input too, saves nothing
        messages.error(
            request, conflict_message(self.latest_revision), buttons=self.compare_buttons()
        )
        self.has_unsaved_changes = True
        # Autosave would store the refused input over the newer version half a second later,
        # and show "Saved" beside this message (see editorial.editor).
        self.autosave_enabled = False
        return self.render_to_response(self.get_context_data())

    def compare_buttons(self):
        """A link to what changed between the revision the editor loaded and the latest one."""
        loaded = self.request.POST.get("loaded_revision_id", "")
        if not loaded.isdigit() or not self.page_perms.can_view_revisions():
            return []
        if not self.real_page_record.revisions.filter(pk=loaded).exists():
            return []
        url = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[self.page.pk, loaded, self.latest_revision.pk],
        )
        return [messages.button(url, _("Show what changed"), new_window=True)]


def refuse_stale_page_save(request, page):
    """`before_edit_page`: the refusing editor for a stale, non-autosave save of `page`."""
    if getattr(request, _REFUSING, False) or not request.accepts("text/html"):
        return None  # already refusing, or Wagtail's autosave (which refuses by itself)
    if page.alias_of_id or not is_stale_save(request, page.get_latest_revision()):
        return None
    setattr(request, _REFUSING, True)
    mark_answering(request)
    return RefuseStaleSaveView.as_view()(request, page_id=page.pk)
