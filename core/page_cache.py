"""The page cache for anonymous readers: what may be cached, for how long, and what a change purges.

Three parts, each an established tool with our rules around it:

1. **Cache-Control** (`PageCacheMiddleware`): a reader's page answers
   `public, max-age=<PAGE_CACHE_BROWSER_SECONDS>, s-maxage=<PAGE_CACHE_SECONDS>`, so Varnish
   (deploy/varnish/k3cms.vcl) keeps it. Everything else answers `private, no-cache`: requests with
   a session cookie or Authorization (editors), responses that used the CSRF token (a form) or
   set a cookie, view-restricted pages, the admin (previews are there), errors and redirects, and
   query strings no view declared canonical (search queries, unknown or invalid filters: their
   key space is unbounded). Nothing is cached past the next scheduled publication or expiry
   (an embargoed release goes live exactly on time, and its translation with it): `s-maxage`
   is capped at the seconds until then.
2. **The in-process fallback** (PAGE_CACHE=1): the same middleware keeps those public responses
   in Django's default cache (Redis with REDIS_URL, else local memory), with Django's own cache
   keys (`get_cache_key`/`learn_cache_key`: URL, Vary headers, language), so a single gunicorn
   without Varnish serves a page once rendered without a query. wagtail-cache would do this but
   supports Wagtail < 8 only. A Redis outage is a miss (core.cache.ResilientRedisCache).
3. **Purging** (Wagtail's `wagtail.contrib.frontend_cache`): Wagtail purges a published or
   unpublished page with `get_cached_paths()` (feeds, archive, iCal) in both languages. Here we
   add what Wagtail does not know: `purge_pages()` also purges the page's translations (their own
   slugs), ancestors, the listing pages (`PAGE_CACHE_LISTING_PAGES`), the pages that link to it
   or that it links to (Wagtail's reference index: organisers, programs, related items), those
   its type names in `pages_showing_this()` (an event's series), and the sitemaps; moves purge
   the old addresses of the whole subtree; a snippet or image change purges the pages that use
   it (reference index), a site-wide snippet (`PAGE_CACHE_SITEWIDE_MODELS`, the navigation)
   everything. Two purge backends receive the URLs after the transaction commits:
   `VarnishBackend` (Wagtail's HTTPBackend: PURGE, and BAN for everything) and
   `InProcessBackend`, which moves the URL's path to a new generation in the cache.
"""

import logging
import threading
import time
import uuid
from urllib.parse import urlsplit
from urllib.request import urlopen

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.cache import get_cache_key, learn_cache_key, patch_cache_control
from wagtail.contrib.frontend_cache.backends import BaseBackend, HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, ReferenceIndex, Site

from core import lookup_cache

logger = logging.getLogger("k3cms.page_cache")

PRIVATE = {"private": True, "no_cache": True}
GENERATION_KEY = "pagecache:generation"
PATH_GENERATION_KEY = "pagecache:generation:{path}"
# A listing's ?page=N is canonical up to this page (beyond the last one a listing shows its last
# page, so the key space stays bounded).
MAX_LISTING_PAGE = 999
SITEMAP_PATHS = ["/sitemap.xml", *(f"/sitemap-{code}.xml" for code, _name in settings.LANGUAGES)]


# --- what the views tell the middleware ---------------------------------------------------------


def accept_query(request):
    """The view answered this query string as one of a bounded set of canonical ones (a valid
    filter combination), so shared caches may keep the response."""
    request.page_cache_query_accepted = True


def keep_private(request):
    request.page_cache_private = True


def note_served_page(page, request):
    """Called by the `before_serve_page` hook: the page whose view restrictions count."""
    request.page_cache_page = page


# --- Cache-Control ------------------------------------------------------------------------------


def _enabled():
    return getattr(settings, "PAGE_CACHE", False)


