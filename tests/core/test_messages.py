"""The compiled catalogues (.mo, committed) must match their sources (.po)."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def translated_entries(catalogue):
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural.get(0, "")
        for entry in catalogue
        if entry.msgid and entry.msgstr and "fuzzy" not in entry.flags and not entry.obsolete
    }


def test_there_are_german_and_english_catalogues():
    assert {path.parts[-3] for path in CATALOGUES} == {"de", "en"}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_compiled_catalogue_is_up_to_date(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"
    assert translated_entries(polib.mofile(str(mo_path))) == translated_entries(
        polib.pofile(str(po_path))
    ), f"{mo_path} is older than {po_path.name}: run `make messages`"


def test_every_german_ui_string_is_translated():
    catalogue = polib.pofile(str(LOCALE_DIR / "de" / "LC_MESSAGES" / "django.po"))
    untranslated = [
        e.msgid for e in catalogue if not e.obsolete and (not e.msgstr or "fuzzy" in e.flags)
    ]
    assert untranslated == []
