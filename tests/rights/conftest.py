"""Two member cities, their editors, a reviewer, and content of each city.

The cities, their teams and collections come from onboarding, the path under test; what they
hold is made by the factories.
"""

from dataclasses import dataclass

import pytest

from django.core.cache import cache
from django.db import models

from wagtail.models import Locale

from catalogue.municipalities import add_municipality
from cities.onboarding import add_editor
from cities.review import ensure_review_workflow
from tests.factories import DocumentFactory, ImageFactory, PracticePageFactory


@dataclass
class City:
    page: object  # the Greek city page
    english: object  # its English page (an alias)
    practice: object  # a live practice
    draft: object  # a practice that was never published
    image: object
    document: object
    team: object


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
        image=ImageFactory(collection=result.team.image_collection, title=f"{city_id}-image"),
        document=DocumentFactory(collection=result.team.document_collection, title=f"{city_id}-document"),
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