def is_shareable_request(request):
    """Whether the request could get an answer shared with every reader (before the view runs)."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(("/admin/", "/api/", "/documents/")):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and settings.CSRF_COOKIE_NAME not in cookies


def _canonical_query(request):
    if not request.GET or getattr(request, "page_cache_query_accepted", False):
        return True
    # ?page=N alone (news and other paginated listings).
    values = request.GET.getlist("page")
    return (
        list(request.GET) == ["page"]
        and len(values) == 1
        and values[0].isdigit()
        and 2 <= int(values[0]) <= MAX_LISTING_PAGE
    )


def _view_restricted(request):
    page = getattr(request, "page_cache_page", None)
    return page is not None and page.get_view_restrictions().exists()


def is_shareable_response(request, response):
    if not is_shareable_request(request) or response.status_code != 200 or response.streaming:
        return False
    if getattr(request, "page_cache_private", False) or response.cookies:
        return False
    # Set by django.middleware.csrf.get_token: the page holds a form with this reader's token.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return _canonical_query(request) and not _view_restricted(request)


def seconds_until_next_schedule():
    """Seconds until a page is due to go live or expire (None if none is): what the public sees
    may change then without a publish, so no cache may keep a response longer."""
    moment = lookup_cache.next_scheduled_moment()
    return None if moment is None else int((moment - timezone.now()).total_seconds())


def shared_lifetime():
    lifetime = settings.PAGE_CACHE_SECONDS
    until_schedule = seconds_until_next_schedule()
    if until_schedule is not None:
        lifetime = min(lifetime, until_schedule)
    return max(lifetime, 0)


def _public_by_its_view(response):
    cache_control = response.get("Cache-Control", "")
    return "public" in cache_control and "s-maxage" not in cache_control


def make_public(response, lifetime):
    response.headers.pop("Cache-Control", None)
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.PAGE_CACHE_BROWSER_SECONDS, lifetime),
        s_maxage=lifetime,
    )


def make_private(response):
    if "Cache-Control" in response and "no-store" in response["Cache-Control"]:
        return
    response.headers.pop("Cache-Control", None)
    patch_cache_control(response, **PRIVATE)


# --- the in-process cache -----------------------------------------------------------------------


def _path_key(path):
    return PATH_GENERATION_KEY.format(path=path)


def _generations(request):
    """The site's and this path's current generations (None where none was started). A purge
    moves them on, so every stored variant of the path (languages, query strings, Vary) is
    left behind at once."""
    return cache.get(GENERATION_KEY), cache.get(_path_key(request.path))


def _settled(key, seen):
    """The generation to store under: the one seen before rendering, or a new one if there was
    none; None if a purge moved it on while the page was rendered (the page may be stale)."""
    if seen is None:
        # From the clock: an expired generation is never reused. Generations expire with the
        # longest entry, so paths nobody stores under leave no keys behind.
        new = time.time_ns()
        return new if cache.add(key, new, settings.PAGE_CACHE_SECONDS) else None
    return seen if cache.get(key) == seen else None


def _key_prefix(generations):
    return "pagecache.{}.{}".format(*generations)


class PageCacheMiddleware:
    """Cache-Control for every public answer; with PAGE_CACHE, the in-process page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Readers of this site have no cookies (there is nothing for them to accept); a request
        # with any would get a cache entry of its own under `Vary: Cookie`.
        use_cache = (
            _enabled() and is_shareable_request(request) and not request.META.get("HTTP_COOKIE")
        )
        if use_cache:
            generations = _generations(request)
            response = self._fetch(request, generations)
            if response is not None:
                return response
        response = self.get_response(request)
        if request.path.startswith("/api/") or _public_by_its_view(response):
            # The API's own rules; a view that chose `public` itself (the events widget, read
            # by partners' sites) keeps its choice and stays out of the shared caches.
            return response
        lifetime = shared_lifetime() if is_shareable_response(request, response) else 0
        if lifetime <= 0:
            make_private(response)
            return response
        make_public(response, lifetime)
        if use_cache and request.method == "GET":
            self._store(request, response, generations, lifetime)
        return response

    def _fetch(self, request, generations):
        if None in generations:
            return None
        key = get_cache_key(request, _key_prefix(generations), "GET", cache=cache)
        entry = cache.get(key) if key else None
        if entry is None:
            return None
        response, expires = entry
        remaining = int(expires - time.time())
        if remaining <= 0:
            return None
        make_public(response, remaining)  # never longer than what was left when stored
        return response

    def _store(self, request, response, generations, lifetime):
        # Only answers that vary by nothing the reader chooses freely: one per Accept-Language
        # spelling (the sitemaps outside /de/ and /en/) would make the key space unbounded.
        vary = {name.strip().lower() for name in response.get("Vary", "").split(",")}
        if vary - {"", "cookie"}:
            return
        generations = (
            _settled(GENERATION_KEY, generations[0]),
            _settled(_path_key(request.path), generations[1]),
        )
        if None in generations:
            return
        key = learn_cache_key(request, response, lifetime, _key_prefix(generations), cache=cache)
        cache.set(key, (response, time.time() + lifetime), lifetime)


