from typing import NamedTuple

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.models import Site

from core import lookup_cache
from core.locales import active_locale
from core.templatetags.core_tags import locale_home
from core.translation import localize_all
from core.visibility import visible_to_public
from navigation.models import Navigation

register = template.Library()

FUNDING_LOGO_SPEC = "max-400x160"


class MenuLink(NamedTuple):
    """A menu entry as the header writes it; its address is the same for every reader of the
    site and language, so it is kept with the menu rather than worked out per request."""

    title: str
    url: str
    url_path: str


def _navigation(request):
    """The navigation snippet of the reader's language, or the German one until it is translated.

    Header and footer both need it: looked up once per request.
    """
    if not hasattr(request, "_k3_navigation"):
        active = active_locale()
        navigations = Navigation.objects.select_related("funding_logo")
        entries = {nav.locale_id: nav for nav in navigations}
        request._k3_navigation = (
            entries.get(active.pk) or next(iter(entries.values()), None),
            active,
        )
    return request._k3_navigation


def _localized_pages(stream, locale):
    """The chosen pages in the reader's language, in the editors' order, in one query."""
    return localize_all([block.value.get("page") for block in stream], locale)


def _automatic_menu(request):
    """The live pages marked 'show in menus' below the reader's home page."""
    home = locale_home(request, get_language())
    if home is None:
        return []
    return list(visible_to_public(home.get_children()).in_menu())


def _main_menu(request):
    navigation, locale = _navigation(request)
    automatic = _automatic_menu(request)
    if navigation is None or not navigation.main_links:
        return automatic
    chosen = _localized_pages(navigation.main_links, locale)
    listed = {page.pk for page in chosen}
    return chosen + [page for page in automatic if page.pk not in listed]


def _footer(request):
    navigation, locale = _navigation(request)
    if navigation is None:
        return {"navigation": None}
    # Until the snippet is translated, its German sentences stay out of the English footer.
    own_language = navigation.locale_id == locale.pk
    logo = navigation.funding_logo
    return {
        "navigation": True,
        "footer_text": navigation.footer_text if own_language else "",
        "funding_line": navigation.funding_line if own_language else "",
        "funding_logo": logo,
        # Found (or made) while filling the cache, and kept with it: an image cached with
        # prefetched renditions would look for a new one only in that list, every request.
        "funding_logo_rendition": logo.get_rendition(FUNDING_LOGO_SPEC) if logo else None,
        # The image's alt text is written in German (core.models.K3Image.description).
        "funding_logo_lang": ""
        if get_language() == settings.LANGUAGE_CODE
        else settings.LANGUAGE_CODE,
        "links": _localized_pages(navigation.footer_links, locale),
    }


def _cache_name(request, part):
    """One entry per site, language and part: the same for every reader of that language."""
    site = Site.find_for_request(request)
    return f"navigation:{part}:{site.pk if site else 0}:{get_language()}"


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The main menu edited in 'Navigation and footer', in the editors' order.

    Top-level pages marked 'show in menus' that the list does not name follow at the end, so a new
    section (e.g. the events calendar) appears without a developer; untick 'show in menus' to hide
    a page. Cached until a page or the snippet changes (core.lookup_cache).
    """
    request = context["request"]

    def menu():
        return [
            MenuLink(page.title, page.get_url(request), page.url_path)
            for page in _main_menu(request)
        ]

    return lookup_cache.cached(_cache_name(request, "menu-links"), menu)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer text and links of 'Navigation and footer' (cached like the menu), rendered
    once per site and language (core.lookup_cache.cached_fragment)."""
    request = context["request"]

    def render():
        footer = lookup_cache.cached(_cache_name(request, "footer"), lambda: _footer(request))
        return render_to_string("components/footer_navigation.html", {**footer, "request": request})

    return lookup_cache.cached_fragment(_cache_name(request, "footer-html"), render)
