"""Calendar benchmark: a site with 10,000+ events across 23 partners, measured page by page.

    .venv/bin/python bench/events_bench.py                 # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/k3_events .venv/bin/python bench/events_bench.py

It builds its own throwaway database (Django's test database machinery: a temporary SQLite file, or
`test_<name>_bench` on PostgreSQL, dropped at the end) and never touches the project's database.
For each page it prints SQL queries per request, median and 95th percentile over repeated
requests, and the ratio of each to a plain StandardPage measured in the same run.
Options: --events N (default 10000), --requests N (default 30), --explain (query plans: EXPLAIN ANALYZE on
PostgreSQL, EXPLAIN QUERY PLAN on SQLite).
"""

import argparse
import os
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "k3cms.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from harness import measure_pages, throwaway_database  # noqa: E402

PARTNERS = 23
TOPICS = ["urheberrecht", "social-media", "foerderung", "ki-werkzeuge", "ethik", "vermittlung"]
CITIES = ["Dortmund", "Köln", "Düsseldorf", "Essen", "Münster", "Bochum", "Bielefeld"]
LABELS = {
    "standard": "StandardPage (baseline)",
    "index": "event index",
    "filtered": "event index, topic + city",
    "cold": "event index, right after a publish",
    "event": "event page",
    "feed": "iCal feed (all, bounded)",
    "home": "home page",
}


