"""Elasticsearch gets the database backends' Latin keys and thesaurus (decision 0095).

No Elasticsearch runs on the development machine, so most of these tests
check what the project sends it:

- the Latin-key analysers, run here with Python's `re` over every word of the
  demo catalogue and of the seeded thesaurus, give exactly the keys that
  search.transliteration gives the database backends;
- the search analyzer ends with the thesaurus's `synonym_graph` filter;
- the synonyms set is written through the real Elasticsearch client to a
  stand-in server that records what it receives (the one part mocked, as
  the server is what this machine cannot reach).

The tests marked `elasticsearch` run the same features against a live
server when ELASTICSEARCH_URL is set.
"""

import json
import logging
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.core.management import call_command

from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText

from practices.models import PracticePage
from search.analysis import MIN_KEY, STOPWORDS
from search.backends import backend_name_for_language, for_language
from search.backends.elasticsearch import LanguageMapping, LanguageSearchQueryCompiler
from search.backends.elasticsearch_settings import index_settings, per_language_backends
from search.backends.elasticsearch_thesaurus import synonym_rules
from search.models import SynonymSet
from search.text import WORD, fold
from search.transliteration import latin_key, latin_keys
from tests.factories.demo import demo_document

URL = "http://search.invalid:9200"


def analysis(language_code="el"):
    return index_settings(language_code)["settings"]["analysis"]


# -- The Latin keys, run with Python's re -------------------------------------------


def run_filters(tokens, names, filters):
    """What the named token filters make of `tokens`, as Elasticsearch would run them."""
    for name in names:
        spec = filters[name]
        if spec["type"] == "pattern_replace":
            pattern = re.compile(spec["pattern"])
            replacement = spec["replacement"].replace("$1", "\\1")
            tokens = [pattern.sub(replacement, token) for token in tokens]
        elif spec["type"] == "multiplexer":
            branches = [[part.strip() for part in branch.split(",")] for branch in spec["filters"]]
            tokens = [
                out
                for token in tokens
                for branch in branches
                for out in run_filters([token], branch, filters)
            ]
        elif spec["type"] == "length":
            tokens = [token for token in tokens if spec["min"] <= len(token)]
        else:
            raise AssertionError(f"no emulation for {spec['type']}")
    return set(tokens)


def after_stop_words(analyzer_name):
    chain = analysis()["analyzer"][analyzer_name]["filter"]
    assert chain[:4] == ["greek_lowercase", "asciifolding", "greek_stop", "english_stop"]
    return chain[4:]


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


@pytest.fixture(scope="module")
def real_words(django_db_setup, django_db_blocker):
    """Every folded word of the demo catalogue and the seeded thesaurus, stop words left out."""
    with django_db_blocker.unblock():
        thesaurus = [set_.terms for set_ in SynonymSet.objects.all()]
    text = " ".join([*strings_in(demo_document()), *thesaurus])
    words = {fold(word) for word in WORD.findall(text)} - STOPWORDS
    words |= {
        "βολου",
        "volos",
        "volou",
        "θεσσαλονικη",
        "thessaloniki",
        "stegasi",
        "prosfygon",
        "xalandri",
        "halandri",
    }
    return sorted(words)


@pytest.mark.django_db  # the module's words include the thesaurus's
def test_the_index_analyzer_gives_each_word_the_key_the_database_backends_index(real_words):
    filters, chain = analysis()["filter"], after_stop_words("latin_key")
    assert len(real_words) > 1000

    wrong = {}
    for word in real_words:
        expected = {latin_key(word)} if len(latin_key(word)) >= MIN_KEY else set()
        got = run_filters([word], chain, filters)
        if got != expected:
            wrong[word] = (got, expected)

    assert wrong == {}


@pytest.mark.django_db  # the module's words include the thesaurus's
def test_the_search_analyzer_reads_a_greeklish_h_both_ways_as_queries_do(real_words):
    filters, chain = analysis()["filter"], after_stop_words("latin_key_search")

    assert run_filters(["halandri"], chain, filters) == {"xalandr", "ialandr"}
    wrong = {}
    for word in real_words:
        expected = {key for key in latin_keys(word) if len(key) >= MIN_KEY}
        got = run_filters([word], chain, filters)
        if got != expected:
            wrong[word] = (got, expected)
    assert wrong == {}


def test_greek_and_latin_spellings_of_a_name_meet_at_one_key():
    filters, chain = analysis()["filter"], after_stop_words("latin_key")

    keys = [run_filters([fold(word)], chain, filters) for word in ("Βόλου", "Volos", "volou", "ΒΟΛΟΣ")]

    assert keys == [{"vol"}] * 4


