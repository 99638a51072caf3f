"""What the search tests share.

- `demo`: the demo catalogue, loaded once per test module (tests.search.demo_data);
- `reader_requests`: requests as often as a test likes, each leaving the active language as it was;
- a small catalogue to search: one city per language and a helper that adds
  practices, made by the factories. Publishing a page indexes it through
  Wagtail's own signal handlers, as in production.
"""

import os

import pytest

from django.utils import translation

from modelsearch.backends import get_search_backend

from practices.models import PracticePage
from sitewide.partial_date import PartialDate
from tests.factories import (
    CityIndexPageFactory,
    CityPageFactory,
    HomePageFactory,
    LocaleFactory,
    PracticePageFactory,
)
from tests.search.demo_data import demo_fixture

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
def live_backends(settings):
    """The per-language Elasticsearch backends at ELASTICSEARCH_URL, with indexes of their own."""
    from search.backends.elasticsearch_settings import per_language_backends

    backends = {"default": dict(settings.WAGTAILSEARCH_BACKENDS["default"])}
    backends |= per_language_backends(os.environ["ELASTICSEARCH_URL"], ["el", "en"], "test_cni")
    settings.WAGTAILSEARCH_BACKENDS = backends
    return settings


@pytest.fixture
def cities(db):
    """{language code: CityPage}, each under its own home page and index of cities."""
    cities = {}
    for code in ("el", "en"):
        home = HomePageFactory(
            title=f"Search {code}", slug=f"search-{code}", locale=LocaleFactory(language_code=code)
        )
        index = CityIndexPageFactory(parent=home)
        cities[code] = CityPageFactory(
            parent=index, title="Δήμος Δοκιμών", slug="city", bare=True, aliases=False
        )
    return cities


@pytest.fixture
def add_practice(cities):
    """Add a live practice under the city of `language`; publishing it indexes it."""

    def add(
        title, summary="Μια πρακτική του Δικτύου.", description="<p>Περιγραφή.</p>", language="el", **fields
    ):
        return PracticePageFactory(
            parent=cities[language],
            title=title,
            summary=summary,
            description=description,
            started=PartialDate(2017),
            bare=True,
            aliases=False,
            **fields,
        )

    return add


@pytest.fixture
def backend(db):
    return get_search_backend("default")


@pytest.fixture
def practices():
    """The queryset a search view starts from."""
    return PracticePage.objects.live()
