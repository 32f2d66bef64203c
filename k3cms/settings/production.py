"""Production: refuses to start without a secret key and allowed hosts; HTTPS everywhere.

Served by gunicorn (`gunicorn k3cms.wsgi`) behind a TLS-terminating proxy that sets
X-Forwarded-Proto; static files by WhiteNoise; nginx (deploy/nginx/k3cms.conf) serves only image
renditions from MEDIA_ROOT, protected files by X-Accel-Redirect.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, frontend_cache_backends

# REDIS_URL too: gunicorn's worker processes must share one cache, or a publish would clear
# the calendar's cached filter options and counts in one worker only.
_missing = [
    name
    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "REDIS_URL")
    if not os.environ.get(name)
]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need the environment variable(s) "
        + ", ".join(_missing)
        + " (see README.md, 'Environment variables')."
    )

DEBUG = False

# The in-process page cache is on unless PAGE_CACHE=0 (base.py, core/page_cache.py).
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
WAGTAILFRONTENDCACHE = frontend_cache_backends(FRONTEND_CACHE_URL, PAGE_CACHE)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}
