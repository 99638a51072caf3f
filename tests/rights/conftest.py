"""Two member cities, their editors, a reviewer, and content of each city, as onboarding makes them."""

from dataclasses import dataclass

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from catalogue.municipalities import add_municipality
from cities.onboarding import add_editor
from cities.review import ensure_review_workflow
from tests.factories import PracticePageFactory


@dataclass
class City:
    page: object  # the Greek city page
    english: object  # its English page (an alias)
    practice: object  # a live practice
    draft: object  # a practice that was never published
    image: object
    document: object
    team: object


def _image(collection, title):
    image_file = get_test_image_file()
    return get_image_model().objects.create(
        title=title, collection=collection, file=ImageFile(image_file.file, name=f"{title}.png")
    )


def _document(collection, title):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return document


def _city(city_id, greek, english):
    result = add_municipality(city_id, {"el": greek})
    page = result.city
    practice = PracticePageFactory(parent=page, title=f"Πρακτική {greek}", slug=f"{city_id}-practice")
    draft = PracticePageFactory(parent=page, title=f"Πρόχειρο {greek}", slug=f"{city_id}-draft", live=False)
    en = Locale.objects.get(language_code="en")
    return City(
        page=page,
        english=page.get_translation(en),
        practice=practice,
        draft=draft,
        image=_image(result.team.image_collection, f"{city_id}-image"),
        document=_document(result.team.document_collection, f"{city_id}-document"),
        team=result.team,
    )


def build_network():
    ensure_review_workflow()
    athens = _city("athens", "Αθήνα", "Athens")
    thessaloniki = _city("thessaloniki", "Θεσσαλονίκη", "Thessaloniki")
    return {"A": athens, "B": thessaloniki}


def read_afresh(network):
    """The same cities with every object read again from the database.

    For a network built once per module: an earlier test may have left an
    object's Python attributes (its latest revision, say) pointing at rows
    that its rollback took away.
    """
    fresh = {}
    for key, city in network.items():
        values = {
            name: type(value)._default_manager.get(pk=value.pk) if isinstance(value, models.Model) else value
            for name, value in vars(city).items()
        }
        fresh[key] = City(**values)
    return fresh


@pytest.fixture
def network(site_tree):
    # Wagtail caches the sites' root paths; the database rolls back between tests, the cache must too.
    cache.clear()
    yield build_network()
    cache.clear()


@pytest.fixture
def editor_a(network):
    return add_editor("editor-a@example.org", city_id="athens", send_email=False).user


@pytest.fixture
def editor_b(network):
    return add_editor("editor-b@example.org", city_id="thessaloniki", send_email=False).user


@pytest.fixture
def iom_reviewer(network):
    return add_editor("reviewer@example.org", reviewer=True, send_email=False).user
