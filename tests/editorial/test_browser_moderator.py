"""Issue 13, in a real browser: K3 Redaktion finds a partner's submission once on the dashboard,
with the partner and the date, approves it with one click and reads the confirmation."""

import datetime

from wagtail.models import Page
from wagtail.users.models import UserProfile

from editorial.factories import moderator, partner_editor
from tests.browser import browser_test, chromium, login, screenshot, with_password

from .test_moderation_dashboard import submit, task_state_of

pytestmark = browser_test

TITLE = "Probebühne Wesel – neue Spielzeit"


def test_moderator_approves_from_the_dashboard_with_a_confirmation(
    partners, live_server, monkeypatch
):
    partner = partners[0]
    submit(partner, partner_editor(partner, first_name="Paula", last_name="Partner"), TITLE)
    submitted_at = task_state_of(partner).started_at
    redaktion = with_password(moderator(username="redaktion"), "de")

    with chromium(monkeypatch) as browser:
        page = login(browser, live_server.url, redaktion)
        panel = page.locator("#editorial-moderation-list-section")
        rows = panel.locator("tbody tr")
        assert rows.count() == 1
        row = rows.first
        assert TITLE in row.inner_text() and "Probebühne Wesel" in row.inner_text()
        assert "Paula Partner" in row.inner_text()
        shown_at = datetime.datetime.fromisoformat(row.locator("time").get_attribute("datetime"))
        assert abs(shown_at - submitted_at) < datetime.timedelta(seconds=1)
        # Once on the whole dashboard: Wagtail's own moderation panels are gone.
        assert page.get_by_text(TITLE).count() == 2  # our list, and the translation backlog
        assert page.locator("#awaiting-review-section").count() == 0
        screenshot(page, "moderator-dashboard-de")

        # In English from here, to read the confirmation in its source wording.
        profile = UserProfile.get_for_user(redaktion)
        profile.preferred_language = "en"
        profile.save()
        page.reload()
        row = page.locator("#editorial-moderation-list-section tbody tr").first
        row.get_by_role("button", name="Approve", exact=True).click()
        page.wait_for_load_state("load")
        message = page.locator(".messages")
        assert f"“{TITLE}” approved and published." in message.inner_text()
        assert page.locator("#editorial-moderation-list-section tbody tr").count() == 0
        # The message slides in: let it finish before the picture.
        page.wait_for_function(
            "() => document.querySelector('.messages li')?.getBoundingClientRect().height > 30"
        )
        screenshot(page, "moderator-approved")

    live = Page.objects.get(pk=partner.pk)
    assert live.live and live.title == TITLE and not live.has_unpublished_changes
