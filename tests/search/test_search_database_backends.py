"""The default (database) backend, whichever database runs the tests: SQLite or PostgreSQL.

Run on both: `pytest tests/search` and
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_helper pytest tests/search`.
"""

import pytest

from django.core.management import call_command
from django.db import connection

from modelsearch.query import Phrase, PlainText

from practices.models import Category, PracticePage
from practices.vocabulary import Status

pytestmark = pytest.mark.django_db


def titles(results):
    return {page.title for page in results}


def test_the_default_backend_is_the_projects_own(backend):
    # Each module can only be imported on its own database, so compare paths.
    expected = {"postgresql": "search.backends.postgres", "sqlite": "search.backends.sqlite"}[
        connection.vendor
    ]
    assert type(backend).__module__ == expected


# Folding ---------------------------------------------------------------------


@pytest.fixture
def housing(add_practice):
    add_practice("Κέντρο ΣΤΕΓΑΣΗ", summary="Γραφείο για τους νέους κατοίκους.")
    add_practice("Δίκτυο κατοικίας", summary="Βοήθεια στη στεγαση οικογενειών.")
    add_practice("Ενοίκια", summary="Πρόγραμμα στέγαση με επιδότηση ενοικίου.")
    add_practice("Μαθήματα ελληνικών", summary="Γλωσσική εκπαίδευση ενηλίκων.")


@pytest.mark.parametrize("query", ["ΣΤΕΓΑΣΗ", "στεγαση", "στέγαση", "Στέγαση", "ΣΤΈΓΑΣΗ"])
def test_case_and_accents_do_not_matter(housing, practices, query):
    assert titles(practices.search(query)) == {"Δίκτυο κατοικίας", "Ενοίκια", "Κέντρο ΣΤΕΓΑΣΗ"}


def test_final_sigma_matches_sigma(add_practice, practices):
    add_practice("ΣΥΝΔΕΣΜΟΣ ΠΡΟΣΦΥΓΩΝ")
    add_practice("Ο σύνδεσμος γειτονιάς")

    assert titles(practices.search("συνδεσμος")) == {"Ο σύνδεσμος γειτονιάς", "ΣΥΝΔΕΣΜΟΣ ΠΡΟΣΦΥΓΩΝ"}
    assert titles(practices.search("ΣΎΝΔΕΣΜΟΣ")) == {"Ο σύνδεσμος γειτονιάς", "ΣΥΝΔΕΣΜΟΣ ΠΡΟΣΦΥΓΩΝ"}


@pytest.mark.parametrize("query", ["ευρωπαικη", "Ευρωπαϊκή", "ΕΥΡΩΠΑΪΚΗ", "ευρωπαϊκη", "Ευρωπαική"])
def test_dialytika_do_not_matter(add_practice, practices, query):
    add_practice("Ευρωπαϊκή συνεργασία")
    add_practice("ΕΥΡΩΠΑΙΚΗ ΕΒΔΟΜΑΔΑ")
    add_practice("Τοπική συνεργασία")

    assert titles(practices.search(query)) == {"Ευρωπαϊκή συνεργασία", "ΕΥΡΩΠΑΙΚΗ ΕΒΔΟΜΑΔΑ"}


def test_text_of_related_objects_is_folded_too(add_practice, practices, backend):
    page = add_practice("Κοινωνική κουζίνα")
    category, _created = Category.objects.get_or_create(
        catalogue_id="housing", locale=page.locale, defaults={"name": "Στέγαση"}
    )
    page.categories.add(category)
    backend.add(page)

    assert titles(practices.search("ΣΤΕΓΑΣΗ")) == {"Κοινωνική κουζίνα"}


# Autocomplete ----------------------------------------------------------------


@pytest.fixture
def interpreting(add_practice):
    add_practice("Διερμηνεία για πρόσφυγες")
    add_practice("Διαπολιτισμική μεσολάβηση", summary="Διερμηνεία στα κέντρα υγείας.")
    add_practice("ΣΥΝΔΕΣΜΟΣ ΓΟΝΕΩΝ")


@pytest.mark.parametrize("prefix", ["διερμ", "ΔΙΕΡΜ", "Διέρμ", "διερμηνεία", "ΔΙΕΡΜΗΝΕΙΑ"])
def test_autocomplete_matches_accent_free_prefixes_of_titles(interpreting, practices, prefix):
    assert titles(practices.autocomplete(prefix)) == {"Διερμηνεία για πρόσφυγες"}


