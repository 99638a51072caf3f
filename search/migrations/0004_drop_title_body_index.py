"""Drop the GIN index on ``title || body`` that 0002 created (a no-op elsewhere).

search.backends.postgres no longer matches the concatenated vectors: testing
each term against title and body apart is the same condition and much
cheaper, and modelsearch's own GIN indexes on each column serve it. The index
only slowed every write. See docs/decisions/0011-postgres-search-config.md.
"""

from django.db import migrations

INDEX_NAME = "search_indexentry_title_body_gin"


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} USING gin ((title || body))")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_zero_result_search"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(drop_index, create_index)]
