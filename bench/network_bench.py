"""Network listings benchmark: partner and fellow overviews with a few and with many entries.

    .venv/bin/python bench/network_bench.py                # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/k3_content .venv/bin/python bench/network_bench.py

It builds its own throwaway database (a temporary SQLite file, or `test_<name>_bench` on PostgreSQL,
dropped at the end) and never touches the project's database. It measures each page with a small site
(10 partners, 20 fellows), then grows it (default 200 partners, 1,000 fellows, each with its own image)
and measures again: SQL queries per request, median and 95th percentile over repeated requests, and the
ratio of each median to a plain StandardPage of the same run. The query counts must not change.
Options: --partners N, --fellows N, --requests N (default 30).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "k3cms.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from harness import measure_page, throwaway_database  # noqa: E402

URLS = {
    "StandardPage (baseline)": "/de/impressum/",
    "partner index": "/de/netzwerk/",
    "partner index, role + field": "/de/netzwerk/?role=consortium&field=transfer",
    "fellow index": "/de/fellows/",
    "fellow index, 3 filters": "/de/fellows/?discipline=musik&program=fellowship&cohort=2026",
    "partner page": "/de/netzwerk/partner-0000/",
    "home page": "/de/",
}


def build_base():
    from wagtail.models import Locale, Page, Site

    from home.blocks import HomeSectionsBlock
    from home.models import HomePage, StandardPage
    from network.choices import ProgramKind
    from network.models import (
        FellowIndexPage,
        PartnerIndexPage,
        ProgramIndexPage,
        ProgramPage,
    )
    from taxonomy.models import ArtDiscipline, FieldOfAction

    german = Locale.objects.get_or_create(language_code="de")[0]
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    sections = [
        {"type": name, "value": {"heading": name}}
        for name in ("programs", "latest_news", "partner_logos")
        if name in HomeSectionsBlock.base_blocks
    ]
    home = root.add_child(
        instance=HomePage(title="K3", slug="k3", locale=german, sections=sections)
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    home.add_child(instance=StandardPage(title="Impressum", slug="impressum", intro="Impressum."))
    programs = home.add_child(instance=ProgramIndexPage(title="Programme", slug="programme"))
    program = programs.add_child(
        instance=ProgramPage(
            title="Fellowships", slug="fellowships", kind=ProgramKind.FELLOWSHIP, intro="I"
        )
    )
    partners = home.add_child(instance=PartnerIndexPage(title="Netzwerk", slug="netzwerk"))
    home.add_child(instance=FellowIndexPage(title="Fellows", slug="fellows"))
    fields = [
        FieldOfAction.objects.create(locale=german, name=s.title(), slug=s)
        for s in ("transfer", "forschung", "vermittlung")
    ]
    disciplines = [
        ArtDiscipline.objects.create(locale=german, name=s.title(), slug=s)
        for s in ("musik", "theater", "tanz")
    ]
    return partners, program, fields, disciplines


def grow(
    partner_index, program, fields, disciplines, partners, fellows, start_partner, start_fellow
):
    from core.demo import demo_image
    from network.models import FellowProfilePage, PartnerPage

    created = list(PartnerPage.objects.child_of(partner_index).order_by("path"))
    for number in range(start_partner, partners):
        partner = partner_index.add_child(
            instance=PartnerPage(
                title=f"Partner {number:04d}",
                slug=f"partner-{number:04d}",
                city=f"Stadt {number % 12}",
                logo=demo_image(f"Bench logo {number}", "Logo", label="B", seed=number),
            )
        )
        partner.fields_of_action.add(fields[number % 3])
        created.append(partner)
    for number in range(start_fellow, fellows):
        host = created[number % len(created)]
        fellow = host.add_child(
            instance=FellowProfilePage(
                title=f"Fellow {number:05d}",
                slug=f"fellow-{number:05d}",
                cohort_year=2026 + number % 2,
                program=program,
                portrait=demo_image(f"Bench portrait {number}", "Bild", seed=number, kind="avatar"),
            )
        )
        fellow.disciplines.add(disciplines[number % 3])


def measure(client, url, requests):
    count, median, p95, _sql = measure_page(
        client, url, requests, warm_up=1
    )  # renditions on visit 1
    return count, median, p95


def report(title, client, requests):
    results = {name: measure(client, url, requests) for name, url in URLS.items()}
    base = results["StandardPage (baseline)"][1]
    print(f"\n{title}")
    print(f"{'page':<32}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'× std median':>14}")
    for name, (queries, median, p95) in results.items():
        print(f"{name:<32}{queries:>8}{median:>11.1f}{p95:>9.1f}{median / base:>14.2f}")
    return {name: result[0] for name, result in results.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--fellows", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="k3-bench-media-")
    with throwaway_database():
        client = Client()
        base = build_base()
        grow(*base, partners=10, fellows=20, start_partner=0, start_fellow=0)
        small = report(f"{connection.vendor}: 10 partners, 20 fellows", client, args.requests)
        started = time.perf_counter()
        grow(*base, args.partners, args.fellows, start_partner=10, start_fellow=20)
        built = time.perf_counter() - started
        large = report(
            f"{connection.vendor}: {args.partners} partners, {args.fellows} fellows "
            f"(grown in {built:.0f} s)",
            client,
            args.requests,
        )
        same = all(small[name] == large[name] for name in URLS if name != "partner page")
        print(f"\nlisting query counts unchanged as the site grows: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
