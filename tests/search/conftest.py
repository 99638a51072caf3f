"""What the search tests share.

- `demo`: the demo catalogue, loaded once per test module (tests.search.demo_data);
- `reader_requests`: requests as often as a test likes, each leaving the active language as it was;
- a small catalogue to search: one city per language and a helper that adds
  practices. Pages are created with the real models through `add_child`, so
  saving them indexes them through Wagtail's own signal handlers, as in production.
"""

import itertools
import os

import pytest

from django.utils import translation

from modelsearch.backends import get_search_backend
from wagtail.models import Locale, Page

from cities.models import CityIndexPage, CityPage
from home.models import HomePage
from practices.models import PracticePage
from sitewide.partial_date import PartialDate
from tests.search.demo_data import demo_fixture

_slugs = itertools.count(1)

demo = demo_fixture()


@pytest.fixture
def reader_requests(settings):
    """These tests ask far more often than a reader may (sitewide.ratelimit), and
    a request leaves its language active: later tests get back the one they had."""
    settings.RATELIMIT_ENABLED = False
    with translation.override(translation.get_language()):
        yield


@pytest.fixture(autouse=True)
def _needs_elasticsearch(request):
    """Tests marked `elasticsearch` talk to a live server; skip them without one."""
    if request.node.get_closest_marker("elasticsearch") and not os.environ.get("ELASTICSEARCH_URL"):
        pytest.skip("needs a live Elasticsearch 9: set ELASTICSEARCH_URL to run it")


@pytest.fixture
def cities(db):
    """{language code: CityPage}, each under its own home page and index of cities."""
    root = Page.get_first_root_node()
    cities = {}
    for code in ("el", "en"):
        locale, _created = Locale.objects.get_or_create(language_code=code)
        home = root.add_child(instance=HomePage(title=f"Search {code}", slug=f"search-{code}", locale=locale))
        index = home.add_child(instance=CityIndexPage(title="Πόλεις", slug="cities", locale=locale))
        cities[code] = index.add_child(instance=CityPage(title="Δήμος Δοκιμών", slug="city", locale=locale))
    return cities


@pytest.fixture
def add_practice(cities):
    """Add a live practice under the city of `language`; saving it indexes it."""

    def add(
        title, summary="Μια πρακτική του Δικτύου.", description="<p>Περιγραφή.</p>", language="el", **fields
    ):
        city = cities[language]
        practice = PracticePage(
            title=title,
            slug=f"practice-{next(_slugs)}",
            summary=summary,
            description=description,
            started=PartialDate(2017),
            locale=city.locale,
            **fields,
        )
        return city.add_child(instance=practice)

    return add


@pytest.fixture
def backend(db):
    return get_search_backend("default")


@pytest.fixture
def practices():
    """The queryset a search view starts from."""
    return PracticePage.objects.live()
