"""A short excerpt of a result's text around the first match, with the matches marked."""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.index import SearchField

from .query import shortest_form

EXCERPT_LENGTH = 240


def searchable_text(page):
    """The page's indexed text except the title, as plain text."""
    parts = []
    for field in page.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name == "title":
            continue
        parts.append(_as_text(field.get_value(page)))
    text = html.unescape(strip_tags(" ".join(parts)))
    return re.sub(r"\s+", " ", text).strip()


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)


def match_pattern(words):
    """Words that begin with the shortest form of a query word (so "Workshop" for "Workshops")."""
    if not words:
        return None
    prefixes = sorted({re.escape(shortest_form(word)) for word in words}, key=len, reverse=True)
    alternatives = "|".join(prefixes)
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def highlighted_excerpt(text, words, length=EXCERPT_LENGTH):
    """Escaped HTML: about `length` characters of `text` around the first match, matches in <mark>."""
    pattern = match_pattern(words)
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - length // 3) if match else 0
    if start:
        start = text.find(" ", start) + 1 or start  # begin at a word
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    excerpt = text[start:end]
    pieces = []
    position = 0
    for found in pattern.finditer(excerpt) if pattern else ():
        pieces.append(escape(excerpt[position : found.start()]))
        pieces.append(f"<mark>{escape(found.group())}</mark>")
        position = found.end()
    pieces.append(escape(excerpt[position:]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped
