"""The press office's dashboard panel: releases being prepared, each in every language with its
own state, go-live time (under embargo) and a link to its editor.

Shown to the members of Presse; the group is editorial's, so editorial.wagtail_hooks adds it.
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Revision

from core.translation import is_real_translation, with_translation_state

from .models import PressReleasePage

PANEL_ROWS = 25

SCHEDULED = "scheduled"
DRAFT = "draft"  # never published, or changes not published yet
LIVE = "live"
UNTRANSLATED = "untranslated"  # no version of its own in this language (or only an alias)


@dataclass
class ReleaseVersion:
    locale: Locale
    page: PressReleasePage | None
    state: str
    go_live_at: datetime | None = None  # SCHEDULED only


def _state(page, go_live_at):
    if page is None or not is_real_translation(page):
        return UNTRANSLATED
    if go_live_at is not None:
        return SCHEDULED
    if not page.live or page.has_unpublished_changes:
        return DRAFT
    return LIVE


def releases_in_preparation():
    """Each release being prepared, as its versions in every language (the default first):
    scheduled ones by go-live time, then drafts, the most recently edited first."""
    pages = list(
        with_translation_state(PressReleasePage.objects.in_preparation()).select_related("locale")
    )
    scheduled = dict(
        Revision.page_revisions.filter(
            object_id__in=[str(page.pk) for page in pages], approved_go_live_at__isnull=False
        ).values_list("object_id", "approved_go_live_at")
    )
    locales = sorted(Locale.objects.all(), key=lambda locale: not locale.is_default)
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, {})[page.locale_id] = page
    releases = []
    for versions_by_locale in by_key.values():
        versions = []
        for locale in locales:
            page = versions_by_locale.get(locale.pk)
            go_live_at = scheduled.get(str(page.pk)) if page else None
            versions.append(ReleaseVersion(locale, page, _state(page, go_live_at), go_live_at))
        releases.append(versions)

    def order(versions):
        times = [version.go_live_at for version in versions if version.go_live_at]
        if times:
            return (0, min(times).timestamp())
        edited = [v.page.latest_revision_created_at for v in versions if v.page]
        return (1, -max((t.timestamp() for t in edited if t), default=0))

    return sorted(releases, key=order)


class PressReleasesPanel(Component):
    name = "press_releases_in_preparation"
    order = 100
    template_name = "press/panels/releases_in_preparation.html"

    def get_context_data(self, parent_context=None):
        releases = releases_in_preparation()
        return {"releases": releases[:PANEL_ROWS], "total": len(releases)}
