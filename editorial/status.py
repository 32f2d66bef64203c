"""What waits for someone: pages in moderation, translations missing, unpublished or out of date."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Locale, Page, WorkflowState, get_default_page_content_type
from wagtail_localize.models import TranslationSource

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
