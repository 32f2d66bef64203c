import copy
from collections import defaultdict

from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
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


class LanguageAwareQueryCompiler(PostgresSearchQueryCompiler):
    """Stems a query on translatable objects with the config of the reader's language."""

    def get_config(self, backend):
        if issubclass(self.queryset.model, TranslatableMixin):
            return backend.config_for_language(get_language())
        return backend.config


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
