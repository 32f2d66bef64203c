from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from core.templatetags.core_tags import locale_home
from core.translation import localize_all
from core.visibility import visible_to_public
from navigation.models import Navigation

register = template.Library()


def _navigation(request):
    """The navigation snippet of the reader's language, or the German one until it is translated.

    Header and footer both need it: looked up once per request.
    """
    if not hasattr(request, "_k3_navigation"):
        active = Locale.get_active()
        navigations = Navigation.objects.select_related("funding_logo").prefetch_related(
            "funding_logo__renditions"
        )
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


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The main menu edited in 'Navigation and footer', in the editors' order.

    Top-level pages marked 'show in menus' that the list does not name follow at the end, so a new
    section (e.g. the events calendar) appears without a developer; untick 'show in menus' to hide
    a page.
    """
    navigation, locale = _navigation(context["request"])
    automatic = _automatic_menu(context["request"])
    if navigation is None or not navigation.main_links:
        return automatic
    chosen = _localized_pages(navigation.main_links, locale)
    listed = {page.pk for page in chosen}
    return chosen + [page for page in automatic if page.pk not in listed]


@register.inclusion_tag("components/footer_navigation.html", takes_context=True)
def site_footer(context):
    navigation, locale = _navigation(context["request"])
    if navigation is None:
        return {"navigation": None, "request": context["request"]}
    # Until the snippet is translated, its German sentences stay out of the English footer.
    own_language = navigation.locale_id == locale.pk
    return {
        "navigation": navigation,
        "footer_text": navigation.footer_text if own_language else "",
        "funding_line": navigation.funding_line if own_language else "",
        "funding_logo": navigation.funding_logo,
        # The image's alt text is written in German (core.models.K3Image.description).
        "funding_logo_lang": ""
        if get_language() == settings.LANGUAGE_CODE
        else settings.LANGUAGE_CODE,
        "links": _localized_pages(navigation.footer_links, locale),
        "request": context["request"],
    }
