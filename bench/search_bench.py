"""Search benchmark: 10,000+ German and English pages, searched for common and rare terms.

    .venv/bin/python bench/search_bench.py                 # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/k3_search .venv/bin/python bench/search_bench.py

It builds its own throwaway database (Django's test database machinery: a temporary SQLite file, or
`test_<name>_bench` on PostgreSQL, dropped at the end) and never touches the project's database.
It indexes the pages with `update_index` (timed) and refreshes the planner statistics (VACUUM
ANALYZE, as autovacuum does on a live database), then for each query prints the number of hits,
SQL queries per request, median and 95th percentile of the whole search page (/de/search/ or
/en/search/, rendering included) and of the search query alone (first ten hits and the count),
and checks the target: 95th percentile of the page under 150 ms on PostgreSQL. A plain
StandardPage is measured in the same run as the baseline (what any page costs on this machine).
Options: --pages N (default 10000), --requests N (default 30).
"""

import argparse
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "k3cms.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from harness import measure_page, percentiles, throwaway_database  # noqa: E402

TARGET_P95_MS = 150
GERMAN_SHARE = 0.6
# Common words appear on many pages, the names on a handful: (language, label, query).
QUERIES = [
    ("de", "common: Kunst", "Kunst"),
    ("de", "common, plural: Workshops", "Workshops"),
    ("de", "common, two words", "Künstlerinnen Dortmund"),
    ("de", "rare: a fellow's name", "Quellenberg"),
    ("de", "no hit (typo)", "Kunstt Xylofon"),
    ("en", "common: art", "art"),
    ("en", "common, plural: workshops", "workshops"),
    ("en", "rare: a fellow's name", "Quellenberg"),
]
GERMAN_WORDS = [
    "Kunst",
    "Kultur",
    "Theater",
    "Workshop",
    "Künstlerin",
    "Künstler",
    "Museum",
    "Musik",
    "Tanz",
    "Bühne",
    "Digitalität",
    "Netzwerk",
    "Förderung",
    "Weiterbildung",
    "Akademie",
    "Ausstellung",
    "Publikum",
    "Vermittlung",
    "Urheberrecht",
    "Sprachmodell",
    "Bildgenerierung",
    "Ethik",
    "Dramaturgie",
    "Archiv",
    "Orchester",
    "Festival",
    "Bibliothek",
    "Werkstatt",
    "Dortmund",
    "Köln",
    "Essen",
    "Bochum",
    "Münster",
    "Bielefeld",
    "Düsseldorf",
    "Wuppertal",
    "Hagen",
    "Siegen",
]
ENGLISH_WORDS = [
    "art",
    "culture",
    "theatre",
    "workshop",
    "artist",
    "museum",
    "music",
    "dance",
    "stage",
    "digital",
    "network",
    "funding",
    "training",
    "academy",
    "exhibition",
    "audience",
    "education",
    "copyright",
    "language",
    "model",
    "image",
    "ethics",
    "dramaturgy",
    "archive",
    "orchestra",
    "festival",
    "library",
    "studio",
    "Dortmund",
    "Cologne",
    "Essen",
    "Bochum",
    "Münster",
]
FILLER_DE = [
    "und",
    "mit",
    "für",
    "über",
    "im",
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "zum",
    "von",
    "in",
    "auf",
]
FILLER_EN = ["and", "with", "for", "about", "in", "the", "a", "an", "of", "on", "to", "from"]
RARE_NAME = "Quellenberg"


def sentence(rng, words, filler, length):
    # Zipf-like: the first words of the list are much more frequent than the last.
    picks = [words[min(int(rng.paretovariate(1.2)) - 1, len(words) - 1)] for _ in range(length)]
    return " ".join(
        word if i % 3 else f"{word} {rng.choice(filler)}" for i, word in enumerate(picks)
    )