def build_site(event_count):
    from wagtail.models import Locale, Page, Site

    from events.choices import EventFormat, EventLanguage
    from events.models import EventIndexPage, EventPage, Venue
    from home.models import HomePage, StandardPage
    from network.choices import ProgramKind
    from network.models import PartnerIndexPage, PartnerPage, ProgramIndexPage, ProgramPage
    from taxonomy.models import Topic

    german = Locale.objects.get_or_create(language_code="de")[0]
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="K3", slug="k3", locale=german))
    home_sections = [{"type": "upcoming_events", "value": {"heading": "Termine", "count": 6}}]
    if "upcoming_events" in HomePage.sections.field.stream_block.child_blocks:
        home.sections = home_sections
        home.save()
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    home.add_child(instance=StandardPage(title="Impressum", slug="impressum", intro="Impressum."))
    calendar = home.add_child(instance=EventIndexPage(title="Veranstaltungen", slug="termine"))
    program_index = home.add_child(instance=ProgramIndexPage(title="Programme", slug="programme"))
    programs = [
        program_index.add_child(
            instance=ProgramPage(title=f"Programm {kind}", slug=kind, kind=kind, intro="Intro")
        )
        for kind in ProgramKind.values
    ]
    partner_index = home.add_child(instance=PartnerIndexPage(title="Netzwerk", slug="netzwerk"))
    partners = [
        partner_index.add_child(
            instance=PartnerPage(title=f"Partner {n:02d}", slug=f"partner-{n:02d}", city="Essen")
        )
        for n in range(PARTNERS)
    ]
    topics = [Topic.objects.create(locale=german, name=slug.title(), slug=slug) for slug in TOPICS]
    venues = [
        Venue.objects.create(locale=german, name=f"Haus {city}", address="Weg 1", city=city)
        for city in CITIES
    ]

    # Events in bulk: page rows with their tree paths, then the event rows, then topics.
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    per_partner = -(-event_count // PARTNERS)
    formats = list(EventFormat.values)
    languages = list(EventLanguage.values)
    number = 0
    for partner in partners:
        pages, events = [], []
        for step in range(1, per_partner + 1):
            if number >= event_count:
                break
            slug = f"event-{number}"
            # Spread evenly over a year back and a year ahead.
            start = now + timedelta(hours=number * 24 * 730 // event_count - 24 * 365)
            pages.append(
                Page(
                    title=f"Veranstaltung {number}",
                    draft_title=f"Veranstaltung {number}",
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(partner.path, partner.depth + 1, step),
                    depth=partner.depth + 1,
                    numchild=0,
                    url_path=f"{partner.url_path}{slug}/",
                    locale=german,
                    live=True,
                    translation_key=uuid.uuid4(),
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            events.append(
                {
                    "start": start,
                    "end": start + timedelta(hours=2),
                    "format": formats[number % 3],
                    "venue": venues[number % len(venues)],
                    "program": programs[number % 3],
                    "event_language": languages[number % 3],
                    "intro": f"Worum es bei Veranstaltung {number} geht.",
                }
            )
            number += 1
        created = Page.objects.bulk_create(pages)
        if not created or created[0].pk is None:  # backends without RETURNING
            created = list(Page.objects.filter(path__in=[p.path for p in pages]).order_by("path"))
        rows = []
        for page, fields in zip(created, events, strict=True):
            event = EventPage(page_ptr_id=page.pk, **fields)
            rows.append(event)
        local = list(EventPage._meta.local_concrete_fields)
        for batch in range(0, len(rows), 200):
            EventPage._base_manager._insert(rows[batch : batch + 200], fields=local, raw=True)
        through = EventPage.topics.through
        through.objects.bulk_create(
            [
                through(eventpage_id=row.page_ptr_id, topic=topics[index % len(topics)])
                for index, row in enumerate(rows)
            ]
        )
        Page.objects.filter(pk=partner.pk).update(numchild=len(rows))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would give a live site
    return {
        "standard": "/de/impressum/",
        "index": "/de/termine/",
        "filtered": "/de/termine/?" + urlencode({"topic": TOPICS[1], "city": CITIES[2]}),
        "event": EventPage.objects.upcoming().first().url,
        "feed": "/de/termine/ical/",
        "home": "/de/",
        "_calendar": calendar,
    }


def explain(urls):
    """Plans of the slowest statements behind the calendar pages, with their time in the request."""
    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    client = Client()
    for name in ("index", "filtered", "feed"):
        timed = []

        def record(execute, sql, params, many, context, timed=timed):
            started = time.perf_counter()
            result = execute(sql, params, many, context)
            timed.append((time.perf_counter() - started, sql, params))
            return result

        with connection.execute_wrapper(record):
            client.get(urls[name])
        selects = [query for query in timed if query[1].lstrip().upper().startswith("SELECT")]
        for duration, sql, params in sorted(selects, key=lambda q: -q[0])[:2]:
            with connection.cursor() as cursor:
                cursor.execute(prefix + sql, params)
                print(f"\n--- {name} ({duration * 1000:.1f} ms)\n{sql[:400]}")
                print("\n".join(str(row[-1]) for row in cursor.fetchall()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--show-sql", action="store_true", help="print the index's queries")
    args = parser.parse_args()

    with throwaway_database():
        started = time.perf_counter()
        urls = build_site(args.events)
        built = time.perf_counter() - started
        print(f"database: {connection.vendor}, events: {args.events}, partners: {PARTNERS}, "
              f"built in {built:.0f} s, requests per page: {args.requests}")  # fmt: skip
        if args.explain:
            explain(urls)
        from events.caching import forget_everything

        client = Client()
        pages = {name: (urls[name], None) for name in LABELS if name != "cold"}
        results = measure_pages(client, pages, args.requests)
        # Right after a publish the calendar's cached options and counts are gone. A run of its
        # own, with its own baseline, as forgetting would make the filtered index cold too.
        cold = measure_pages(
            client,
            {"standard": (urls["standard"], None), "cold": (urls["index"], None)},
            args.requests,
            before={"cold": forget_everything},
        )
        results["cold"] = cold["cold"]
        baselines = dict.fromkeys(results, results["standard"])
        baselines["cold"] = cold["standard"]
        print(f"\n{'page':<38}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'× std median':>14}"
              f"{'× std p95':>11}")  # fmt: skip
        ratios = {}
        for name, (queries, median, p95, _sql) in results.items():
            _queries, base_median, base_p95, _sql = baselines[name]
            ratios[name] = median / base_median
            print(f"{LABELS[name]:<38}{queries:>8}{median:>11.1f}{p95:>9.1f}"
                  f"{ratios[name]:>14.2f}{p95 / base_p95:>11.2f}")  # fmt: skip
        if args.show_sql:
            print("\n".join(results["index"][3]))
        index_ratio = max(ratios["index"], ratios["filtered"])
        print(f"\nindex within 2× StandardPage: {'yes' if index_ratio <= 2 else 'NO'} "
              f"({index_ratio:.2f}×; {ratios['cold']:.2f}× right after a publish); feed under 1 s: "
              f"{'yes' if results['feed'][2] < 1000 else 'NO'} (p95 {results['feed'][2]:.0f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()