def test_autocomplete_folds_final_sigma(interpreting, practices):
    assert titles(practices.autocomplete("συνδεσμος")) == {"ΣΥΝΔΕΣΜΟΣ ΓΟΝΕΩΝ"}
    assert titles(practices.autocomplete("συνδεσμος γον")) == {"ΣΥΝΔΕΣΜΟΣ ΓΟΝΕΩΝ"}


def test_autocomplete_matches_prefixes_only(interpreting, practices):
    assert list(practices.autocomplete("ερμην")) == []


# Ranking ---------------------------------------------------------------------


def test_a_page_about_the_term_ranks_above_a_passing_mention(add_practice, practices):
    add_practice(
        "Κέντρα ένταξης",
        summary="Ένα πρόγραμμα του δήμου με πολλές δράσεις για νέους και οικογένειες.",
        description="<p>Περιλαμβάνει και υποστήριξη για στέγαση όταν χρειάζεται.</p>",
    )
    add_practice(
        "Στέγαση προσφύγων",
        summary="Στέγαση σε διαμερίσματα της πόλης.",
        description="<p>Η στέγαση οργανώνεται από τον δήμο· η στέγαση είναι προσωρινή.</p>",
    )

    results = list(practices.search("στέγαση").annotate_score("score"))

    assert [page.title for page in results] == ["Στέγαση προσφύγων", "Κέντρα ένταξης"]
    assert results[0].score > results[1].score


def test_slices_and_counts(add_practice, practices):
    for number in range(5):
        add_practice(f"Στέγαση {number}")
    add_practice("Άλλο θέμα")

    results = practices.search("στέγαση")

    assert results.count() == 5
    assert len(results[:2]) == 2
    assert results[3:].count() == 2
    assert {page.title for page in results[:2]} | {page.title for page in results[2:]} == {
        f"Στέγαση {number}" for number in range(5)
    }


# Filters and facets --------------------------------------------------------


def test_search_respects_the_querysets_filters(add_practice, practices, cities):
    add_practice("Στέγαση στην Αθήνα", status=Status.ONGOING)
    add_practice("Στέγαση που έληξε", status=Status.COMPLETED, ended="2020")
    add_practice("Housing", summary="Στέγαση in English.", language="en")
    greek = practices.filter(locale=cities["el"].locale)

    assert titles(greek.search("στέγαση")) == {"Στέγαση που έληξε", "Στέγαση στην Αθήνα"}
    assert titles(greek.filter(status=Status.ONGOING).search("στέγαση")) == {"Στέγαση στην Αθήνα"}
    assert titles(practices.search("στέγαση")) == {"Housing", "Στέγαση που έληξε", "Στέγαση στην Αθήνα"}


def test_facets_count_the_matches(add_practice, practices):
    add_practice("Στέγαση Α", status=Status.ONGOING)
    add_practice("Στέγαση Β", status=Status.ONGOING)
    add_practice("Στέγαση Γ", status=Status.PLANNED)
    add_practice("Άλλο", status=Status.PLANNED)

    assert practices.search("στέγαση").facet("status") == {"ongoing": 2, "planned": 1}


def test_explicit_order_instead_of_relevance(add_practice, practices):
    first = add_practice("Στέγαση πρώτη")
    second = add_practice("Στέγαση δεύτερη στέγαση στέγαση")

    assert list(practices.search("στέγαση")) == [second, first]
    # Without relevance, the queryset's own order (tree order for pages) holds.
    assert list(practices.search("στέγαση", order_by_relevance=False)) == [first, second]
    assert list(practices.search("στέγαση", order_by="title")) == [second, first]
    assert list(practices.search("στέγαση", order_by="-title")) == [first, second]


# Query objects -----------------------------------------------------------------


def test_phrase_and_operators(add_practice, practices):
    add_practice("Στέγαση προσφύγων")
    add_practice("Στέγαση", summary="Για νέους, όχι μόνο για πρόσφυγες.")

    assert titles(practices.search(Phrase("ΣΤΕΓΑΣΗ ΠΡΟΣΦΥΓΩΝ"))) == {"Στέγαση προσφύγων"}
    assert titles(practices.search(PlainText("στέγαση νέους", operator="and"))) == {"Στέγαση"}
    assert titles(practices.search(PlainText("προσφύγων νέους", operator="or"))) == {
        "Στέγαση",
        "Στέγαση προσφύγων",
    }


# Hostile input -----------------------------------------------------------------

