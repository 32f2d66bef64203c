import json
import logging
import secrets
import sys

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

csp_logger = logging.getLogger("k3cms.csp")

# How long a reader should wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 30
CSP_REPORT_MAX_BYTES = 16 * 1024


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def cache_status():
    is_available = getattr(cache, "is_available", None)
    if is_available is not None:
        return "ok" if is_available() else "unavailable"
    # Any other backend: a write that can be read back.
    token = secrets.token_hex(8)
    cache.set("healthz", token, 10)
    return "ok" if cache.get("healthz") == token else "unavailable"


@never_cache
@require_safe
def healthz(request):
    """For load balancers and monitoring: each dependency's state.

    503 only when the database is away (nothing can be served); without the cache the site is
    slower but whole, so that is 200 "degraded".
    """
    report = {"database": database_status(), "cache": cache_status()}
    if report["database"] != "ok":
        status, code = "error", 503
    elif report["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, **report}, status=code)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def database_unavailable_response():
    """The branded 503 page; rendered without a request, so nothing in it reads the database
    (no context processors, no site settings, no navigation)."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: a lost database is a 503 with the maintenance page, anything else a 500.

    Django calls this inside its exception handler, so sys.exc_info() holds what went wrong,
    wherever it was raised (view, template or middleware).
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable_response()
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@csrf_exempt
@require_POST
def csp_report(request):
    """Receives the browsers' Content-Security-Policy violation reports and logs them."""
    too_large = HttpResponse("Report too large.", status=413, content_type="text/plain")
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > CSP_REPORT_MAX_BYTES:
        return too_large
    body = request.read(CSP_REPORT_MAX_BYTES + 1)
    if len(body) > CSP_REPORT_MAX_BYTES:
        return too_large
    try:
        report = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return HttpResponse("Invalid report.", status=400, content_type="text/plain")
    # report-uri sends {"csp-report": {...}}; the Reporting API a list of {"type", "body"}.
    if isinstance(report, dict) and isinstance(report.get("csp-report"), dict):
        reports = [report["csp-report"]]
    elif isinstance(report, list) and report and all(isinstance(r, dict) for r in report):
        reports = [r.get("body") for r in report if isinstance(r.get("body"), dict)]
    else:
        reports = []
    if not reports:
        return HttpResponse("Invalid report.", status=400, content_type="text/plain")
    for entry in reports[:20]:
        csp_logger.warning(
            "CSP violation: %s blocked %s on %s",
            str(entry.get("violated-directive") or entry.get("effectiveDirective", ""))[:200],
            str(entry.get("blocked-uri") or entry.get("blockedURL", ""))[:500],
            str(entry.get("document-uri") or entry.get("documentURL", ""))[:500],
        )
    return HttpResponse(status=204)
