"""What a page tells search engines and link previews about itself: title, description and the
OpenGraph/Twitter card tags (templates/components/meta.html renders them).

The description and image come from fields editors fill anyway: the search description if they
wrote one, else the listing summary, else the page type's own lead text (teaser, lead, intro…).
"""

import html
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext

from .translation import content_language, is_real_translation

SITE_NAME = settings.WAGTAIL_SITE_NAME

# First filled one wins; rich text fields lose their markup.
DESCRIPTION_FIELDS = (
    "search_description",
    "listing_summary",
    "teaser",
    "lead",
    "intro",
    "description",
    "project_description",
)
# A page's own picture before the one editors chose for listings.
IMAGE_FIELDS = ("image", "portrait", "listing_image")
DESCRIPTION_LENGTH = 200
SHARE_IMAGE_SPEC = "fill-1200x630"
OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB"}


def site_description():
    """For pages that say nothing about themselves (and views that are no page)."""
    return gettext(
        "K3 KI.Kunst.Kultur connects artists, cultural institutions and researchers in North "
        "Rhine-Westphalia who work with artificial intelligence."
    )


def page_title(page):
    """The page's name as the browser tab and link previews show it (without the site name)."""
    if getattr(page, "is_home_page", False):
        return page.seo_title or SITE_NAME
    return page.seo_title or page.title


def description(page):
    return own_description(page) or site_description()


def own_description(page):
    """What the page says about itself, '' if nothing (structured data then says nothing)."""
    for name in DESCRIPTION_FIELDS:
        text = getattr(page, name, "")
        text = " ".join(html.unescape(strip_tags(str(text or ""))).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def share_image(page):
    for name in IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            return image
    return None


def open_graph_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code, language_code)


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class PageMetadata:
    title: str
    full_title: str
    description: str
    url: str = ""
    type: str = "website"
    locale: str = ""
    alternate_locales: list = field(default_factory=list)
    image: ShareImage | None = None
    site_name: str = SITE_NAME


def page_metadata(request, page, canonical_url, translations):
    """Everything meta.html needs. `translations` maps language codes to the page's live
    versions (core_tags asks once for the language switcher, hreflang and this)."""
    title = page_title(page)
    language = content_language(page)
    metadata = PageMetadata(
        title=title,
        full_title=title if title == SITE_NAME else f"{title} – {SITE_NAME}",
        description=description(page),
        url=canonical_url,
        type=getattr(page, "open_graph_type", "website"),
        locale=open_graph_locale(language),
        # Only languages a reader would really get the text in: no aliases, no drafts.
        alternate_locales=[
            open_graph_locale(code)
            for code, translation in translations.items()
            if code != language and is_real_translation(translation)
        ],
    )
    image = share_image(page)
    if image is not None:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        metadata.image = ShareImage(
            url=request.build_absolute_uri(rendition.url),
            width=rendition.width,
            height=rendition.height,
            alt=image.default_alt_text,
        )
    return metadata