# --- purge backends -----------------------------------------------------------------------------


def _after_commit(function):
    """Purge once the change is visible to other connections: a reader's request in between
    would otherwise put the old content back into the cache."""
    transaction.on_commit(function)


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTPBackend (a PURGE per URL; our VCL also drops the URL's query-string
    variants), after commit, plus BAN of a whole host for site-wide changes."""

    def purge_batch(self, urls):
        urls = list(urls)
        _after_commit(lambda: [self.purge(url) for url in urls])

    def purge_everything(self, hostnames):
        def ban():
            for host in hostnames:
                request = BanRequest(
                    f"{self.cache_scheme}://{self.cache_netloc}/", headers={"Host": host}
                )
                try:
                    urlopen(request, timeout=5)  # noqa: S310 - configured LOCATION
                except OSError as error:
                    logger.error("Couldn't ban host %s in the HTTP cache: %s", host, error)

        _after_commit(ban)


class BanRequest(PurgeRequest):
    def get_method(self):
        return "BAN"


class InProcessBackend(BaseBackend):
    """Forgets the in-process cache's entries of a URL's path (all hosts, query strings,
    languages): the path moves to a new generation, now and again after commit."""

    def purge_batch(self, urls):
        keys = {_path_key(urlsplit(url).path) for url in urls}

        def forget():
            cache.set_many(dict.fromkeys(keys, uuid.uuid4().hex), settings.PAGE_CACHE_SECONDS)

        forget()
        _after_commit(forget)

    def purge(self, url):
        self.purge_batch([url])

    def purge_everything(self, hostnames):
        def forget():
            cache.set(GENERATION_KEY, uuid.uuid4().hex, settings.PAGE_CACHE_SECONDS)

        forget()
        _after_commit(forget)


# --- what a change purges -----------------------------------------------------------------------


def purging_enabled():
    return bool(get_backends())


def listing_pages():
    """The live pages that list other pages (PAGE_CACHE_LISTING_PAGES), in every language."""
    models = [apps.get_model(label) for label in settings.PAGE_CACHE_LISTING_PAGES]
    return Page.objects.live().type(*models) if models else Page.objects.none()


def _referencing_page_ids(objects):
    """Pages whose content refers to one of `objects` (directly or through a snippet)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    references = ReferenceIndex.get_references_to_in_bulk(objects)
    page_ids = set()
    other = []
    for base_type_id, object_id, content_type in references.values_list(
        "base_content_type_id", "object_id", "content_type"
    ).distinct():
        if base_type_id == page_type.pk:
            page_ids.add(int(object_id))
        else:
            other.append((content_type, object_id))
    # One step further: a page showing a snippet that shows the changed object.
    sources = []
    for content_type_id, object_id in other:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        source = model and model._default_manager.filter(pk=object_id).first()
        if source is not None:
            sources.append(source)
    if sources:
        page_ids |= {
            int(pk)
            for pk in ReferenceIndex.get_references_to_in_bulk(sources)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
        }
    return page_ids


def _referenced_page_ids(page):
    page_type = ReferenceIndex._get_base_content_type(Page)
    return {
        int(pk)
        for pk in ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=page_type)
        .values_list("to_object_id", flat=True)
    }


def affected_pages(pages):
    """Every live page that shows something of `pages`: themselves and their translations,
    their ancestors, the pages linking to them or linked from them, and the listings."""
    pages = [page for page in pages if page.pk]
    if not pages:
        return Page.objects.none()
    keys = {page.translation_key for page in pages}
    ids = {page.pk for page in pages} | _referencing_page_ids(pages)
    for page in pages:
        ids |= _referenced_page_ids(page)
        # A page type may name pages that show it without linking to it (an event's series).
        showing = getattr(page.specific_deferred, "pages_showing_this", None)
        if showing is not None:
            ids |= {other.pk for other in showing()}
    condition = Q(pk__in=ids) | Q(translation_key__in=keys)
    related = Page.objects.filter(condition)
    ancestor_paths = {
        path[:depth]
        for path in related.values_list("path", flat=True)
        for depth in range(Page.steplen * 2, len(path), Page.steplen)
    }
    ancestors = Q(path__in=ancestor_paths)
    translated_ids = Page.objects.filter(Q(pk__in=ids) | ancestors).values("translation_key")
    return (
        Page.objects.live().filter(condition | ancestors | Q(translation_key__in=translated_ids))
        | listing_pages()
    )


