"""Promoted results (Wagtail search promotions), read-only on the request path."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import Query
from wagtail.search.utils import normalise_query_string

from core.visibility import is_visible_to_public


@dataclass
class Promotion:
    title: str
    url: str
    description: str
    page: object = None  # the promoted page in the reader's language, if it is one


def promoted_results(query_string, locale, request):
    """The central team's promotions for this query, first in their order.

    A promoted page is shown in the reader's language (its translation or alias there) and only
    while it is live. No Query row is created: `Query.get()` would write on every search.
    """
    query = Query.objects.filter(query_string=normalise_query_string(query_string)).first()
    if query is None:
        return []
    promotions = []
    for pick in query.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page is None:
            if pick.external_link_url:
                promotions.append(
                    Promotion(
                        pick.external_link_text or pick.external_link_url,
                        pick.external_link_url,
                        pick.description,
                    )
                )
            continue
        page = pick.page.get_translation_or_none(locale)
        if not is_visible_to_public(page):
            continue
        promotions.append(Promotion(page.title, page.get_url(request), pick.description, page))
    return promotions
