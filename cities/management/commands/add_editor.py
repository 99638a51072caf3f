"""Give a person an account as a city's editor or as an IOM reviewer."""

from django.core.management.base import BaseCommand, CommandError

from cities.onboarding import OnboardingError, add_editor


class Command(BaseCommand):
    help = (
        "Create or update the account for EMAIL, add it to the editors of the city ID (--city ID) or to "
        "the IOM reviewers (--reviewer), and email it a link to choose its password."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--city", metavar="ID", help="The city whose editors the person joins.")
        who.add_argument("--reviewer", action="store_true", help="The person joins the IOM reviewers.")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--no-email", action="store_true", help="Do not send the set-password email (for scripts)."
        )

    def handle(self, *args, email, city, reviewer, first_name, last_name, no_email, **options):
        try:
            result = add_editor(
                email,
                city_id=city,
                reviewer=reviewer,
                first_name=first_name,
                last_name=last_name,
                send_email=not no_email,
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from None
        verb = "Created" if result.created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {result.user.email} (user “{result.user.get_username()}”), in “{result.group.name}”."
            )
        )
        if not no_email:
            self.stdout.write(f"A link to choose a password was sent to {result.user.email}.")
