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

    Returns (query count, median, p95, the statements).
    """
    return measure_pages(client, {url: (url, params)}, requests, warm_up)[url]


def measure_pages(client, pages, requests, warm_up=3, before=None):
    """measure_page for several pages, taking turns: A, B, C, A, B, C, …

    Turns spread the machine's ups and downs evenly over the pages, so the ratios between them
    hold even when a busy neighbour slows every request for a while. `pages` maps a name to
    (url, params); `before` maps a name to a function called, untimed, before each of its
    requests. Returns name → (query count, median, p95, the statements). Statements are counted
    by a wrapper, as Django empties connection.queries at the start of every request.
    """
    before = before or {}

    def prepare(name):
        if name in before:
            before[name]()

    def request(name):
        url, params = pages[name]
        return client.get(url, params)

    statements = {}
    for name, (url, params) in pages.items():
        for _warm in range(warm_up):
            prepare(name)
            response = request(name)
            assert response.status_code == 200, (url, params, response.status_code)
        queries = []
        prepare(name)
        with connection.execute_wrapper(
            lambda execute, sql, *rest, queries=queries: queries.append(sql) or execute(sql, *rest)
        ):
            request(name)
        statements[name] = queries
    times = {name: [] for name in pages}
    for _run in range(requests):
        for name in pages:
            prepare(name)
            started = time.perf_counter()
            request(name)
            times[name].append((time.perf_counter() - started) * 1000)
    return {
        name: (len(statements[name]), *percentiles(times[name]), statements[name]) for name in pages
    }
