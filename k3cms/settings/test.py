"""The test suite: fast hashing, local memory cache, plain static storage, temporary media.

The database still comes from DATABASE_URL, so the same suite runs on SQLite and PostgreSQL.
"""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# runserver and the test server serve static files themselves, without a collectstatic run.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
MEDIA_ROOT = tempfile.mkdtemp(prefix="k3cms-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# No page cache and no purging unless a test turns them on (tests/core/test_page_cache*.py).
PAGE_CACHE = False
WAGTAILFRONTENDCACHE = {}