HOSTILE_QUERIES = [
    "AND",
    "OR NOT",
    "στέγαση AND",
    "NEAR(",
    "NEAR(στέγαση προσφύγων, 2)",
    '"',
    '""',
    '"στέγαση',
    "*",
    "στέγαση*",
    "-",
    "-στέγαση",
    "(",
    "((στέγαση)",
    "{title body}:",
    "title:στέγαση",
    "^στέγαση",
    "'",
    "O'Brien",
    "\\",
    ":*",
    "& | ! <->",
    "στέγαση\x00",
    "\x00\x01\x1b[31m",
    "\ud800στέγαση",
    "\u200bστέγαση\u00ad",
    "%s %% %(name)s",
    "; DROP TABLE wagtailcore_page; --",
    "στέγαση " * 300,
    "x" * 5000,
    "α" * 1001,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_return_without_error(add_practice, practices, query):
    add_practice("Στέγαση προσφύγων")

    for results in (practices.search(query), practices.autocomplete(query)):
        found = list(results)
        assert results.count() == len(found)
        assert found == list(results[:20])


@pytest.mark.parametrize(
    "query", ['"στέγαση', "στέγαση*", "((στέγαση)", "^στέγαση", "στέγαση\x00", "-στέγαση"]
)
def test_punctuation_around_a_word_is_ignored(add_practice, practices, query):
    add_practice("Στέγαση προσφύγων")
    add_practice("Μαθήματα ελληνικών")

    assert titles(practices.search(query)) == {"Στέγαση προσφύγων"}


@pytest.mark.parametrize("query", ["", "   ", "\x00", "\t\n"])
def test_empty_queries_find_nothing(add_practice, practices, query):
    add_practice("Στέγαση προσφύγων")

    assert list(practices.search(query)) == []
    assert list(practices.autocomplete(query)) == []


# Keeping the index current -------------------------------------------------------


def test_edits_and_deletions_reach_the_index(add_practice, practices):
    page = add_practice("Στέγαση προσφύγων")

    page.title = "Μαθήματα ελληνικών"
    page.save()
    assert list(practices.search("στέγαση")) == []
    assert list(practices.search("ελληνικων")) == [page]

    page.delete()
    assert list(PracticePage.objects.search("ελληνικων")) == []


def test_update_index_rebuilds_the_index(add_practice, practices, backend):
    page = add_practice("Στέγαση προσφύγων")
    backend.reset_indexes()
    assert list(practices.search("στέγαση")) == []

    call_command("update_index", verbosity=0)

    assert list(practices.search("στέγαση")) == [page]


# Indexing in bulk ----------------------------------------------------------------


def test_indexing_a_batch_reads_the_relations_once_for_all_its_pages(cities, backend):
    """update_index hands pages over in batches: their categories, target groups,
    achievements and outcomes are read per batch, not per page."""
    from django.test.utils import CaptureQueriesContext

    from tests.factories import PracticePageFactory

    def queries_to_index(count):
        pages = [PracticePageFactory(parent=cities["el"], aliases=False) for _ in range(count)]
        index = backend.get_index_for_model(PracticePage)
        with CaptureQueriesContext(connection) as queries:
            index.add_items(PracticePage, pages)
        return len(queries.captured_queries)

    assert queries_to_index(2) == queries_to_index(6)
    # And what they read is in the index: the factories' category and achievement.
    found = PracticePage.objects.live().search("επίτευγμα")
    assert found.count() == 8


def test_a_rebuild_writes_each_entry_once_with_its_translations_text(add_practice, backend, monkeypatch):
    """A page's entry holds its translations' text, so indexing one writes its whole
    family; a rebuild, which adds every page in turn, writes each entry once all the same."""
    greek = add_practice("Στέγαση προσφύγων")
    english = add_practice("Refugee housing", language="en", translation_key=greek.translation_key)
    index_class = type(backend.get_index_for_model(PracticePage))
    written = []
    write = index_class._write

    def counted(index, model, entries):
        written.extend((model, obj.pk) for obj, _document in entries)
        return write(index, model, entries)

    monkeypatch.setattr(index_class, "_write", counted)
    backend.reset_indexes()

    # One page a batch, so that no batch holds a whole family.
    call_command("update_index", verbosity=0, chunk_size=1)

    pages = [(PracticePage, greek.pk), (PracticePage, english.pk)]
    assert sorted(entry for entry in written if entry in pages) == sorted(pages)
    live = PracticePage.objects.live()
    assert list(live.filter(locale=greek.locale).search("housing")) == [greek]
    assert list(live.filter(locale=english.locale).search("στέγαση")) == [english]

    # Outside a rebuild, publishing writes the family again (Wagtail's signals may write it more than once).
    written.clear()
    greek.save_revision().publish()
    assert {entry for entry in written if entry in pages} == set(pages)
