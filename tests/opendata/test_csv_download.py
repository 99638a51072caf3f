"""The CSV download of a filtered listing or search: its columns, rows and language.

Run on both databases: `pytest tests/opendata` and
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/cni_opendata pytest tests/opendata`.
"""

import html
from urllib.parse import urlencode

import pytest

from django.conf import settings

from opendata.table import COLUMNS, defuse
from tests.opendata.conftest import read_csv
from tests.search.demo_data import DOCUMENT, PRACTICES, demo_fixture, expected_ids, text

demo = demo_fixture()
pytestmark = pytest.mark.django_db

NAMES = {
    kind: {record["id"]: record["name"] for record in DOCUMENT[kind]} for kind in ("cities", "categories")
}


def expected_row(practice_id, language):
    """The row for a practice, computed from the demo document alone."""
    practice = PRACTICES[practice_id]
    return {
        "id": practice_id,
        "title": text(practice["title"], language),
        "city": text(NAMES["cities"][practice["city"]], language),
        "categories": sorted(text(NAMES["categories"][c], language) for c in practice["categories"]),
        "status": practice.get("status", "unknown"),
        "started": practice["started"],
        "ended": practice.get("ended", ""),
        "evidence": practice.get("evidence", "described"),
        "summary": text(practice["summary"], language),
        "url": f"{settings.SITE_URL}/{language}/cities/{practice['city']}/{practice_id}/",
    }


def as_compared(row):
    # The categories come sorted as the reader's language sorts them; compare them as a set.
    return {**row, "categories": sorted(row["categories"].split("; "))}


@pytest.mark.parametrize("language", ["el", "en"])
def test_a_filtered_listing_downloads_its_practices_in_the_page_language(client, demo, language):
    rows = read_csv(client.get(f"/{language}/search/export.csv", {"city": "heraklion"}))

    assert list(rows[0]) == COLUMNS
    assert {row["id"] for row in rows} == expected_ids({"city": ["heraklion"]})
    assert [as_compared(row) for row in rows] == [expected_row(row["id"], language) for row in rows]


def test_greek_and_english_names(client, demo):
    greek = read_csv(client.get("/el/search/export.csv", {"city": "heraklion", "category": "housing"}))
    english = read_csv(client.get("/en/search/export.csv", {"city": "heraklion", "category": "housing"}))

    assert [(row["city"], row["categories"]) for row in greek] == [
        ("Δήμος Ηρακλείου", "Στέγαση; Κοινωνική ένταξη")
    ]
    assert [(row["city"], row["categories"]) for row in english] == [
        ("Municipality of Heraklion", "Housing; Social inclusion")
    ]
    assert greek[0]["ended"] == english[0]["ended"] == "2021-12"
    assert greek[0]["status"] == english[0]["status"] == "completed"


@pytest.mark.parametrize(
    "params",
    [
        {"category": ["education", "health"], "target_group": ["women"]},
        {"status": ["ongoing"], "evidence": ["monitored", "evaluated"]},
        {"year": ["2017", "2016"], "has_outcomes": ["1"]},
    ],
)
def test_the_facets_restrict_the_download(client, demo, params):
    rows = read_csv(client.get("/en/search/export.csv", params))

    assert {row["id"] for row in rows} == expected_ids(params)


@pytest.mark.parametrize(
    ("language", "params"),
    [
        ("en", {"q": "interpreting"}),
        ("el", {"q": "διερμηνεία"}),
        ("en", {"q": "refugees", "category": "social-inclusion", "sort": "title"}),
        ("en", {"sort": "newest"}),
    ],
)
def test_a_search_downloads_exactly_what_the_search_page_lists(client, demo, listed_ids, language, params):
    rows = read_csv(client.get(f"/{language}/search/export.csv", params))

    assert [row["id"] for row in rows] == listed_ids(language, **params)
    assert rows, "the query should find something"


def test_page_is_ignored_and_an_empty_result_is_a_header(client, demo):
    everything = read_csv(client.get("/en/search/export.csv", {"page": "2"}))
    assert {row["id"] for row in everything} == set(PRACTICES)

    assert read_csv(client.get("/en/search/export.csv", {"q": "zzzxqqy"})) == []


def test_it_is_an_attachment_never_cached(client, demo):
    response = client.get("/en/search/export.csv", {"city": "athens"})
    read_csv(response)

    assert response["Content-Disposition"].startswith('attachment; filename="cni-practices-en-')
    assert response["Content-Disposition"].endswith('.csv"')
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert "X-Page-Cache" not in response


def test_downloads_are_rate_limited(client, demo, settings, one_rate_window):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMITS = {**settings.RATELIMITS, "export": "1/m"}

    assert client.get("/en/search/export.json", {"city": "athens"}).status_code == 200
    refused = client.get("/en/search/export.csv", {"city": "athens"})
    assert refused.status_code == 429
    assert "Retry-After" in refused


def test_formula_characters_are_defused():
    assert defuse("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert defuse("-1 for the city") == "'-1 for the city"
    assert defuse("Στέγαση = σπίτι") == "Στέγαση = σπίτι"


# The links on the pages --------------------------------------------------------------


def download_links(response):
    content = response.content.decode()
    return [
        html.unescape(content.split(f'href="/{language}/search/export.{kind}', 1)[1].split('"', 1)[0])
        for language in ("el", "en")
        for kind in ("csv", "json")
        if f'href="/{language}/search/export.{kind}' in content
    ]


@pytest.mark.parametrize("language", ["el", "en"])
def test_the_listing_links_its_current_filters(client, demo, language):
    response = client.get(f"/{language}/practices/", {"category": "housing", "sort": "newest", "page": "1"})
    content = response.content.decode()

    assert download_links(response) == ["?sort=newest&category=housing"] * 2
    assert content.count('rel="nofollow"') >= 2
    assert download_links(client.get(f"/{language}/practices/")) == ["", ""]


@pytest.mark.parametrize(("language", "query"), [("el", "πρόσφυγες"), ("en", "refugees")])
def test_the_search_page_links_its_current_query(client, demo, language, query):
    response = client.get(f"/{language}/search/", {"q": query, "city": "athens", "page": "1"})

    assert download_links(response) == [f"?{urlencode({'q': query})}&city=athens"] * 2


def test_the_links_are_named_and_not_followed(client, demo):
    content = client.get("/en/practices/").content.decode()

    assert 'aria-label="Download these practices"' in content
    assert 'rel="nofollow" type="text/csv" download>Download CSV' in content
    assert 'rel="nofollow" type="application/json" download>Download JSON' in content


def test_no_links_without_results(client, demo):
    assert download_links(client.get("/en/search/", {"q": "zzzxqqy"})) == []
