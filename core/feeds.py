"""RSS 2.0 and Atom feeds of pages, on Django's syndication framework.

A feed is served by a route of the page that lists the same items (`feed/rss/`, `feed/atom/`,
RoutablePageMixin, as events serve their iCal feed at `ical/`): the address sits below the page
readers know, the page's language comes from its URL (i18n_patterns), and Wagtail's serve view
applies the page's view restrictions to the feed as to the page. The apps say which pages a feed
lists (news, press); this module says what every feed item carries and which items may appear:

- only what the public may see (`core.visibility`, so an embargoed release appears when it goes
  live, in every language), and only real translations (`core.translation`): an alias or an
  unpublished translation shows German text and is left out of the English feed;
- title, absolute link, the page's summary as description, a date, the publisher, and the lead
  image as an enclosure and a Media RSS `media:content` with its credit (`media:credit`);
- the newest `FEED_LENGTH` items, fetched in a constant number of queries.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import feedgenerator, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .translation import real_translations
from .visibility import visible_to_public

FEED_LENGTH = 20
FEED_IMAGE_SPEC = "max-1200x1200"
PUBLISHER = "K3 KI.Kunst.Kultur"
MEDIA_NAMESPACE = "http://search.yahoo.com/mrss/"


def feed_pages(pages):
    """The pages of `pages` a feed may list: visible to the public, text in their own language."""
    return real_translations(visible_to_public(pages))


def publication_time(day, first_published_at):
    """The moment to date an item with: its editorial date, at the time it was first published
    when that was on the same day (readers sort by it), else at midnight."""
    if first_published_at is not None:
        published = timezone.localtime(first_published_at)
        if published.date() == day:
            return published
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class MediaRssMixin:
    """Writes each item's image (`image` in its extra kwargs: url, type, width, height, credit,
    description) as Media RSS, which feed readers show as the item's picture and credit."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("image")
        if not image:
            return
        handler.startElement(
            "media:content",
            {
                "url": image["url"],
                "type": image["type"],
                "medium": "image",
                "width": str(image["width"]),
                "height": str(image["height"]),
            },
        )
        handler.addQuickElement("media:credit", image["credit"], {"role": "photographer"})
        if image["description"]:
            handler.addQuickElement("media:description", image["description"])
        handler.endElement("media:content")


class MediaRssFeed(MediaRssMixin, feedgenerator.Rss201rev2Feed):
    pass


class MediaAtomFeed(MediaRssMixin, feedgenerator.Atom1Feed):
    pass


class PageFeed(Feed):
    """A feed of pages listed by `page` (the page the route belongs to).

    Subclasses implement `pages(page)` (a queryset, newest first, with its images fetched) and
    may override `item_date(item)` and `item_author_name(item)`.
    """

    feed_type = MediaRssFeed

    def __init__(self, feed_type=None):
        super().__init__()
        if feed_type is not None:
            self.feed_type = feed_type

    def get_object(self, request, page):
        self.request = request
        return page

    def title(self, page):
        return f"{page.title} – {PUBLISHER}"

    def link(self, page):
        return page.get_url(self.request)

    def description(self, page):
        return getattr(page, "intro", "") or page.search_description or page.title

    def author_name(self, page):
        return PUBLISHER

    def items(self, page):
        return list(self.pages(page)[:FEED_LENGTH])

    def pages(self, page):
        raise NotImplementedError

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_date(self, item):
        return item.date

    def item_pubdate(self, item):
        return publication_time(self.item_date(item), item.first_published_at)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return PUBLISHER

    def item_image(self, item):
        return item.image

    def item_enclosures(self, item):
        image = self.feed_image(item)
        if image is None:
            return []
        return [feedgenerator.Enclosure(image["url"], str(image["length"]), image["type"])]

    def item_extra_kwargs(self, item):
        return {"image": self.feed_image(item)}

    def feed_image(self, item):
        """The item's image as the feed shows it (a rendition: originals are not public)."""
        image = self.item_image(item)
        if image is None:
            return None
        rendition = image.get_rendition(FEED_IMAGE_SPEC)
        try:
            length = rendition.file.size
        except OSError:  # a missing file must not break the feed
            length = 0
        return {
            "url": self.request.build_absolute_uri(rendition.url),
            "type": f"image/{rendition.file.name.rsplit('.', 1)[-1].lower().replace('jpg', 'jpeg')}",
            "width": rendition.width,
            "height": rendition.height,
            "length": length,
            "credit": image.credit,
            # The image's own alt text is German; other languages' feeds go without it.
            "description": image.default_alt_text
            if get_language() == settings.LANGUAGE_CODE
            else "",
        }


FEED_FORMATS = {"rss": MediaRssFeed, "atom": MediaAtomFeed}
FEED_MIME_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FEED_FORMAT_NAMES = {"rss": _("RSS"), "atom": _("Atom")}


def feed_links(feed_url, title):
    """What `components/feed_links.html` renders: one <link rel=alternate> per format of the
    feed served at `feed_url` + `<format>/` (e.g. `/de/presse/feed/` + `rss/`)."""
    return [
        {
            "href": f"{feed_url}{name}/",
            "type": FEED_MIME_TYPES[name],
            "title": f"{title} ({FEED_FORMAT_NAMES[name]})",
        }
        for name in FEED_FORMATS
    ]
