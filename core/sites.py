"""The Wagtail Site of a request, its root paths and its home page from the cache.

Wagtail looks the site up once per request (`Site.find_for_request`, a query ranking every site
by host name and port), before routing and in the redirect middleware; reads the site root paths
from the cache for every link it writes; and starts routing from the site's root page in the
reader's language (`Locale.get_active()`, a query, then the translation and its specific page).
Sites change about never: each answer is kept until a site or page changes (core.lookup_cache)
and handed to Wagtail where it keeps its own per-request answer.
"""

import contextlib
import copy

from django.db import DatabaseError
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
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
            request._wagtail_cached_site_root_paths = lookup_cache.cached(
                "site-root-paths", Site.get_site_root_paths
            )
        return self.get_response(request)


def serve_page(request, path):
    """Wagtail's page view, routed from the site's home page in the reader's language as kept
    like a look-up (Wagtail's `Page.route_for_request`, without its queries)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        site = Site.find_for_request(request)
        if site is not None:
            home = lookup_cache.cached(
                f"localized-root:{site.pk}:{get_language()}",
                lambda: site.root_page.localized.specific,
            )
            # A copy: what routing and serving note on the page stays with this request.
            home = copy.copy(home)
            try:
                route = home.route(request, [part for part in path.split("/") if part])
            except Http404:
                route = None
            request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
