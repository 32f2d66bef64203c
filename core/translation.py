"""Which language a page's text is really in, and the reader's version of pages and snippets.

Why this module exists: wagtail-localize's locale synchronisation fills the English tree with
aliases of the German pages. An alias is live, has an English URL and passes every "live and
public" filter, but it serves the German text (wagtail-localize #586, #461). When a translator
starts translating, wagtail-localize turns the alias into a page of its own that stays live, and
every draft it saves is written into that live page (`translation.save()` in
`TranslationSource.create_or_update_translation`), so half-translated text would appear under
the English URL as if it were English. Listings must mark such pages with lang="de", hreflang
must not offer them as English, search must label them, the editorial backlog must list them and
the demo must know what it still has to translate. When each of those places asked its own
question, the answers drifted apart. Here is the one rule:

    A page is *untranslated* when it shows the text of a page in another locale: an alias of
    such a page, or an *unpublished translation*: a converted alias none of whose own revisions
    has been published yet. The signal for the latter is the live revision: an alias carries
    its source's live revision (Wagtail copies it), the conversion keeps it, and only publishing
    a revision of the page itself replaces it. Everything else (originals, published
    translations, aliases inside one locale) is a *real translation*: its text is in its own
    locale's language.

Untranslated pages are rendered alike (notice, lang="de", noindex, canonical to the source, no
hreflang) and show the source's live text: `show_source_text` writes it back into an unpublished
translation after each of its draft saves and after each publish of its source (`BasePage`), so
listings, search and menus read it from the page as they do from an alias. The translator's
draft stays in the page's revisions until it is published.

The second half maps content editors chose once, in German (featured pages, menu links, related
partners, taxonomy entries), to the reader's locale, in bulk, so a listing's query count does not
grow with its items. Pages come back only when visible to the public (`core.visibility`, so
embargoes hold); snippets have no visibility and fall back to the chosen entry.

When it could go: if wagtail-localize (or Wagtail) records the content language of an alias
itself, keeps unpublished translations off the live page and offers a bulk "localized" for
querysets, the rule and the bulk mapping belong there and callers can use that instead.
"""

from django.conf import settings
from django.db.models import CharField, F, ForeignKey, IntegerField, Model, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.translation import get_language
from wagtail.coreutils import find_available_slug, get_supported_content_language_variant
from wagtail.models import Locale, Page, Revision, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation

from .locales import active_locale
from .visibility import visible_to_public

# --- Real translation or untranslated page ------------------------------------------------------


def with_translation_state(pages):
    """`pages` (a queryset) fetched with what the questions below need, in the same query."""
    return pages.select_related("alias_of__locale").annotate(
        _live_revision_of=F("live_revision__object_id"),
        _live_revision_language=Subquery(
            Page.objects.filter(
                pk=Cast(OuterRef("live_revision__object_id"), output_field=IntegerField())
            ).values("locale__language_code")[:1]
        ),
    )


def is_untranslated_alias(page):
    """Whether the page is an alias of a page in another locale (it has no revisions of its own)."""
    if page is None or not getattr(page, "alias_of_id", None):
        return False
    return _alias_source(page).locale_id != page.locale_id


def is_unpublished_translation(page):
    """Whether the page is a converted alias none of whose own revisions is live yet (a
    translation in progress). No query when `page` came from `with_translation_state`."""
    if page is None or getattr(page, "alias_of_id", None) or not page.live:
        return False
    live_revision_of = _live_revision_of(page)
    return live_revision_of is not None and live_revision_of != str(page.pk)


def untranslated_source(page):
    """The page in another locale whose text this page shows, or None for a real translation.

    No query for an alias from `with_translation_state`, one otherwise.
    """
    if is_untranslated_alias(page):
        return page.alias_of
    if is_unpublished_translation(page):
        return Page.objects.select_related("locale").get(pk=int(_live_revision_of(page)))
    return None


def is_real_translation(page):
    """Whether the page's text is in its own locale's language (originals included)."""
    return not is_untranslated_alias(page) and not is_unpublished_translation(page)


def content_language(page):
    """The language code the page's text is written in."""
    return untranslated_language(page) or page.locale.language_code


def untranslated_language(page):
    """The language of an untranslated page's text, '' for a real translation (listings mark
    cards with it). No query when `page` came from `with_translation_state`."""
    if is_untranslated_alias(page):
        return page.alias_of.locale.language_code
    if is_unpublished_translation(page):
        language = getattr(page, "_live_revision_language", None)
        return language or untranslated_source(page).locale.language_code
    return ""


