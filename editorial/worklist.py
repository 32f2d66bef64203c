"""The translators' work list and the way back from an out-of-date warning to "Sync".

Translators (group Übersetzung) work across the whole site, not in a partner space, so the
partner panels say nothing to them. Their dashboard lists the German pages and translatable
snippets whose English translation is missing, started but not finished, or older than the German
version, each with the one action that moves it on: Translate, Continue translation, Sync. Which
items are in which state is decided in editorial.status; this module only turns that into rows.
"""

import datetime
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages as admin_messages
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TranslatableMixin

from .groups import TRANSLATION
from .moderation import partner_names_for
from .permissions import can_sync
from .status import (
    IN_PROGRESS,
    MISSING,
    OUTDATED,
    outdated_snippet_source,
    snippet_translation_backlog,
    translation_backlog,
)

WORKLIST_ROWS = 25  # as many as the other dashboard panels show
# Out of date first (readers see stale English), then work already started, then the rest.
STATE_ORDER = {OUTDATED: 0, IN_PROGRESS: 1, MISSING: 2}
ACTION_LABELS = {
    MISSING: _("Translate"),
    IN_PROGRESS: _("Continue translation"),
    OUTDATED: _("Sync"),
}


@dataclass
class WorkItem:
    title: str
    kind: str  # the page type or snippet model, in words
    state: str  # MISSING, IN_PROGRESS or OUTDATED
    changed_at: datetime.datetime | None  # the German version's last publication or change
    action_url: str
    translation_url: str | None  # the English version's editor, when there is one
    partner: str = ""  # for pages: whose they are, so pages of the same name stay apart

    @property
    def action_label(self):
        return ACTION_LABELS[self.state]

    @property
    def sort_key(self):
        newest_first = -self.changed_at.timestamp() if self.changed_at else 0
        return (STATE_ORDER[self.state], self.changed_at is None, newest_first)


def _with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}"


def _page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _snippet_edit_url(snippet):
    return reverse(type(snippet).snippet_viewset.get_url_name("edit"), args=[quote(snippet.pk)])


def _sync_url(source, translation_url):
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return _with_next(url, translation_url)


def _page_item(row, target_locale, partner):
    page, translation = row.page, row.translation
    translation_url = _page_edit_url(translation) if translation is not None else None
    if row.state == MISSING:
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        action_url = f"{url}?{urlencode({'select_locale': target_locale.language_code})}"
    elif row.state == IN_PROGRESS:
        action_url = translation_url
    else:
        action_url = _sync_url(row.source, translation_url)
    return WorkItem(
        title=page.get_admin_display_title(),
        kind=page.specific_class._meta.verbose_name if page.specific_class else "",
        state=row.state,
        changed_at=page.last_published_at,
        action_url=action_url,
        translation_url=translation_url if row.state != MISSING else None,
        partner=partner,
    )


def _snippet_item(row, target_locale):
    snippet, translation = row.item, row.translation
    translation_url = _snippet_edit_url(translation) if translation is not None else None
    if row.state == MISSING:
        meta = type(snippet)._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, quote(snippet.pk)],
        )
        action_url = f"{url}?{urlencode({'select_locale': target_locale.language_code})}"
    elif row.state == IN_PROGRESS:
        action_url = translation_url
    else:
        action_url = _sync_url(row.source, translation_url)
    return WorkItem(
        title=str(snippet),
        kind=type(snippet)._meta.verbose_name,
        state=row.state,
        changed_at=row.changed_at,
        action_url=action_url,
        translation_url=translation_url,
    )


def translation_worklist():
    """Every German page (live: approved by K3 Redaktion) and translatable snippet whose
    English translation needs work, most urgent first. A constant number of queries."""
    target_locale = Locale.objects.exclude(pk=Locale.get_default().pk).first()
    if target_locale is None:
        return []
    pages = translation_backlog(Page.objects.live(), target_locale)
    snippets = snippet_translation_backlog(target_locale)
    partners = partner_names_for([row.page for row in pages])
    items = [_page_item(row, target_locale, partners[row.page.pk]) for row in pages]
    items += [_snippet_item(row, target_locale) for row in snippets]
    return sorted(items, key=lambda item: item.sort_key)


class TranslatorWorklistPanel(Component):
    name = "editorial_translator_worklist"
    order = 100
    template_name = "editorial/panels/translator_worklist.html"

    def get_context_data(self, parent_context=None):
        items = translation_worklist()
        counts = dict.fromkeys(STATE_ORDER, 0)
        for item in items:
            counts[item.state] += 1
        return {
            "rows": items[:WORKLIST_ROWS],
            "total": len(items),
            "outdated": counts[OUTDATED],
            "in_progress": counts[IN_PROGRESS],
            "missing": counts[MISSING],
        }


def add_translator_worklist(request, panels):
    """The work list on the dashboard of members of Übersetzung."""
    if request.user.groups.filter(name=TRANSLATION).exists():
        panels.append(TranslatorWorklistPanel())


def sync_buttons(request, source, instance):
    """The "Sync translated pages" button for an out-of-date warning in the editor of `instance`
    (a page or snippet), for those who may sync; it leads back to this editor afterwards."""
    if not can_sync(request.user, source):
        return []
    edit_url = (
        _page_edit_url(instance) if isinstance(instance, Page) else _snippet_edit_url(instance)
    )
    url = _with_next(reverse("wagtail_localize:update_translations", args=[source.pk]), edit_url)
    return [admin_messages.button(url, _("Sync translated pages"))]


def warn_outdated_snippet_translation(request, instance):
    """Snippets' counterpart of wagtail_hooks.warn_outdated_translation (a before_edit_snippet
    hook, registered before wagtail-localize's, which answers for translations itself)."""
    if request.method != "GET" or not isinstance(instance, TranslatableMixin):
        return None
    source = outdated_snippet_source(instance)
    if source is not None:
        text = _(
            "The German original has changed since the last sync: its translation is out of "
            "date until someone uses “Sync translated pages”."
        )
        admin_messages.warning(request, text, buttons=sync_buttons(request, source, instance))
    return None
