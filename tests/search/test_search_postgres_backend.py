"""What only the PostgreSQL backend does: Greek and English stemming in one configuration."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.vocabulary import Status

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL backend only: run with DATABASE_URL=postgres://…",
    ),
]


def test_the_migration_creates_the_configurations():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cfgname FROM pg_ts_config WHERE cfgname IN ('greek_english', 'simple_unaccent')"
        )
        assert sorted(name for (name,) in cursor.fetchall()) == ["greek_english", "simple_unaccent"]


@pytest.mark.parametrize("query", ["πρόσφυγας", "προσφύγων", "πρόσφυγες", "ΠΡΟΣΦΥΓΕΣ"])
def test_greek_inflected_forms_match_each_other(add_practice, practices, query):
    add_practice("Ο πρόσφυγας και η πόλη")
    add_practice("Σύλλογος προσφύγων")
    add_practice("Πρόσφυγες στη γειτονιά")
    add_practice("Μαθήματα ελληνικών")

    assert {page.title for page in practices.search(query)} == {
        "Ο πρόσφυγας και η πόλη",
        "Σύλλογος προσφύγων",
        "Πρόσφυγες στη γειτονιά",
    }


@pytest.mark.parametrize("query", ["refugee", "refugees", "REFUGEES"])
def test_english_inflected_forms_match_in_the_same_index(add_practice, practices, query):
    add_practice("Housing for refugees", language="en")
    add_practice("A refugee family", language="en")
    add_practice("Language classes", language="en")

    assert {page.title for page in practices.search(query)} == {"Housing for refugees", "A refugee family"}


def test_searching_raw_columns_folds_dialytika(add_practice, practices):
    # `fields=` reads the model's column, not the folded index: only the
    # configuration (unaccent before the Greek stemmer) folds it.
    add_practice("Ευρωπαϊκή συνεργασία")
    add_practice("Τοπική συνεργασία")

    assert [page.title for page in practices.search("ευρωπαικη", fields=["title"])] == [
        "Ευρωπαϊκή συνεργασία"
    ]


def test_autocomplete_is_prefix_only(add_practice, practices):
    add_practice("Πρόσφυγες στη γειτονιά")

    assert [page.title for page in practices.autocomplete("προσφυ")] == ["Πρόσφυγες στη γειτονιά"]
    # Stemming would find «πρόσφυγας» here; autocomplete must not stem.
    assert list(practices.autocomplete("προσφυγας")) == []


def test_a_narrow_queryset_is_searched_through_its_own_entries(add_practice, practices):
    # Facets can leave a few pages out of many hits: then the pages' own
    # entries are looked up instead of ranking every hit.
    for number in range(30):
        add_practice(f"Στέγαση {number}", status=Status.ONGOING)
    planned = add_practice("Στέγαση σε σχέδιο", status=Status.PLANNED)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    narrow = practices.filter(status=Status.PLANNED)

    with CaptureQueriesContext(connection) as queries:
        results = list(narrow.search("στεγαση"))

    assert results == [planned]
    assert narrow.search("στεγαση").count() == 1
    assert not any("EXISTS" in query["sql"] for query in queries)
    # A wide one still ranks the hits and checks only the best ones.
    with CaptureQueriesContext(connection) as queries:
        assert len(practices.search("στεγαση")[:5]) == 5
    assert any("EXISTS" in query["sql"] for query in queries)
