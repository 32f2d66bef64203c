"""Where the page explorer opens for someone whose rights span both language trees.

Wagtail opens the explorer at the closest common ancestor of the pages a user may edit. A
partner group has rights on its German partner page and on the English one; their common
ancestor is the tree's root, so a partner editor landed at Root, between two home pages of the
same name. Here such users start at the German copy of their pages instead; the English one is a
click away (the explorer's locale switcher, the "My institution" panel). Users whose rights lie
in one tree (translators, K3 Redaktion at the root) keep Wagtail's choice.
"""

from django.shortcuts import redirect
from wagtail.admin.auth import require_admin_access
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Locale, Page
from wagtail.permissions import page_permission_policy

_CACHE = "_k3_explorer_start_page"


def explorer_start_page(user):
    """The page the explorer opens at for `user` (None: no page rights at all)."""
    if hasattr(user, _CACHE):
        return getattr(user, _CACHE)
    start = page_permission_policy.explorable_root_instance(user)
    if start is not None and start.is_root() and not user.is_superuser:
        default_locale_id = Locale.get_default().pk
        pages = [
            page
            for page in page_permission_policy.instances_with_direct_explore_permission(user)
            if page.locale_id == default_locale_id and not page.is_root()
        ]
        if pages:
            start = Page.objects.first_common_ancestor_of(pages, include_self=True, strict=True)
    setattr(user, _CACHE, start)
    return start


def opens_below_root(user):
    start = explorer_start_page(user)
    return start is not None and not start.is_root()


class ExplorerMenuItem(MenuItem):
    """Wagtail's "Pages" menu item, opening at `explorer_start_page`."""

    def render_component(self, request):
        start = explorer_start_page(request.user)
        if start is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            self.url,
            start.pk,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


def use_start_page_in_menu(request, menu_items):
    """construct_main_menu: swap Wagtail's "Pages" item for ours where the start differs."""
    if not opens_below_root(request.user):
        return
    for index, item in enumerate(menu_items):
        if item.name == "explorer":
            menu_items[index] = ExplorerMenuItem(
                item.label,
                item.url,
                name=item.name,
                icon_name=item.icon_name,
                classname=item.classname,
                attrs=item.attrs,
                order=item.order,
            )


@require_admin_access
def explore_root(request):
    """/admin/pages/: Wagtail's explorer at the root, or a redirect to the user's start page."""
    if opens_below_root(request.user) and not request.GET:
        return redirect("wagtailadmin_explore", explorer_start_page(request.user).pk)
    return wagtail_explore_root(request)


wagtail_explore_root = page_viewset_registry.as_view("index", is_base_page=True)
