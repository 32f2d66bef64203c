from django.core.exceptions import PermissionDenied
from django.urls import include, path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, TranslatableMixin

from . import conflicts, explorer, locale_tree, views, visibility, worklist
from .groups import REDAKTION, TRANSLATION
from .models import PartnerSpace
from .permissions import can_convert_to_alias
from .status import (
    my_institutions,
    outdated_source_for,
    pages_in_moderation,
    space_pages,
    translation_backlog,
)

PANEL_ROWS = 25


@hooks.register("register_admin_urls", order=-100)
def register_guarded_localize_urls():
    """The translate and sync views under wagtail-localize's own paths, matched before its
    unguarded ones (this hook runs first)."""
    urls = [
        path(
            "submit/page/<int:page_id>/",
            views.SubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "update/<int:translation_source_id>/",
            views.UpdateTranslationsView.as_view(),
            name="update_translations",
        ),
        path(
            "page/<int:page_id>/convert_to_alias/",
            views.convert_to_alias,
            name="convert_to_alias",
        ),
    ]
    return [path("localize/", include((urls, "editorial_localize")))]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    """Offered only to those editorial.views.convert_to_alias lets through (the translation
    editor's own button: editorial_admin.translation_editor_props)."""
    page = context.get("page")
    if page is None or request.user.is_superuser:
        return
    if not can_convert_to_alias(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


# --- Editing integrity -------------------------------------------------------------------------

# Before wagtail-localize's hook, which answers for translated pages itself.
hooks.register("before_edit_page", conflicts.refuse_stale_page_save, order=-100)

hooks.register("before_copy_page", locale_tree.refuse_cross_locale_copy)
hooks.register("before_move_page", locale_tree.refuse_cross_locale_move)
hooks.register("before_delete_page", locale_tree.announce_alias_deletion)
hooks.register("after_delete_page", locale_tree.delete_remembered_aliases)
hooks.register("before_bulk_action", locale_tree.remember_aliases_of_bulk_deletion)
hooks.register("after_bulk_action", locale_tree.delete_aliases_after_bulk_deletion)

hooks.register("construct_page_chooser_queryset", visibility.filter_page_chooser)

# Partner editors start at their German partner page, not at Root between two home pages.
hooks.register("construct_main_menu", explorer.use_start_page_in_menu)


# --- Out-of-date translations are visible while editing ----------------------------------------


@hooks.register("before_edit_page")
def warn_outdated_translation(request, page):
    if request.method != "GET":
        return None
    source = outdated_source_for(page)
    if source is not None:
        if source.locale_id == page.locale_id:
            text = _(
                "This page changed after it was last translated: its translations are out of "
                "date until someone uses “Sync translated pages”."
            )
        else:
            text = _(
                "The original of this translation has changed since the last sync: this "
                "translation is out of date until someone uses “Sync translated pages”."
            )
        admin_messages.warning(request, text, buttons=worklist.sync_buttons(request, source, page))
    return None


# --- Translators change translations, never the German source snippets --------------------


def _translator_only(user):
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATION in names and REDAKTION not in names


@hooks.register("before_edit_snippet")
@hooks.register("before_delete_snippet")
def keep_translators_off_source_snippets(request, instance):
    instances = instance if isinstance(instance, list | tuple) else [instance]
    default_locale = Locale.get_default()
    for item in instances:
        if (
            isinstance(item, TranslatableMixin)
            and item.locale_id == default_locale.pk
            and _translator_only(request.user)
        ):
            raise PermissionDenied
    return None


# --- Dashboard ---------------------------------------------------------------------------------


class SpacePanel(Component):
    def __init__(self, user, pages, across_partners):
        self.user = user
        self.pages = pages
        self.across_partners = across_partners


class ModerationPanel(SpacePanel):
    name = "editorial_moderation"
    order = 150
    template_name = "editorial/panels/moderation.html"

    def get_context_data(self, parent_context=None):
        rows = pages_in_moderation(self.pages)
        return {
            "rows": rows[:PANEL_ROWS],
            "total": len(rows),
            "across_partners": self.across_partners,
        }


class TranslationPanel(SpacePanel):
    name = "editorial_translations"
    order = 160
    template_name = "editorial/panels/translations.html"

    def get_context_data(self, parent_context=None):
        rows = translation_backlog(self.pages)
        return {
            "rows": rows[:PANEL_ROWS],
            "total": len(rows),
            "across_partners": self.across_partners,
        }


class MyInstitutionPanel(Component):
    """A partner editor's shortcuts: their partner page in each language, and its events, news
    and fellows (counted, with the explorer filtered to each)."""

    name = "editorial_my_institution"
    order = 140
    template_name = "editorial/panels/my_institution.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"institutions": my_institutions(self.user)}


@hooks.register("construct_homepage_panels")
def add_space_panels(request, panels):
    user = request.user
    if not PartnerSpace.objects.for_user(user).exists():
        return
    across = user.is_superuser or user.groups.filter(name=REDAKTION).exists()
    pages = space_pages(user)
    if not across:
        panels.append(MyInstitutionPanel(user))
    panels.append(ModerationPanel(user, pages, across))
    panels.append(TranslationPanel(user, pages, across))


# --- The translators' dashboard (editorial.worklist) -------------------------------------------

hooks.register("construct_homepage_panels", worklist.add_translator_worklist)
hooks.register("before_edit_snippet", worklist.warn_outdated_snippet_translation)