def build_site(page_count):
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage, StandardPage

    german = Locale.objects.get_or_create(language_code="de")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    de_home = root.add_child(instance=HomePage(title="K3", slug="k3", locale=german))
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", root_page=de_home, is_default_site=True)
    en_home = de_home.copy_for_translation(english)
    en_home.save_revision().publish()

    rng = random.Random(3)
    content_type = ContentType.objects.get_for_model(StandardPage)
    now = timezone.now()
    german_count = int(page_count * GERMAN_SHARE)
    for home, count, words, filler in (
        (de_home, german_count, GERMAN_WORDS, FILLER_DE),
        (en_home, page_count - german_count, ENGLISH_WORDS, FILLER_EN),
    ):
        home = Page.objects.get(pk=home.pk)
        pages, intros = [], []
        for step in range(1, count + 1):
            title = sentence(rng, words, filler, rng.randint(2, 5)).title()
            intro = sentence(rng, words, filler, rng.randint(30, 80))
            if step % 2000 == 0:  # a handful of pages name the same fellow
                intro += f" Mit der Fellow Mara {RARE_NAME}."
            slug = f"seite-{step}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(home.path, home.depth + 1, step),
                    depth=home.depth + 1,
                    numchild=0,
                    url_path=f"{home.url_path}{slug}/",
                    locale=home.locale,
                    live=True,
                    translation_key=uuid.uuid4(),
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            intros.append(intro)
        for batch in range(0, len(pages), 1000):
            chunk = pages[batch : batch + 1000]
            created = Page.objects.bulk_create(chunk)
            if not created or created[0].pk is None:  # backends without RETURNING
                created = list(
                    Page.objects.filter(path__in=[p.path for p in chunk]).order_by("path")
                )
            rows = [
                StandardPage(page_ptr_id=page.pk, intro=intro, body="[]", listing_summary="")
                for page, intro in zip(created, intros[batch : batch + 1000], strict=True)
            ]
            local = list(StandardPage._meta.local_concrete_fields)
            StandardPage._base_manager._insert(rows, fields=local, raw=True)
        Page.objects.filter(pk=home.pk).update(numchild=count)
    return german_count, page_count - german_count


def measure_query(language, query, requests):
    from wagtail.models import Locale, Page

    from search.query import build_query, search_words

    locale = Locale.objects.get(language_code=language)
    times, hits = [], 0
    with translation.override(language):
        for _run in range(requests):
            started = time.perf_counter()
            results = (
                Page.objects.live().filter(locale=locale).search(build_query(search_words(query)))
            )
            list(results[:10])
            hits = results.count()
            times.append((time.perf_counter() - started) * 1000)
    return hits, *percentiles(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    with throwaway_database():
        started = time.perf_counter()
        german_count, english_count = build_site(args.pages)
        built = time.perf_counter() - started
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        indexed = time.perf_counter() - started
        # Planner statistics and a clean GIN pending list, as autovacuum leaves a live database.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        print(f"database: {connection.vendor}, pages: {german_count} German + {english_count} "
              f"English, built in {built:.0f} s, update_index in {indexed:.0f} s, "
              f"requests per query: {args.requests}")  # fmt: skip
        print(f"\n{'query':<36}{'hits':>6}{'SQL':>5}{'page median':>13}{'page p95':>10}"
              f"{'query median':>14}{'query p95':>11}   (ms)")  # fmt: skip
        client = Client()
        sql_count, base_median, base_p95, _sql = measure_page(client, "/de/seite-1/", args.requests)
        print(f"{'StandardPage (baseline)':<36}{'':>6}{sql_count:>5}{base_median:>13.1f}"
              f"{base_p95:>10.1f}")  # fmt: skip
        worst = 0.0
        for language, label, query in QUERIES:
            sql_count, page_median, page_p95, _sql = measure_page(
                client, f"/{language}/search/", args.requests, {"q": query}
            )
            hits, query_median, query_p95 = measure_query(language, query, args.requests)
            worst = max(worst, page_p95)
            print(f"{f'/{language}/ {label}':<36}{hits:>6}{sql_count:>5}{page_median:>13.1f}"
                  f"{page_p95:>10.1f}{query_median:>14.1f}{query_p95:>11.1f}")  # fmt: skip
        verdict = "yes" if worst < TARGET_P95_MS else "NO"
        target = f"target p95 < {TARGET_P95_MS} ms"
        if connection.vendor != "postgresql":
            target += " (set for PostgreSQL)"
        print(f"\nworst page p95: {worst:.0f} ms ({worst / base_p95:.1f}× the StandardPage p95); "
              f"{target}: {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
