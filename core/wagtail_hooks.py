"""Admin and serving hooks of core.

- Held-back pages: a translation published before its source's go-live time is not served.
- The page cache learns which page a request served (view restrictions keep it private).
- wagtail-localize's translation editor gets the translations of the labels it hard-codes in
  English (localize_admin_i18n).
- The admin API lists only the images and documents the user may choose: Wagtail's admin API
  (/admin/api/main/images/ and /documents/) answers every admin user with every image and document
  and their download addresses, whatever their collections. Partner editors may only see their own
  collection's media (and what their groups may choose).
"""

from django.http import Http404
from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from . import localize_admin_i18n, page_cache
from .visibility import is_held_back


@hooks.register("before_serve_page")
def hold_back_translations_of_scheduled_pages(page, request, serve_args, serve_kwargs):
    """A translation published before its source's go-live time is not served (nor its routes:
    photos, press kit, iCal) until then. Editors still preview it in the admin."""
    if is_held_back(page):
        raise Http404


@hooks.register("before_serve_page", order=-100)
def note_served_page_for_the_page_cache(page, request, serve_args, serve_kwargs):
    """The page cache keeps view-restricted pages private (core.page_cache)."""
    page_cache.note_served_page(page, request)


class ChoosableOnlyMixin:
    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        return (
            policy.instances_user_has_any_permission_for(self.request.user, ["choose"])
            .select_related("collection")
            .order_by("id")
        )


class ChoosableImagesAdminAPIViewSet(ChoosableOnlyMixin, ImagesAdminAPIViewSet):
    pass


class ChoosableDocumentsAdminAPIViewSet(ChoosableOnlyMixin, DocumentsAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations
def restrict_media_endpoints(router):
    router.register_endpoint("images", ChoosableImagesAdminAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAdminAPIViewSet)


@hooks.register("insert_editor_js")
def translate_localize_editor_labels():
    return localize_admin_i18n.editor_strings_script()