def untranslated_sources(pages):
    """{pk: source page} for the untranslated pages among `pages`, in at most two queries."""
    pages = list(pages)
    live_revision_of = dict(
        Page.objects.filter(pk__in=[page.pk for page in pages]).values_list(
            "pk", "live_revision__object_id"
        )
    )
    source_ids = {}
    for page in pages:
        if page.alias_of_id:
            source_ids[page.pk] = page.alias_of_id
        elif page.live and live_revision_of.get(page.pk) not in (None, str(page.pk)):
            source_ids[page.pk] = int(live_revision_of[page.pk])
    if not source_ids:
        return {}
    sources = Page.objects.select_related("locale").in_bulk(set(source_ids.values()))
    by_pk = {page.pk: page for page in pages}
    return {
        pk: sources[source_id]
        for pk, source_id in source_ids.items()
        if source_id in sources and sources[source_id].locale_id != by_pk[pk].locale_id
    }


def real_translations(pages):
    """The pages of `pages` (a queryset) whose text is in their own locale's language: no
    aliases of another locale's pages, no unpublished translations (the rule above, as a
    filter, so feeds can slice the newest N in the database)."""
    own_live_revision = Q(live_revision__isnull=True) | Q(
        live_revision__object_id=Cast("pk", output_field=CharField())
    )
    real_alias = Q(alias_of__isnull=True) | Q(alias_of__locale_id=F("locale_id"))
    return pages.filter(real_alias).filter(Q(alias_of__isnull=False) | own_live_revision)


def is_translated_into(page, locale):
    """Whether `page` has a real translation (not an alias of it) in `locale`."""
    translation = page.get_translation_or_none(locale)
    return translation is not None and is_real_translation(translation)


def show_source_text(page):
    """Give an unpublished translation its source's live text again, as an alias has it.

    wagtail-localize writes every draft of a translation into the live page; this undoes that
    (the draft stays in the page's revisions) and brings in what the source published since.
    Keeps the page's revisions and state. Does nothing for any other page.
    """
    page.__dict__.pop("_live_revision_of", None)  # it may have been published since
    if not is_unpublished_translation(page):
        return
    page = Page.objects.get(pk=page.pk).specific  # what is in the database, not in memory
    source = untranslated_source(page).specific
    shown = page.with_content_json(source.serializable_data())
    # The address the alias had: the translated slug comes with publishing the translation.
    parent = page.get_parent()
    shown.slug = find_available_slug(parent, source.slug, ignore_page_id=page.pk)
    shown.set_url_path(parent)
    shown.live_revision_id = source.live_revision_id or page.live_revision_id
    shown.first_published_at = page.first_published_at
    shown.last_published_at = page.last_published_at
    source.copy_all_child_relations(target=shown, exclude=["id", "path", "depth", "numchild"])
    for child_object in _translatable_children(shown):
        child_object.locale_id = page.locale_id
    shown.save(clean=False)


def unpublished_translations_of(page):
    """The unpublished translations showing `page`'s text (see `show_source_text`)."""
    candidates = with_translation_state(
        Page.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True, live=True
        ).exclude(pk=page.pk)
    )
    return [candidate for candidate in candidates if is_unpublished_translation(candidate)]


def synchronise_live_translations(source):
    """After "Sync translated pages" without publishing: the synchronised facts (dates, places,
    venue, images…) of `source` (a TranslationSource, just synced) go to its live translations at
    once, so the English page never states older facts than the German one. Only those columns
    are written: translated text changes when the translation is published, as before.

    Unpublished translations are left alone; they show the source's live page anyway.
    """
    original = source.as_instance()
    if not isinstance(original, Page):
        return
    names = _synchronised_columns(type(original))
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = (
            type(original)
            .objects.filter(translation_key=original.translation_key, live=True)
            .filter(locale=translation.target_locale)
            .first()
        )
        if target is None or not is_real_translation(target):
            continue
        for name, field in names.items():
            value = getattr(original, name)
            if field.is_relation and isinstance(value, TranslatableMixin):
                value = value.get_translation_or_none(target.locale) or value
            setattr(target, name, value)
        target.save(update_fields=list(names), clean=False)


def keep_translated_slugs(source):
    """Before the translations of `source` (a TranslationSource, just synced) are saved again:
    where the source's slug changed, each translated page keeps its own slug. The new slug has no
    translation yet, and wagtail-localize would fall back to it (the German address)."""
    segment = (
        StringSegment.objects.filter(source=source, context__path="slug")
        .select_related("string", "context")
        .first()
    )
    if segment is None:
        return
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = Page.objects.filter(
            translation_key=source.object_id, locale=translation.target_locale
        ).first()
        if target is None or not is_real_translation(target) or target.slug == segment.string.data:
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": target.slug,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


def _synchronised_columns(model):
    """{name: field} of the model's own columns that follow the source (wagtail-localize's
    SynchronizedField, plus foreign keys to translatable snippets), without Page's own fields."""
    columns = {}
    for translatable_field in get_translatable_fields(model):
        field = translatable_field.get_field(model)
        if not getattr(field, "concrete", False) or field.model is Page or field.many_to_many:
            continue
        follows_source = isinstance(translatable_field, SynchronizedField) or (
            isinstance(field, ForeignKey)
            and issubclass(field.related_model, TranslatableMixin)
            and not issubclass(field.related_model, Page)
        )
        if follows_source:
            columns[field.name] = field
    return columns


