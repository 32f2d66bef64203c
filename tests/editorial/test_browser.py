"""Acceptance 6: a partner editor submits an event in a real browser, K3 Redaktion approves it;
the calendar and the event then fit a phone's screen.

Runs against pytest-django's live_server (a transactional database, flushed afterwards: the
session demo is gone after this test, which is why tests/conftest.py runs browser tests last and
this test loads the demo itself).
"""

import datetime
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, WorkflowState

from core.demo import child_page
from editorial.groups import REDAKTION
from editorial.models import PartnerSpace
from network.models import PartnerPage
from tests.browser import browser_test, chromium, login, with_password

pytestmark = [*browser_test, pytest.mark.demo]


def _user(username, group):
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.groups.add(group)
    # English admin, so the test can click buttons by their labels.
    return with_password(user, "en")


@pytest.fixture
def event_scene(site, live_server):
    """The demo (on the bare site, as in every other test), an event below a partner, its editor
    and a moderator (passwords: k3-demo)."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from events.factories import EventPageFactory
    from events.models import EventPage

    partner = PartnerPage.objects.filter(locale__language_code="de").order_by("path").first()
    if EventPage not in PartnerPage.allowed_subpage_models():
        pytest.fail("EventPage may not be created below PartnerPage")
    event = EventPage.objects.child_of(partner).first()
    if event is None:
        start = timezone.now() + datetime.timedelta(days=30)
        event = child_page(
            partner,
            EventPageFactory,
            "browser-test-abend",
            title="Browsertest-Abend",
            start=start,
            end=start + datetime.timedelta(hours=2),
            intro="Ein Abend für den Browsertest.",
        )
    call_command("sync_partner_spaces", verbosity=0)
    space = PartnerSpace.objects.get(partner_key=partner.translation_key)
    editor = _user(f"{partner.slug}-editor", space.group)
    moderator = _user("redaktion", space.group.__class__.objects.get(name=REDAKTION))
    return {"event": event, "editor": editor, "moderator": moderator, "url": live_server.url}


def test_partner_editor_submits_event_and_redaktion_approves(event_scene, monkeypatch):
    event, base = event_scene["event"], event_scene["url"]
    new_title = "Abend über KI im Theater (geprüft)"
    with chromium(monkeypatch) as browser:
        # The partner editor edits the event and submits it for moderation.
        page = login(browser, base, event_scene["editor"])
        page.goto(f"{base}/admin/pages/{event.pk}/edit/")
        page.fill("#id_title", new_title)
        page.get_by_role("button", name="More actions").click()
        page.locator("button[name=action-submit]").click()
        page.wait_for_load_state("networkidle")
        assert WorkflowState.objects.active().filter(object_id=str(event.pk)).exists()
        assert Page.objects.get(pk=event.pk).title != new_title  # not live yet

        # K3 Redaktion approves it from the dashboard's moderation list and is told so.
        page = login(browser, base, event_scene["moderator"])
        row = page.locator("#editorial-moderation-list-section tbody tr", has_text=new_title)
        assert row.count() == 1
        row.get_by_role("button", name="Approve", exact=True).click()
        page.wait_for_load_state("load")
        assert f"“{new_title}” approved and published." in page.locator(".messages").inner_text()
        live = Page.objects.get(pk=event.pk)
        assert live.title == new_title

        # The public page shows the new title.
        page.goto(f"{base}{live.url}")
        assert new_title in page.locator("h1").inner_text()

        # Readers on a phone: the calendar, its filter form (long partner names), the event
        # and its partner's page (long e-mail addresses) fit the screen without sideways
        # scrolling, in both languages.
        partner = live.get_parent()
        paths = ["/de/veranstaltungen/", "/en/events/", live.url, partner.url]
        paths.append(partner.get_translation(Locale.objects.get(language_code="en")).url)
        phone = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
        for path in paths:
            phone.goto(f"{base}{path}")
            overflow = phone.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (path, overflow)