def test_the_patterns_are_written_the_way_java_and_python_read_alike():
    for name, spec in analysis()["filter"].items():
        if spec["type"] != "pattern_replace":
            continue
        assert "(?P" not in spec["pattern"] and "\\Z" not in spec["pattern"], name
        # Java names a group in a replacement with $, never a backslash.
        assert "\\" not in spec["replacement"], name
        re.compile(spec["pattern"])


def test_every_multiplexer_branch_uses_defined_filters():
    filters = analysis()["filter"]
    for name, spec in filters.items():
        for branch in spec.get("filters", []):
            for part in branch.split(","):
                assert part.strip() in filters, (name, part)


# -- Settings and mapping ---------------------------------------------------------


@pytest.mark.parametrize("language_code", ["el", "en"])
def test_queries_go_through_the_index_analyzer_then_the_thesaurus(language_code):
    analyzers = analysis(language_code)["analyzer"]

    assert analyzers["default_search"]["filter"] == [*analyzers["default"]["filter"], "thesaurus"]
    # After the stemmers, so the rules are stemmed too: «στέγασης» meets «στέγαση»'s synonyms.
    assert analyzers["default_search"]["filter"].index("greek_stemmer") < analyzers["default_search"][
        "filter"
    ].index("thesaurus")


def test_every_language_reads_one_updateable_synonyms_set_named_after_the_site():
    backends = per_language_backends(URL, ["el", "en"], "network")

    filters = [
        entry["INDEX_SETTINGS"]["settings"]["analysis"]["filter"]["thesaurus"] for entry in backends.values()
    ]

    assert (
        filters[0]
        == filters[1]
        == {
            "type": "synonym_graph",
            "synonyms_set": "network_thesaurus",
            "updateable": True,
            "lenient": True,
        }
    )
    assert analysis()["filter"]["thesaurus"]["synonyms_set"] == "cni_thesaurus"


def test_all_text_has_a_latin_sub_field():
    properties = LanguageMapping(PracticePage).get_mapping()["properties"]

    assert properties["_all_text"]["fields"] == {
        "latin": {"type": "text", "analyzer": "latin_key", "search_analyzer": "latin_key_search"}
    }


# -- The query ----------------------------------------------------------------------


def compiled(query_string, operator):
    compiler = LanguageSearchQueryCompiler(
        PracticePage.objects.all(), PlainText(query_string, operator=operator)
    )
    return compiler.get_inner_query()


def test_every_word_must_match_by_its_stem_or_its_latin_key():
    query = compiled("Greek lessons for Volos", "and")

    stems, by_word = query["bool"]["should"]
    assert query["bool"]["minimum_should_match"] == 1
    # The stock query, which sees the whole text (and so multi-word synonyms).
    assert stems["multi_match"]["operator"] == "and"
    assert "_all_text" in stems["multi_match"]["fields"]
    # "for" is a stop word: a clause of its own would match nothing or everything.
    assert [clause["multi_match"]["query"] for clause in by_word["bool"]["must"]] == [
        "greek",
        "lessons",
        "volos",
    ]
    for clause in by_word["bool"]["must"]:
        assert "_all_text.latin^0.5" in clause["multi_match"]["fields"]
        assert "_all_text" in clause["multi_match"]["fields"]
        assert clause["multi_match"]["zero_terms_query"] == "all"


def test_any_word_may_match_by_its_latin_key_when_relaxed():
    query = compiled("stegasi Volos", "or")

    stems, keys = query["bool"]["should"]
    assert "operator" not in stems["multi_match"]
    assert keys == {"match": {"_all_text.latin": {"query": "stegasi Volos", "boost": 0.5}}}


def test_a_query_of_stop_words_only_is_left_to_the_stock_query():
    assert "multi_match" in compiled("the for", "and")


def test_a_search_of_named_fields_is_left_as_it_was():
    compiler = LanguageSearchQueryCompiler(
        PracticePage.objects.all(), PlainText("Volos", operator="and"), fields=["title"]
    )

    assert "bool" not in compiler.get_inner_query()


# -- The synonyms set ---------------------------------------------------------------


