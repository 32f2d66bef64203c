"""Settings shared by every environment.

Safe by default: no DEBUG, no secret key, no allowed hosts. Everything that differs between
machines is read from the environment here, in one place; `dev`, `test` and `production` only
change defaults and switches.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# --- Core ------------------------------------------------------------------------------------
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
# A kept connection that died with a database restart is replaced before use, not failed on.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = DATABASES["default"]["CONN_MAX_AGE"] != 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL is optional: without it each process keeps a local-memory cache.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # A Redis outage is a cache miss, not a 500 (core/cache.py); short timeouts so a
            # hung Redis cannot hold requests up.
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "k3cms",
            "OPTIONS": {
                "socket_connect_timeout": env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
                "socket_timeout": env.float("REDIS_TIMEOUT", default=0.5),
                "RETRY_INTERVAL": env.float("REDIS_RETRY_INTERVAL", default=5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail writes every rendition a page shows into its cache, on every request (even those it
# found prefetched): with Redis thirty round trips per page. Each process keeps its own; a key
# names the image's file and focal point, so only a rendition deleted by hand (a purge) can
# linger, for ten minutes at most. A key it holds is not written (pickled) again (core/cache.py).
CACHES["renditions"] = {
    "BACKEND": "core.cache.RenditionCache",
    "LOCATION": "renditions",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# EMAIL_URL, e.g. smtp+tls://user:password@mail.example.org:587; the console by default.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="K3 Redaktion <redaktion@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Applications ----------------------------------------------------------------------------
# Our own apps, lowest layer first (see README "Layout"). core gives their snippets and settings
# the project's admin form checks.
K3_PROJECT_APPS = [
    "core",
    "taxonomy",
    "navigation",
    "network",
    "events",
    "news",
    "home",
    "search",
    "press",
    # Before wagtail_localize: its admin URLs for translate/sync are wrapped with page checks.
    "editorial",
    "api",
]
INSTALLED_APPS = [
    *K3_PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Inside the CSRF middleware, so it sees whether the page used the token (core.page_cache).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a locked-out login is answered before anything else sees it.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "k3cms.urls"
WSGI_APPLICATION = "k3cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (neither Django nor Wagtail has one): five failures lock a username + address
# pair for an hour.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# Behind a reverse proxy REMOTE_ADDR is the proxy, and axes would lock everybody out together.
# DJANGO_TRUSTED_PROXY_COUNT is the number of proxies in front of the site that append to
# X-Forwarded-For (nginx: 1); 0 uses REMOTE_ADDR. Never set it higher than the real number, or
# clients can forge their address.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "core.throttle.client_address"

# Password-reset mails: at most this many per hour for one e-mail address and for one client.
PASSWORD_RESET_LIMIT_PER_HOUR = env.int("PASSWORD_RESET_LIMIT_PER_HOUR", default=5)
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "core.throttle.ThrottledPasswordResetForm"

# --- Languages -------------------------------------------------------------------------------
# German is the source language of all content; English is its translation.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
# English dates the British way, like the English text: "11 December 2026, 16:00".
FORMAT_MODULE_PATH = ["k3cms.formats"]

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]

# Machine pre-fill for translators: DeepL when a key is set, otherwise none (dev and test use the
# dummy translator, see there).
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# --- Static files and media ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "k3cms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "K3 KI.Kunst.Kultur"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.K3Image"
WAGTAILDOCS_DOCUMENT_MODEL = "core.K3Document"
# Wagtail's database search; on PostgreSQL each language is stemmed with its own text-search
# config (search/backends). Objects without a language (images, documents) are not stemmed.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "simple",
        "LANGUAGE_SEARCH_CONFIGS": {"de": "german", "en": "english"},
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False  # it reports this host to a third party
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin either
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Uploads: an allow-list of formats and hard limits, so a huge or disguised file is refused with a
# message in the admin instead of reaching Pillow or a reader's browser.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]  # never SVG
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", default=50_000_000)
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=30 * 1024 * 1024)
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # adds Content-Disposition and a sandboxing CSP
# Checks that a document's content matches its extension (no HTML or programs renamed .pdf).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "press.forms.CheckedDocumentForm"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security headers ------------------------------------------------------------------------
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview shows the page in an iframe
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True

# The public site gets a strict policy with nothing from other hosts; the admin (and the page
# preview inside it), which needs inline styles and scripts, only reports.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# Browsers send what the report-only policy would have blocked to /csp-report/ (core/views.py),
# which logs it at WARNING.
CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "report-uri": "/csp-report/"},
}

# --- Permissions-Policy ------------------------------------------------------------------------
# Nothing on the site or in the admin uses these browser features; embedded videos get
# fullscreen, and picture-in-picture and autoplay stay limited to the video hosts.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "ambient-light-sensor": [],
    "autoplay": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "bluetooth": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "fullscreen": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# Wagtail's page preview shows the page in a same-origin iframe, so X-Frame-Options must stay
# SAMEORIGIN rather than the DENY the deploy check asks for.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# --- Protected media -------------------------------------------------------------------------
# The proxy serves only renditions from MEDIA_ROOT (deploy/nginx/k3cms.conf). Originals,
# documents and press kits go through Django views that check visibility (embargo, collection
# view restrictions) and then hand the file over with wagtail.utils.sendfile and this backend:
# with K3_MEDIA_ACCEL_REDIRECT (the proxy's `internal` location, e.g. "/protected-media/") nginx
# sends the bytes after an X-Accel-Redirect; without it Django streams them itself.
K3_MEDIA_ACCEL_REDIRECT = env.str("K3_MEDIA_ACCEL_REDIRECT", default="")
# Without nginx (make serve-prod): Django serves the renditions, and only them, as nginx would.
K3_SERVE_RENDITIONS = env.bool("K3_SERVE_RENDITIONS", default=False)
SENDFILE_BACKEND = "core.protected_media"

# --- Media uploads and admin forms -----------------------------------------------------------
# Strips location and device data from uploaded photos and refuses damaged ones; refuses line
# breaks in one-line fields (core.forms).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.K3ImageForm"
# Deletes the file of an upload whose save failed (core.uploads).
MIDDLEWARE = [*MIDDLEWARE, "core.uploads.OrphanedUploadCleanupMiddleware"]

# The request's Wagtail site from the cache (core.sites), once the host is known to be allowed.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware") + 1,
    "core.sites.SiteFromCacheMiddleware",
)

# --- Editorial integrity ---
# Lets the moderation mail notifiers warn the editor whose request could not send a mail
# (editorial.notifications). Inside the message middleware, before axes stays last.
MIDDLEWARE.insert(
    MIDDLEWARE.index("axes.middleware.AxesMiddleware"),
    "editorial.middleware.CurrentRequestMiddleware",
)

# --- Public API (api/, docs/api.md) ---
INSTALLED_APPS += [
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI from our own static files, no CDN
    "corsheaders",
]
# Before anything that can answer on its own (CommonMiddleware's redirects, static files), so
# those answers carry the CORS headers too.
MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")
# An unknown API address answers the API's 404, not a redirect to the German site.
MIDDLEWARE[MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware")] = (
    "api.middleware.LocaleMiddleware"
)
# Anyone may read the API from any website's script, without cookies, and only read it.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Requests per client and window (count/second, minute, hour or day), counted in the cache.
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="120/minute")
# Only the schema class is set globally: authentication, permissions, renderers and throttling
# are the API views' own, so Wagtail's admin API keeps DRF's defaults.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": _("K3 KI.Kunst.Kultur – public API"),
    "DESCRIPTION": _(
        "Read-only JSON of the public events, partners, programmes and news of the K3 website, "
        "in German and English."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    # Only our API: Wagtail's admin API is no public interface.
    "PREPROCESSING_HOOKS": ["api.schema.public_endpoints_only"],
    # Several fields are called "…language": one name for the site's languages, one for an
    # event's.
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": [code for code, _name in LANGUAGES],
        "EventLanguageEnum": "events.choices.EventLanguage",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No badge image from validator.swagger.io: nothing on the page comes from another host.
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "deepLinking": True},
}

# Rendered fragments that are the same for every reader of a language (the footer, the home
# page's sections, a partner's or programme's events, a partner's fellows and news) are kept like
# the look-ups they are made of, until content changes or the clock changes them (an event ends,
# a call closes, a scheduled page goes live; core.lookup_cache.cached_fragment).
# FRAGMENT_CACHE=0 renders them on every request.
FRAGMENT_CACHE = env.bool("FRAGMENT_CACHE", default=True)

# --- Page cache (core/page_cache.py, docs/operations.md "Page cache") ---
# Readers' pages say `public, max-age=PAGE_CACHE_BROWSER_SECONDS, s-maxage=PAGE_CACHE_SECONDS`;
# publishing purges them. Browsers ask again every time by default (max-age 0: a purge cannot
# reach a browser, and a publish must show within a second); Varnish answers them from memory.
# PAGE_CACHE=1 also keeps them in the default cache (Redis or local memory) for a site without
# Varnish: off here, on in production.
PAGE_CACHE = env.bool("PAGE_CACHE", default=False)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60 * 60)
PAGE_CACHE_BROWSER_SECONDS = env.int("PAGE_CACHE_BROWSER_SECONDS", default=0)
# The HTTP cache in front (Varnish, deploy/varnish/k3cms.vcl) that accepts PURGE and BAN, e.g.
# http://127.0.0.1:6081; empty: no HTTP cache to purge.
FRONTEND_CACHE_URL = env.str("FRONTEND_CACHE_URL", default="")
# Pages that list other pages: purged with every page change.
PAGE_CACHE_LISTING_PAGES = [
    "home.HomePage",
    "events.EventIndexPage",
    "news.NewsIndexPage",
    "network.ProgramIndexPage",
    "network.PartnerIndexPage",
    "network.FellowIndexPage",
    "press.PressRoomPage",
]
# Snippets every page shows: a change purges the whole site.
PAGE_CACHE_SITEWIDE_MODELS = ["navigation.Navigation"]


def frontend_cache_backends(url, in_process):
    """Wagtail's WAGTAILFRONTENDCACHE: Varnish at `url` and/or the in-process page cache."""
    backends = {}
    if url:
        backends["varnish"] = {"BACKEND": "core.page_cache.VarnishBackend", "LOCATION": url}
    if in_process:
        backends["in_process"] = {"BACKEND": "core.page_cache.InProcessBackend"}
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_backends(FRONTEND_CACHE_URL, PAGE_CACHE)
# Wagtail would purge each URL once per language by swapping /de/ and /en/; our translations have
# slugs of their own, and core.page_cache purges each translation at its real address.
WAGTAILFRONTENDCACHE_LANGUAGES = []
