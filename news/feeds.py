"""The news feeds (RSS and Atom, see core.feeds): every news item of a language, served by the
news overview at `feed/rss/` and `feed/atom/`, and one partner's news (what its page lists) at
`feed/<partner slug>/rss/` and `…/atom/` below the same overview (network must not know news, so
the partner's feed lives with the news)."""

from core.feeds import PUBLISHER, PageFeed, feed_pages
from network.models import PartnerPage

from .models import NewsPage


class NewsFeed(PageFeed):
    """The news of the overview's language; with `partner`, only that partner's news."""

    def __init__(self, feed_type=None, partner=None):
        super().__init__(feed_type)
        self.partner = partner

    def title(self, page):
        if self.partner is not None:
            return f"{self.partner.title} – {page.title}"
        return super().title(page)

    def link(self, page):
        if self.partner is not None:
            return self.partner.get_url(self.request)
        return super().link(page)

    def pages(self, page):
        news = feed_pages(NewsPage.objects.filter(locale_id=page.locale_id))
        if self.partner is not None:
            news = news.for_partner(self.partner)
        return news.for_feed()

    def items(self, page):
        items = super().items(page)
        partners = list(
            PartnerPage.objects.filter(locale_id=page.locale_id).values_list("path", "title")
        )
        for item in items:
            # A partner's own news is filed below its page; the rest is the network's.
            item.feed_author = next(
                (title for path, title in partners if item.path.startswith(path)), PUBLISHER
            )
        return items

    def item_author_name(self, item):
        return item.feed_author
