"""Fixtures shared by the whole suite: the site tree, its locales, and the people who use the admin."""

from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from wagtail.models import Locale

from sitewide import ratelimit
from tests.factories import UserFactory
from tests.factories import site_tree as build_site_tree
from tests.migration_rows import restore_after_every_flush

restore_after_every_flush()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache.

    Wagtail caches site root paths and renditions by id, the page cache keys on
    URLs, and rate limits count in the cache; ids and URLs recur between tests.
    """
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def one_rate_window(monkeypatch):
    """Rate limits count in fixed windows (sitewide.ratelimit); a test's requests must not straddle two.

    A slow run crossing a minute boundary would otherwise start a fresh count
    halfway through the test. The clock stands still, in the middle of a window.
    """
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))


@pytest.fixture
def site_tree(db):
    """{language code: LocaleTree} for every content language, as `setup_network` makes it."""
    return build_site_tree()


@pytest.fixture
def locales(site_tree):
    return {locale.language_code: locale for locale in Locale.objects.all()}


def _group(name, *codenames):
    """A group that can use the admin and holds the given `app_label.codename` permissions."""
    group, _created = Group.objects.get_or_create(name=name)
    for label in ("wagtailadmin.access_admin", *codenames):
        app_label, codename = label.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


SNIPPET_EDITING = [
    f"practices.{action}_{model}"
    for model in ("category", "targetgroup", "organisation")
    for action in ("add", "change")
]


@pytest.fixture
def superuser(db):
    return UserFactory(username="superuser", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(db):
    """May write and propose vocabulary, but not publish an organisation."""
    user = UserFactory(username="editor")
    user.groups.add(_group("Catalogue editors", *SNIPPET_EDITING))
    return user


@pytest.fixture
def reviewer(db):
    """May also publish organisations that editors proposed."""
    user = UserFactory(username="reviewer")
    user.groups.add(_group("Catalogue reviewers", *SNIPPET_EDITING, "practices.publish_organisation"))
    return user


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client
