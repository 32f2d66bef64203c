"""Issue 13 in a real browser: a translator with a German admin sees wagtail-localize's
translation editor (a React app) in German, the labels it hard-codes in English included."""

from datetime import UTC, datetime

from wagtail_localize.models import StringTranslation

from core.factories import translate
from editorial.factories import translator
from home.factories import StandardPageFactory
from tests.browser import browser_test, chromium, login, screenshot, with_password

pytestmark = browser_test


def test_translator_sees_the_translation_editor_in_german(site, live_server, monkeypatch):
    german_translator = with_password(translator(username="uebersetzerin"), "de")
    page = StandardPageFactory(parent=site.home_de, title="Probeseite", slug="probeseite")
    target = translate(
        page,
        "en",
        publish=False,
        user=german_translator,
        strings={
            "Probeseite": "Trial page",
            "Ein kurzer Vorspann.": "A short lead.",
            "probeseite": "trial-page",
        },
    )
    StringTranslation.objects.filter(locale=site.en).update(
        updated_at=datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    )

    with chromium(monkeypatch) as browser:
        tab = login(browser, live_server.url, german_translator)
        tab.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
        editor = tab.locator(".js-translation-editor")
        heading = editor.locator("section h3").first
        heading.wait_for()

        assert heading.inner_text() == "Übersetzung von Deutsch nach Englisch"
        assert editor.get_by_text("Mehr Aktionen").count() >= 1
        assert editor.get_by_text("Manuell übersetzt am 2. Dezember 2026").count() == 3
        english = editor.evaluate("element => element.textContent")
        for text in ["translation", "More actions", "December", "Translated manually"]:
            assert text not in english
        screenshot(tab, "translator-editor-de")
