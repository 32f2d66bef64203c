"""What the results page shows of each hit, fetched in a fixed number of queries per page."""

from dataclasses import dataclass

from wagtail.models import Page

from core import lookup_cache
from core.translation import untranslated_sources

from .excerpts import highlighted_excerpt, searchable_text
from .types import EVENT, type_by_slug, type_of


@dataclass
class SearchResult:
    page: Page
    url: str
    title: str
    type_label: str
    excerpt: str
    language: str = ""  # set when the text is in another language than the reader's
    date: object = None


def _text_of(page):
    return f"{searchable_text(page)} {getattr(page, 'summary', '')}".strip()


def search_results(hits, words, request):
    """SearchResults for one page of hits, in their order."""
    hits = list(hits)
    facts = _facts(hits)
    results = []
    for hit in hits:
        fact = facts.get(hit.pk)
        if fact is None:  # deleted between search and fetch
            continue
        results.append(
            SearchResult(
                page=hit,
                url=hit.get_url(request),
                title=hit.title,
                type_label=type_by_slug(fact.type_slug).label,
                excerpt=highlighted_excerpt(fact.text, words),
                language=fact.language,
                date=fact.date,
            )
        )
    return results


@dataclass(frozen=True)
class _Facts:
    """What a result shows of a page, whatever was searched."""

    type_slug: str
    text: str
    date: object
    language: str


def _facts(hits):
    """_Facts of each hit by pk. The same for every search until content changes, so kept like a
    look-up per page (core.lookup_cache); the pages not kept yet are fetched as their own types
    (one query per type) with their untranslated sources."""
    names = {hit.pk: f"search-result:{hit.pk}" for hit in hits}
    facts = {
        pk: fact
        for pk, name in names.items()
        if (fact := lookup_cache.cached(name, lambda: None, keep_none=False)) is not None
    }
    missing = [hit for hit in hits if hit.pk not in facts]
    if not missing:
        return facts
    pages = Page.objects.filter(pk__in=[hit.pk for hit in missing]).specific()
    sources = untranslated_sources(missing)
    for page in pages:
        result_type = type_of(page)
        source = sources.get(page.pk)
        fact = _Facts(
            type_slug=result_type.slug,
            text=_text_of(page),
            date=page.start if result_type is EVENT else None,
            language=source.locale.language_code if source else "",
        )
        facts[page.pk] = lookup_cache.cached(names[page.pk], lambda fact=fact: fact)
    return facts