def _alias_source(page):
    if not Page.alias_of.is_cached(page) or not Page.locale.is_cached(page.alias_of):
        page.alias_of = Page.objects.select_related("locale").get(pk=page.alias_of_id)
    return page.alias_of


def _live_revision_of(page):
    """The id (a string) of the object whose revision is the page's live one, or None."""
    if not hasattr(page, "_live_revision_of"):
        page._live_revision_of = (
            Revision.objects.filter(pk=page.live_revision_id)
            .values_list("object_id", flat=True)
            .first()
            if page.live_revision_id
            else None
        )
    return page._live_revision_of


def _translatable_children(page):
    from modelcluster.models import get_all_child_relations

    for relation in get_all_child_relations(page):
        for child_object in getattr(page, relation.get_accessor_name()).all():
            if isinstance(child_object, TranslatableMixin):
                yield child_object


# --- The reader's version of pages and snippets ---------------------------------------------------


def localize(item, locale=None, *, fall_back_to_chosen=False):
    """One page or snippet in `locale` (the active one if None); see `localize_all`.

    A page whose version in `locale` is not visible to the public gives None.
    """
    if item is None:
        return None
    localized = localize_all([item], locale, specific=True, fall_back_to_chosen=fall_back_to_chosen)
    return localized[0] if localized else None


def localize_all(items, locale=None, *, specific=False, fall_back_to_chosen=False):
    """Pages or snippets (usually the German ones editors chose) in `locale`, in their order.

    Pages: each is replaced by its version in `locale` (a translation or an alias) and left out
    when that version is not visible to the public, or, with `fall_back_to_chosen`, replaced by
    the chosen page itself if that one is visible (links that must always lead somewhere, like the
    Impressum). A constant number of queries (Wagtail's look-up of view restrictions, then the
    pages); with `specific`, the pages come back as their own types (in the same query when all
    are of one type, else one more query per type).

    Snippets: each is replaced by its translation in `locale`, or kept as chosen when there is
    none (snippets are not synchronised into aliases). One query.
    """
    items = [item for item in items if item is not None]
    if not items:
        return []
    locale_id = _locale_id(locale)
    if isinstance(items[0], Page):
        return _localize_pages(items, locale_id, specific, fall_back_to_chosen)
    model = type(items[0])
    keys = {item.translation_key for item in items}
    by_key = {
        entry.translation_key: entry
        for entry in model.objects.filter(locale_id=locale_id, translation_key__in=keys)
    }
    return [by_key.get(item.translation_key, item) for item in items]


def snippets_in_language(model, locale=None):
    """Every entry of a translatable snippet once, sorted by name: in `locale` where translated,
    else in the default language (else whatever exists). One query."""
    preference = [_language_code(locale), settings.LANGUAGE_CODE]
    chosen = {}
    for entry in model.objects.select_related("locale"):
        current = chosen.get(entry.translation_key)
        if current is None or _rank(entry, preference) < _rank(current, preference):
            chosen[entry.translation_key] = entry
    return sorted(chosen.values(), key=lambda entry: str(entry).casefold())


def snippet_localizer(model, locale=None):
    """A function mapping any entry of `model` to its version in `locale` (one query in all).

    For listings that show entries of many pages (prefetched per page), where calling
    `localize_all` per page would cost a query each.
    """
    by_key = {entry.translation_key: entry for entry in snippets_in_language(model, locale)}
    return lambda entry: by_key.get(entry.translation_key, entry)


def _locale_id(locale):
    if locale is None:
        return active_locale().pk
    return locale.pk if isinstance(locale, Model) else locale


def _language_code(locale):
    if locale is None:
        return get_supported_content_language_variant(get_language())
    if isinstance(locale, Model):
        return locale.language_code
    return Locale.objects.get(pk=locale).language_code


def _rank(entry, preference):
    code = entry.locale.language_code
    return preference.index(code) if code in preference else len(preference)


def _localize_pages(pages, locale_id, specific, fall_back_to_chosen):
    types = {type(page) for page in pages}
    model = types.pop() if specific and len(types) == 1 else Page
    wanted = Q(locale_id=locale_id, translation_key__in={page.translation_key for page in pages})
    if fall_back_to_chosen:
        wanted |= Q(pk__in={page.pk for page in pages})
    found = visible_to_public(model.objects.filter(wanted))
    if specific and model is Page:
        found = found.specific()
    found = {page.pk: page for page in found}
    localized = {
        page.translation_key: page for page in found.values() if page.locale_id == locale_id
    }
    result = []
    for page in pages:
        version = localized.get(page.translation_key) or found.get(page.pk)
        if version is not None:
            result.append(version)
    return result
