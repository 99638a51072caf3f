from django.core.management.base import BaseCommand, CommandError

from practices.catalogue.errors import CatalogueInvalid
from practices.catalogue.importer import import_file


class Command(BaseCommand):
    help = (
        "Import a catalogue file in the cni-catalogue/1 format. Nothing is written if any record is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the catalogue JSON file.")
        parser.add_argument(
            "--publish", action="store_true", help="Publish what is imported (default: drafts)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, and write nothing."
        )

    def handle(self, *args, file, publish, dry_run, **options):
        try:
            result = import_file(file, publish=publish, dry_run=dry_run)
        except CatalogueInvalid as error:
            for problem in error.problems:
                self.stderr.write(f"error: {problem}")
            raise CommandError(
                f"{file}: {len(error.problems)} problem(s) found; nothing was imported."
            ) from None
        for note in result.notes:
            self.stdout.write(f"note: {note}")
        prefix = "would import (dry run, nothing written) — " if dry_run else ""
        for line in result.lines():
            self.stdout.write(prefix + line)
