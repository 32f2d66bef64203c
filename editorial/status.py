"""What waits for someone: pages in moderation, translations missing, unpublished or out of date."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, Model, OuterRef, Q
from wagtail.models import (
    Locale,
    ModelLogEntry,
    Page,
    TranslatableMixin,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.translation import (
    is_unpublished_translation,
    is_untranslated_alias,
    with_translation_state,
)
from network.models import PartnerPage

from .models import PartnerSpace

MISSING = "missing"
IN_PROGRESS = "in-progress"  # a real translation exists, but only as a draft
OUTDATED = "outdated"


def space_pages(user):
    """Every page (all locales) in the partner spaces the user works in."""
    keys = PartnerSpace.objects.for_user(user).values_list("partner_key", flat=True)
    roots = PartnerPage.objects.filter(translation_key__in=list(keys)).only("path")
    if not roots:
        return Page.objects.none()
    condition = Q()
    for root in roots:
        condition |= Q(path__startswith=root.path)
    return Page.objects.filter(condition)


@dataclass
class Institution:
    """A partner page in each language (German first), with what is filed below it."""

    pages: list
    children: list  # (verbose name plural, count, content type id for the explorer's filter)


def my_institutions(user):
    """The partner pages of the spaces a user works in, each in every language it exists in."""
    keys = list(PartnerSpace.objects.for_user(user).values_list("partner_key", flat=True))
    partners = PartnerPage.objects.filter(translation_key__in=keys).select_related("locale")
    by_key = {}
    for partner in partners.order_by("title"):
        by_key.setdefault(partner.translation_key, []).append(partner)
    institutions = []
    for pages in by_key.values():
        pages.sort(key=lambda page: page.locale.language_code != "de")
        german = pages[0]
        children = []
        for model in PartnerPage.allowed_subpage_models():
            count = model.objects.child_of(german).count()
            content_type = ContentType.objects.get_for_model(model)
            children.append((model._meta.verbose_name_plural, count, content_type.pk))
        institutions.append(Institution(pages=pages, children=children))
    return institutions


def pages_in_moderation(pages):
    """Active workflow states of `pages`, newest task first, with the page attached."""
    ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=get_default_page_content_type(), object_id__in=ids)
        .select_related("current_task_state__task", "requested_by")
        .order_by("-current_task_state__started_at")
    )
    pages_by_id = Page.objects.in_bulk(
        [int(state.object_id) for state in states]
    )  # one query, not one per row
    return [(state, pages_by_id[int(state.object_id)]) for state in states]


def is_outdated(source, page):
    """True when the German page was published after its translations were last synced."""
    return bool(
        page.last_published_at
        and source.last_updated_at
        and page.last_published_at > source.last_updated_at
    )


@dataclass
class Backlog:
    page: Page
    state: str  # MISSING, IN_PROGRESS or OUTDATED
    translation: Page | None
    source: TranslationSource | None

    @property
    def changed_at(self):
        """Since when it waits: the draft translation's last edit, else the German page's last
        publication (or edit, if it was never published)."""
        if self.state == IN_PROGRESS:
            return self.translation.latest_revision_created_at
        return self.page.last_published_at or self.page.latest_revision_created_at


def translation_backlog(pages, target_locale=None):
    """Source-locale pages among `pages` whose translation is missing (or only an alias), not yet
    published, or older than the source, in tree order."""
    default_locale = Locale.get_default()
    target_locale = target_locale or Locale.objects.exclude(pk=default_locale.pk).first()
    if target_locale is None:
        return []
    sources_pages = list(pages.filter(locale=default_locale).exclude(depth=1).order_by("path"))
    keys = [page.translation_key for page in sources_pages]
    translations = {
        page.translation_key: page
        for page in with_translation_state(
            Page.objects.filter(translation_key__in=keys, locale=target_locale)
        )
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=default_locale)
    }
    backlog = []
    for page in sources_pages:
        translation = translations.get(page.translation_key)
        source = sources.get(page.translation_key)
        if translation is None or is_untranslated_alias(translation):
            backlog.append(Backlog(page, MISSING, translation, source))
        elif not translation.live or is_unpublished_translation(translation):
            backlog.append(Backlog(page, IN_PROGRESS, translation, source))
        elif source is not None and is_outdated(source, page):
            backlog.append(Backlog(page, OUTDATED, translation, source))
    return backlog


def outdated_source_for(page):
    """For a translated page (or its source): the TranslationSource if it is out of date."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .first()
        or TranslationSource.objects.filter(
            object_id=page.translation_key, locale_id=page.locale_id
        ).first()
    )
    if source is None or not source.translations.filter(enabled=True).exists():
        return None
    original = Page.objects.filter(
        translation_key=page.translation_key, locale_id=source.locale_id
    ).first()
    if original is None or not is_outdated(source, original):
        return None
    return source


