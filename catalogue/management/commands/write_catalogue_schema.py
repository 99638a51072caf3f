from pathlib import Path

from django.core.management.base import BaseCommand

from catalogue.format.schema import SCHEMA_FILE, schema_text


class Command(BaseCommand):
    help = "Write the JSON Schema of cni-catalogue/1 to the file the project ships (docs/catalogue-1.schema.json)."

    def handle(self, *args, **options):
        Path(SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
        self.stdout.write(f"Wrote {SCHEMA_FILE}")
