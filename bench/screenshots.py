"""Screenshots of the page shapes readers see most, at a phone's and a desktop's width, in both
languages (issue 15), to look at after a design change.

    make screenshots                       # serves the demo itself on a free port, then stops it
    BASE=http://127.0.0.1:8000 make screenshots   # against a site that is already running

Writes `screenshots/design/<language>-<page>-<width>.png` (full page; `K3_SCREENSHOTS` moves
the folder) and prints each path with the page's height and whether anything is wider than the
screen. The German pages are the first ones their listing links to; the English ones are their
`hreflang="en"` alternates.
"""

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (375, 1280)
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def first_link_in_main(base, listing, pattern):
    html = fetch(base + listing)
    main = html[html.index("<main") : html.index("</main>")]
    match = re.search(rf'href="({pattern})"', main)
    if match is None:
        sys.exit(f"no link matching {pattern} on {listing}: is the demo loaded (make demo)?")
    return match.group(1)


def english_alternate(base, path):
    html = fetch(base + path)
    match = re.search(r'<link rel="alternate" hreflang="en" href="([^"]+)"', html)
    if match is None:
        sys.exit(f"{path} has no English alternate")
    return re.sub(r"^https?://[^/]+", "", match.group(1)).replace("&amp;", "&")


def german_pages(base):
    return {
        "home": "/de/",
        "calendar": "/de/veranstaltungen/",
        "event": first_link_in_main(base, "/de/veranstaltungen/", r"/de/netzwerk/[^\"/]+/[^\"/]+/"),
        "partner": "/de/netzwerk/akademie-fuer-theater-und-digitalitaet/",
        "fellow": first_link_in_main(base, "/de/fellows/", r"/de/netzwerk/[^\"/]+/[^\"/]+/"),
        "press-release": first_link_in_main(
            base, "/de/presse/", r"/de/presse/(?!feed|press-kit|photos)[^\"/]+/"
        ),
        "search": "/de/search/?q=KI",
    }


def pages(base):
    german = german_pages(base)
    for name, path in german.items():
        yield "de", name, path
    for name, path in german.items():
        english = "/en/search/?q=AI" if name == "search" else english_alternate(base, path)
        yield "en", name, english


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def demo_server():
    """`manage.py runserver` on a free port with the project's database (make demo filled it)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                fetch(base + "/de/")
                break
            time.sleep(0.2)
        else:
            sys.exit("the development server did not start")
        yield base
    finally:
        server.terminate()
        server.wait()


def take(base, folder):
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    shots = list(pages(base))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu"]
        )
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for language, name, path in shots:
                page.goto(base + path, wait_until="networkidle")
                target = folder / f"{language}-{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                scroll_width, height = page.evaluate(
                    "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
                )
                fits = "fits" if scroll_width <= width else f"TOO WIDE ({scroll_width} px)"
                print(f"{target.relative_to(ROOT)}  {path}  {height} px high, {fits}")
            page.close()
        browser.close()


def main():
    folder = Path(os.environ.get("K3_SCREENSHOTS", ROOT / "screenshots")) / "design"
    base = os.environ.get("BASE", "").rstrip("/")
    if base:
        take(base, folder)
        return
    with demo_server() as started:
        take(started, folder)


if __name__ == "__main__":
    main()
