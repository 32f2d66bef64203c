"""What every benchmark here shares: a throwaway database and page timings.

Imported by the bench scripts after they have called django.setup().
"""

import statistics
import tempfile
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.test.utils import setup_test_environment


@contextmanager
def throwaway_database():
    """A fresh database from Django's test machinery, dropped afterwards.

    A temporary SQLite file, or `test_<name>_bench` on PostgreSQL; the project's database is never
    touched.
    """
    setup_test_environment()
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = tempfile.mktemp(suffix=".sqlite3")
    else:
        database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_bench"
    original_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        yield
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


def percentiles(times):
    """Median and 95th percentile of a list of timings."""
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def measure_page(client, url, requests, params=None, warm_up=3):
    """SQL statements of one request, then median and p95 in ms over `requests` requests.

    Returns (query count, median, p95, the statements). Statements are counted by a wrapper, as
    Django empties connection.queries at the start of every request.
    """
    for _warm in range(warm_up):
        response = client.get(url, params)
        assert response.status_code == 200, (url, params, response.status_code)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        client.get(url, params)
    times = []
    for _run in range(requests):
        started = time.perf_counter()
        client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
    return len(queries), *percentiles(times), queries
