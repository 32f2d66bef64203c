"""What the browser tests share: Debian's Chromium through Playwright, logging in, screenshots.

Browser tests run against pytest-django's `live_server` in a transactional database that is
flushed afterwards (tests/conftest.py runs them last). Each builds its world with the factories
(a few seconds), except the one end-to-end test that loads the demo.

Screenshots go to `screenshots/` at the project root (ignored by git; `K3_SCREENSHOTS` moves
it): the closing notes of the editors' issues point at them.
"""

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

from core.demo import DEMO_PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(os.environ.get("K3_SCREENSHOTS", Path(settings.BASE_DIR) / "screenshots"))

# serialized_rollback: the flush after a browser test takes what the migrations made too (the
# tree's root, the admin permission, the root collection); the next test gets it back.
# xdist_group: under `make test` (pytest-xdist, --dist loadgroup) all browser tests run one after
# another in one worker; two live servers and Chromiums side by side on a 2-CPU machine timed out.
browser_test = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def chromium_or_skip():
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing on CI (the CI script installs it)")
    pytest.skip(f"{CHROMIUM} is not installed on this machine; the browser test needs it")


@contextlib.contextmanager
def chromium(monkeypatch):
    """A headless Chromium (Playwright's sync API) for the length of the block."""
    chromium_or_skip()
    # Playwright's sync API keeps an event loop in this thread; the test's own database reads
    # between browser steps are plain synchronous queries.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def with_password(user, language=None):
    """`user` with the demo password, and optionally their admin in `language`."""
    user.set_password(DEMO_PASSWORD)
    user.save()
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def login(browser, base_url, user, viewport=None):
    """A new browser context logged in as `user` (who must have the demo password): its page."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
    return page


def screenshot(page, name):
    """Save a full-page screenshot as screenshots/<name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
