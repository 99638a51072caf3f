"""Keep the PostgreSQL index entries' vectors inside their rows (a no-op on other databases).

Since the vectors hold stems, Latin keys and the translations' text
(decision 0072), a body vector averages over 3 KB, past the 2 KB at which
PostgreSQL moves a value out of its row into the TOAST table. Every search
for a common word reads the vector of each hit, to test and rank it, so it
paid one TOAST lookup per hit: 20,000 lookups for a word found in most
practices. Stored MAIN, with the row allowed to fill a page, a vector stays
compressed in its row (benchmarks/RESULTS.md: the search page went from
about 500 ms to under 200 ms at 20,000 pages).

Existing entries move into their rows when they are next written: run
`manage.py update_index` after migrating a database that holds content.
"""

from django.db import migrations

VECTORS = ("title", "body", "autocomplete")
# The largest row PostgreSQL allows before it looks to TOAST at all.
WHOLE_PAGE = 8160


def index_table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def storage(kind, row_target):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = index_table(apps)
        columns = ", ".join(f"ALTER COLUMN {column} SET STORAGE {kind}" for column in VECTORS)
        schema_editor.execute(f"ALTER TABLE {table} {columns}")
        schema_editor.execute(f"ALTER TABLE {table} {row_target}")

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0007_seed_thesaurus")]

    operations = [
        migrations.RunPython(
            storage("MAIN", f"SET (toast_tuple_target = {WHOLE_PAGE})"),
            storage("EXTENDED", "RESET (toast_tuple_target)"),
        )
    ]
