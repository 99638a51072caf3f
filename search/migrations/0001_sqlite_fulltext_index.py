"""The SQLite full-text index of search.backends.sqlite (a no-op on other databases).

It is three plain tables rather than models: nothing but the backend reads or
writes them. Entries map a (content type, object id) pair to a rowid; two FTS5
tables hold the folded text under that rowid. Words are stemmed (Porter, which
only touches Latin letters) for ordinary search but not for autocomplete,
where a stemmed prefix would no longer be a prefix: «housi» must find
«housing». See docs/decisions/0010-sqlite-search-backend.md.
"""

from django.db import migrations

ENTRY_TABLE = "search_fts_entry"
TEXT_TABLE = "search_fts_text"
AUTOCOMPLETE_TABLE = "search_fts_autocomplete"

CREATE = [
    f"""
    CREATE TABLE {ENTRY_TABLE} (
        id INTEGER PRIMARY KEY,
        content_type_id INTEGER NOT NULL,
        object_id VARCHAR(50) NOT NULL,
        UNIQUE (content_type_id, object_id)
    )
    """,
    f"""
    CREATE VIRTUAL TABLE {TEXT_TABLE} USING fts5(
        title, body, tokenize = 'porter unicode61 remove_diacritics 2'
    )
    """,
    f"""
    CREATE VIRTUAL TABLE {AUTOCOMPLETE_TABLE} USING fts5(
        autocomplete, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )
    """,
]
DROP = [f"DROP TABLE IF EXISTS {table}" for table in (AUTOCOMPLETE_TABLE, TEXT_TABLE, ENTRY_TABLE)]


def create_tables(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_tables(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_tables, drop_tables)]
