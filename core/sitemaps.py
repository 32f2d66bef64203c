"""The XML sitemaps: `/sitemap.xml` is an index of one sitemap per language
(`/sitemap-de.xml`, `/sitemap-en.xml`), each listing that language's pages with their hreflang
alternates.

Built on django.contrib.sitemaps (its index and section views, its template, which already
writes `<xhtml:link rel="alternate" hreflang>`), not on wagtail.contrib.sitemaps: Wagtail's
generator asks each page for its URLs one by one, knows no hreflang, and Django's own `i18n`
alternates assume one object with the same address in every language, while our translations
are separate pages with their own slugs. So each language is a Sitemap section whose items are
pages, and `get_urls` adds the alternates from one look-up of every listed page.

Listed: the pages visible to the public (`core.visibility.visible_to_public`, the one rule: no
embargoed release in any language, no private page) that are real translations
(`core.translation.is_real_translation`: no alias of an untranslated page, no translation in
progress, which both show German text under an English address and are marked noindex).
Search and the filtered or paginated views of listings are no pages and never listed.
Each section costs the same few queries, however many pages there are.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.utils.functional import cached_property
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from .translation import is_real_translation, with_translation_state
from .visibility import visible_to_public

SITEMAP_URL_NAME = "sitemap_section"


def listed_pages():
    """Every page the sitemaps list, in all languages, in tree order (one query, after
    Wagtail's look-up of view restrictions)."""
    pages = with_translation_state(
        visible_to_public(Page.objects.filter(depth__gt=1)).select_related("locale")
    ).order_by("path")
    return [page for page in pages if is_real_translation(page)]


class LanguageSitemap(Sitemap):
    """The pages of one language, each with its versions in the other languages."""

    def __init__(self, request, language_code):
        self.request = request
        self.language_code = language_code

    @cached_property
    def _pages(self):
        """{pk: (page, its url)} of every listed page with an address on this site."""
        located = {}
        for page in listed_pages():
            url = page.get_url(self.request)
            if url:
                located[page.pk] = (page, self.request.build_absolute_uri(url))
        return located

    @cached_property
    def _versions(self):
        """{translation_key: {language code: absolute url}} of every listed page."""
        versions = {}
        for page, url in self._pages.values():
            versions.setdefault(page.translation_key, {})[page.locale.language_code] = url
        return versions

    def items(self):
        return [
            page
            for page, _url in self._pages.values()
            if page.locale.language_code == self.language_code
        ]

    def location(self, page):
        return self._pages[page.pk][1]

    def lastmod(self, page):
        return page.last_published_at

    def get_latest_lastmod(self):
        return max(
            (page.last_published_at for page in self.items() if page.last_published_at),
            default=None,
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = self.location(url["item"])  # absolute already
            url["alternates"] = self.alternates(url["item"])
        return urls

    def alternates(self, page):
        """hreflang links to every real version of the page, itself included, and x-default
        to the German one; none for a page in one language only."""
        versions = self._versions[page.translation_key]
        if len(versions) < 2:
            return []
        alternates = [
            {"lang_code": code, "location": versions[code]}
            for code, _name in settings.LANGUAGES
            if code in versions
        ]
        if settings.LANGUAGE_CODE in versions:
            alternates.append(
                {"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE]}
            )
        return alternates


def language_sitemaps(request):
    return {code: LanguageSitemap(request, code) for code, _name in settings.LANGUAGES}


@require_safe
@cache_control(max_age=3600)
def sitemap_index(request):
    return sitemap_views.index(
        request, language_sitemaps(request), sitemap_url_name=SITEMAP_URL_NAME
    )


@require_safe
@cache_control(max_age=3600)
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, language_sitemaps(request), section=section)
