"""What the calendar remembers between requests, and when it forgets it.

The filter options and the number of events a filter combination matches are the same for every
reader until content changes, and counting thousands of events is the slowest part of a calendar
page. Both are cached under a *generation* that every save or deletion of a page, venue, topic or
series moves on (`events/signal_handlers.py`), so a publish shows on the next request. A count is also kept only for the
stretch of time in which no matching event ends, so it is always exact. Several worker processes
must share the cache (production requires REDIS_URL), or only one of them would move on.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Count, F, Max, Min, Q

from core import request_memo
from core.cache import current_generation, next_generation

GENERATION_KEY = "events:generation"
# Entries of an old generation are never read again; this only bounds how long they linger.
TIMEOUT = 24 * 60 * 60


def generation():
    """Read once per request (core.request_memo): a calendar page asks for it several times."""
    return request_memo.memoised(GENERATION_KEY, lambda: current_generation(GENERATION_KEY))


def forget_everything():
    """Move on to a new generation: every cached option and count is stale from now on."""
    request_memo.forget(GENERATION_KEY)
    next_generation(GENERATION_KEY)


def cached(name, compute):
    """`compute()`, kept for the current generation."""
    key = f"events:{name}:{generation()}"
    entry = cache.get(key)
    if entry is None:
        entry = (compute(),)  # in a tuple, so that None is remembered too
        cache.set(key, entry, TIMEOUT)
    return entry[0]


def longest_event_duration():
    """How long the longest event lasts (None without events); bounds the upcoming listings."""

    def longest():
        from events.models import EventPage

        return EventPage.objects.aggregate(longest=Max(F("end") - F("start")))["longest"]

    return cached("longest-event", longest)


def count_events(name, events, now):
    """How many of the events `events()` returns are upcoming and how many past: (upcoming, past).

    The count is cached with the ends of the events on either side of `now`; between those two
    moments no event changes sides, so a later (or earlier) request inside them reuses it.
    """
    digest = hashlib.sha256(name.encode()).hexdigest()[:32]
    key = f"events:count:{generation()}:{digest}"
    entry = cache.get(key)
    if entry and _holds_at(entry, now):
        return entry["upcoming"], entry["total"] - entry["upcoming"]
    upcoming = Q(end__gte=now)
    entry = (
        events()
        .order_by()
        .aggregate(
            total=Count("pk"),
            upcoming=Count("pk", filter=upcoming),
            until=Min("end", filter=upcoming),
            after=Max("end", filter=~upcoming),
        )
    )
    cache.set(key, entry, TIMEOUT)
    return entry["upcoming"], entry["total"] - entry["upcoming"]


def _holds_at(entry, now):
    """Whether no event has ended, or stopped having ended, between the count and `now`."""
    ended_before = entry["after"] is None or entry["after"] < now
    ends_after = entry["until"] is None or now <= entry["until"]
    return ended_before and ends_after
