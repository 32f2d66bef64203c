"""Issue 13: a German admin sees wagtail-localize in German, its dates included.

Through HTTP as a German-admin translator: the translate and sync forms, the translation editor
(a React app: what reaches it in its props, its script catalogue and our label translations),
the page editor's menu and the dashboard.
"""

import html
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import wagtail_localize
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision
from wagtail_localize.models import StringTranslation, TranslationSource

from core.factories import translate
from editorial.factories import moderator, translator
from home.factories import StandardPageFactory
from tests.browser import with_password

pytestmark = pytest.mark.django_db

# Month names that differ between the two languages ("April", "August" … are the same).
ENGLISH_ONLY_MONTHS = re.compile(r"\b(January|February|March|May|June|July|October|December)\b")
SECOND_OF_DECEMBER = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
SOURCE_TEXTS = {
    "Probeseite": "Trial page",
    "Ein kurzer Vorspann.": "A short lead.",
    "probeseite": "trial-page",
}


@pytest.fixture
def german_translator():
    return with_password(translator(username="uebersetzerin"), "de")


@pytest.fixture
def page_in_translation(site, german_translator):
    """A German page whose English draft translation the translator made on 2 December 2026."""
    page = StandardPageFactory(parent=site.home_de, title="Probeseite", slug="probeseite")
    target = translate(page, "en", publish=False, user=german_translator, strings=SOURCE_TEXTS)
    StringTranslation.objects.filter(locale=site.en).update(updated_at=SECOND_OF_DECEMBER)
    Revision.objects.filter(object_id=str(target.pk)).update(created_at=SECOND_OF_DECEMBER)
    return page, target


def editor_props(response):
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert match, "not wagtail-localize's translation editor"
    return json.loads(html.unescape(match.group(1)))


def test_translation_editor_dates_the_strings_in_german(
    client, german_translator, page_in_translation
):
    _page, target = page_in_translation
    client.force_login(german_translator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))

    comments = {item["comment"] for item in editor_props(response)["initialStringTranslations"]}
    assert comments == {"Manuell übersetzt am 2. Dezember 2026"}
    assert not ENGLISH_ONLY_MONTHS.search(response.text)


def test_a_segment_saved_in_the_editor_is_dated_in_german(
    client, german_translator, page_in_translation
):
    _page, target = page_in_translation
    client.force_login(german_translator)
    props = editor_props(client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])))
    segment = next(s for s in props["segments"] if s["source"] == "Ein kurzer Vorspann.")

    # As the editor's script saves a segment.
    response = client.put(
        segment["editUrl"], "value=A brief lead.", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code in {200, 201}
    assert re.fullmatch(r"Manuell übersetzt am \d{1,2}\. \w+ \d{4}", response.json()["comment"])
    assert not ENGLISH_ONLY_MONTHS.search(response.json()["comment"])


def test_translation_editor_gets_german_for_its_english_labels(
    client, german_translator, page_in_translation
):
    _page, target = page_in_translation
    client.force_login(german_translator)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))

    strings = json.loads(
        re.search(
            r'<script id="k3-localize-editor-strings" type="application/json">(.*?)</script>',
            response.text,
        ).group(1)
    )
    assert strings == {
        "heading": "Übersetzung von %(source)s nach %(target)s",
        "labels": {"More actions": "Mehr Aktionen"},
    }
    assert re.search(r'<script src="[^"]*/js/localize-editor-strings\.js" defer>', response.text)
    assert finders.find("js/localize-editor-strings.js")
    props = editor_props(response)
    assert (props["sourceLocale"]["displayName"], props["locale"]["displayName"]) == (
        "Deutsch",
        "Englisch",
    )
    assert {tab["label"] for tab in props["tabs"]} >= {"Inhalt"}


def test_the_labels_are_still_hard_coded_in_wagtail_localize():
    """When this fails, wagtail-localize translates the labels itself: retire the script and
    core.localize_admin_i18n's EDITOR_* strings."""
    bundle = (
        Path(wagtail_localize.__file__).parent / "static/wagtail_localize/js/wagtail-localize.js"
    )
    code = bundle.read_text()
    assert '"More actions"' in code
    assert "${r.sourceLocale.displayName} to ${r.locale.displayName} translation" in code


def script_catalogue(response):
    """The translations and formats Django's JavaScriptCatalog hands the browser."""
    code = response.content.decode()
    return (
        json.loads(re.search(r"const newcatalog = (\{.*?\});\n", code, re.DOTALL).group(1)),
        json.loads(re.search(r"django\.formats = (\{.*?\});\n", code, re.DOTALL).group(1)),
    )


def test_translation_editor_script_catalogue_is_german(client, german_translator):
    """The editor's own labels go through `gettext` and this catalogue."""
    client.force_login(german_translator)

    catalogue, formats = script_catalogue(
        client.get(reverse("wagtail_localize:javascript_catalog"))
    )

    assert (
        catalogue.items()
        >= {
            "Publish in ": "Veröffentlichen in ",
            "Convert to alias page": "In Alias umwandeln",
            "Translate with ": "Übersetzen mit ",
            "Not translated": "Nicht übersetzt",
            "Stop Synced translation": "Synchronisierte Übersetzung stoppen",
        }.items()
    )
    assert formats["DATE_FORMAT"] == "j. F Y"


def test_translate_and_sync_forms_are_german(client, german_translator, page_in_translation):
    page, _target = page_in_translation
    client.force_login(german_translator)
    source = TranslationSource.objects.get_for_instance(page)
    TranslationSource.objects.filter(pk=source.pk).update(last_updated_at=SECOND_OF_DECEMBER)

    submit = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk])).text
    sync = client.get(reverse("wagtail_localize:update_translations", args=[source.pk])).text

    assert "Seite übersetzen" in submit and "Translate page" not in submit
    for german in [
        "Vorhandene Übersetzungen aktualisieren",
        "Sofort veröffentlichen",
        "Maschinelle Übersetzung verwenden",
        "2. Dezember 2026",
    ]:
        assert german in sync
    for english in [
        "Update existing translations",
        "Publish immediately",
        "Use machine translation",
    ]:
        assert english not in sync
    assert not ENGLISH_ONLY_MONTHS.search(submit + sync)


def test_page_menu_offers_the_translation_actions_in_german(client, site, page_in_translation):
    page, _target = page_in_translation
    editor_in_chief = with_password(moderator(username="redaktion-de"), "de")
    client.force_login(editor_in_chief)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert "Übersetzte Seiten synchronisieren" in response.text
    assert "Sync translated pages" not in response.text
    untranslated = StandardPageFactory(parent=site.home_de, title="Neu", slug="neu")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[untranslated.pk]))
    assert (
        reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk]) in response.text
    )
    assert "Diese Seite übersetzen" in response.text
    assert "Translate this page" not in response.text


def test_dashboard_dates_are_german(client, page_in_translation):
    page, _target = page_in_translation
    editor_in_chief = with_password(moderator(username="redaktion-de"), "de")
    page.save_revision(user=editor_in_chief, log_action=True)
    PageLogEntry.objects.filter(user=editor_in_chief).update(timestamp=SECOND_OF_DECEMBER)
    client.force_login(editor_in_chief)

    response = client.get(reverse("wagtailadmin_home"))

    assert "2. Dezember 2026" in response.text  # "your most recent edits"
    assert not ENGLISH_ONLY_MONTHS.search(response.text)
