"""Elasticsearch 9: per-language index settings and mappings, and `for_language`.

The unit tests only build settings, mappings and backend objects (the client
does not connect until asked to). The tests marked `elasticsearch` talk to a
live server and run only when ELASTICSEARCH_URL is set.
"""

import json

import pytest

from django.core.management import call_command

from modelsearch.backends import get_search_backend

from practices.models import PracticePage
from search.backends import backend_name_for_language, for_language
from search.backends.elasticsearch import LanguageElasticsearchBackend, LanguageMapping
from search.backends.elasticsearch_settings import index_settings, per_language_backends

URL = "http://search.invalid:9200"
BUILT_IN_TOKEN_FILTERS = {"asciifolding", "lowercase"}


@pytest.fixture
def es_settings(settings):
    """WAGTAILSEARCH_BACKENDS as config/settings/base.py builds it when ELASTICSEARCH_URL is set."""
    backends = {"default": dict(settings.WAGTAILSEARCH_BACKENDS["default"])}
    backends |= per_language_backends(URL, ["el", "en"])
    for name, entry in backends.items():
        if name != "default":
            # No server here: saving a page must not try to index it there.
            entry["AUTO_UPDATE"] = False
    settings.WAGTAILSEARCH_BACKENDS = backends
    return settings


def analysis(language_code):
    backend = get_search_backend(backend_name_for_language(language_code))
    return backend.settings["settings"]["analysis"]


def default_filters(language_code):
    return analysis(language_code)["analyzer"]["default"]["filter"]


def test_one_backend_and_index_prefix_per_language():
    backends = per_language_backends(URL, ["el", "en"])

    assert set(backends) == {"elasticsearch_el", "elasticsearch_en"}
    assert {entry["INDEX_PREFIX"] for entry in backends.values()} == {"cni_el_", "cni_en_"}
    assert {entry["LANGUAGE"] for entry in backends.values()} == {"el", "en"}
    assert all(entry["URLS"] == [URL] for entry in backends.values())
    # The settings travel to Elasticsearch as JSON.
    json.dumps(backends)


def test_each_language_index_gets_its_own_default_analyzer(es_settings):
    greek, english = default_filters("el"), default_filters("en")

    assert greek != english
    for filters in (greek, english):
        # Greek folding (tonos, dialytika, final sigma) comes before anything else looks at a word.
        assert filters.index("greek_lowercase") < filters.index("asciifolding")
    assert "greek_stop" in greek and "english_stop" not in greek
    assert "english_stop" in english and "greek_stop" not in english
    assert greek.index("greek_stemmer") < greek.index("english_stemmer")
    assert english.index("english_stemmer") < english.index("greek_stemmer")
    assert english[0] == "english_possessive_stemmer"


def test_a_language_without_rules_is_folded_but_not_stemmed():
    filters = index_settings("fr")["settings"]["analysis"]["analyzer"]["default"]["filter"]

    assert filters == ["greek_lowercase", "asciifolding"]


def test_index_settings_are_merged_into_modelsearchs_own(es_settings):
    backend = get_search_backend("elasticsearch_el")

    # modelsearch's settings survive the deep merge...
    assert backend.settings["settings"]["index"]["max_ngram_diff"] == 12
    assert analysis("el")["filter"]["edgengram"]["type"] == "edge_ngram"
    # ...and its autocomplete analyzers now fold Greek.
    assert analysis("el")["analyzer"]["edgengram_analyzer"]["filter"] == [
        "greek_lowercase",
        "asciifolding",
        "edgengram",
    ]


@pytest.mark.parametrize("language_code", ["el", "en"])
def test_every_analyzer_uses_defined_filters(es_settings, language_code):
    defined = analysis(language_code)
    for name, analyzer in defined["analyzer"].items():
        for token_filter in analyzer.get("filter", []):
            assert token_filter in defined["filter"] or token_filter in BUILT_IN_TOKEN_FILTERS, (
                name,
                token_filter,
            )
        for char_filter in analyzer.get("char_filter", []):
            assert char_filter in defined["char_filter"], (name, char_filter)


