"""Delete messages to cities older than CONTACT_MESSAGE_RETENTION_DAYS; run it daily from cron."""

from django.conf import settings
from django.core.management.base import BaseCommand

from contact.models import ContactMessage


class Command(BaseCommand):
    help = (
        "Delete the stored messages to cities that are older than the retention period "
        "(CONTACT_MESSAGE_RETENTION_DAYS). Run it once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say how many would go; delete nothing.")

    def handle(self, *args, **options):
        expired = ContactMessage.objects.past_retention()
        days = settings.CONTACT_MESSAGE_RETENTION_DAYS
        if options["dry_run"]:
            self.stdout.write(f"{expired.count()} message(s) older than {days} days would be deleted.")
            return
        deleted, _by_model = expired.delete()
        self.stdout.write(f"Deleted {deleted} message(s) older than {days} days.")
