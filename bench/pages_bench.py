"""Pages benchmark: uncached page times under gunicorn against a floor, and optionally a reference.

    .venv/bin/python bench/pages_bench.py             # make bench-pages
    REFERENCE_URL=http://127.0.0.1:8139 REFERENCE_PATHS=home=/,listing=/blog/ \\
        .venv/bin/python bench/pages_bench.py
    CACHED_URL=http://127.0.0.1:8080 .venv/bin/python bench/pages_bench.py

Builds its own site in a temporary directory (SQLite file, media, static files; the demo content
through `load_demo_content`), starts its own redis-server and serves the site with gunicorn as
production does (k3cms.settings.production, 2 sync workers, its page cache off: PAGE_CACHE=0)
through bench/pages_settings.py, which only adds `/bench-floor/`: a bare Django view behind the
same middleware, the floor no page can go below. Then:

1. Queries per page shape, counted in this process with Django's test client.
2. Latency: `--requests` rounds (default 90); each round requests every page shape of K3, the
   floor, and the reference site's page of the same shape if REFERENCE_URL is set, in turns, so
   a busy neighbour slows all alike. Median and p95 in ms (measured by the client, connection
   included), each K3 median as a multiple of the floor and of the reference.
3. Throughput: `wrk -t2 -c8 -d<--wrk-seconds>s` (default 10) on the floor, on each main page
   shape of K3, and through CACHED_URL (a caching proxy in front of a K3 site, e.g. Varnish) if
   set; requests per second and the ratio to the floor's.

REFERENCE_PATHS names the reference site's page of each shape (`home=/,listing=/blog/,…`; shapes:
home, listing, detail, plain, partner, search); shapes it leaves out are not compared. The
benchmark never builds or downloads a reference site: start one yourself (bench/README.md).
Everything it started is stopped and its directory removed at the end.
"""

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from tests.core.servers import RedisServer, free_port, wait_for_port  # noqa: E402

FLOOR_PATH = "/bench-floor/"
# The shapes of the table first (these get wrk and a reference), then more K3 pages.
MAIN_SHAPES = ("home", "listing", "detail", "plain", "partner", "search")
WRK = shutil.which("wrk")


def percentiles(times):
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


class Target:
    """A site to request: a base URL and the path of each page shape."""

    def __init__(self, base_url, paths):
        parts = urlsplit(base_url)
        self.base_url = base_url.rstrip("/")
        self.https = parts.scheme == "https"
        self.host = parts.hostname
        self.port = parts.port or (443 if self.https else 80)
        self.paths = paths
        self.times = {shape: [] for shape in paths}

    def get(self, path):
        """One GET on a new connection (gunicorn's sync workers close each one): status, ms."""
        connection_class = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        started = time.perf_counter()
        connection = connection_class(self.host, self.port, timeout=30)
        try:
            connection.request("GET", path, headers={"Accept-Language": "de"})
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        return response.status, (time.perf_counter() - started) * 1000

    def warm_up(self, rounds=5):
        for shape, path in self.paths.items():
            for _ in range(rounds):
                status, _ms = self.get(path)
                if status != 200:
                    raise SystemExit(f"{self.base_url}{path} ({shape}) answered {status}")

    def measure(self, shape):
        _status, ms = self.get(self.paths[shape])
        self.times[shape].append(ms)


def run(command, env, **kwargs):
    subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)


def build_site(env):
    """Migrate, load the demo and collect static files into the temporary directory."""
    started = time.monotonic()
    manage = [sys.executable, str(ROOT / "manage.py")]
    quiet = {"stdout": subprocess.DEVNULL}
    run([*manage, "migrate", "--noinput", "-v0"], env, **quiet)
    run([*manage, "load_demo_content"], env, **quiet)
    run([*manage, "collectstatic", "--noinput", "-v0"], env, **quiet)
    print(f"Site built in {time.monotonic() - started:.0f} s (migrate, demo, collectstatic).")


def k3_paths():
    """The demo's page of each shape, found in the database (needs django.setup())."""
    from wagtail.models import Page

    from events.models import EventIndexPage, EventPage
    from home.models import StandardPage
    from network.models import FellowProfilePage, PartnerPage
    from news.models import NewsPage
    from press.models import PressReleasePage

    def first(model, **filters):
        page = model.objects.live().filter(locale__language_code="de", **filters).order_by("path")
        return page.first().url

    german_home = Page.objects.get(depth=2, locale__language_code="de").url
    english_home = Page.objects.get(depth=2, locale__language_code="en").url
    return {
        "home": german_home,
        "listing": first(EventIndexPage),
        "detail": first(EventPage),
        "plain": first(StandardPage, slug="impressum"),
        "partner": first(PartnerPage, slug="kulturrat-nrw"),
        "search": f"{german_home}search/?q=kunst",
        "home (en)": english_home,
        "fellow": first(FellowProfilePage),
        "news item": first(NewsPage),
        "press release": first(PressReleasePage),
    }


def count_queries(paths):
    """SQL statements of one request per shape (after a warm-up request), in this process."""
    from django.db import connection
    from django.test import Client

    client = Client()
    counts = {}
    for shape, path in paths.items():
        client.get(path)
        statements = []
        with connection.execute_wrapper(
            lambda execute, sql, *rest, statements=statements: (
                statements.append(sql) or execute(sql, *rest)
            )
        ):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[shape] = len(statements)
    return counts


