"""Small look-ups derived from the page tree, kept between requests until content changes.

Every public page shows the menu and footer, its versions in other languages (language switcher,
hreflang) and its breadcrumb trail; working them out takes most of a page's queries. They change
only when an editor saves a page (publishes, unpublishes, moves, deletes, restricts it) or a
snippet that feeds them, so they are cached under a *generation* that each such change moves on,
as the calendar does (events.caching). `connect()` (CoreConfig.ready) watches every page model,
view restrictions, sites and locales; apps add their own snippets with `watch()`. Several worker
processes must share the cache (production requires REDIS_URL), or only one would move on.

The generation cannot see the clock: look-ups hold times and their readers compare them with
it (core.visibility.is_held_back), and rendered fragments name the moment they change without
an edit (`cached_fragment`). Nor can it see a rollback: what a connection reads after its own
uncommitted change is kept under a generation of that transaction's own. Without Redis nothing
is kept at all: no generation could announce a change to the other processes.
"""

import hashlib
import re
import threading
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale, PageViewRestriction, Site, get_page_models
from wagtail.signals import post_page_move

from . import request_memo
from .cache import current_generation, next_generation

GENERATION_KEY = "lookups:generation"
# Entries of an old generation are never read again; this only bounds how long they linger.
TIMEOUT = 24 * 60 * 60


def generation():
    return request_memo.memoised(GENERATION_KEY, _generation)


def _generation():
    shared = current_generation(GENERATION_KEY)
    token = _uncommitted_change()
    return shared if shared is None or token is None else f"{shared}:{token}"


def _uncommitted_change():
    """The token of this connection's last change that is not committed yet (None without one).

    What this connection reads after such a change may be rolled back: it is kept under a
    generation of its own, which nobody else reads and which is dropped with the transaction.
    """
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in reversed(connection.run_on_commit):
        token = getattr(callback, "lookup_token", None)
        if token is not None:
            return token
    return None


def forget_everything():
    request_memo.forget(GENERATION_KEY)
    next_generation(GENERATION_KEY)


# What this process has read of the current generation, so that a page's dozen look-ups cost one
# read of the generation rather than a round trip and an unpickling each. The objects are shared
# by the requests of one generation: callers read them and never change them for one reader.
# Emptied when the generation moves on, or when it holds more than LOCAL_ENTRIES.
LOCAL_ENTRIES = 2000
_local = {"generation": None, "entries": {}}
_local_lock = threading.Lock()


def _local_entries(current):
    with _local_lock:
        if _local["generation"] != current or len(_local["entries"]) > LOCAL_ENTRIES:
            _local["generation"], _local["entries"] = current, {}
        return _local["entries"]


def cached(name, compute, keep_none=True):
    """`compute()`, kept for the current generation (a None answer only with `keep_none`)."""
    current = generation()
    if current is None:  # the cache is away (core.cache): nothing can tell us of a change
        return compute()
    local = _local_entries(current)
    entry = local.get(name)
    if entry is not None:
        return entry[0]
    key = f"lookups:{current}:{name}"
    entry = cache.get(key)
    if entry is None:
        entry = (compute(),)  # in a tuple, so that None is remembered too
        if entry[0] is None and not keep_none:
            return None
        cache.set(key, entry, TIMEOUT)
    local[name] = entry
    return entry[0]


def cached_fragment(name, render):
    """HTML that every reader of a language gets alike (the same site, language and content),
    kept like a look-up until content changes; with FRAGMENT_CACHE off, rendered every time.

    `render()` returns the HTML, or (HTML, moment) when the clock changes it without an edit
    (the first of the events shown ends, a call opens): it is rendered again from that moment.
    Either way it is rendered again when a scheduled page goes live or expires, which no edit
    announces either (core.visibility.page_schedule).
    """
    if not settings.FRAGMENT_CACHE:
        return _html_and_moment(render())[0]
    name = f"html:{name}"  # (html, valid until): not the 1-tuples of look-ups
    current = generation()
    if current is None:  # the cache is away (core.cache): nothing can tell us of a change
        return _html_and_moment(render())[0]
    local = _local_entries(current)
    entry = local.get(name)
    key = f"lookups:{current}:{name}"
    if entry is None:
        entry = cache.get(key)
    if entry is None or (entry[1] is not None and timezone.now() >= entry[1]):
        html, moment = _html_and_moment(render())
        entry = (html, _earliest(moment, next_scheduled_moment()))
        cache.set(key, entry, TIMEOUT)
    local[name] = entry
    return entry[0]


def _html_and_moment(rendered):
    return rendered if isinstance(rendered, tuple) else (rendered, None)


def _earliest(*moments):
    return min((moment for moment in moments if moment is not None), default=None)


def next_scheduled_moment():
    """When the next page goes live or expires by its schedule (None: no page waits)."""
    from .visibility import page_schedule

    now = timezone.now()
    return _earliest(
        *(
            moment
            for _key, _language, live, go_live_at, expire_at in page_schedule()
            if (moment := expire_at if live else go_live_at) is not None and moment > now
        )
    )


SAFE_PART = re.compile(r"[\w.-]{0,40}", re.ASCII)


def fragment_name(request, *parts):
    """A fragment's name: one per site and language, and per `parts` (long ones hashed)."""
    site = Site.find_for_request(request) if request is not None else None
    parts = [
        part if SAFE_PART.fullmatch(part) else hashlib.sha256(part.encode()).hexdigest()[:16]
        for part in map(str, parts)
    ]
    return ":".join([str(site.pk if site else 0), get_language() or "", *parts])


def forget_on_change(**kwargs):
    # Now for this request's own reads, and again once the transaction is visible to others.
    forget_everything()

    def committed():
        forget_everything()

    committed.lookup_token = uuid.uuid4().hex
    transaction.on_commit(committed)


def watch(*models):
    """A save or deletion of any of `models` makes every cached look-up stale."""
    uid = "core.lookup_cache"
    for model in models:
        post_save.connect(forget_on_change, sender=model, dispatch_uid=f"{uid}.save.{model._meta}")
        post_delete.connect(
            forget_on_change, sender=model, dispatch_uid=f"{uid}.delete.{model._meta}"
        )


def connect():
    watch(*get_page_models(), PageViewRestriction, Site, Locale)
    post_page_move.connect(forget_on_change, dispatch_uid="core.lookup_cache.move")
