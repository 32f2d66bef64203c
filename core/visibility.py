"""The one rule for "visible to the public", used by every listing, search, menu, link and kit.

A page is visible to the public when it is live, not below a page with a view restriction, and
not held back. Held back is every language of a page whose source (German, the default
language) is scheduled to go live later (Wagtail's scheduled publishing; a press release under
embargo): wagtail-localize does not synchronise go-live dates, so a translation published early
must wait for its source, or it would leak the release through the other language's listings,
search, links and files. A translation scheduled while its source is live holds back nothing.

The rule is expressed on Wagtail's Page alone, so every app can import it without import circles.
"""

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, PageQuerySet


def scheduled_pages():
    """Source pages (any type, in the default language) waiting for their go-live time."""
    return Page.objects.filter(
        live=False,
        go_live_at__gt=timezone.now(),
        locale__language_code=settings.LANGUAGE_CODE,
    )


def held_back_translation_keys():
    """The translation keys of scheduled pages, as a subquery (no query of its own)."""
    return scheduled_pages().values("translation_key")


def visible_to_public(pages=None):
    """The pages of `pages` (a page queryset or manager; all pages if None) anyone may see."""
    queryset = Page.objects.all() if pages is None else pages.all()
    # PageQuerySet.public() by name: a subclass (press) may give `public` its own meaning.
    queryset = PageQuerySet.public(queryset.filter(live=True))
    return queryset.exclude(translation_key__in=held_back_translation_keys())


def is_held_back(page):
    return scheduled_pages().filter(translation_key=page.translation_key).exists()


def is_visible_to_public(page):
    """Whether this one page is visible to the public (one query)."""
    if page is None or not page.pk or not page.live:
        return False
    return visible_to_public(Page.objects.filter(pk=page.pk)).exists()
