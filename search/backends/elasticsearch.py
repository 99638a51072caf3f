"""Elasticsearch 9, one index per language.

Each WAGTAILSEARCH_BACKENDS entry made by
search.backends.elasticsearch_settings.per_language_backends serves one
language: its index is analysed for that language, and it only accepts
objects of that language, so an English page is never analysed with Greek
rules. Objects without a locale (images, documents) are language-neutral and
go to every language's index. See docs/decisions/0012-elasticsearch-per-locale.md.

Beside the stems, `_all_text.latin` holds every word's Latin key, and a
query asks it word by word (docs/decisions/0095-elasticsearch-latin-keys-and-thesaurus.md).
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field

from search.analysis import STOPWORDS
from search.backends import elasticsearch_thesaurus
from search.backends.queries import CleanQueryMixin
from search.text import query_terms

ALL_TEXT = "_all_text"
LATIN_FIELD = f"{ALL_TEXT}.latin"
# A match on a word's Latin key alone counts for less than one on its stem:
# it is a looser match ("Volos" and «Βόλου», but also near-homographs).
LATIN_BOOST = 0.5


class LanguageMapping(Elasticsearch9Mapping):
    # The stock mapping searches autocomplete fields with the "standard"
    # analyzer, which keeps Greek accents: «Διερμ» would not find «διερμ».
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "autocomplete_search",
    }
    latin_field = {"type": "text", "analyzer": "latin_key", "search_analyzer": "latin_key_search"}

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"][ALL_TEXT]["fields"] = {"latin": dict(self.latin_field)}
        return mapping


class LanguageIndex(Elasticsearch9Index):
    def put(self):
        # The index's search analyzer reads the thesaurus's synonyms set, which
        # must exist before the index does.
        elasticsearch_thesaurus.push(self.backend)
        super().put()

    def add_item(self, item):
        if self.backend.accepts(item):
            super().add_item(item)

    def add_items(self, model, items):
        items = self.backend.accepted(items)
        if items:
            super().add_items(model, items)


class LanguageSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = LanguageMapping

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        """The stock match over the stems, or else every word by its stem or its Latin key.

        The stock query needs every word among the stems (with operator
        "and"); a word found only by its key («Volos» in Greek text) needs
        the second, word-by-word form, where each word may match either way.
        Multi-word synonyms only work in the first, which sees the query whole.
        """
        stems = super()._compile_plaintext_query(query, fields, boost)
        if not any(field.field_name == ALL_TEXT for field in fields):
            return stems
        latin = [Field(LATIN_FIELD, LATIN_BOOST)]
        if query.operator == "or":
            keys = super()._compile_plaintext_query(query, latin, boost)
            return {"bool": {"should": [stems, keys], "minimum_should_match": 1}}
        words = [word for word in query_terms(query.query_string) if word not in STOPWORDS]
        if not words:
            return stems
        field_names = [field.field_name_with_boost for field in [*fields, *latin]]
        # A word that Elasticsearch's own stop list drops must not make the whole query fail.
        each_word = [
            {"multi_match": {"query": word, "fields": field_names, "zero_terms_query": "all"}}
            for word in words
        ]
        by_word = {"bool": {"must": each_word}}
        if boost != 1.0:
            by_word["bool"]["boost"] = boost
        return {"bool": {"should": [stems, by_word], "minimum_should_match": 1}}


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