def sitemap_urls():
    return [site.root_url + path for site in Site.objects.all() for path in SITEMAP_PATHS]


def purge_pages(pages, extra_urls=()):
    """Purge `pages` and everything that shows them (see `affected_pages`)."""
    if not purging_enabled():
        return
    batch = PurgeBatch()
    batch.add_pages(affected_pages(pages).specific(defer=True))
    batch.add_urls(sitemap_urls())
    batch.add_urls(extra_urls)
    batch.purge()


def purge_everything():
    """A change every page shows (the navigation): each backend forgets the whole site."""
    backends = get_backends()
    hostnames = sorted({urlsplit(site.root_url).netloc for site in Site.objects.all()})
    for backend in backends.values():
        if hasattr(backend, "purge_everything"):
            backend.purge_everything(hostnames)
        else:
            batch = PurgeBatch()
            batch.add_pages(Page.objects.live().specific(defer=True))
            batch.add_urls(sitemap_urls())
            batch.purge()


# --- signal handlers (connected in CoreConfig.ready) --------------------------------------------

_urls_before_move = threading.local()


def purge_published_page(sender, instance, **kwargs):
    """Publish, unpublish, scheduled go-live, and wagtail-localize's sync (a publish of the
    translation). Wagtail's own handler purges the page; here what shows it."""
    purge_pages([instance])


def remember_urls_before_move(sender, instance, **kwargs):
    if not purging_enabled():
        return
    subtree = Page.objects.live().descendant_of(instance, inclusive=True).specific(defer=True)
    batch = PurgeBatch()
    batch.add_pages(subtree)
    stash = getattr(_urls_before_move, "urls", {})
    stash[instance.pk] = batch.urls
    _urls_before_move.urls = stash


def purge_moved_page(sender, instance, parent_page_before=None, **kwargs):
    """The old and new addresses of the moved subtree, and both parents' listings."""
    old_urls = getattr(_urls_before_move, "urls", {}).pop(instance.pk, set())
    if not purging_enabled():
        return
    pages = [instance]
    if parent_page_before is not None:
        pages.append(parent_page_before)
    new_subtree = Page.objects.live().descendant_of(instance).specific(defer=True)
    batch = PurgeBatch()
    batch.add_pages(new_subtree)
    purge_pages(pages, extra_urls=old_urls | batch.urls)


def purge_snippet(sender, instance, **kwargs):
    """A snippet or image saved or deleted: the pages using it, or all for a site-wide one."""
    if sender not in watched_snippet_models() or not purging_enabled():
        return
    if sender._meta.label in settings.PAGE_CACHE_SITEWIDE_MODELS:
        purge_everything()
        return
    page_ids = _referencing_page_ids([instance])
    if page_ids:
        purge_pages(list(Page.objects.filter(pk__in=page_ids)))


def watched_snippet_models():
    """Registered snippets and the image model: what pages show besides other pages. Asked on
    each save: snippets registered by wagtail_hooks exist only once those are loaded."""
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    return [*get_snippet_models(), get_image_model()]


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    uid = "core.page_cache"
    for model in get_page_models():
        label = model._meta.label
        page_published.connect(purge_published_page, model, dispatch_uid=f"{uid}.pub.{label}")
        page_unpublished.connect(purge_published_page, model, dispatch_uid=f"{uid}.unpub.{label}")
        pre_page_move.connect(remember_urls_before_move, model, dispatch_uid=f"{uid}.pre.{label}")
        post_page_move.connect(purge_moved_page, model, dispatch_uid=f"{uid}.move.{label}")
    # Every sender: the snippet models are known only after the apps are ready.
    post_save.connect(purge_snippet, dispatch_uid=f"{uid}.save")
    post_delete.connect(purge_snippet, dispatch_uid=f"{uid}.delete")
