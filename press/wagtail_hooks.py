from django.http import Http404
from wagtail import hooks

from .models import PressReleasePage


@hooks.register("before_serve_document")
def hold_back_embargoed_documents(document, request):
    """A document of a release under embargo is not served before the release goes live."""
    if document.pk in PressReleasePage.objects.embargoed_document_ids():
        raise Http404
