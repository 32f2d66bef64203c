""" "Did you mean …?": the closest words from the titles of the reader's language."""

import difflib

from django.core.cache import cache
from wagtail.models import Page

from core.visibility import visible_to_public

from .query import WORD

VOCABULARY_TIMEOUT = 15 * 60  # seconds; new titles reach suggestions within a quarter of an hour
MIN_WORD_LENGTH = 3


def title_vocabulary(locale):
    key = f"search:vocabulary:{locale.pk}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        titles = visible_to_public(Page.objects.filter(locale=locale)).values_list(
            "title", flat=True
        )
        vocabulary = sorted(
            {
                word
                for title in titles.iterator()
                for word in WORD.findall(title.casefold())
                if len(word) >= MIN_WORD_LENGTH
            }
        )
        cache.set(key, vocabulary, VOCABULARY_TIMEOUT)
    return vocabulary


def did_you_mean(words, locale):
    """The query with misspelt words replaced by close title words, or None if nothing changes."""
    vocabulary = title_vocabulary(locale)
    known = set(vocabulary)
    suggestion = []
    for word in words:
        if word in known or len(word) < MIN_WORD_LENGTH:
            suggestion.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        suggestion.append(close[0] if close else word)
    return " ".join(suggestion) if suggestion != list(words) else None
