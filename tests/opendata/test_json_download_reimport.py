"""A downloaded JSON file imports into an empty site, which then gives the same download."""

import json

import pytest

from django.core.cache import cache
from django.db import transaction

from catalogue.format.importer import import_document
from practices.models import Category, Organisation, PracticePage
from tests.factories import site_tree
from tests.factories.demo import import_demo

pytestmark = pytest.mark.django_db


def test_a_download_reimports_into_an_empty_site(client):
    params = {"city": ["ioannina", "heraklion"]}
    with transaction.atomic():
        site_tree()
        import_demo()
        downloaded = client.get("/en/search/export.json", params).content
        transaction.set_rollback(True)
    cache.clear()  # Wagtail's site root paths were rolled back too
    assert PracticePage.objects.count() == Category.objects.count() == Organisation.objects.count() == 0

    site_tree()
    import_document(json.loads(downloaded), publish=True)

    assert client.get("/en/search/export.json", params).content == downloaded
