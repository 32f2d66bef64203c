"""A Redis cache that degrades to a cache miss when Redis is gone.

Django's RedisCache lets `redis.ConnectionError` escape, so a Redis outage turns every page into a
500 (Wagtail reads the site from the cache on every request). Here a failing call answers like an
empty cache instead: reads miss, writes are dropped. The outage is logged once when it starts and
once when Redis answers again, not on every call, and for `RETRY_INTERVAL` seconds after a failure
Redis is not asked at all, so a hung Redis costs one socket timeout every few seconds rather than
one per call.

When Redis answers again the cache is cleared first: writes that were dropped during the outage
(such as the calendar's generation moving on after a publish) would otherwise leave stale entries
from before the outage in place.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("k3cms.cache")

# Shared by every instance in the process: Django makes one cache object per thread, and the
# outage is logged once per process, not once per thread.
_outages = {}  # location -> monotonic time of the last failure
_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """RedisCache whose failures are cache misses; OPTIONS["RETRY_INTERVAL"] in seconds (5)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_interval = float(options.pop("RETRY_INTERVAL", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = server if isinstance(server, str) else ",".join(server)

    # --- outage bookkeeping ------------------------------------------------------------------

    def is_available(self):
        """Whether Redis answers a PING right now (for /healthz)."""
        try:
            self._cache.get_client(write=False).ping()
        except RedisError:
            return False
        return True

    def _call(self, method, fallback, *args, **kwargs):
        with _lock:
            failed_at = _outages.get(self._location)
        if failed_at is not None:
            if time.monotonic() - failed_at < self.retry_interval:
                return fallback
            try:
                self._cache.clear()
            except RedisError:
                with _lock:
                    _outages[self._location] = time.monotonic()
                return fallback
            with _lock:
                recovered = _outages.pop(self._location, None) is not None
            if recovered:
                logger.warning(
                    "Cache %s is available again; cleared it, entries may have been missed.",
                    self._location,
                )
        try:
            return getattr(self._cache, method)(*args, **kwargs)
        except RedisError as error:
            with _lock:
                first = self._location not in _outages
                _outages[self._location] = time.monotonic()
            if first:
                logger.error(
                    "Cache %s is unavailable, serving without it: %s", self._location, error
                )
            return fallback

    # --- the cache API, each call guarded --------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._call("add", False, key, value, self.get_backend_timeout(timeout))

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._call("get", default, key, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._call("set", None, key, value, self.get_backend_timeout(timeout))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._call("touch", False, key, self.get_backend_timeout(timeout))

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._call("delete", False, key)

    def get_many(self, keys, version=None):
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        found = self._call("get_many", {}, key_map.keys())
        return {key_map[k]: v for k, v in found.items()}

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._call("has_key", False, key)

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError, as the cache API promises; an outage answers
        # None like django-redis's IGNORE_EXCEPTIONS.
        key = self.make_and_validate_key(key, version=version)
        return self._call("incr", None, key, delta)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        safe_data = {self.make_and_validate_key(k, version=version): v for k, v in data.items()}
        failed = self._call("set_many", False, safe_data, self.get_backend_timeout(timeout))
        return list(data) if failed is False else []

    def delete_many(self, keys, version=None):
        if not keys:
            return
        safe_keys = [self.make_and_validate_key(key, version=version) for key in keys]
        self._call("delete_many", None, safe_keys)

    def clear(self):
        return self._call("clear", False)


class RenditionCache(LocMemCache):
    """The process's rendition cache: a key already held is not written again.

    Wagtail writes every rendition it shows into the cache on every request, even one it just
    found there or among the prefetched ones; local memory pickles each (with its image) again,
    about a tenth of a millisecond a card. A key names the image's file, the filter and the
    focal point, so what it holds cannot change but by a rendition deleted by hand, which then
    lingers until the entry's timeout, as before.
    """

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version=version):
            return
        super().set(key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        for key, value in data.items():
            self.set(key, value, timeout, version)
        return []


def current_generation(key):
    """The generation number kept under `key` in the default cache, started from the clock so a
    number lost from the cache (eviction, a Redis restart) is never handed out again."""
    from django.core.cache import cache

    value = cache.get(key)
    if value is None:
        cache.add(key, time.time_ns(), timeout=None)
        value = cache.get(key)
    return value


def next_generation(key):
    """Move the generation under `key` on: what was kept under the old one is never read again."""
    from django.core.cache import cache

    try:
        cache.incr(key)
    except ValueError:  # no generation yet, so nothing kept under one either
        current_generation(key)
