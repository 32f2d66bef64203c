"""Every page shape in a real browser, in both languages (issue 15): axe-core finds no
violation, and on a 320 px phone nothing is wider than the screen. Built with the factories:
one page of each type, with images, each translated."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from core.factories import K3ImageFactory, translate
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory
from network.factories import (
    FellowIndexPageFactory,
    FellowProfilePageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory
from press.factories import PressReleasePageFactory, PressRoomPageFactory
from tests.browser import browser_test, chromium

pytestmark = browser_test

PHONE = {"width": 320, "height": 700}
DESKTOP = {"width": 1280, "height": 900}


def picture():
    return K3ImageFactory(description="Eine Bühne im Gegenlicht")


@pytest.fixture
def page_shapes(site, live_server):
    """(name, German URL, English URL) of one page of each type."""
    programs = ProgramIndexPageFactory()
    program = ProgramPageFactory(
        parent=programs, title="KI-Akademie", listing_image=picture(), open_call=True
    )
    partners = PartnerIndexPageFactory()
    partner = PartnerPageFactory(
        parent=partners,
        title="Akademie für Theater und Digitalität",
        slug="akademie",
        listing_image=picture(),
    )
    fellows = FellowIndexPageFactory()
    fellow = FellowProfilePageFactory(parent=fellows, title="Mara Muster", listing_image=picture())
    calendar = EventIndexPageFactory()
    event = EventPageFactory(parent=calendar, title="Werkstatt: Stimmen aus der Maschine")
    news_index = NewsIndexPageFactory()
    news = NewsPageFactory(parent=news_index, title="Bewerbung für die KI-Akademie offen")
    press_room = PressRoomPageFactory()
    release = PressReleasePageFactory(parent=press_room, title="K3 startet")
    imprint = StandardPageFactory(title="Impressum", slug="impressum")
    shapes = [
        ("home", site.home_de, site.home_en),
        ("programs", programs, None),
        ("program", program, None),
        ("partners", partners, None),
        ("partner", partner, None),
        ("fellows", fellows, None),
        ("fellow", fellow, None),
        ("calendar", calendar, None),
        ("event", event, None),
        ("news index", news_index, None),
        ("news", news, None),
        ("press room", press_room, None),
        ("press release", release, None),
        ("plain page", imprint, None),
    ]
    urls = []
    for name, german, english in shapes:
        english = english or translate(german, "en")
        urls.append((name, german.url, english.url))
    urls.append(("search", "/de/search/?q=Akademie", "/en/search/?q=Akademie"))
    return [(name, live_server.url + de, live_server.url + en) for name, de, en in urls]


def test_every_page_shape_passes_axe_and_fits_a_320px_phone(page_shapes, monkeypatch):
    problems = []
    with chromium(monkeypatch) as browser:
        for viewport in (DESKTOP, PHONE):
            page = browser.new_page(viewport=viewport)
            for name, *urls in page_shapes:
                for url in urls:
                    response = page.goto(url)
                    assert response.status == 200, url
                    results = Axe().run(page)
                    if results.violations_count:
                        problems.append(
                            f"{url} at {viewport['width']} px:\n{results.generate_report()}"
                        )
                    width = page.evaluate("document.documentElement.scrollWidth")
                    if width > viewport["width"]:
                        problems.append(f"{name} {url}: {width} px wide at {viewport['width']} px")
            page.close()
    assert not problems, "\n".join(problems)
