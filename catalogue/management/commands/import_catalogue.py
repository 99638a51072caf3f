from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from catalogue.format.errors import CatalogueInvalid
from catalogue.format.importer import import_file
from catalogue.format.scope import Scope
from cities.rights.rules import can_import_for


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
        parser.add_argument(
            "--city",
            metavar="ID",
            help="Import only this city's own records (its city record and practices); refuse anything else.",
        )
        parser.add_argument(
            "--user",
            metavar="EMAIL",
            help="With --city: the editor in whose name drafts are saved and submitted for review.",
        )

    def scope(self, city, email):
        if not city and not email:
            return None
        if not (city and email):
            raise CommandError("--city and --user go together.")
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).order_by("pk").first()
        if user is None:
            raise CommandError(f"there is no active account with the address {email}.")
        if not can_import_for(user, city):
            raise CommandError(f"{email} is not an editor of the city '{city}'.")
        return Scope(city=city, user=user)

    def handle(self, *args, file, publish, dry_run, city=None, user=None, **options):
        scope = self.scope(city, user)
        try:
            result = import_file(file, publish=publish, dry_run=dry_run, scope=scope)
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
