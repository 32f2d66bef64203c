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
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from . import lookup_cache


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


def restricted_paths():
    """The tree paths of the pages with a view restriction (everything below them is private
    too), kept until a restriction changes or a page moves (core.lookup_cache watches both).

    Wagtail's `PageQuerySet.public()` loads every restriction in a query of its own each time it
    is called, and one page asks for visible pages half a dozen times.
    """
    return lookup_cache.cached(
        "restricted-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def private_q():
    """Pages with a view restriction and the pages below them (Wagtail's `private_q`)."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def visible_to_public(pages=None):
    """The pages of `pages` (a page queryset or manager; all pages if None) anyone may see."""
    queryset = Page.objects.all() if pages is None else pages.all()
    # Not `.public()`: a subclass (press) may give `public` its own meaning.
    return (
        queryset.filter(live=True)
        .exclude(private_q())
        .exclude(translation_key__in=held_back_translation_keys())
    )


def first_visible(model, locale_id):
    """The first page of `model` in a locale that the public may see: the one calendar, news
    overview or partner overview of each language, which many pages link to. Kept until content
    changes (core.lookup_cache)."""
    return lookup_cache.cached(
        f"first-visible:{model._meta.label_lower}:{locale_id}",
        lambda: visible_to_public(model.objects.filter(locale_id=locale_id)).first(),
    )


def page_schedule():
    """Every page due to go live (not live, with a go-live time) or to expire (live, with an
    expiry time), as (translation_key, language_code, live, go_live_at, expire_at) rows. One
    look-up for the held-back translations and the page cache's lifetime cap, kept until
    content changes (core.lookup_cache); callers compare the times with the clock themselves."""
    return lookup_cache.cached(
        "page-schedule",
        lambda: list(
            Page.objects.filter(
                Q(live=False, go_live_at__isnull=False) | Q(live=True, expire_at__isnull=False)
            ).values_list(
                "translation_key", "locale__language_code", "live", "go_live_at", "expire_at"
            )
        ),
    )


def is_held_back(page):
    """Whether the page (any language) waits for its scheduled source. No query while the
    schedule is in the cache (core.lookup_cache); the go-live times are compared here, so the
    answer changes at the scheduled minute as the query's would."""
    now = timezone.now()
    return any(
        key == page.translation_key
        and language == settings.LANGUAGE_CODE
        and not live
        and go_live_at > now
        for key, language, live, go_live_at, _expire_at in page_schedule()
    )


def is_visible_to_public(page):
    """Whether this one page is visible to the public (one query)."""
    if page is None or not page.pk or not page.live:
        return False
    return visible_to_public(Page.objects.filter(pk=page.pk)).exists()
