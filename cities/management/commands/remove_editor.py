"""Take away a person's access: the account is deactivated, its history kept."""

from django.core.management.base import BaseCommand, CommandError

from cities.onboarding import OnboardingError, remove_editor


class Command(BaseCommand):
    help = (
        "Deactivate the account with this EMAIL: it can no longer log in. Its groups, revisions, "
        "comments and audit log entries are kept; add_editor reactivates it."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            user = remove_editor(email)
        except OnboardingError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Deactivated {user.email} (user “{user.get_username()}”)."))
