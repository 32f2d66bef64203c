"""schema.org data as JSON-LD: what every page type's description is made of, and how it goes
into the page.

Each page type says what it is with `structured_data(request)` (a list of schema.org objects as
dicts, empty by default on `BasePage`); `{% page_structured_data %}` (core_tags) renders them with
the page's BreadcrumbList into the head of base.html, one <script type="application/ld+json"> per
object. The pieces several apps need live here: the escaping for <script>, absolute addresses,
ISO dates, images with their credit, and the reference to the network that publishes the site
(the whole Organization, with its members, is network.structured_data's).
"""

import json
from datetime import date, datetime

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from .metadata import SHARE_IMAGE_SPEC, own_description, page_title
from .translation import content_language

SCHEMA_ORG = "https://schema.org"
# The network's own facts (press release of 2 March 2026); members, lead and funder come from
# the partner pages.
NETWORK_NAME = "K3 KI.Kunst.Kultur – NRW Kompetenznetzwerk"
NETWORK_ALTERNATE_NAMES = ["K3", settings.WAGTAIL_SITE_NAME]
NETWORK_FOUNDING_DATE = date(2026, 3, 1)
NETWORK_LOGO = "img/favicon.svg"  # the K3 mark the header shows too

# What json.dumps leaves that could end the <script> element or confuse an HTML parser.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as JSON that is safe inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))


def page_url(request, page):
    """The page's absolute address, or '' for a page outside the site."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else ""


def iso(value):
    """A date as YYYY-MM-DD, a moment as ISO 8601 with the Berlin offset."""
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def language_home_url(request, language_code):
    """The absolute address of a language's home page (/de/, /en/), without a query."""
    with translation.override(language_code):
        return request.build_absolute_uri(reverse("wagtail_serve", args=("",)))


def network_reference(request, language_code):
    """The network as author or publisher: its name and address, and the @id under which the
    home page describes it in full (one id for both languages: it is one organisation)."""
    return {
        "@type": "Organization",
        "@id": network_id(request),
        "name": NETWORK_NAME,
        "url": language_home_url(request, language_code),
    }


def network_id(request):
    return language_home_url(request, settings.LANGUAGE_CODE) + "#organization"


def network_logo(request):
    return request.build_absolute_uri(static(NETWORK_LOGO))


def image_object(request, image, language, caption="", spec=SHARE_IMAGE_SPEC):
    """schema.org ImageObject of a K3 image: a rendition (by default the one link previews
    use), its credit as `creditText` and its licence where the licence has an address.

    The image's own caption and alt text are German: they describe the image on German pages
    only; a page's own `caption` (already in its language) always.
    """
    rendition = image.get_rendition(spec)
    url = request.build_absolute_uri(rendition.url)
    data = {
        "@type": "ImageObject",
        "url": url,
        "contentUrl": url,
        "width": rendition.width,
        "height": rendition.height,
        "creditText": image.credit,
    }
    if not caption and language == settings.LANGUAGE_CODE:
        caption = image.caption or image.default_alt_text
    if caption:
        data["caption"] = caption
    if image.licence_url:
        data["license"] = image.licence_url
    return data


def breadcrumb_list(request, trail):
    """schema.org BreadcrumbList of a breadcrumb trail (core.breadcrumbs), the same the reader
    sees."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": request.build_absolute_uri(crumb.url),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def news_article(request, page, *, published, author, image=None, image_caption=""):
    """schema.org NewsArticle of a news item or press release: `published` is the date the page
    gives itself, `author` the organisation that wrote it; the network publishes the site.

    An untranslated page (German text under an English address) describes its German original:
    that is its canonical address and the language of its text.
    """
    canonical = getattr(page, "untranslated_source", None) or page
    language = content_language(page)
    url = page_url(request, canonical)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "headline": page_title(page),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": language,
        "datePublished": iso(published),
        "author": author,
        "publisher": {**network_reference(request, language), "logo": network_logo(request)},
    }
    # Only a change after the stated date: a release dated ahead of its upload was not changed.
    modified = page.last_published_at
    if modified and timezone.localtime(modified).date() >= published:
        data["dateModified"] = iso(modified)
    if own_description(page):
        data["description"] = own_description(page)
    if image is not None:
        data["image"] = image_object(request, image, language, image_caption)
    return data
