from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from core import lookup_cache, metadata, structured_data
from core.breadcrumbs import breadcrumb_trail
from core.locales import locale_for
from core.translation import (
    is_real_translation,
    localize,
    untranslated_language,
    with_translation_state,
)
from core.visibility import visible_to_public

register = template.Library()


def locale_home(request, language_code):
    site = Site.find_for_request(request)
    if site is None:
        return None
    locale = locale_for(language_code)
    if locale is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def _live_translations(page):
    """This page in every language it is live in; the switcher and hreflang both ask, once, and
    the answer is kept until content changes (core.lookup_cache)."""
    if not isinstance(page, Page) or not page.pk:
        return {}
    if not hasattr(page, "_k3_live_translations"):
        page._k3_live_translations = lookup_cache.cached(
            f"translations:{page.pk}", lambda: _query_live_translations(page)
        )
        for translation in page._k3_live_translations.values():
            if translation.pk == page.pk:
                _learn_translation_state(page, translation)
    return page._k3_live_translations


def _query_live_translations(page):
    translations = with_translation_state(
        visible_to_public(page.get_translations(inclusive=True))
    ).select_related("locale")
    return {translation.locale.language_code: translation for translation in translations}


def _learn_translation_state(page, row):
    """What the translations query found out about the page itself (its locale, alias source and
    live revision) saves the page's own look-ups of them (core.translation)."""
    if not Page.locale.is_cached(page):
        page.locale = row.locale
    if row.alias_of_id and not Page.alias_of.is_cached(page):
        page.alias_of = row.alias_of
    if not hasattr(page, "_live_revision_of"):
        page._live_revision_of = row._live_revision_of


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language, leading to this page's version in it, or somewhere useful."""
    request = context["request"]
    page = context.get("page")
    translations = _live_translations(page)
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif isinstance(page, Page):
            home = locale_home(request, code)
            url = home.get_url(request) if home else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == get_language(),
            }
        )
    return links


def listing_position(context):
    """Where in a listing the reader is, as the part of the address after the page's own.

    A routed view of the page (the calendar's archive/) keeps its route; a later page of an
    unfiltered listing keeps `?page=N`, so each page of a listing is its own canonical and its
    hreflang points to the same page number in the other language. Filtered views are not
    pages of their own: their canonical is the unfiltered listing.
    """
    page, request = context.get("page"), context["request"]
    route = ""
    if isinstance(page, Page) and page.url:
        own_path = urlsplit(page.get_url(request)).path
        if request.path.startswith(own_path):
            route = request.path[len(own_path) :]
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1 and not context.get("active_filters"):
        return f"{route}?page={page_obj.number}"
    return route


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The canonical address of what the reader sees: the page, or its place in a listing."""
    return absolute_url(context, context["page"]) + listing_position(context)


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates: only real translations, plus x-default for the German original."""
    translations = _live_translations(context.get("page"))
    position = listing_position(context)
    links = [
        {"hreflang": code, "href": absolute_url(context, page) + position}
        for code, page in translations.items()
        if is_real_translation(page)
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append({"hreflang": "x-default", "href": absolute_url(context, default) + position})
    return links


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    """The page's address on the host the reader asked for (canonical links, feeds)."""
    return structured_data.page_url(context["request"], page)


@register.simple_tag(takes_context=True)
def page_metadata(context):
    """Title, description and link-preview tags of the page (core.metadata), or the site's
    for views that are no page."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return metadata.PageMetadata(
            title=metadata.SITE_NAME,
            full_title=metadata.SITE_NAME,
            description=metadata.site_description(),
        )
    translations = _live_translations(page)  # first: it answers the page's own questions too
    source = getattr(page, "untranslated_source", None)
    if source is not None:
        url = absolute_url(context, source) if source.url else ""
    else:
        url = canonical_url(context) if page.url else ""
    return metadata.page_metadata(context["request"], page, url, translations)


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The visible trail from the home page to this one (core.breadcrumbs), below sections."""
    return {"trail": breadcrumb_trail(context.get("request"), context.get("page"))}


@register.inclusion_tag("components/structured_data.html", takes_context=True)
def page_structured_data(context):
    """The schema.org objects the page describes (its `structured_data`) and its
    BreadcrumbList, one JSON-LD script each."""
    request, page = context["request"], context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return {"scripts": []}
    objects = list(page.structured_data(request)) if hasattr(page, "structured_data") else []
    trail = breadcrumb_trail(request, page)
    if trail:
        objects.append(structured_data.breadcrumb_list(request, trail))
    return {"scripts": [structured_data.json_ld(data) for data in objects]}


@register.inclusion_tag("components/figure.html")
def figure(image, spec, alt=None, caption=None, css_class="", card=False):
    """An image with its caption and credit: credits show wherever an image is shown.

    `card=True` is the quiet form for cards in listings: the credit and licence name as a small
    caption without a link (and without the caption), so a card has one Tab stop, its title;
    the licence link is on the page the card leads to.
    """
    if image is None:
        return {"rendition": None}
    alt, caption = alt or None, caption or None  # empty means "use the image's own"
    # The image's own alt text and caption are German; a page may pass its translated ones.
    in_german = get_language() == settings.LANGUAGE_CODE
    return {
        "image": image,
        # WebP on the page: a third of a PNG's weight; downloads and og:image keep the original's.
        "rendition": image.get_rendition(f"{spec}|format-webp"),
        "alt": image.default_alt_text if alt is None else alt,
        "alt_lang": settings.LANGUAGE_CODE if alt is None and not in_german else "",
        "caption": caption if caption is not None else (image.caption if in_german else ""),
        "css_class": css_class,
        "card": card,
    }


@register.filter
def in_reader_language(page):
    """A chosen (German) page as the reader's language shows it: its translation or alias if
    visible, else the page itself if visible, else None."""
    return localize(page, fall_back_to_chosen=True)


@register.filter
def untranslated_lang(page):
    """The language of an untranslated alias's text (a card's lang attribute), else ''.

    Listings fetch their pages `with_translation_state`, so this costs no query.
    """
    return untranslated_language(page)
