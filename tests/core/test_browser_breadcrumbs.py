"""Breadcrumbs in a real browser (issue 14): what a screen reader gets is the links alone (the
separators are drawn, not written), a keyboard user sees where the focus is, and a phone's width
wraps the trail instead of widening the page."""

import pytest

from core.factories import translate
from network.factories import FellowProfilePageFactory, PartnerIndexPageFactory, PartnerPageFactory
from tests.browser import browser_test, chromium, screenshot

pytestmark = browser_test


@pytest.fixture
def english_fellow(site, live_server):
    index = PartnerIndexPageFactory(title="Netzwerk", slug="netzwerk")
    partner = PartnerPageFactory(
        parent=index, title="Akademie für Theater und Digitalität", slug="akademie"
    )
    fellow = FellowProfilePageFactory(parent=partner, title="Mara Muster", slug="mara-muster")
    translate(index, "en", title="Network", slug="network")
    translate(partner, "en", title="Academy for Theatre and Digitality", slug="academy")
    english = translate(fellow, "en", title="Mara Muster", slug="mara-muster")
    return f"{live_server.url}{english.url}"


def test_breadcrumbs_read_as_links_show_focus_and_wrap(english_fellow, monkeypatch):
    from playwright.sync_api import expect

    with chromium(monkeypatch) as browser:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        page.goto(english_fellow)
        nav = page.get_by_role("navigation", name="Breadcrumb")
        expect(nav).to_be_visible()
        expect(nav).to_match_aria_snapshot(
            """
            - list:
              - listitem:
                - link "Home page"
              - listitem:
                - link "Network"
              - listitem:
                - link "Academy for Theatre and Digitality"
              - listitem:
                - link "Mara Muster"
            """
        )
        assert nav.get_by_role("link", name="Mara Muster").get_attribute("aria-current") == "page"
        # Wrapped within the phone's width, nothing wider than the window.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # The keyboard reaches the trail after the header, and the focus ring shows.
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('nav.breadcrumbs')"):
                break
        else:
            pytest.fail("Tab never reached the breadcrumbs")
        focused = page.evaluate_handle("document.activeElement")
        assert focused.evaluate("el => el.textContent") == "Home page"
        assert focused.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
        screenshot(page, "issue-14-breadcrumbs-phone")
