"""The site's search backend: Wagtail's database backend, with per-language stemming on PostgreSQL.

Wagtail's PostgreSQL backend stems every object and every query with one `SEARCH_CONFIG`. Two
backends with different configs cannot help: they share one index table with one row per object,
so the second would overwrite the first. `postgres.LanguageAwarePostgresSearchBackend` changes only
which config is used (see there). On any other database this returns Wagtail's own choice (SQLite
FTS5 on the default SQLite), which has no stemming; `search.query.expand_term` gives both databases
the plural and gender forms.

Settings (`WAGTAILSEARCH_BACKENDS["default"]`): `SEARCH_CONFIG` for objects without a locale, and
`LANGUAGE_SEARCH_CONFIGS`, a mapping of language code to PostgreSQL text-search config.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_search_backend


def SearchBackend(params):  # noqa: N802 - Wagtail looks up this name in the backend's module
    if connection.vendor == "postgresql":
        from .postgres import LanguageAwarePostgresSearchBackend

        return LanguageAwarePostgresSearchBackend(params)
    return database_search_backend(params)
