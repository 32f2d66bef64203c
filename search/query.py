"""Turning what a reader typed into a safe, language-tolerant search query.

Only words reach the search backend: operators, quotes, brackets and SQL are dropped here, so
neither PostgreSQL's tsquery nor SQLite's FTS5 syntax ever sees them.

PostgreSQL's Snowball stemmers do not cover German plurals and gender forms well enough:
`german` stems "Künstlerinnen" to `kunstlerinn` but "Künstlerin" to `kunstlerin`, and leaves the
loanword "Workshops" as `workshops`. Each word is therefore searched together with a few forms
without (or with) a common ending; the backend stems each form with the reader's language on
PostgreSQL, and SQLite (no stemming) gets the same forms as exact words.
"""

import re

from modelsearch.query import And, Or, PlainText

MAX_WORDS = 8
MIN_STEM_LENGTH = 4
WORD = re.compile(r"\w+")
# German plural/gender endings (and the English plural "s"), longest first.
ENDINGS_TO_REMOVE = ("innen", "nen", "en", "er", "es", "n", "e", "s")


def search_words(query_string):
    """The words of a query, lowercased, without duplicates, at most MAX_WORDS."""
    words = []
    for word in WORD.findall(query_string.casefold()):
        word = word.strip("_")
        if word and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def expand_term(word):
    """The word and its forms with a common ending removed or added ("-in" + "nen" for gender)."""
    forms = [word]
    for ending in ENDINGS_TO_REMOVE:
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= MIN_STEM_LENGTH and stem not in forms:
            forms.append(stem)
    if len(word) >= MIN_STEM_LENGTH:
        endings = ("s", "en", "nen") if word.endswith("in") else ("s", "en")
        forms.extend(word + ending for ending in endings if word + ending not in forms)
    return forms


def shortest_form(word):
    return min(expand_term(word), key=len)


def build_query(words):
    """Every word must match, in any of its forms."""
    return And([Or([PlainText(form) for form in expand_term(word)]) for word in words])