def wrk(url, seconds):
    """Requests per second of `wrk -t2 -c8`, and how many answers were not 2xx/3xx."""
    output = subprocess.run(
        [WRK, "-t2", "-c8", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rate, int(errors.group(1)) if errors else 0


def reference_paths():
    text = os.environ.get("REFERENCE_PATHS", "home=/")
    paths = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        shape, _, path = item.partition("=")
        if shape not in MAIN_SHAPES:
            raise SystemExit(f"REFERENCE_PATHS: unknown shape {shape!r} (one of {MAIN_SHAPES})")
        paths[shape] = path
    return paths


def print_latency(paths, counts, k3, floor, reference):
    floor_median, floor_p95 = percentiles(floor.times["floor"])
    header = "| page | path | queries | K3 median | K3 p95 | K3 ÷ floor |"
    rule = "| --- | --- | ---: | ---: | ---: | ---: |"
    if reference:
        header += " reference median | reference p95 | K3 ÷ reference |"
        rule += " ---: | ---: | ---: |"
    rounds = len(next(iter(k3.times.values())))
    print(f"\nLatency in ms, {rounds} requests per page, taken in turns:\n")
    print(header)
    print(rule)
    for shape, path in paths.items():
        median, p95 = percentiles(k3.times[shape])
        row = f"| {shape} | `{path}` | {counts[shape]} | {median:.1f} | {p95:.1f} | "
        row += f"{median / floor_median:.1f} |"
        if reference:
            if shape in reference.paths:
                ref_median, ref_p95 = percentiles(reference.times[shape])
                row += f" {ref_median:.1f} | {ref_p95:.1f} | {median / ref_median:.2f} |"
            else:
                row += " | | |"
        print(row)
    row = (
        f"| floor (bare Django view) | `{FLOOR_PATH}` | 0 | {floor_median:.2f} | {floor_p95:.2f} |"
    )
    print(row + " 1.0 |" + (" | | |" if reference else ""))


def print_throughput(k3, seconds):
    if WRK is None:
        print("\nwrk is not installed (Debian: apt install wrk): no throughput figures.")
        return
    cached = os.environ.get("CACHED_URL", "").rstrip("/")
    print(f"\nThroughput, wrk -t2 -c8 -d{seconds}s, requests per second (× the floor's):\n")
    print("| page | K3 uncached | × floor |" + (" cached | × floor |" if cached else ""))
    print("| --- | ---: | ---: |" + (" ---: | ---: |" if cached else ""))
    floor_rate, floor_errors = wrk(k3.base_url + FLOOR_PATH, seconds)
    print(f"| floor | {floor_rate:.0f} | 1.00 |" + (" | |" if cached else ""))
    for shape in MAIN_SHAPES:
        rate, errors = wrk(k3.base_url + k3.paths[shape], seconds)
        row = f"| {shape} | {rate:.0f}{' (' + str(errors) + ' errors)' if errors else ''} | "
        row += f"{rate / floor_rate:.2f} |"
        if cached:
            cached_rate, cached_errors = wrk(cached + k3.paths[shape], seconds)
            note = f" ({cached_errors} errors)" if cached_errors else ""
            row += f" {cached_rate:.0f}{note} | {cached_rate / floor_rate:.2f} |"
        print(row)
    if floor_errors:
        print(f"(the floor answered {floor_errors} requests with an error)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=90, help="rounds of turns (90)")
    parser.add_argument("--wrk-seconds", type=int, default=10, help="wrk's -d per page (10)")
    parser.add_argument("--no-wrk", action="store_true", help="latency only")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    args = parser.parse_args()
    if not 1 <= args.wrk_seconds <= 30:
        parser.error("--wrk-seconds must be between 1 and 30")

    directory = Path(tempfile.mkdtemp(prefix="k3-pages-bench-"))
    redis = RedisServer().start()
    gunicorn = None
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "pages_settings",
        "PYTHONPATH": os.pathsep.join([str(BENCH), str(ROOT)]),
        "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
        "MEDIA_ROOT": str(directory / "media"),
        "STATIC_ROOT": str(directory / "static"),
        "REDIS_URL": redis.url,
        "DJANGO_SECRET_KEY": "pages-bench-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "DJANGO_LOG_LEVEL": "WARNING",
        # Uncached rendering: production keeps readers' pages in its page cache (core.page_cache),
        # which would answer every request after the first. CACHED_URL measures a cached front.
        "PAGE_CACHE": "False",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    try:
        build_site(env)
        os.environ.update(env)
        sys.path.insert(0, str(BENCH))
        import django

        django.setup()
        paths = k3_paths()
        counts = count_queries(paths)

        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "k3cms.wsgi:application"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
            + ["--worker-class", "sync", "--timeout", "60"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(port, timeout=60)
        base = f"http://127.0.0.1:{port}"
        k3 = Target(base, paths)
        floor = Target(base, {"floor": FLOOR_PATH})
        reference = None
        if os.environ.get("REFERENCE_URL"):
            reference = Target(os.environ["REFERENCE_URL"], reference_paths())
        for target in filter(None, (k3, floor, reference)):
            target.warm_up()

        started = time.monotonic()
        for _round in range(args.requests):
            for shape in paths:
                k3.measure(shape)
                if reference and shape in reference.paths:
                    reference.measure(shape)
                if shape in MAIN_SHAPES:
                    floor.measure("floor")
        print(f"Turns took {time.monotonic() - started:.0f} s.")
        print_latency(paths, counts, k3, floor, reference)
        if not args.no_wrk:
            print_throughput(k3, args.wrk_seconds)
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        redis.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
