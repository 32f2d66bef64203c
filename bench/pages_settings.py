"""Settings of the pages benchmark (bench/pages_bench.py): production, plus a floor view.

The production settings unchanged (they read DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, REDIS_URL,
DATABASE_URL, MEDIA_ROOT and STATIC_ROOT from the environment the benchmark gives them), except
that the URLs add `/bench-floor/`, a bare Django view behind the same middleware
(bench/pages_urls.py). Never used by the site itself.
"""

from k3cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "pages_urls"
