"""What only the SQLite backend does: FTS5 tables, bm25() ranking, Porter stemming."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from modelsearch.query import Not, PlainText

from practices.models import PracticePage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="SQLite backend only; the database is not SQLite"
    ),
]


def test_english_words_are_stemmed(add_practice, practices):
    add_practice("Housing for refugees", language="en")
    add_practice("Language classes", summary="Lessons for a refugee family.", language="en")

    assert {page.title for page in practices.search("refugee")} == {
        "Housing for refugees",
        "Language classes",
    }
    assert {page.title for page in practices.search("REFUGEES")} == {
        "Housing for refugees",
        "Language classes",
    }


def test_autocomplete_is_not_stemmed(add_practice, practices):
    # Porter would turn the prefix "housi" into "housi" and the title's
    # "housing" into "hous": a stemmed prefix is no longer a prefix.
    add_practice("Housing for refugees", language="en")

    assert [page.title for page in practices.autocomplete("housi")] == ["Housing for refugees"]


def test_ranking_reads_the_matches_once(add_practice, practices):
    for number in range(30):
        add_practice(f"Στέγαση {number}", summary="στέγαση " * (number % 5 + 1))
    # The first search reads the thesaurus and the cities' names, which are then kept in the cache.
    list(practices.search("στέγαση")[:10])

    with CaptureQueriesContext(connection) as queries:
        results = list(practices.search("στέγαση")[:10])

    assert len(results) == 10
    # One query ranks the hits, one loads the ten pages: nothing per hit.
    assert len(queries) == 2
    ranking = queries[0]["sql"]
    assert ranking.count(" MATCH ") == 1
    assert "bm25(search_fts_text" in ranking
    assert "LIMIT 10" in ranking


def test_search_can_be_narrowed_to_titles(add_practice, practices):
    add_practice("Στέγαση προσφύγων")
    add_practice("Κοινωνική κουζίνα", summary="Και λίγη στέγαση.")

    assert [page.title for page in practices.search("στέγαση", fields=["title"])] == ["Στέγαση προσφύγων"]
    assert {page.title for page in practices.search("στέγαση", fields=["summary"])} == {"Κοινωνική κουζίνα"}


def test_negated_queries_exclude_matches(add_practice, practices):
    add_practice("Στέγαση προσφύγων")
    add_practice("Κοινωνική κουζίνα")

    assert [page.title for page in practices.search(Not(PlainText("στεγαση")))] == ["Κοινωνική κουζίνα"]


def test_update_index_forgets_objects_that_no_longer_exist(add_practice, practices):
    page = add_practice("Στέγαση προσφύγων")
    content_type = ContentType.objects.get_for_model(PracticePage)
    with connection.cursor() as cursor:
        # An entry whose page vanished without a signal (a raw delete, a restore).
        cursor.execute(
            "INSERT INTO search_fts_entry (id, content_type_id, object_id) VALUES (999999, %s, '999999')",
            [content_type.pk],
        )
        cursor.execute("INSERT INTO search_fts_text (rowid, title, body) VALUES (999999, 'στεγαση', '')")

    call_command("update_index", verbosity=0)

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM search_fts_entry WHERE object_id = '999999'")
        assert cursor.fetchone() == (0,)
        cursor.execute("SELECT COUNT(*) FROM search_fts_text WHERE rowid = 999999")
        assert cursor.fetchone() == (0,)
    assert list(practices.search("στέγαση")) == [page]
