"""What the results page shows of each hit, fetched in a fixed number of queries per page."""

from dataclasses import dataclass

from wagtail.models import Page

from core.translation import untranslated_sources

from .excerpts import highlighted_excerpt, searchable_text
from .types import EVENT, type_of


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
    specific = {
        page.pk: page for page in Page.objects.filter(pk__in=[h.pk for h in hits]).specific()
    }
    sources = untranslated_sources(hits)
    results = []
    for hit in hits:
        page = specific.get(hit.pk)
        if page is None:  # deleted between search and fetch
            continue
        result_type = type_of(page)
        source = sources.get(hit.pk)
        results.append(
            SearchResult(
                page=page,
                url=page.get_url(request),
                title=page.title,
                type_label=result_type.label,
                excerpt=highlighted_excerpt(_text_of(page), words),
                language=source.locale.language_code if source else "",
                date=page.start if result_type is EVENT else None,
            )
        )
    return results
