"""Onboard a member municipality: its pages, its editors group and its collections."""

from django.core.management.base import BaseCommand, CommandError

from catalogue.municipalities import add_municipality
from cities.onboarding import OnboardingError


def parse_names(values):
    names = {}
    for value in values or []:
        language, separator, text = value.partition("=")
        if not separator or not language.strip() or not text.strip():
            raise CommandError(f"--name takes LANG=TEXT, such as el=Αθήνα; not {value!r}")
        names[language.strip()] = text.strip()
    return names


class Command(BaseCommand):
    help = (
        "Make ID a member city: its page in every language (created if missing; an imported city keeps "
        "its page), its editors group with exactly the editors' rights, and the collections for its "
        "images and documents. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("city_id", metavar="ID", help="The city's catalogue id, also its page's slug.")
        parser.add_argument(
            "--name",
            action="append",
            metavar="LANG=TEXT",
            help="The city's name in one language; repeat for each. Needed for a new city, in the default language.",
        )

    def handle(self, *args, city_id, name, **options):
        try:
            result = add_municipality(city_id, parse_names(name))
        except OnboardingError as error:
            raise CommandError(str(error)) from None
        for page in result.created_pages:
            kind = "alias" if page.alias_of_id else "page"
            self.stdout.write(f"+ {kind} “{page.title}” [{page.locale.language_code}] {page.url_path}")
        team = result.team
        self.stdout.write(
            self.style.SUCCESS(
                f"“{result.city.title}” ({city_id}): editors group “{team.group.name}”, collections "
                f"“{team.image_collection.name}” and “{team.document_collection.name}”."
            )
        )
