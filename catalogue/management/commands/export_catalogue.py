import sys

from django.core.management.base import BaseCommand, CommandError

from catalogue.format.exporter import dumps, export_catalogue, write_export_folder


class Command(BaseCommand):
    help = "Write the catalogue in the cni-catalogue/1 format: every field, every language."

    def add_arguments(self, parser):
        parser.add_argument("--city", help="Only this city's page and practices (a city id).")
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="Use the latest revisions, including unpublished drafts.",
        )
        parser.add_argument(
            "--output",
            metavar="DIR",
            help="Write DIR/catalogue.json with the images beside it, instead of JSON on standard output.",
        )

    def handle(self, *args, city, include_drafts, output, **options):
        document = export_catalogue(city=city, include_drafts=include_drafts)
        if city and not document["cities"]:
            raise CommandError(f"There is no city with the id '{city}'.")
        if output:
            path = write_export_folder(document, output)
            self.stderr.write(f"Wrote {path}")
        else:
            sys.stdout.write(dumps(document))
