"""Issue 14 in a real browser: a partner pastes the event widget into its own website.

The partner editor copies the German and the English snippet from the admin's "Event widget"
page. A partner site on another origin (127.0.0.1 against the live server's localhost) pastes
both into a page under a strict Content Security Policy that names only the K3 origin, and sets
one custom property. The widgets show the partner's events and nothing of another partner's,
in both languages, themed, without cookies, CSP violations, requests to a third host or axe
violations. Built with the factories (no demo).
"""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils.text import slugify

from core.factories import translate
from editorial.factories import partner_editor
from events.choices import EventStatus
from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from network.factories import PartnerPageFactory
from tests.browser import browser_test, chromium, login, screenshot, with_password

from .conftest import berlin

pytestmark = browser_test

ACCENT = "rgb(128, 0, 64)"
DEFAULT_ACCENT = "rgb(10, 88, 202)"
HOST_CSS = """
body { max-width: 40rem; margin: 2rem auto; font-family: Georgia, serif; }
section + section { margin-top: 2rem; }
.themed { --k3-widget-accent: rgb(128, 0, 64); --k3-widget-radius: 0; --k3-widget-font: Georgia, serif; }
"""
HOST_PAGE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Probebühne Wesel – Termine</title>
<link rel="stylesheet" href="/host.css">
</head>
<body>
<main>
<h1>Probebühne Wesel</h1>
<section aria-label="Termine auf Deutsch" id="german">
{german}
</section>
<section aria-label="Events in English" id="english" class="themed" lang="en">
{english}
</section>
</main>
</body>
</html>
"""


class PartnerSite(SimpleHTTPRequestHandler):
    """The partner's web server: its files, under its Content Security Policy `csp`."""

    def __init__(self, *args, csp, **kwargs):
        self.csp = csp
        super().__init__(*args, **kwargs)

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def partner_site(tmp_path, live_server):
    """Serves `tmp_path` on 127.0.0.1, another origin than the live server's localhost, with a
    strict policy that names nothing but its own stylesheet and the K3 origin."""
    k3 = live_server.url
    csp = (
        f"default-src 'none'; script-src {k3}; connect-src {k3}; style-src 'self' {k3}; "
        f"img-src {k3}; base-uri 'none'; form-action 'none'"
    )
    handler = partial(PartnerSite, directory=str(tmp_path), csp=csp)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_address[1]}", root=tmp_path)
    server.shutdown()
    server.server_close()


@pytest.fixture
def widget_scene(site, live_server, frozen_now):
    calendar = EventIndexPageFactory(parent=site.home_de)
    translate(calendar, "en", title="Events", slug="events")
    wesel = PartnerPageFactory(title="Probebühne Wesel", slug="probebuehne-wesel", city="Wesel")
    xanten = PartnerPageFactory(title="Museumshof Xanten", slug="museumshof-xanten")
    venue = VenueFactory(name="Probenraum am Hafen", city="Wesel", postcode="46483")

    def event(parent, title, start, end, english=None, **fields):
        fields.setdefault("venue", venue)
        page = EventPageFactory(
            parent=parent, title=title, start=start, end=end, intro="…", **fields
        )
        if english:
            translate(page, "en", title=english, slug=slugify(english))
        return page

    event(
        wesel,
        "Offene Probe am Hafen",
        berlin(2027, 2, 4, 18),
        berlin(2027, 2, 4, 20),
        english="Open rehearsal at the harbour",
    )
    event(
        wesel,
        "Werkstatt: KI und Bühnenbild",
        berlin(2027, 3, 12, 10),
        berlin(2027, 3, 13, 16),
        english="Workshop: AI and stage design",
        status=EventStatus.CANCELLED,
    )
    event(
        wesel,
        "Sprechstunde online",
        berlin(2027, 2, 9, 17),
        berlin(2027, 2, 9, 18),
        format="online",
        venue=None,
    )
    event(xanten, "Führung im Museumshof", berlin(2027, 2, 5, 11), berlin(2027, 2, 5, 12))
    editor = with_password(partner_editor(wesel), "de")
    return {"partner": wesel, "editor": editor, "url": live_server.url}


def copied_snippets(browser, base, editor):
    """The German and English code from the admin page, as the editor copies it."""
    page = login(browser, base, editor)
    page.goto(f"{base}/admin/event-widget/")
    page.locator("#widget-preview-de .k3-events__title").first.wait_for()
    page.locator("#widget-preview-en .k3-events__title").first.wait_for()
    screenshot(page, "widget-admin")
    snippets = {lang: page.locator(f"#widget-code-{lang}").input_value() for lang in ("de", "en")}
    assert "probebuehne-wesel" in page.content()
    assert "museumshof-xanten" not in page.content()
    page.context.close()
    return snippets


def test_widget_on_a_partner_site_under_a_strict_csp(widget_scene, partner_site, monkeypatch):
    from playwright.sync_api import expect

    k3 = base = widget_scene["url"]
    host, root = partner_site.url, partner_site.root
    with chromium(monkeypatch) as browser:
        snippets = copied_snippets(browser, base, widget_scene["editor"])
        (root / "host.css").write_text(HOST_CSS)
        (root / "index.html").write_text(
            HOST_PAGE.format(german=snippets["de"], english=snippets["en"])
        )

        context = browser.new_context(viewport={"width": 900, "height": 900})
        # Before any of the page's own code: CSP violations as the page itself would see them.
        context.add_init_script(
            "window.cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', (event) =>"
            " window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));"
        )
        page = context.new_page()
        requests, console = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
        page.goto(f"{host}/index.html")

        german = page.locator("#german .k3-events")
        english = page.locator("#english .k3-events")
        expect(german).to_be_visible()
        expect(english).to_be_visible()
        expect(german.locator(".k3-events__title")).to_have_text(
            ["Offene Probe am Hafen", "Sprechstunde online", "Werkstatt: KI und Bühnenbild"]
        )
        expect(english.locator(".k3-events__title")).to_have_text(
            ["Open rehearsal at the harbour", "Workshop: AI and stage design"]
        )
        expect(german).to_contain_text("Kommende Veranstaltungen")
        expect(german).to_contain_text("4. Februar 2027, 18:00")
        expect(german).to_contain_text("Abgesagt")
        expect(english).to_contain_text("Upcoming events")
        expect(english).to_contain_text("4 February 2027, 18:00")
        for widget in (german, english):
            expect(widget).not_to_contain_text("Führung im Museumshof")
        screenshot(page, "widget-partner-site")

        # The host's custom property reaches into the shadow root, and only where it is set.
        def accent(widget):
            return widget.locator(".k3-events__title a").first.evaluate(
                "(link) => getComputedStyle(link).color"
            )

        assert accent(english) == ACCENT
        assert accent(german) == DEFAULT_ACCENT

        assert page.evaluate("window.cspViolations") == []
        assert not [line for line in console if "Content Security Policy" in line], console
        assert not [line for line in console if line.startswith("error")], console
        origins = {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in requests}
        assert origins <= {host, k3}, origins
        assert context.cookies() == []

        # Last: axe adds styles of its own, which the host's policy reports.
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        context.close()
