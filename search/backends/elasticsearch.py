"""Elasticsearch 9, one index per language.

Each WAGTAILSEARCH_BACKENDS entry made by
search.backends.elasticsearch_settings.per_language_backends serves one
language: its index is analysed for that language, and it only accepts
objects of that language, so an English page is never analysed with Greek
rules. Objects without a locale (images, documents) are language-neutral and
go to every language's index. See docs/decisions/0012-elasticsearch-per-locale.md.
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)

from search.backends.queries import CleanQueryMixin


class LanguageMapping(Elasticsearch9Mapping):
    # The stock mapping searches autocomplete fields with the "standard"
    # analyzer, which keeps Greek accents: «Διερμ» would not find «διερμ».
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "autocomplete_search",
    }


class LanguageIndex(Elasticsearch9Index):
    def add_item(self, item):
        if self.backend.accepts(item):
            super().add_item(item)

    def add_items(self, model, items):
        items = self.backend.accepted(items)
        if items:
            super().add_items(model, items)


class LanguageSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = LanguageMapping


class LanguageAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = LanguageMapping


class LanguageElasticsearchBackend(CleanQueryMixin, Elasticsearch9SearchBackend):
    """Options as the stock backend's, plus LANGUAGE (a Locale language code)."""

    mapping_class = LanguageMapping
    index_class = LanguageIndex
    query_compiler_class = LanguageSearchQueryCompiler
    autocomplete_query_compiler_class = LanguageAutocompleteQueryCompiler

    def __init__(self, params):
        params = dict(params)
        self.language_code = params.pop("LANGUAGE", None)
        super().__init__(params)
        self._locale_ids = None

    def locale_ids(self):
        """Ids of the Locales of this backend's language (looked up once)."""
        if self._locale_ids is None:
            from wagtail.models import Locale

            self._locale_ids = frozenset(
                Locale.objects.filter(language_code__iexact=self.language_code).values_list("pk", flat=True)
            )
        return self._locale_ids

    def accepts(self, obj):
        if self.language_code is None:
            return True
        locale_id = getattr(obj, "locale_id", None)
        return locale_id is None or locale_id in self.locale_ids()

    def accepted(self, objs):
        return [obj for obj in objs if self.accepts(obj)]


SearchBackend = LanguageElasticsearchBackend
