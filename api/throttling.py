"""How often one client may ask the API: API_RATE_LIMIT requests per window (e.g. "120/minute").

DRF's own AnonRateThrottle keeps a list of timestamps per client in the cache and rewrites it on
every request (a race between workers), and finds the client by its own X-Forwarded-For rule.
This one counts in fixed windows with `core.throttle.within_limit` (an atomic increment) and
knows the client as django-axes does (`core.throttle.client_address`). Both fail open: while the
cache is down nothing is counted and every request is answered (issue 11).
"""

import hashlib
import time

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.throttle import client_address, within_limit


class ApiRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        # Read on every request, so the setting (and a test's override) applies at once.
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
        return f"api-rate:{address}:{self.window_started()}"

    def window_started(self):
        return int(time.time() // self.duration) * self.duration

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        return within_limit(key, self.num_requests, self.duration)

    def wait(self):
        """Seconds until the current window ends (DRF sends it as Retry-After)."""
        return max(1, self.window_started() + self.duration - time.time())
