"""Keep each language's page tree in its language.

Rules (chosen over silently fixing the locale up, which would hide a wrong drag and drop):
- A page is copied or moved only under a parent of its own locale (or under the root, where
  locale trees start). A German page copied into the English tree would be a German page with an
  English URL, outside wagtail-localize's bookkeeping; a translation is made with "Translate".
- Deleting a page deletes its aliases in the other locales (and what lies below them): an alias
  only mirrors its source, and Django's SET_NULL would otherwise leave it behind as a frozen,
  unsynchronised copy of the deleted German content under an English URL.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import Page

from core.translation import is_real_translation, with_translation_state

_ALIASES_TO_DELETE = "_editorial_aliases_to_delete"


def crosses_locale(page, parent):
    return parent.depth > 1 and parent.locale_id != page.locale_id


def locale_mismatch_message(page, parent):
    return _(
        "“%(page)s” belongs to the %(page_locale)s pages and cannot be placed below "
        "“%(parent)s” (%(parent_locale)s). Choose a parent page in the %(page_locale)s tree; "
        "for the other language, use “Translate” instead."
    ) % {
        "page": page.get_admin_display_title(),
        "page_locale": page.locale.get_display_name(),
        "parent": parent.get_admin_display_title(),
        "parent_locale": parent.locale.get_display_name(),
    }


def refuse_cross_locale_copy(request, page):
    """`before_copy_page`: a copy's new parent must be in the page's locale."""
    if request.method != "POST":
        return None
    copy_url = request.get_full_path()
    try:
        parent = Page.objects.select_related("locale").get(pk=request.POST["new_parent_page"])
    except (KeyError, ValueError, TypeError, Page.DoesNotExist):
        # Upstream would answer a missing or forged parent with a server error.
        messages.error(request, _("Choose the parent page for the copy."))
        return redirect(copy_url)
    if crosses_locale(page, parent):
        messages.error(request, locale_mismatch_message(page, parent))
        return redirect(copy_url)
    return None


def refuse_cross_locale_move(request, page, destination):
    """`before_move_page`: the new parent must be in the page's locale.

    Wagtail's move action refuses such a move too (`can_move_to`), but only with a bare 403 after
    the confirmation; the bulk move lists the page as "cannot be moved" by itself."""
    if crosses_locale(page, destination):
        messages.error(request, locale_mismatch_message(page, destination))
        return redirect("wagtailadmin_pages:move", page.pk)
    return None


def aliases_in_other_locales(pages):
    """The aliases, in other locales, of `pages` and everything below them (tree order)."""
    deleted = Page.objects.none()
    for page in pages:
        deleted |= Page.objects.descendant_of(page, inclusive=True)
    aliases = with_translation_state(Page.objects.filter(alias_of__in=deleted.values("pk")))
    return [
        alias
        for alias in aliases.select_related("locale").order_by("path")
        if not is_real_translation(alias)
        and not any(alias.path.startswith(page.path) for page in pages)
    ]


def announce_alias_deletion(request, page):
    """`before_delete_page`: say which aliases go too, and remember them for the deletion."""
    aliases = aliases_in_other_locales([page])
    if request.method == "POST":
        setattr(request, _ALIASES_TO_DELETE, [alias.pk for alias in aliases])
    elif aliases:
        messages.warning(
            request,
            _(
                "Deleting this page also deletes the pages in other languages that only mirror "
                "it (aliases), with their subpages: %(aliases)s."
            )
            % {"aliases": "; ".join(describe(alias) for alias in aliases)},
        )
    return None


def describe(alias):
    url = alias.get_url()
    name = f"{alias.get_admin_display_title()} ({alias.locale.get_display_name()})"
    return f"{name} {url}" if url else name


def delete_remembered_aliases(request, page=None):
    """`after_delete_page`: delete the aliases noted before (those not gone with a parent)."""
    ids = getattr(request, _ALIASES_TO_DELETE, [])
    for alias_id in ids:
        alias = Page.objects.filter(pk=alias_id).first()
        if alias is not None:
            # The deleting user may lack rights on the other tree; an alias follows its source,
            # as Wagtail's own delete view does with translations.
            DeletePageAction(alias, user=request.user).execute(skip_permission_checks=True)
    setattr(request, _ALIASES_TO_DELETE, [])
    return None


def remember_aliases_of_bulk_deletion(request, action_type, objects, action):
    if action_type == "delete":
        setattr(request, _ALIASES_TO_DELETE, [a.pk for a in aliases_in_other_locales(objects)])
    return None


def delete_aliases_after_bulk_deletion(request, action_type, objects, action):
    if action_type == "delete":
        delete_remembered_aliases(request)
    return None
