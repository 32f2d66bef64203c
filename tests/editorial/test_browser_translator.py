"""Issue 13 in a real browser: a translator works from the dashboard's work list.

Translate a German page (machine pre-fill, one segment edited by hand), publish it in English; the
German page changes; Sync from the work list, land on the translation, translate the new text and
publish again; readers get the English text. Built with the factories on live_server.
"""

import pytest
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from core.factories import alias_in
from editorial.factories import translator
from home.factories import StandardPageFactory
from tests.browser import browser_test, chromium, login, screenshot, with_password

pytestmark = browser_test

GERMAN_INTRO = "Wir sind ein Netzwerk."
ENGLISH_INTRO = "We are a network."
NEW_GERMAN_INTRO = "Wir sind ein Netzwerk in ganz NRW."
NEW_ENGLISH_INTRO = "We are a network across North Rhine-Westphalia."


@pytest.fixture
def scene(live_server, site):
    german = StandardPageFactory(
        parent=site.home_de,
        title="Über das Netzwerk",
        slug="ueber-das-netzwerk",
        intro=GERMAN_INTRO,
    )
    alias_in(german, "en")  # as locale synchronisation makes it
    user = with_password(translator(username="uebersetzung"), "de")
    return {"german": german, "user": user, "url": live_server.url}


def worklist_row(page, title):
    return page.locator("#editorial-translator-worklist-content tr", has_text=title)


def translate_segment(page, source_text, translated_text):
    """In wagtail-localize's editor: open the segment showing `source_text`, type, save."""
    segment = page.locator("li.complete, li.incomplete").filter(has_text=source_text).last
    segment.get_by_role("button", name="Edit").or_(
        segment.get_by_role("button", name="Translate")
    ).click()
    segment.locator("textarea").fill(translated_text)
    segment.get_by_role("button", name="Save").click()
    page.locator("li.complete", has_text=translated_text).wait_for()


def publish_in_english(page):
    page.get_by_role("button", name="Publish in English").click()
    page.wait_for_load_state("networkidle")


def test_translator_translates_publishes_and_syncs_from_the_work_list(scene, monkeypatch):
    german, user, base = scene["german"], scene["user"], scene["url"]
    with chromium(monkeypatch) as browser:
        # The dashboard in German: the page waits for its translation.
        page = login(browser, base, user)
        assert worklist_row(page, german.title).get_attribute("data-worklist-state") == "missing"
        screenshot(page, "translator-dashboard-de")

        # From here on the English admin, to click by the English labels.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        page.reload()
        row = worklist_row(page, german.title)
        screenshot(page, "translator-worklist")
        row.get_by_role("link", name="Translate").click()

        # English is pre-selected; Submit opens the translation editor.
        assert page.get_by_label("English").is_checked()
        page.get_by_role("button", name="Submit").click()
        page.get_by_role("button", name="Publish in English").wait_for()
        # Publishing is the main action; converting back to an alias is not offered.
        assert page.get_by_text("Convert to alias page").count() == 0

        # Machine pre-fill (the dummy translator of the test settings), then one segment by hand.
        page.get_by_role("button", name="Translate with Dummy translator").click()
        page.get_by_role("button", name="Publish in English").wait_for()
        translate_segment(page, GERMAN_INTRO, ENGLISH_INTRO)
        screenshot(page, "translator-editor")
        publish_in_english(page)
        english = german.get_translation(Locale.objects.get(language_code="en")).specific
        assert english.live and english.intro == ENGLISH_INTRO

        # K3 Redaktion changes the German page and publishes it.
        changed = Page.objects.get(pk=german.pk).specific
        changed.intro = NEW_GERMAN_INTRO
        changed.save_revision().publish()

        # The work list shows the translation as out of date; Sync leads back to the translation.
        page.goto(f"{base}/admin/")
        row = worklist_row(page, german.title)
        assert row.get_attribute("data-worklist-state") == "outdated"
        row.get_by_role("link", name="Sync").click()
        page.get_by_role("button", name="Submit").click()
        page.get_by_role("button", name="Publish in English").wait_for()
        assert page.url.endswith(f"/admin/pages/{english.pk}/edit/")
        screenshot(page, "translator-synced")

        translate_segment(page, NEW_GERMAN_INTRO, NEW_ENGLISH_INTRO)
        publish_in_english(page)

        # Readers of the English page get the new English text.
        english.refresh_from_db()
        page.goto(f"{base}{english.url}")
        assert NEW_ENGLISH_INTRO in page.content()
        assert NEW_GERMAN_INTRO not in page.content()
