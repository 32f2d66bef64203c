"""The compact header in a real browser (issue 15): on a phone one short bar with a menu and a
search button that open their panels, say so to screen readers and close with Escape; without
script the navigation and the search stay reachable; on a desktop the navigation is in the bar."""

import pytest

from navigation.factories import NavigationFactory
from network.factories import PartnerIndexPageFactory, ProgramIndexPageFactory
from tests.browser import browser_test, chromium, screenshot

pytestmark = browser_test

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def home_url(site, live_server):
    programs = ProgramIndexPageFactory(title="Programme", slug="programme")
    network = PartnerIndexPageFactory(title="Netzwerk", slug="netzwerk")
    NavigationFactory(main_pages=[programs, network])
    return f"{live_server.url}/de/"


def test_phone_header_is_one_bar_whose_menu_opens_and_closes_by_keyboard(home_url, monkeypatch):
    from playwright.sync_api import expect

    with chromium(monkeypatch) as browser:
        page = browser.new_page(viewport=PHONE)
        page.goto(home_url)
        header = page.locator("header.site-header")
        assert header.bounding_box()["height"] <= 80
        nav = page.get_by_role("navigation", name="Hauptnavigation")
        expect(nav).to_be_hidden()

        menu = page.get_by_role("button", name="Menü")
        assert menu.get_attribute("aria-controls") == "site-header-menu"
        expect(menu).to_have_attribute("aria-expanded", "false")
        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(nav).to_be_visible()
        expect(nav.get_by_role("link", name="Netzwerk")).to_be_visible()
        screenshot(page, "issue-15-header-phone-menu-open")

        # The panel follows the button: Tab goes on into the navigation.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('nav.main-nav') !== null")
        page.keyboard.press("Escape")
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(nav).to_be_hidden()
        assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")

        # A second press of the button closes the menu too.
        menu.click()
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "false")


def test_phone_search_button_opens_the_search_form_and_searches(home_url, monkeypatch):
    from playwright.sync_api import expect

    with chromium(monkeypatch) as browser:
        page = browser.new_page(viewport=PHONE)
        page.goto(home_url)
        field = page.get_by_role("searchbox", name="Website durchsuchen")
        expect(field).to_be_hidden()
        # The icon's name; the form's own submit button, once open, is named "Suche" too.
        search = page.get_by_role("button", name="Suche", exact=True).and_(
            page.locator("[aria-controls=site-header-search]")
        )
        search.click()
        expect(search).to_have_attribute("aria-expanded", "true")
        expect(field).to_be_focused()
        assert page.locator("header.site-header").bounding_box()["height"] > 80  # open below
        page.keyboard.type("Quallen")
        page.keyboard.press("Enter")
        page.wait_for_url("**/de/search/?q=Quallen")
        expect(page.get_by_role("heading", level=1)).to_have_text("Suche")


def test_without_script_the_navigation_and_search_are_open(home_url, monkeypatch):
    from playwright.sync_api import expect

    with chromium(monkeypatch) as browser:
        context = browser.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        page.goto(home_url)
        expect(page.get_by_role("navigation", name="Hauptnavigation")).to_be_visible()
        expect(page.get_by_role("searchbox", name="Website durchsuchen")).to_be_visible()
        expect(page.get_by_role("button", name="Menü")).to_be_hidden()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        screenshot(page, "issue-15-header-phone-without-script")


def test_desktop_header_shows_the_navigation_in_the_bar(home_url, monkeypatch):
    from playwright.sync_api import expect

    with chromium(monkeypatch) as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(home_url)
        nav = page.get_by_role("navigation", name="Hauptnavigation")
        expect(nav).to_be_visible()
        expect(page.get_by_role("button", name="Menü")).to_be_hidden()
        assert page.locator("header.site-header").bounding_box()["height"] <= 80
        link = nav.get_by_role("link", name="Programme").bounding_box()
        brand = page.locator(".site-header__brand").bounding_box()
        assert abs(link["y"] + link["height"] / 2 - (brand["y"] + brand["height"] / 2)) < 8
        screenshot(page, "issue-15-header-desktop")
