"""Content built once for a whole test module, inside a transaction rolled back after it.

Building a network of cities through onboarding and wagtail-localize, or
importing the demo, takes seconds; doing it for every test was most of the
suite's time. Each test still runs in its own savepoint (pytest-django's
`db`), so what a test changes is undone as usual. Only for modules whose
tests change the content through the database or requests, not by mutating
the Python objects the fixture returns.
"""

import pytest

from django.core.cache import cache
from django.db import transaction

from tests.factories import site_tree


def built_once_per_module(build):
    """A module-scoped fixture: the site tree, then `build()`'s result, rolled back after the module."""

    @pytest.fixture(scope="module")
    def content(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            # Wagtail caches site root paths, which the rollback takes away again.
            cache.clear()
            with transaction.atomic():
                trees = site_tree()
                yield build(trees)
                transaction.set_rollback(True)
            cache.clear()

    return content
