import copy
from collections import defaultdict

from django.db.models import Q
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Or, PlainText
from wagtail.models import Locale, TranslatableMixin


class LanguageAwareIndex(PostgresIndex):
    """Stems an object that has a locale with its language's config.

    German pages get `german`; English pages, and the German aliases in the English tree, get
    `english`, so each tree is stemmed the same way as its readers' queries.
    """

    def add_items(self, model, objs):
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            language_code = language_codes.get(getattr(obj, "locale_id", None))
            by_config[self.backend.config_for_language(language_code)].append(obj)
        for config, group in by_config.items():
            # Wagtail's indexer reads the config from the backend its index was given.
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


def _plain_texts(query):
    """The PlainText leaves of an And/Or tree, or None if it holds anything else (Not, Phrase)."""
    if isinstance(query, PlainText):
        return [query]
    if isinstance(query, (And, Or)):
        leaves = [_plain_texts(subquery) for subquery in query.subqueries]
        if all(leaf is not None for leaf in leaves):
            return [text for leaf in leaves for text in leaf]
    return None


def _merge_forms(query):
    """Or(PlainText…) as one PlainText with operator "or": one tsquery, so ranked once, not per form."""
    if isinstance(query, Or) and all(isinstance(sub, PlainText) for sub in query.subqueries):
        return PlainText(" ".join(sub.query_string for sub in query.subqueries), operator="or")
    if isinstance(query, And):
        return And([_merge_forms(sub) for sub in query.subqueries])
    return query


class LanguageAwareQueryCompiler(PostgresSearchQueryCompiler):
    """Stems a query on translatable objects with the config of the reader's language.

    Wagtail matches the query against `title || body`, an expression no index covers, so every
    entry of the model is read. A page can only match if its title or its body contains one of
    the query's words: that condition is added first, so PostgreSQL narrows the candidates with
    the GIN indexes on `title` and `body` before checking and ranking them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = _merge_forms(self.query)

    def get_config(self, backend):
        if issubclass(self.queryset.model, TranslatableMixin):
            return backend.config_for_language(get_language())
        return backend.config

    def search(self, config, start, stop, score_field=None, backend=None):
        words = _plain_texts(self.query)
        if not words:
            return super().search(config, start, stop, score_field, backend)
        any_word = self.build_tsquery(
            Or([PlainText(word.query_string, operator="or") for word in words]), config=config
        )
        unfiltered = self.queryset
        # The join this filter makes is the one Wagtail's vector and rank then reuse.
        self.queryset = unfiltered.filter(
            Q(index_entries__title=any_word) | Q(index_entries__body=any_word)
        )
        try:
            return super().search(config, start, stop, score_field, backend)
        finally:
            self.queryset = unfiltered


class LanguageAwarePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageAwareIndex
    query_compiler_class = LanguageAwareQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = params.get("LANGUAGE_SEARCH_CONFIGS", {})

    def config_for_language(self, language_code):
        return self.language_configs.get(language_code, self.config)

    def with_config(self, config):
        backend = copy.copy(self)
        backend.config = config
        return backend
