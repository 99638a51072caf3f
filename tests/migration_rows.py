"""Rows that migrations write by hand, made again after a transactional test empties the database.

pytest-django empties the database after each transactional test (browser
tests, the concurrent-save test) and Django then sends `post_migrate`, which
remakes content types and model permissions, but not the rows that Wagtail's
and wagtail-localize's data migrations wrote: the root page and its locale,
the root collection, two hand-made permissions, and the search thesaurus's
seed. Tests that follow (in any order) expect them, as a migrated database
has them.
"""

import importlib

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_migrate

from wagtail.models import Collection, Locale, Page

HAND_MADE_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
]


def restore_migration_rows(**_signal):
    ContentType.objects.clear_cache()
    for app_label, model, codename, name in HAND_MADE_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
    if not Page.objects.filter(depth=1).exists():
        locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    # The seed adds only the sets that are missing, as the migration does.
    importlib.import_module("search.migrations.0007_seed_thesaurus").seed(apps, None)


def restore_after_every_flush():
    # Sent once per app; the last app's signal comes after every app's permissions exist.
    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    post_migrate.connect(restore_migration_rows, sender=last_app, dispatch_uid="tests.migration_rows")
