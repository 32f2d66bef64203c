"""Lighthouse scores of the pages issues 14 and 15 name, against a running site (`make run`).

    make lighthouse                      # http://127.0.0.1:8000: performance, SEO, accessibility,
                                         # best practices, and each page's weight
    BASE=http://127.0.0.1:8001 make lighthouse

Runs `npx lighthouse@12.2.3` with the machine's Chromium (CHROME_PATH, default /usr/bin/chromium),
one page after another, and prints each category's score, the page's weight (everything it
transferred, fonts apart too) and every audit that did not pass.
The event and press release are the first ones the calendar and the press room link to.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request

LIGHTHOUSE = "lighthouse@12.2.3"
CATEGORIES = ["performance", "seo", "accessibility", "best-practices"]


def first_link(base, listing, pattern):
    html = urllib.request.urlopen(base + listing).read().decode()
    match = re.search(pattern, html)
    if match is None:
        sys.exit(f"no link matching {pattern} on {listing}: is the demo loaded?")
    return match.group(1)


def pages(base):
    return {
        "home": "/de/",
        "calendar": "/de/veranstaltungen/",
        "event": first_link(base, "/de/veranstaltungen/", r'<a href="(/de/netzwerk/[^"]+/[^"]+/)"'),
        "press release": first_link(
            base, "/de/presse/", r'<a href="(/de/presse/(?!feed|press-kit|photos)[^"/]+/)"'
        ),
        "news": first_link(base, "/de/aktuelles/", r'<a href="(/de/aktuelles/(?!feed)[^"/]+/)"'),
        "home (en)": "/en/",
    }


def audit(url):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                "npx",
                "-y",
                LIGHTHOUSE,
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
            stderr=subprocess.DEVNULL,
        )
        return json.load(open(report.name))


def weight(result):
    """Bytes the page transferred in all, and those of fonts (Lighthouse's network records)."""
    requests = result["audits"]["network-requests"]["details"]["items"]
    total = sum(request.get("transferSize", 0) for request in requests)
    fonts = sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") == "Font")
    return total, fonts


def main():
    base = os.environ.get("BASE", "http://127.0.0.1:8000").rstrip("/")
    print(f"{LIGHTHOUSE} against {base}")
    print(
        f"{'page':15} {'path':62} "
        + " ".join(f"{c:>14}" for c in CATEGORIES)
        + f" {'weight KB':>10} {'fonts KB':>9}"
    )
    for name, path in pages(base).items():
        result = audit(base + path)
        scores = [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]
        total, fonts = weight(result)
        print(
            f"{name:15} {path:62} "
            + " ".join(f"{s:>14}" for s in scores)
            + f" {total / 1024:>10.1f} {fonts / 1024:>9.1f}"
        )
        for category in CATEGORIES:
            for ref in result["categories"][category]["auditRefs"]:
                found = result["audits"][ref["id"]]
                if ref["weight"] and found.get("score") is not None and found["score"] < 1:
                    print(f"{'':15}   {category}: {found['title']}")


if __name__ == "__main__":
    main()
