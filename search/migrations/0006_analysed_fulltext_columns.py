"""The SQLite full-text tables for analysed text (a no-op on other databases).

Text is now analysed in Python (search.analysis: folded, stemmed with the
Greek and English Snowball stemmers, Latin keys marked with "~"), so FTS5
only splits it at spaces: no Porter stemmer (the stems are already there)
and "~" is part of a term. The text table gains the city's names (`place`)
and the translations' titles and text (`other_title`, `other_body`);
suggestions gain the translations' titles (`other`).

The tables are made anew, empty: run `manage.py update_index` after
migrating a database that holds content. See docs/decisions/0072-search-relevance.md.
"""

from django.db import migrations

ENTRY_TABLE = "search_fts_entry"
TEXT_TABLE = "search_fts_text"
AUTOCOMPLETE_TABLE = "search_fts_autocomplete"
TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '~'"

CREATE = [
    f"""
    CREATE VIRTUAL TABLE {TEXT_TABLE} USING fts5(
        title, body, place, other_title, other_body, tokenize = "{TOKENIZER}"
    )
    """,
    f"""
    CREATE VIRTUAL TABLE {AUTOCOMPLETE_TABLE} USING fts5(
        autocomplete, other, tokenize = "{TOKENIZER}", prefix = '2 3 4'
    )
    """,
]
# As search/migrations/0001 made them.
PREVIOUS = [
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


def recreate(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for table in (TEXT_TABLE, AUTOCOMPLETE_TABLE):
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")
        # Entries without text would never match; update_index writes them again.
        schema_editor.execute(f"DELETE FROM {ENTRY_TABLE}")
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_synonym_set")]

    operations = [migrations.RunPython(recreate(CREATE), recreate(PREVIOUS))]
