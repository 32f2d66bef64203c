from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import sitemaps
from core import sites as core_sites
from core import views as core_views
from editorial import explorer as editorial_explorer
from editorial import views as editorial_views
from events import widget as event_widget
from home import patterns
from search import views as search_views

handler400 = "core.views.bad_request"
# A lost database answers 503 with the maintenance page, anything else 500.
handler500 = "core.views.server_error"

urlpatterns = [
    # Editors' bookmarks from before the taxonomy and navigation snippets got their own apps.
    re_path(
        r"^admin/snippets/network/(?P<model>topic|artdiscipline|fieldofaction)/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/snippets/taxonomy/%(model)s/%(rest)s", query_string=True),
    ),
    re_path(
        r"^admin/snippets/home/navigation/(?P<rest>.*)$",
        RedirectView.as_view(
            url="/admin/snippets/navigation/navigation/%(rest)s", query_string=True
        ),
    ),
    # Before Wagtail's own view at this path: says whose page a partner editor may not edit.
    path("admin/pages/<int:page_id>/edit/", editorial_views.edit_page),
    # Before Wagtail's own view at this path: partner editors start at their partner page.
    path("admin/pages/", editorial_explorer.explore_root),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Outside i18n_patterns: one index for the whole site, one sitemap per language.
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.sitemap_section, name=sitemaps.SITEMAP_URL_NAME),
    path("csp-report/", core_views.csp_report, name="csp_report"),
    # Outside i18n_patterns: the language is a parameter (docs/api.md).
    path("api/", include("api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.K3_SERVE_RENDITIONS:
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>images/.+)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Every public page lives under /de/ or /en/; "/" redirects by Accept-Language (LocaleMiddleware),
# falling back to German. Wagtail's catch-all must stay last.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # The design system's pattern page (home/patterns.py), the same address in both languages.
    path("muster/", patterns.pattern_library, name="pattern_library"),
    # A fixed address for partners' pasted widgets: it survives renaming the calendar page.
    path("widget/events/", event_widget.fragment, name="event_widget"),
    # Wagtail's own routes (_util/…), then its page view routed from the cached home page.
    path("", include([p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, core_sites.serve_page, name="wagtail_serve"),
)
