from django import template
from django.template.loader import render_to_string

from core import lookup_cache

register = template.Library()


@register.simple_tag(takes_context=True)
def hosted_fellows(context, partner):
    """The fellows a partner hosts, as cards in the partner's language; rendered once until
    content changes (core.lookup_cache.cached_fragment)."""
    from network.models import prepare_fellow_cards

    request = context["request"]

    def render():
        fellows = prepare_fellow_cards(partner.hosted_fellows(), partner.locale, host=partner)
        return render_to_string(
            "components/network/hosted_fellows.html", {"fellows": fellows, "request": request}
        )

    return lookup_cache.cached_fragment(
        lookup_cache.fragment_name(request, "hosted-fellows", partner.pk), render
    )
