"""Which language a page's text is really in, and the reader's version of pages and snippets.

Why this module exists: wagtail-localize's locale synchronisation fills the English tree with
aliases of the German pages. An alias is live, has an English URL and passes every "live and
public" filter, but it serves the German text (wagtail-localize #586, #461). Listings must mark
such pages with lang="de", hreflang must not offer them as English, search must label them, the
editorial backlog must count them as missing and the demo must know what it still has to
translate. When each of those places asked its own question, the answers drifted apart (one
assumed every alias is German, one that every alias is untranslated). Here is the one rule:

    A page is an *untranslated alias* when it is an alias of a page in another locale.
    Everything else (originals, real translations, aliases inside one locale) is a *real
    translation*: its text is in its own locale's language.

A real translation that was never published in English (wagtail-localize turns the alias into a
translation and leaves it live with the German text until the translation is published) still
counts as translated here; telling drafts apart is the job of the translation workflow.

The second half maps content editors chose once, in German (featured pages, menu links, related
partners, taxonomy entries), to the reader's locale, in bulk, so a listing's query count does not
grow with its items. Pages come back only when visible to the public (`core.visibility`, so
embargoes hold); snippets have no visibility and fall back to the chosen entry.

When it could go: if wagtail-localize (or Wagtail) records the content language of an alias
itself and offers a bulk "localized" for querysets, the rule and the bulk mapping belong there and
callers can use that instead.
"""

from django.conf import settings
from django.db.models import Model, Q
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from .visibility import visible_to_public

# --- Real translation or untranslated alias -----------------------------------------------------


def with_translation_state(pages):
    """`pages` (a queryset) fetched with what the questions below need, in the same query."""
    return pages.select_related("alias_of__locale")


def untranslated_source(page):
    """The page in another locale whose text this alias shows, or None for a real translation.

    No query when `page` came from `with_translation_state`, one otherwise.
    """
    if page is None or not getattr(page, "alias_of_id", None):
        return None
    if not Page.alias_of.is_cached(page) or not Page.locale.is_cached(page.alias_of):
        page.alias_of = Page.objects.select_related("locale").get(pk=page.alias_of_id)
    source = page.alias_of
    return source if source.locale_id != page.locale_id else None


def is_real_translation(page):
    """Whether the page's text is in its own locale's language (originals included)."""
    return untranslated_source(page) is None


def content_language(page):
    """The language code the page's text is written in."""
    source = untranslated_source(page)
    return (source or page).locale.language_code


def untranslated_language(page):
    """The language of an untranslated alias's text, '' for a real translation (listings mark
    cards with it)."""
    source = untranslated_source(page)
    return source.locale.language_code if source else ""


def untranslated_sources(pages):
    """{pk: source page} for the untranslated aliases among `pages`, in at most one query."""
    pages = list(pages)
    alias_ids = {page.alias_of_id for page in pages if page.alias_of_id}
    if not alias_ids:
        return {}
    sources = Page.objects.select_related("locale").in_bulk(alias_ids)
    return {
        page.pk: sources[page.alias_of_id]
        for page in pages
        if page.alias_of_id in sources and sources[page.alias_of_id].locale_id != page.locale_id
    }


def is_translated_into(page, locale):
    """Whether `page` has a real translation (not an alias of it) in `locale`."""
    translation = page.get_translation_or_none(locale)
    return translation is not None and is_real_translation(translation)


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
        return Locale.get_active().pk
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
