"""PostgreSQL text-search configurations for search.backends.postgres (a no-op elsewhere).

- ``greek_english``: a copy of ``greek`` whose all-ASCII words go to the
  English stemmer, so one index serves both languages (refugee/refugees as
  well as πρόσφυγας/προσφύγων/πρόσφυγες). Non-ASCII words pass through
  ``unaccent`` before the Greek stemmer, because that stemmer turns «ϊ» into
  «η»: on its own, «Ευρωπαϊκή» and «ευρωπαικη» stem differently.
- ``simple_unaccent``: ``simple`` (no stemming, for prefix matching) with
  accents removed, for autocomplete.

It also tunes modelsearch's index table, which the backend queries directly:
a GIN index on ``title || body`` (what a search matches against; modelsearch
only indexes the two apart), and out-of-line storage for the plain-text
copies kept for fuzzy search, so that the vectors, which ranking reads for
every hit, stay inside the row instead of being fetched from TOAST.

The backend also folds text in Python before PostgreSQL sees it; these
configurations keep searches on raw columns (``.search(fields=[...])``)
folded too. See docs/decisions/0011-postgres-search-config.md.
"""

from django.db import migrations

CREATE = [
    # A trusted extension since PostgreSQL 13: a database owner may create it.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION greek_english (COPY = pg_catalog.greek)",
    """
    ALTER TEXT SEARCH CONFIGURATION greek_english
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH english_stem
    """,
    """
    ALTER TEXT SEARCH CONFIGURATION greek_english
        ALTER MAPPING FOR word, hword, hword_part WITH unaccent, greek_stem
    """,
    "CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = pg_catalog.simple)",
    """
    ALTER TEXT SEARCH CONFIGURATION simple_unaccent
        ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple
    """,
]
# The extension stays: other code (modelsearch's enable_unaccent) may use it.
DROP = [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS greek_english",
]

INDEX_NAME = "search_indexentry_title_body_gin"


def tune_index_table(table):
    return [
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} USING gin ((title || body))",
        f"ALTER TABLE {table} ALTER COLUMN title_text SET STORAGE EXTERNAL, "
        "ALTER COLUMN body_text SET STORAGE EXTERNAL",
    ]


def untune_index_table(table):
    return [
        f"DROP INDEX IF EXISTS {INDEX_NAME}",
        f"ALTER TABLE {table} ALTER COLUMN title_text SET STORAGE EXTENDED, "
        "ALTER COLUMN body_text SET STORAGE EXTENDED",
    ]


def index_table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def set_up_postgres(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in [*CREATE, *tune_index_table(index_table(apps))]:
            schema_editor.execute(statement)


def tear_down_postgres(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in [*untune_index_table(index_table(apps)), *DROP]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_sqlite_fulltext_index"),
        # The table whose index and storage are tuned, with its text columns.
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(set_up_postgres, tear_down_postgres)]
