"""Issue 13, in a real browser: the press office schedules a release through the Status side
panel's "Set schedule", publishes it (so it is under embargo) and finds it on the dashboard with
its go-live time."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override
from wagtail.users.models import UserProfile

from editorial.factories import press_officer
from press.factories import PressReleasePageFactory
from press.models import PressReleasePage
from tests.browser import browser_test, chromium, login, screenshot, with_password

pytestmark = browser_test

TITLE = "K3 beruft neue Fellows"


def test_press_officer_schedules_a_release_and_sees_it_on_the_dashboard(
    room, live_server, monkeypatch
):
    release = PressReleasePageFactory(parent=room, title=TITLE, slug="neue-fellows", live=False)
    release.save_revision()
    officer = with_password(press_officer(username="presse"), "en")
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=3)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    base = live_server.url

    with chromium(monkeypatch) as browser:
        page = login(browser, base, officer)
        page.goto(f"{base}/admin/pages/{release.pk}/edit/")
        page.locator('[data-side-panel-toggle="status"]').click()
        page.get_by_role("button", name="Set schedule").click()
        page.fill("#id_go_live_at", go_live.strftime("%Y-%m-%d %H:%M"))
        # The date picker stays open over the dialog's button: click it there all the same.
        page.get_by_role("button", name="Save schedule").dispatch_event("click")
        page.wait_for_load_state("load")
        page.get_by_role("button", name="More actions").click()
        page.locator("button[name=action-publish]").click()
        page.wait_for_load_state("load")

        release = PressReleasePage.objects.get(pk=release.pk)
        assert not release.live and release.go_live_at == go_live  # under embargo
        assert "scheduled" in page.locator(".messages").inner_text()

        page.goto(f"{base}/admin/")
        row = page.locator(f'#press-releases-section tr[data-press-release="{release.pk}"]')
        with override("en"):
            assert date_format(go_live, "DATETIME_FORMAT") in row.inner_text()
        assert "scheduled" in row.inner_text().lower()
        screenshot(page, "press-scheduled")

        profile = UserProfile.get_for_user(officer)
        profile.preferred_language = "de"
        profile.save()
        page.goto(f"{base}/admin/")
        row = page.locator(f'#press-releases-section tr[data-press-release="{release.pk}"]')
        with override("de"):
            assert date_format(go_live, "DATETIME_FORMAT") in row.inner_text()
        screenshot(page, "press-dashboard-de")
