from django.http import Http404
from wagtail import hooks

from .visibility import is_held_back


@hooks.register("before_serve_page")
def hold_back_translations_of_scheduled_pages(page, request, serve_args, serve_kwargs):
    """A translation published before its source's go-live time is not served (nor its routes:
    photos, press kit, iCal) until then. Editors still preview it in the admin."""
    if is_held_back(page):
        raise Http404