def test_accents_of_decomposed_text_are_mapped_away():
    char_filter = index_settings("el")["settings"]["analysis"]["char_filter"]["strip_combining_accents"]

    assert char_filter["type"] == "mapping"
    assert {"\\u0301 => ", "\\u0308 => "} <= set(char_filter["mappings"])


def test_mapping_searches_autocomplete_with_a_folding_analyzer_and_text_with_the_default():
    properties = LanguageMapping(PracticePage).get_mapping()["properties"]

    assert properties["_edgengrams"]["search_analyzer"] == "autocomplete_search"
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    # No explicit analyzer: text fields and _all_text use the index's default.
    assert "analyzer" not in properties["_all_text"]
    assert "analyzer" not in properties["title"]
    assert "analyzer" not in properties["practices_practicepage__summary"]


def test_languages_are_indexed_apart(es_settings):
    greek = get_search_backend("elasticsearch_el")
    english = get_search_backend("elasticsearch_en")

    assert isinstance(greek, LanguageElasticsearchBackend)
    assert greek.get_index_for_model(PracticePage).name == "cni_el_wagtailcore_page"
    assert english.get_index_for_model(PracticePage).name == "cni_en_wagtailcore_page"


@pytest.mark.django_db
def test_an_index_only_accepts_its_own_language(add_practice, es_settings):
    greek_page = add_practice("Στέγαση προσφύγων")
    english_page = add_practice("Refugee housing", language="en")
    neutral = object()  # no locale: an image or a document

    greek = get_search_backend("elasticsearch_el")
    english = get_search_backend("elasticsearch_en")

    assert greek.accepted([greek_page, english_page, neutral]) == [greek_page, neutral]
    assert english.accepted([greek_page, english_page, neutral]) == [english_page, neutral]


def test_for_language_picks_the_languages_own_index(es_settings):
    assert for_language("el").language_code == "el"
    assert for_language("en").language_code == "en"
    assert for_language("el-GR").language_code == "el"
    assert backend_name_for_language("fr") == "default"


def test_for_language_is_the_database_backend_without_elasticsearch(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}

    backend = for_language("el")

    assert not isinstance(backend, LanguageElasticsearchBackend)
    assert type(backend).__module__ in {"search.backends.sqlite", "search.backends.postgres"}


# Against a live Elasticsearch ------------------------------------------------------


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_greek_folding_autocomplete_and_separation(add_practice, live_backends):
    add_practice("Διερμηνεία για πρόσφυγες", summary="Πρόγραμμα ΣΤΕΓΑΣΗΣ και διερμηνείας.")
    add_practice("Ευρωπαϊκή συνεργασία")
    add_practice("Refugee housing", summary="Interpreters for refugees.", language="en")
    for language_code in ("el", "en"):
        call_command("update_index", backend_name=backend_name_for_language(language_code), verbosity=0)
        for_language(language_code).refresh_indexes()

    greek = for_language("el")
    english = for_language("en")
    pages = PracticePage.objects.live()

    def titles(results):
        return {page.title for page in results}

    assert titles(greek.search("στεγαση", pages)) == {"Διερμηνεία για πρόσφυγες"}
    assert titles(greek.search("ΕΥΡΩΠΑΙΚΗ", pages)) == {"Ευρωπαϊκή συνεργασία"}
    assert titles(greek.autocomplete("ΔΙΕΡΜ", pages)) == {"Διερμηνεία για πρόσφυγες"}
    assert titles(english.search("refugee", pages)) == {"Refugee housing"}
    # The Greek index never received the English page, and the other way round.
    assert titles(greek.search("housing", pages)) == set()
    assert titles(english.search("διερμηνεια", pages)) == set()
    for query in ['"', "NEAR(", "\x00", "x" * 5000, "στεγαση AND"]:
        results = greek.search(query, pages)
        assert results.count() == len(list(results))
