"""WAGTAILSEARCH_BACKENDS entries for Elasticsearch 9: one index per language.

Plain data and functions, free of Django imports, because the settings module
calls `per_language_backends`. See docs/decisions/0012-elasticsearch-per-locale.md.

Ordinary searches query the `_all_text` field, which is analysed with the
index's *default* analyzer, so language analysis means setting
``analysis.analyzer.default``, and one analyzer per language means one index
per language: each language has its own backend entry with its own
INDEX_PREFIX, and each index only receives pages of its language
(search.backends.elasticsearch).

Greek folding uses only what ships with Elasticsearch (no ICU plugin):
Lucene's Greek lower-case filter removes tonos and dialytika from precomposed
letters and turns «ς» into «σ»; a mapping character filter first drops the
combining accents of decomposed text (as typed on some systems), which that
filter does not see.

Two more features match the database backends (docs/decisions/0095-elasticsearch-latin-keys-and-thesaurus.md):

- **Latin keys.** `_all_text` has a sub-field, `latin`, analysed into
  search.transliteration's keys (search.backends.elasticsearch_latin), so
  "Volos" finds «Βόλου» and «στεγαση» finds "stegasi"; the query compiler
  asks it word by word beside the stems.
- **The thesaurus.** Queries go through `default_search`, the index analyzer
  plus a `synonym_graph` filter over a synonyms set that the project keeps
  equal to its SynonymSet snippets (search.backends.elasticsearch_thesaurus).
  The filter is `updateable`, so a saved snippet applies without reindexing,
  and it comes after the stemmers, which therefore stem its rules too:
  «στέγασης» finds what «στέγαση»'s synonyms find.
"""

from search.backends import elasticsearch_latin

BACKEND_PATH = "search.backends.elasticsearch"
BACKEND_NAME_PREFIX = "elasticsearch_"
DEFAULT_INDEX_PREFIX = "cni"
# The synonyms set's name is the index prefix's with this after it.
THESAURUS_SUFFIX = "_thesaurus"

CHAR_FILTERS = {
    "strip_combining_accents": {
        "type": "mapping",
        # Combining acute (tonos), diaeresis (dialytika), Greek dialytika
        # with tonos, and the soft hyphen; each replaced by nothing.
        "mappings": ["\\u0301 => ", "\\u0308 => ", "\\u0344 => ", "\\u00AD => "],
    }
}

TOKEN_FILTERS = {
    "greek_lowercase": {"type": "lowercase", "language": "greek"},
    "greek_stop": {"type": "stop", "stopwords": "_greek_"},
    "greek_stemmer": {"type": "stemmer", "language": "greek"},
    "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
    "english_stop": {"type": "stop", "stopwords": "_english_"},
    "english_stemmer": {"type": "stemmer", "language": "english"},
    **elasticsearch_latin.TOKEN_FILTERS,
}

# Case and accent folding for every language: Greek first, then Latin accents.
FOLDING = ["greek_lowercase", "asciifolding"]

# The per-language token filters after folding. Each stemmer only rewrites
# words of its own script, so the other language's stemmer is kept after the
# index's own: English names in Greek text stem as in English, and Greek text
# shown untranslated on an English page (wagtail-localize's sync fallback) is
# still found by its Greek forms. Stop words are the index language's only.
LANGUAGE_FILTERS = {
    "el": ["greek_stop", "greek_stemmer", "english_stemmer"],
    "en": ["english_stop", "english_stemmer", "greek_stemmer"],
}
# Filters that must run before folding (the possessive filter expects "'s").
LANGUAGE_PRE_FILTERS = {"en": ["english_possessive_stemmer"]}
# Keys are made of every word but the stop words of either language, as in
# search.analysis.
LATIN_STOP = ["greek_stop", "english_stop"]


def _analyzer(filters):
    return {
        "type": "custom",
        "tokenizer": "standard",
        "char_filter": ["strip_combining_accents"],
        "filter": filters,
    }


def thesaurus_filter(synonyms_set):
    return {
        "type": "synonym_graph",
        "synonyms_set": synonyms_set,
        "updateable": True,
        # A rule word that the stop filter removes is skipped, not an error
        # that would stop the index from opening.
        "lenient": True,
    }


def thesaurus_name(index_prefix=DEFAULT_INDEX_PREFIX):
    """The synonyms set every language's index of one site reads."""
    return f"{index_prefix}{THESAURUS_SUFFIX}"


def index_settings(language_code, synonyms_set=None):
    """INDEX_SETTINGS for one language, deep-merged by modelsearch into its own.

    A language without its own entry (one added to LANGUAGES later) is folded
    but not stemmed.
    """
    language_filters = LANGUAGE_FILTERS.get(language_code, [])
    pre_filters = LANGUAGE_PRE_FILTERS.get(language_code, [])
    own_chain = [*pre_filters, *FOLDING, *language_filters]
    return {
        "settings": {
            "analysis": {
                "char_filter": CHAR_FILTERS,
                "filter": TOKEN_FILTERS | {"thesaurus": thesaurus_filter(synonyms_set or thesaurus_name())},
                "analyzer": {
                    "default": _analyzer(own_chain),
                    "default_search": _analyzer([*own_chain, "thesaurus"]),
                    "latin_key": _analyzer(
                        [*FOLDING, *LATIN_STOP, *elasticsearch_latin.KEY_CHAIN, "latin_min_length"]
                    ),
                    "latin_key_search": _analyzer(
                        [*FOLDING, *LATIN_STOP, "latin_key_readings", "latin_min_length"]
                    ),
                    # modelsearch's autocomplete analyzers, with Greek folding.
                    "edgengram_analyzer": _analyzer([*FOLDING, "edgengram"]),
                    "ngram_analyzer": _analyzer([*FOLDING, "ngram"]),
                    # What a typed prefix goes through: folded, never stemmed
                    # (a stemmed prefix is no longer a prefix).
                    "autocomplete_search": _analyzer(FOLDING),
                },
            }
        }
    }


def backend_name_for_language(language_code):
    return f"{BACKEND_NAME_PREFIX}{language_code}"


def per_language_backends(url, language_codes, index_prefix=DEFAULT_INDEX_PREFIX):
    """One WAGTAILSEARCH_BACKENDS entry per language, keyed by backend_name_for_language."""
    return {
        backend_name_for_language(code): {
            "BACKEND": BACKEND_PATH,
            "URLS": [url],
            "INDEX_PREFIX": f"{index_prefix}_{code}_",
            "LANGUAGE": code,
            "INDEX_SETTINGS": index_settings(code, thesaurus_name(index_prefix)),
        }
        for code in language_codes
    }
