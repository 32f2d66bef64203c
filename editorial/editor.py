"""The page editor answers a refused save without autosave.

When a save or publish comes back with errors (a required field left empty), Wagtail re-renders
the form marked "unsaved", which starts its autosave at once: half a second later the header
says "Saved" (a draft was stored with the empty field) beside the message that the page could
not be saved. Here such an answer is rendered with autosave off, so the header shows no save
that the editor did not make; leaving the page still warns about the unsaved input, and the next
normal load of the editor has autosave again.
"""

from wagtail.admin.views.pages.edit import EditView

_ANSWERING = "_editorial_edit_view_answering"


def mark_answering(request):
    """This request is answered by one of our editor views; their hooks run again inside them
    (Wagtail's EditView.dispatch), and must then let it be."""
    setattr(request, _ANSWERING, True)


class EditViewWithoutAutosaveOnErrors(EditView):
    def form_invalid(self, form):
        self.autosave_enabled = False
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.autosave_enabled:
            context["autosave_indicator"] = None
        return context


def edit_without_autosave_on_errors(request, page):
    """`before_edit_page`, after wagtail-localize's (which answers for translations itself): the
    editor's own form posts (not autosave's JSON requests) go to the view above."""
    if request.method != "POST" or getattr(request, _ANSWERING, False):
        return None  # not a save, or already answered here or by editorial.conflicts
    if not request.accepts("text/html") or page.alias_of_id:
        return None
    mark_answering(request)
    return EditViewWithoutAutosaveOnErrors.as_view()(request, page_id=page.pk)
