"""Issue 12, finding 7: every way into search is rate limited, through the real views.

The search page, the catalogue listing with `q`, the API searching or with
facets, suggestions and downloads. The page, the listing and the API share
one count ("search"), so no way adds to another's allowance; suggestions and
downloads have their own.
"""

import pytest

pytestmark = pytest.mark.django_db

SEARCH_WAYS = {
    "search page": "/el/search/?q=στέγαση",
    "listing with q": "/el/practices/?q=στέγαση",
    "API search": "/api/v2/practices/?search=στέγαση",
    "API facets": "/api/v2/practices/?facets=true",
    "API search with facets": "/api/v2/practices/?search=housing&facets=true&locale=en",
}
OWN_LIMITS = {
    "suggestions": ("suggest", "/el/search/suggest/?q=στ"),
    "CSV download": ("export", "/el/search/export.csv?q=στέγαση"),
    "JSON download": ("export", "/el/search/export.json?q=στέγαση"),
}


@pytest.fixture
def tight(settings, one_rate_window, site_tree):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMITS = {"search": "3/m", "suggest": "3/m", "export": "3/m", "contact": "5/h"}
    return settings


@pytest.mark.parametrize("way", list(SEARCH_WAYS))
def test_each_way_into_search_is_limited(client, tight, way):
    url = SEARCH_WAYS[way]
    for _ in range(3):
        assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "no-store" in response["Cache-Control"]


def test_the_ways_into_search_share_one_count(client, tight):
    urls = list(SEARCH_WAYS.values())
    assert [client.get(url).status_code for url in urls[:3]] == [200, 200, 200]
    assert [client.get(url).status_code for url in urls] == [429] * len(urls)
    # Another client is not held back by this one.
    assert client.get(urls[0], REMOTE_ADDR="192.0.2.7").status_code == 200


def test_the_api_answers_its_429_in_json(client, tight):
    for _ in range(3):
        client.get(SEARCH_WAYS["API facets"])
    response = client.get(SEARCH_WAYS["API facets"])
    assert response.status_code == 429
    assert response.json()["error"] == "too_many_requests"


def test_plain_reading_is_not_counted(client, tight):
    """The listing without a query is the cached page, and the API without search or facets a plain list."""
    for _ in range(6):
        assert client.get("/el/practices/").status_code == 200
        assert client.get("/api/v2/practices/").status_code == 200
    assert client.get(SEARCH_WAYS["search page"]).status_code == 200


@pytest.mark.parametrize("way", list(OWN_LIMITS))
def test_suggestions_and_downloads_have_their_own_limits(client, tight, way):
    _name, url = OWN_LIMITS[way]
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429
    assert client.get(SEARCH_WAYS["search page"]).status_code == 200
