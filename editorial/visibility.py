"""What the admin may show of pages a user cannot edit: live pages only.

Wagtail's page chooser (browse and search) lists every page of the tree, and the page-types
report names the last edited page of each type, whoever may see it; a partner editor would read
the titles of other partners' drafts and of press releases under embargo there. Live pages stay
choosable (anyone may link to them); a translation that is live while its source is still under
embargo counts as not live. The bulk-action confirmation pages and the page-types report are
handled in the templates under editorial/templates/wagtailadmin, with `may_show_page`.
"""

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.visibility import held_back_translation_keys, is_held_back


def visible_in_admin(pages, user):
    """`pages` without those `user` may neither edit nor read on the public site."""
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    shown_live = Q(live=True) & ~Q(translation_key__in=held_back_translation_keys())
    return pages.filter(shown_live | Q(pk__in=editable.values("pk")))


def may_show_page(page, user):
    if user.is_superuser or page.permissions_for_user(user).can_edit():
        return True
    return page.live and not is_held_back(page)


def filter_page_chooser(pages, request):
    """`construct_page_chooser_queryset`: browse and search in the page chooser."""
    return visible_in_admin(pages, request.user)
