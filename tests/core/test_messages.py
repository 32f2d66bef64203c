"""The compiled catalogues (.mo, committed) must match their sources (.po)."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def translations_of(entry):
    """The translated text(s) of an entry: one string, or every plural form."""
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


def is_translated(entry):
    return all(translations_of(entry)) and "fuzzy" not in entry.flags


def translated_entries(catalogue):
    return {
        (entry.msgctxt, entry.msgid): translations_of(entry)
        for entry in catalogue
        if entry.msgid and not entry.obsolete and is_translated(entry)
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
    untranslated = [e.msgid for e in catalogue if not e.obsolete and not is_translated(e)]
    assert untranslated == []


# What wagtail-localize shows German editors in English unless our catalogue translates it
# (core.localize_admin_i18n): these must survive `make messages` with their German.
WAGTAIL_LOCALIZE_GAPS = [
    "%(source)s to %(target)s translation",
    "More actions",
    "Translated with {tool_name} on {date}",
    "Translated manually on {date}",
    "Machine translated on {date}",
]


@pytest.mark.parametrize("msgid", WAGTAIL_LOCALIZE_GAPS)
def test_german_catalogue_translates_what_wagtail_localize_leaves_english(msgid):
    catalogue = polib.pofile(str(LOCALE_DIR / "de" / "LC_MESSAGES" / "django.po"))
    entry = catalogue.find(msgid)
    assert entry is not None and not entry.obsolete, f"{msgid!r} left our German catalogue"
    assert is_translated(entry)
    with translation.override("de"):
        assert translation.gettext(msgid) == entry.msgstr