# --- Translatable snippets and dates (the translators' work list) ------------------------------


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


@dataclass
class SnippetBacklog:
    item: Model  # the snippet in the default locale
    state: str  # MISSING, IN_PROGRESS (text still untranslated) or OUTDATED
    translation: Model | None
    source: TranslationSource | None
    changed_at: datetime.datetime | None  # the default-locale snippet's last logged change


def snippet_translation_backlog(target_locale=None):
    """Translatable snippets in the default locale whose translation is missing, still has
    untranslated text, or is older than a later change of the original; in model then name order.

    Snippets have no drafts, so a started translation counts as in progress while any of its
    source's strings lacks a translation (an enabled, synced translation only). Changes are read
    from Wagtail's log (the admin's edits), as snippets carry no dates of their own. One query per
    snippet model plus three.
    """
    default_locale = Locale.get_default()
    target_locale = target_locale or Locale.objects.exclude(pk=default_locale.pk).first()
    if target_locale is None:
        return []
    originals, translations = [], {}
    for model in translatable_snippet_models():
        entries = model.objects.filter(locale__in=[default_locale, target_locale])
        for entry in entries:
            if entry.locale_id == default_locale.pk:
                originals.append(entry)
            else:
                translations[entry.translation_key] = entry
    if not originals:
        return []
    keys = [item.translation_key for item in originals]
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale=default_locale
        ).annotate(synced=Exists(_enabled_translation(target_locale)))
    }
    untranslated = _untranslated_string_counts(
        [source for source in sources.values() if source.synced], target_locale
    )
    changed = _last_logged_changes(originals)
    backlog = []
    for item in originals:
        translation = translations.get(item.translation_key)
        source = sources.get(item.translation_key)
        changed_at = changed.get((type(item), str(item.pk)))
        if translation is None:
            state = MISSING
        elif source is not None and untranslated.get(source.pk):
            state = IN_PROGRESS
        elif source is not None and changed_at and changed_at > source.last_updated_at:
            state = OUTDATED
        else:
            continue
        backlog.append(SnippetBacklog(item, state, translation, source, changed_at))
    return backlog


def _enabled_translation(target_locale):
    return Translation.objects.filter(
        source=OuterRef("pk"), target_locale=target_locale, enabled=True
    )


def _untranslated_string_counts(sources, target_locale):
    """{source id: number of its strings without a translation into `target_locale`}."""
    if not sources:
        return {}
    translated = StringTranslation.objects.filter(
        translation_of=OuterRef("string_id"),
        context=OuterRef("context_id"),
        locale=target_locale,
    )
    rows = (
        StringSegment.objects.filter(source__in=sources)
        .annotate(done=Exists(translated))
        .filter(done=False)
        .values("source_id")
        .annotate(missing=Count("pk"))
    )
    return {row["source_id"]: row["missing"] for row in rows}


def _last_logged_changes(instances):
    """{(model, pk as text): time of the last logged create or edit} for snippet `instances`."""
    content_types = ContentType.objects.get_for_models(*{type(item) for item in instances})
    models_by_type = {content_type.pk: model for model, content_type in content_types.items()}
    rows = (
        ModelLogEntry.objects.filter(
            content_type__in=content_types.values(),
            object_id__in={str(item.pk) for item in instances},
            action__in=["wagtail.create", "wagtail.edit"],
        )
        .values("content_type_id", "object_id")
        .annotate(last=Max("timestamp"))
    )
    return {(models_by_type[row["content_type_id"]], row["object_id"]): row["last"] for row in rows}


def outdated_snippet_source(instance):
    """For a translatable snippet (original or translation): the TranslationSource of its
    original if the original changed (per Wagtail's log) after the last sync, else None."""
    default_locale = Locale.get_default()
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale=default_locale
    ).first()
    if source is None or not source.translations.filter(enabled=True).exists():
        return None
    if instance.locale_id == default_locale.pk:
        original = instance
    else:
        original = (
            type(instance)
            .objects.filter(translation_key=instance.translation_key, locale=default_locale)
            .first()
        )
    if original is None:
        return None
    changed_at = _last_logged_changes([original]).get((type(original), str(original.pk)))
    return source if changed_at and changed_at > source.last_updated_at else None
