"""The read API at /api/v2/: practices with the search page's search and facets, cities, vocabularies."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import Organisation, PracticePage
from tests.search.demo_data import DOCUMENT, PRACTICES, expected_ids, slug_of, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reader_requests")]


@pytest.fixture
def api(client, demo):
    def get(endpoint="practices", expect=200, **params):
        response = client.get(f"/api/v2/{endpoint}/", params)
        assert response.status_code == expect, response.content
        return response.json()

    return get


def api_ids(data):
    return [slug_of(item["meta"]["html_url"]) for item in data["items"]]


def page_ids(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return [slug_of(result.card.url) for result in response.context["results"]]


# The same matches as the search page ---------------------------------------------

QUERIES = [
    ("el", "ΣΤΕΓΑΣΗ"),
    ("el", "στεγαση"),
    ("el", "στέγαση"),
    ("el", "διερμηνεία"),
    ("en", "refugee"),
    ("en", "refugees"),
    ("en", "interpreting mediation"),
    ("en", "Thessaloniki"),
]


@pytest.mark.parametrize(("language", "query"), QUERIES)
def test_search_finds_what_the_search_page_finds_in_the_same_order(api, client, language, query):
    data = api(locale=language, search=query)

    assert api_ids(data) == page_ids(client, language, q=query)
    assert data["meta"]["total_count"] == len(api_ids(data))
    assert data["meta"]["locale"] == language


def test_greek_forms_give_the_same_results(api):
    found = [api_ids(api(locale="el", search=query)) for query in ("ΣΤΕΓΑΣΗ", "στεγαση", "στέγαση")]

    assert found[0] == found[1] == found[2]
    assert "heraklion-housing-support" in found[0]


def test_english_stemming(api):
    assert set(api_ids(api(locale="en", search="refugee"))) == set(
        api_ids(api(locale="en", search="refugees"))
    )


def test_facets_and_search_together_match_the_page(api, client):
    params = {"category": ["education", "health"], "target_group": "women"}
    data = api(locale="en", search="women", **params)

    assert api_ids(data) == page_ids(client, "en", q="women", **params)


def test_repeated_values_of_a_filter_combine_with_or(api):
    repeated = api_ids(api(locale="en", category=["housing", "education"], order="title"))
    comma = api_ids(api(locale="en", category="housing,education", order="title"))

    assert set(repeated) == expected_ids({"category": ["housing", "education"]})
    assert comma == repeated


@pytest.mark.parametrize(
    "selection",
    [
        {"city": ["larissa", "tripoli"], "status": ["ongoing"]},
        {"evidence": ["monitored"], "year": ["2016", "2021"]},
        {"has_outcomes": ["1"], "target_group": ["asylum-seekers"]},
    ],
)
def test_different_filters_combine_with_and(api, selection):
    assert set(api_ids(api(locale="en", **selection))) == expected_ids(selection)


def test_the_default_locale_is_the_networks(api):
    data = api()

    assert data["meta"]["locale"] == "el"
    assert data["meta"]["total_count"] == len(PRACTICES)
    assert all(item["meta"]["locale"] == "el" for item in data["items"])


def test_search_operator(api):
    every_word = set(api_ids(api(locale="en", search="housing childcare", search_operator="and")))
    any_word = set(api_ids(api(locale="en", search="housing childcare", search_operator="or")))
    # Without an operator, as on the search page: too few practices have
    # every word, so those with some of them follow.
    relaxed = set(api_ids(api(locale="en", search="housing childcare")))

    assert every_word == set()
    assert relaxed == any_word
    assert any_word == set(api_ids(api(locale="en", search="housing"))) | set(
        api_ids(api(locale="en", search="childcare"))
    )


def test_facet_counts_on_request(api, client):
    data = api(locale="en", search="refugees", category="education", facets="true")
    page = client.get("/en/search/", {"q": "refugees", "category": "education"})
    expected = {
        facet.name: {option.value: option.count for option in facet.options}
        for facet in page.context["facets"]
    }

    facets = data["meta"]["facets"]
    assert {name: {o["value"]: o["count"] for o in options} for name, options in facets.items()} == expected
    assert "facets" not in api(locale="en")["meta"]


def test_order(api):
    titles = [item["title"] for item in api(locale="en", order="title")["items"]]
    newest = api(locale="en", order="newest", fields="documented")["items"]
    documented = [item["documented"] for item in newest]

    assert titles == sorted(titles, key=str.casefold)
    assert [value for value in documented if value] == sorted(filter(None, documented), reverse=True)
    assert documented[-1] is None


def test_paging_with_limit_and_offset(api):
    first = api(locale="en", order="title", limit=5)
    rest = api(locale="en", order="title", limit=20, offset=5)

    assert first["meta"]["total_count"] == len(PRACTICES)
    assert len(first["items"]) == 5
    assert api_ids(first) + api_ids(rest) == api_ids(api(locale="en", order="title"))


# Bad parameters are a 400 with a message ------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"category": "no-such-category"}, "category: unknown value 'no-such-category'"),
        ({"status": "maybe"}, "status: unknown value 'maybe'"),
        ({"year": "17"}, "year: unknown value '17'"),
        ({"order": "random"}, "order: one of relevance, newest, title"),
        ({"locale": "fr"}, "locale: unknown language 'fr'; one of el, en"),
        ({"title": "x"}, "query parameter is not an operation or a recognised filter: title"),
        ({"search_operator": "xor"}, "search_operator: one of and, or"),
        ({"facets": "maybe"}, "facets: true or false"),
        ({"limit": "abc"}, "limit must be a positive integer"),
    ],
)
def test_bad_parameters(api, params, message):
    assert api(expect=400, **params) == {"message": message}


@pytest.mark.parametrize("endpoint", ["practices", "cities", "categories", "target-groups", "organisations"])
@pytest.mark.parametrize("offset", ["99999999999999999999999", "-1", "²", "abc"])
def test_an_offset_out_of_range_is_refused_on_every_listing(api, endpoint, offset):
    assert api(endpoint, expect=400, offset=offset) == {"message": "offset must be a positive integer"}


# Every part of the record --------------------------------------------------------


@pytest.fixture
def accmr(api):
    data = api(locale="en", search="ACCMR", fields="*")
    return next(item for item in data["items"] if item["meta"]["slug"] == "accmr")


def test_a_record_has_every_part(accmr):
    record = PRACTICES["accmr"]

    assert accmr["title"] == text(record["title"], "en")
    assert accmr["summary"] == text(record["summary"], "en")
    assert accmr["started"] == record["started"]
    assert accmr["status"] == record["status"]
    assert accmr["city"]["id"] == "athens"
    assert accmr["city"]["title"] == "Municipality of Athens"
    assert accmr["city"]["detail_url"].endswith(
        "/api/v2/cities/{}/".format(accmr["city"]["detail_url"].split("/")[-2])
    )
    assert [organisation["role"] for organisation in accmr["organisations"]] == [
        organisation["role"] for organisation in record["organisations"]
    ]
    assert len(accmr["outcomes"]) == len(record["outcomes"])
    assert len(accmr["achievements"]) == len(record["achievements"])
    assert len(accmr["figures"]) == len(record.get("figures", []))
    for key in ("description", "lessons", "transferability", "links", "testimonials", "recognitions"):
        assert key in accmr


def test_categories_and_organisations_are_in_the_requested_locale(api, accmr):
    assert {category["name"] for category in accmr["categories"]} == {
        text(term["name"], "en")
        for term in DOCUMENT["categories"]
        if term["id"] in PRACTICES["accmr"]["categories"]
    }
    assert accmr["organisations"][0]["organisation"]["name"] == "Municipality of Athens"
    greek = next(item for item in api(locale="el", search="ACCMR", fields="*")["items"])
    assert greek["organisations"][0]["organisation"]["name"] == "Δήμος Αθηναίων"
    assert {category["lang"] for category in greek["categories"]} == {"el"}


def test_partial_dates_are_iso_strings(api):
    items = api(locale="en", fields="started,ended,documented")["items"]
    by_id = {slug_of(item["meta"]["html_url"]): item for item in items}

    for practice_id, item in by_id.items():
        record = PRACTICES[practice_id]
        assert item["started"] == record["started"]
        assert item["ended"] == record.get("ended")
        assert item["documented"] == record.get("documented")


def test_outcome_numbers_and_dates(accmr):
    outcome = accmr["outcomes"][0]
    source = PRACTICES["accmr"]["outcomes"][0]

    assert outcome["value"] == source["value"]
    assert outcome["label"] == text(source["label"], "en")
    assert set(outcome) == {"label", "value", "unit", "about", "date"}


def test_the_detail_view_has_every_field(api, client, demo):
    page = PracticePage.objects.get(locale__language_code="en", slug="heraklion-housing-support")
    data = client.get(f"/api/v2/practices/{page.pk}/").json()

    assert data["title"] == "Housing Support Service for refugees"
    assert {category["id"] for category in data["categories"]} == {"housing", "social-inclusion"}
    assert data["city"]["id"] == "heraklion"
    assert data["ended"] == PRACTICES["heraklion-housing-support"]["ended"]
    assert data["documented"] == PRACTICES["heraklion-housing-support"]["documented"]
    assert data["meta"]["parent"]["title"] == "Municipality of Heraklion"


@pytest.mark.parametrize(
    "path", ["practices/999999999/", "practices/99999999999999999999999999/", "categories/999999999/"]
)
def test_unknown_detail_is_404_not_a_redirect(client, demo, path):
    response = client.get(f"/api/v2/{path}")

    assert response.status_code == 404
    assert (
        response.json() == {"message": "No PracticePage matches the given query."}
        or "message" in response.json()
    )


def test_listing_queries_do_not_grow_with_the_items(client, demo):
    def queries(params):
        # The steady state: the first request also remembers the site's structure (sitewide.structure).
        client.get("/api/v2/practices/", params)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v2/practices/", params).status_code == 200
        return len(captured.captured_queries)

    # A page of two that holds the same kinds of data as the whole list
    # (one practice adapts another, which costs a fixed few queries).
    titles = [
        item["meta"]["slug"]
        for item in client.get("/api/v2/practices/", {"locale": "en", "order": "title"}).json()["items"]
    ]
    adapting = next(practice_id for practice_id in titles if PRACTICES[practice_id].get("adapted_from"))
    offset = min(titles.index(adapting), len(titles) - 2)
    two = {"locale": "en", "fields": "*", "order": "title", "limit": 2, "offset": offset}

    assert queries(two) == queries({"locale": "en", "fields": "*", "order": "title"})


# Cities and the vocabularies -------------------------------------------------------


def test_cities_in_a_locale_with_search(api):
    data = api("cities", locale="en", search="Thessaloniki")

    assert data["items"][0]["title"] == "Municipality of Thessaloniki"
    assert all(item["meta"]["locale"] == "en" for item in data["items"])
    assert api("cities", locale="en")["meta"]["total_count"] == len(DOCUMENT["cities"])


def test_city_record(api):
    item = api("cities", locale="en", slug="athens", fields="*")["items"][0]
    record = next(city for city in DOCUMENT["cities"] if city["id"] == "athens")

    assert item["title"] == "Municipality of Athens"
    assert item["location"] == record.get("location")
    assert len(item["figures"]) == len(record.get("figures", []))


def test_city_filters_are_repeatable(api):
    data = api("cities", locale="el", slug="athens,larissa", order="slug")

    assert [item["meta"]["slug"] for item in data["items"]] == ["athens", "larissa"]


@pytest.mark.parametrize(
    ("endpoint", "key"), [("categories", "categories"), ("target-groups", "target_groups")]
)
def test_vocabularies_in_the_requested_locale(api, endpoint, key):
    for language in ("el", "en"):
        data = api(endpoint, locale=language, limit=20)
        names = {item["catalogue_id"]: item["name"] for item in data["items"]}
        assert names == {term["id"]: text(term["name"], language) for term in DOCUMENT[key]}


def test_vocabulary_search_and_repeatable_ids(api):
    assert [item["catalogue_id"] for item in api("categories", locale="en", search="housing")["items"]] == [
        "housing"
    ]
    assert [item["catalogue_id"] for item in api("categories", locale="el", search="στεγαση")["items"]] == [
        "housing"
    ]
    data = api("categories", locale="en", catalogue_id=["housing", "health"])
    assert {item["catalogue_id"] for item in data["items"]} == {"housing", "health"}


def test_organisations_are_live_only(api, demo):
    Organisation.objects.filter(catalogue_id="irc").update(live=False)
    data = api("organisations", locale="en", limit=20, fields="*")

    ids = {item["catalogue_id"] for item in data["items"]}
    assert ids == {organisation["id"] for organisation in DOCUMENT["organisations"]} - {"irc"}
    snf = next(item for item in data["items"] if item["catalogue_id"] == "stavros-niarchos-foundation")
    assert snf["name"] == "Stavros Niarchos Foundation"
    assert snf["acronym"] == "SNF"


def test_bad_snippet_filters(api):
    assert api("categories", expect=400, id="abc") == {"message": "id: 'abc' is not a whole number"}
    assert "unknown fields" in api("categories", expect=400, fields="nope")["message"]
