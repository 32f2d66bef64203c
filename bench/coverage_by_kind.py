"""Coverage of models, views and template tags, from a `coverage json` report.

    make coverage && .venv/bin/python -m coverage json -o /tmp/coverage.json
    .venv/bin/python bench/coverage_by_kind.py /tmp/coverage.json

A file counts as models, views or templatetags by its path (`models.py` or `models/`, `views.py`
or `views/`, `templatetags/`); everything else is "other". For an older commit, run
`coverage run --source=<its apps> --omit='*/migrations/*' -m pytest` and `coverage json` in its
checkout, then this script on that report.
"""

import json
import re
import sys

KINDS = [
    ("models", re.compile(r"(^|/)models(\.py|/)")),
    ("views", re.compile(r"(^|/)views(\.py|/)")),
    ("templatetags", re.compile(r"/templatetags/")),
]


def kind_of(path):
    return next((kind for kind, pattern in KINDS if pattern.search(path)), "other")


def main(report_path):
    totals = {kind: [0, 0] for kind in [*(kind for kind, _ in KINDS), "other", "all"]}
    with open(report_path) as report:
        files = json.load(report)["files"]
    for path, data in files.items():
        statements = data["summary"]["num_statements"]
        missed = data["summary"]["missing_lines"]
        for kind in (kind_of(path), "all"):
            totals[kind][0] += statements
            totals[kind][1] += missed
    for kind, (statements, missed) in totals.items():
        covered = 100 * (statements - missed) / statements if statements else 100.0
        print(f"{kind:13} {statements:5} statements {missed:4} missed {covered:5.1f} %")


if __name__ == "__main__":
    main(sys.argv[1])
