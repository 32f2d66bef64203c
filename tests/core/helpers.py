"""Helpers for tests/core: pages in both languages, made with the factories on top of `site`."""

from core.factories import locale, translate


def in_english(page, **fields):
    """The page's real English translation: the existing one (the session demo has most), or
    one made now. An alias does not count: it is no translation a reader can tell apart."""
    existing = page.get_translation_or_none(locale("en"))
    if existing is not None and not existing.alias_of_id:
        return existing.specific
    return translate(page, "en", **fields)
