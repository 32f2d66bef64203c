"""Upgrade drill: a database made by an earlier commit, migrated by this checkout, keeps its content.

    .venv/bin/python bench/upgrade_drill.py                  # from 6d31321, the last main before the re-cut
    .venv/bin/python bench/upgrade_drill.py --from <commit>

It exports the earlier commit with `git archive` into a temporary directory, and there, with this
checkout's virtualenv, runs `migrate` and `load_demo_content` against a temporary SQLite file (the
demo has pages in both languages, revisions, translations, images, documents, snippets and
redirects). It counts the rows of every table, runs this checkout's `migrate` on the same file, counts
again and prints both. Every table that existed must keep its row count, under its new name if it
was renamed (RENAMED_TABLES) or be listed as deliberately dropped (DROPPED_TABLES); Django's own
bookkeeping tables may only grow. Finally /de/ and /en/ must answer 200 from the migrated database.

Exit status: 0 content kept, 1 something lost or broken, 77 the commit is not in this clone's history
(a shallow clone): nothing was checked.
"""

import argparse
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_COMMIT = "6d31321"
COMMIT_UNAVAILABLE = 77

# Tables this checkout's migrations rename: {old name: new name}.
RENAMED_TABLES = {}
# Tables this checkout's migrations drop on purpose: {name: why}.
DROPPED_TABLES = {
    "core_footersettings": "one footer model: its pages were copied into the navigation snippets "
    "(navigation 0002) before core 0003 dropped it",
}
# Django's bookkeeping: new models bring content types and permissions, new migrations their rows.
MAY_GROW = {"django_migrations", "django_content_type", "auth_permission"}
# Tables the drill expects to be filled by the old demo, or it would prove nothing.
MUST_HAVE_ROWS = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailcore_locale",
    "wagtail_localize_translationsource",
    "wagtail_localize_translation",
    "core_k3image",
    "core_k3document",
]

SERVES = """
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()
client = Client()
for url in ("/de/", "/en/"):
    print(url, client.get(url).status_code)
"""


def commit_is_available(commit):
    found = subprocess.run(
        ["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=PROJECT, capture_output=True
    )
    return found.returncode == 0


def export(commit, target):
    archive = target.parent / "old.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", commit], cwd=PROJECT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    archive.unlink()


# The editable install's import finder maps the project's packages to this checkout: a module the
# old checkout does not have (say events/wagtail_hooks.py, added later) would be imported from
# here into the old code. The old checkout runs without that finder.
WITHOUT_EDITABLE_FINDER = (
    "import runpy, sys; "
    "sys.meta_path[:] = [f for f in sys.meta_path "
    "if not getattr(f, '__module__', '').startswith('__editable__')]; "
    "sys.argv[0] = 'manage.py'; runpy.run_path('manage.py', run_name='__main__')"
)


def manage(checkout, env, *args):
    """Run `manage.py` of `checkout` with this virtualenv's Python; output goes to ours."""
    shown = " ".join("<script>" if "\n" in arg else arg for arg in args)
    print(f"$ ({checkout.name}) manage.py {shown}", flush=True)
    launcher = ["manage.py"] if checkout == PROJECT else ["-c", WITHOUT_EDITABLE_FINDER]
    done = subprocess.run(
        [sys.executable, *launcher, *args], cwd=checkout, env=env, capture_output=True, text=True
    )
    if done.returncode:
        print(done.stdout[-3000:], done.stderr[-5000:], sep="\n")
        raise SystemExit(f"manage.py {args[0]} failed in {checkout}")
    return done.stdout


def row_counts(database):
    with sqlite3.connect(database) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        # The search index's FTS5 shadow tables come and go with the index, not with content.
        tables = [t for t in tables if not t.startswith("wagtailsearch_indexentry_fts")]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def compare(before, after):
    """Rows of (table, before, after, verdict) and whether everything was kept."""
    rows, kept = [], True
    for table, count in sorted(before.items()):
        if table in DROPPED_TABLES:
            rows.append((table, count, after.get(table, "-"), f"dropped: {DROPPED_TABLES[table]}"))
            continue
        new_name = RENAMED_TABLES.get(table, table)
        now = after.get(new_name)
        label = table if new_name == table else f"{table} -> {new_name}"
        if now is None:
            verdict, kept = "MISSING", False
        elif now == count or (table in MAY_GROW and now > count):
            verdict = "kept"
        else:
            verdict, kept = "CHANGED", False
        rows.append((label, count, "-" if now is None else now, verdict))
    renamed_to = set(RENAMED_TABLES.values())
    for table in sorted(set(after) - set(before) - renamed_to):
        rows.append((table, "-", after[table], "new"))
    return rows, kept


def print_table(rows):
    width = max(len(row[0]) for row in rows)
    print(f"{'table':<{width}}  {'before':>7}  {'after':>7}  verdict")
    for table, before, after, verdict in rows:
        if before == after == 0:
            continue
        print(f"{table:<{width}}  {before!s:>7}  {after!s:>7}  {verdict}")
    empty = sum(1 for row in rows if row[1] == row[2] == 0)
    print(f"({empty} tables empty before and after, not listed)")


def drill(commit):
    if not commit_is_available(commit):
        print(
            f"Commit {commit} is not in this clone's history (a shallow clone?): "
            "fetch it (git fetch --unshallow) to run the upgrade drill."
        )
        return COMMIT_UNAVAILABLE
    with tempfile.TemporaryDirectory(prefix="k3cms-upgrade-") as temp:
        temp = Path(temp)
        old = temp / "old"
        old.mkdir()
        export(commit, old)
        database = temp / "drill.sqlite3"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "k3cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(temp / "media"),
            "REDIS_URL": "",
            # The old checkout's apps come from its own directory, not from this editable install.
            "PYTHONPATH": str(old),
        }
        manage(old, env, "migrate", "--noinput")
        manage(old, env, "load_demo_content")
        before = row_counts(database)
        hollow = [table for table in MUST_HAVE_ROWS if not before.get(table)]
        if hollow:
            print(f"The old demo left these tables empty, so the drill proves nothing: {hollow}")
            return 1

        env["PYTHONPATH"] = str(PROJECT)
        manage(PROJECT, env, "migrate", "--noinput")
        after = row_counts(database)
        rows, kept = compare(before, after)
        print(f"\nRow counts, database made by {commit}, migrated by this checkout:\n")
        print_table(rows)

        served = manage(PROJECT, env, "shell", "-c", SERVES)
        print("\n" + served.strip())
        codes = dict(line.split() for line in served.splitlines() if line.startswith("/"))
        serves = codes == {"/de/": "200", "/en/": "200"}
    print("\nContent kept." if kept else "\nContent LOST or changed (see the table).")
    if not serves:
        print("The migrated site does not answer /de/ and /en/ with 200.")
    return 0 if kept and serves else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="commit", default=DEFAULT_COMMIT, help="the earlier commit")
    sys.exit(drill(parser.parse_args().commit))


if __name__ == "__main__":
    main()
