"""Each city page gets a catalogue id of its own, filled from today's source-language slugs (decision 0080)."""

from django.conf import settings
from django.db import migrations

from sitewide.catalogue_id import catalogue_id_operations


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0002_city_team"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = catalogue_id_operations("cities", "citypage", settings.LANGUAGE_CODE)
