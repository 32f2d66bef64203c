"""The Wagtail Site of a request from the cache.

Wagtail looks the site up once per request (`Site.find_for_request`, a query ranking every site
by host name and port), before routing and in the redirect middleware. Sites change about never;
the answer for a host and port is kept until a site or page changes (core.lookup_cache) and
handed to Wagtail where it keeps its own per-request answer.
"""

import contextlib

from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site

from . import lookup_cache


class SiteFromCacheMiddleware:
    """After CommonMiddleware, which has refused hosts outside ALLOWED_HOSTS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        # Views that need no site (/healthz) still answer without the database; Wagtail then
        # asks again itself.
        with contextlib.suppress(DatabaseError):
            request._wagtail_site = lookup_cache.cached(
                f"site:{hostname}:{port}", lambda: Site._find_for_request(request)
            )
        return self.get_response(request)