class StandInElasticsearch(BaseHTTPRequestHandler):
    """Answers every request as Elasticsearch acknowledges one, and records it."""

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.received.append((self.command, self.path, json.loads(body) if body else None))
        payload = json.dumps({"acknowledged": True, "result": "updated"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def stand_in(settings):
    """A recording server at ELASTICSEARCH_URL's place, and the backends pointing at it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInElasticsearch)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": dict(settings.WAGTAILSEARCH_BACKENDS["default"]),
        **per_language_backends(url, ["el", "en"]),
    }
    yield server.received
    server.shutdown()
    server.server_close()


def synonyms_written(received):
    return [
        body["synonyms_set"]
        for method, path, body in received
        if (method, path) == ("PUT", "/_synonyms/cni_thesaurus")
    ]


def test_rules_are_one_per_set_in_solrs_format_without_its_syntax():
    sets = [
        SynonymSet(pk=7, language="en", terms="housing\naccommodation, shelter\nhousing"),
        SynonymSet(pk=8, language="el", terms="α => β\n\\#"),
        SynonymSet(pk=9, language="el", terms="στέγαση\nδιαμονή"),
    ]

    assert synonym_rules(sets) == [
        {"id": "synonym-set-7", "synonyms": "housing, accommodation shelter"},
        {"id": "synonym-set-9", "synonyms": "στέγαση, διαμονή"},
    ]


@pytest.mark.django_db
def test_a_saved_or_deleted_synonym_set_is_written_once_to_the_set_both_languages_read(
    stand_in, django_capture_on_commit_callbacks
):
    before = SynonymSet.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        synonym_set = SynonymSet.objects.create(language="el", terms="μαθήματα\nτάξεις")

    written = synonyms_written(stand_in)
    assert len(written) == 1
    assert len(written[0]) == before + 1
    assert {"id": f"synonym-set-{synonym_set.pk}", "synonyms": "μαθήματα, τάξεις"} in written[0]

    with django_capture_on_commit_callbacks(execute=True):
        synonym_set.delete()

    last = synonyms_written(stand_in)[-1]
    assert len(last) == before
    assert all(rule["id"] != f"synonym-set-{synonym_set.pk}" for rule in last)


@pytest.mark.django_db
def test_the_set_is_written_before_an_index_that_reads_it_is_created(stand_in):
    backend = get_search_backend(backend_name_for_language("el"))

    backend.get_index_for_model(PracticePage).put()

    methods_and_paths = [(method, path.split("?")[0]) for method, path, _body in stand_in]
    assert methods_and_paths == [("PUT", "/_synonyms/cni_thesaurus"), ("PUT", "/cni_el_wagtailcore_page")]
    created = stand_in[1][2]
    assert created["settings"]["analysis"]["filter"]["thesaurus"]["synonyms_set"] == "cni_thesaurus"


@pytest.mark.django_db
def test_a_synonym_set_is_saved_when_elasticsearch_cannot_be_reached(
    settings, caplog, django_capture_on_commit_callbacks
):
    # Nothing listens on port 9 (discard) here: the connection is refused at once.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": dict(settings.WAGTAILSEARCH_BACKENDS["default"]),
        **per_language_backends("http://127.0.0.1:9", ["el", "en"]),
    }
    for entry in settings.WAGTAILSEARCH_BACKENDS.values():
        entry.setdefault("OPTIONS", {})["max_retries"] = 0

    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        SynonymSet.objects.create(language="en", terms="migrant\nimmigrant")

    assert SynonymSet.objects.filter(terms="migrant\nimmigrant").exists()
    assert "could not be written to Elasticsearch set cni_thesaurus" in caplog.text


# -- Against a live Elasticsearch ---------------------------------------------------


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_latin_keys_thesaurus_and_stop_words(add_practice, live_backends):
    add_practice("Στέγαση στον Βόλο", summary="Διαμερίσματα για πρόσφυγες.")
    add_practice("Μαθήματα ελληνικών", summary="Τάξεις για ενήλικες.")
    add_practice("Greek lessons for women", summary="Classes in the evening.", language="en")
    SynonymSet.objects.create(language="el", terms="στέγαση\nκατάλυμα")
    for language_code in ("el", "en"):
        call_command("update_index", backend_name=backend_name_for_language(language_code), verbosity=0)
        for_language(language_code).refresh_indexes()

    greek, english = for_language("el"), for_language("en")
    pages = PracticePage.objects.live()

    def titles(backend, query, operator="and"):
        return {page.title for page in backend.search(query, pages, operator=operator)}

    assert titles(greek, "Volos") == {"Στέγαση στον Βόλο"}
    assert titles(greek, "stegasi prosfygon") == {"Στέγαση στον Βόλο"}
    assert titles(greek, "καταλύματος") == {"Στέγαση στον Βόλο"}
    assert titles(english, "Greek lessons for women") == {"Greek lessons for women"}
    assert titles(english, "the lessons") == {"Greek lessons for women"}
