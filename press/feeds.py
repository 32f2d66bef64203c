"""The press releases of a press room as RSS and Atom (core.feeds), for journalists to subscribe
to: served by the press room at `feed/rss/` and `feed/atom/`. A release under embargo appears
when it goes live, in every language (core.visibility)."""

from wagtail.images import get_image_model

from core.feeds import PageFeed, feed_pages

from .models import PressReleasePage


class PressReleaseFeed(PageFeed):
    def pages(self, page):
        return feed_pages(PressReleasePage.objects.child_of(page)).order_by("-date", "-pk")

    def items(self, page):
        releases = super().items(page)
        image_ids = [release.image_ids[0] for release in releases if release.image_ids]
        images = (
            get_image_model()
            .objects.filter(pk__in=image_ids)
            .prefetch_related("renditions")
            .in_bulk()
        )
        for release in releases:
            release.feed_image_object = images.get(next(iter(release.image_ids), None))
        return releases

    def item_description(self, item):
        return item.lead

    def item_image(self, item):
        return item.feed_image_object
