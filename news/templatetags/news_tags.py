from django import template
from django.template.loader import render_to_string

from core import lookup_cache
from core.visibility import first_visible, visible_to_public
from news.models import NewsPage

register = template.Library()

DEFAULT_COUNT = 6


@register.simple_tag(takes_context=True)
def partner_news(context, partner, count=DEFAULT_COUNT):
    """The newest news a partner published (below its page) or is named in, in its language;
    rendered once until content changes (core.lookup_cache.cached_fragment)."""
    request = context["request"]
    count = max(1, int(count))

    def render():
        news = visible_to_public(NewsPage.objects.filter(locale_id=partner.locale_id))
        return render_to_string(
            "components/news/partner_news.html",
            {
                "news_items": list(news.for_partner(partner).for_listing()[:count]),
                "request": request,
            },
        )

    name = lookup_cache.fragment_name(request, "partner-news", partner.pk, count)
    return lookup_cache.cached_fragment(name, render)


@register.inclusion_tag("components/feed_links.html", takes_context=True)
def news_feed_links(context, partner=None):
    """<link rel=alternate> of the news feed of the page's language (or of `partner`'s news), for
    pages other than the news overview (which announces its own)."""
    from news.models import NewsIndexPage

    page = partner or context["page"]
    request = context["request"]
    index = first_visible(NewsIndexPage, page.locale_id)
    return {"feeds": index.specific.feed_links(request, partner) if index else []}
