"""Whatever is typed or put in an address, search answers 200 with sane results or 400 with a message.

Property tests over generated query strings and parameters for the search
page, autocomplete and the API: long queries, full-text operators and quotes,
control characters, unknown facet values, bad page numbers, raw bytes that
are not UTF-8. Never a 500.
"""

import json
from urllib.parse import quote_from_bytes, urlencode

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.search.demo_data import PRACTICES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reader_requests")]


EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    database=None,
    # The demo data is loaded once for the module and no example changes it.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FTS_SYNTAX = [
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(a b, 2)",
    '"',
    '""',
    "*",
    "-",
    "(",
    ")",
    ":",
    "^",
    "{title}: x",
    "title:στέγαση",
    "a AND (b OR",
    "'",
    "\\",
    "%",
    "_",
    "&",
    "|",
    "!",
    "<->",
    ":*",
    "<script>",
]
WORDS = ["στέγαση", "ΣΤΕΓΑΣΗ", "στεγαση", "refugees", "διερμ", "housing", "Αθήνα", "ACCMR", "ß", "ﬁ", "İ"]
CONTROL = ["\x00", "\x01", "\x1b", "\x7f", "\u200b", "\u00ad", "\ufeff", "\u202e", "\t", "\n", "\r", "\x0c"]

# Text that a browser can send (lone surrogates cannot be encoded in UTF-8).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
pieces = st.one_of(st.sampled_from(FTS_SYNTAX), st.sampled_from(WORDS), st.sampled_from(CONTROL), any_text)
queries = st.one_of(
    st.lists(pieces, max_size=12).map(" ".join),
    st.lists(pieces, max_size=12).map("".join),
    # 1,000 characters and more.
    st.tuples(pieces, st.integers(min_value=1000, max_value=4000)).map(
        lambda pair: (pair[0] or "x") * (pair[1] // max(len(pair[0]), 1) + 1)
    ),
)

FACET_VALUES = {
    "category": ["housing", "education", "no-such-category"],
    "city": ["athens", "larissa", "nowhere"],
    "target_group": ["women", "migrants"],
    "status": ["ongoing", "completed", "ONGOING"],
    "evidence": ["monitored", "externally_evaluated"],
    "year": ["2017", "2016", "17", "99999"],
    "has_outcomes": ["1", "0", "yes"],
}
facet_params = st.fixed_dictionaries(
    {},
    optional={
        name: st.lists(st.one_of(st.sampled_from(values), any_text, st.sampled_from(CONTROL)), max_size=4)
        for name, values in FACET_VALUES.items()
    },
)
page_numbers = st.one_of(
    st.sampled_from(["abc", "99999", "0", "-1", "1.5", "", "1e99", "99999999999999999999999"]),
    st.integers().map(str),
    any_text,
)
sorts = st.one_of(st.sampled_from(["relevance", "newest", "title", "RANDOM", ""]), any_text)


def query_string(params):
    pairs = []
    for name, value in params.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((name, item))
    return urlencode(pairs)


def get(client, path, raw_query):
    return client.generic("GET", path, QUERY_STRING=raw_query)


def assert_sane(response):
    assert response.status_code in (200, 400), (response.status_code, response.content[:500])
    if response.status_code == 400 and response["Content-Type"] == "application/json":
        assert response.json()["message"]


@EXAMPLES
@given(q=queries, facets=facet_params, page=page_numbers, sort=sorts, language=st.sampled_from(["el", "en"]))
def test_the_search_page_never_fails(client, demo, q, facets, page, sort, language):
    response = get(
        client, f"/{language}/search/", query_string({"q": q, "page": page, "sort": sort, **facets})
    )

    assert_sane(response)
    if response.status_code == 200:
        results = response.context["results"]
        assert len(results) <= 20
        assert all(result.card.url.startswith(f"/{language}/") for result in results)
        assert "<mark><mark>" not in response.content.decode()


@EXAMPLES
@given(q=queries, facets=facet_params, language=st.sampled_from(["el", "en"]))
def test_suggest_never_fails(client, demo, q, facets, language):
    response = get(client, f"/{language}/search/suggest/", query_string({"q": q, **facets}))

    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) <= 8
    # A suggestion that lacks some typed words (relaxed) says which.
    assert all({"title", "url", "city"} <= set(result) <= SUGGESTION_KEYS for result in results)
    assert all(result["url"].startswith(f"/{language}/") for result in results)


SUGGESTION_KEYS = {"title", "url", "city", "missing", "missing_text"}

api_params = st.fixed_dictionaries(
    {},
    optional={
        "search": queries,
        "locale": st.one_of(st.sampled_from(["el", "en", "fr", "", "EL"]), any_text),
        "order": sorts,
        "limit": page_numbers,
        "offset": page_numbers,
        "search_operator": st.one_of(st.sampled_from(["and", "or"]), any_text),
        "fields": st.one_of(
            st.sampled_from(["*", "title,city", "categories(name)", "-title", "_,title", "nope"]), any_text
        ),
        "facets": st.sampled_from(["true", "false", "1", "maybe"]),
        "unknown": any_text,
    },
)


@EXAMPLES
@given(params=api_params, facets=facet_params)
def test_the_practices_api_never_fails(client, demo, params, facets):
    response = get(client, "/api/v2/practices/", query_string({**params, **facets}))

    assert_sane(response)
    if response.status_code == 200:
        data = response.json()
        assert 0 <= len(data["items"]) <= 20
        assert data["meta"]["total_count"] <= len(PRACTICES)


@EXAMPLES
@given(
    endpoint=st.sampled_from(["cities", "categories", "target-groups", "organisations"]),
    params=api_params,
    extra=st.dictionaries(
        st.sampled_from(
            ["id", "slug", "catalogue_id", "name", "title", "first_published_at", "live", "kind"]
        ),
        st.one_of(any_text, st.sampled_from(CONTROL), st.sampled_from(["1", "abc", "99999999999999999999"])),
        max_size=3,
    ),
)
def test_the_other_endpoints_never_fail(client, demo, endpoint, params, extra):
    params.pop("facets", None)
    response = get(client, f"/api/v2/{endpoint}/", query_string({**params, **extra}))

    assert_sane(response)


@EXAMPLES
@given(raw=st.binary(max_size=60), target=st.sampled_from(["q", "category", "search", "page", "city"]))
def test_bytes_that_are_not_utf8(client, demo, raw, target):
    encoded = quote_from_bytes(raw, safe="")
    for path in ("/el/search/", "/en/search/suggest/", "/api/v2/practices/"):
        assert_sane(get(client, path, f"{target}={encoded}"))


@EXAMPLES
@given(identifier=st.one_of(any_text, st.integers().map(str)), html_path=any_text)
def test_find_and_detail_never_fail(client, demo, identifier, html_path):
    for path in ("/api/v2/practices/find/", "/api/v2/categories/find/"):
        response = get(client, path, urlencode({"id": identifier}))
        assert response.status_code in (302, 400, 404)
    response = get(client, "/api/v2/practices/find/", urlencode({"html_path": html_path}))
    assert response.status_code in (302, 400, 404)
    digits = "".join(char for char in identifier if char.isascii() and char.isdigit())
    assume(digits)
    assert client.get(f"/api/v2/practices/{digits}/").status_code in (200, 404)


@pytest.mark.parametrize(
    "q",
    [
        "x" * 5000,
        " ".join(["στέγαση"] * 400),
        'NEAR("a" "b", 2) AND title:* OR ("',
        "\x00\x01\x02 στέγαση \x1b[31m",
        "-" * 300,
        "*" * 300,
    ],
)
def test_named_hostile_queries(client, demo, q):
    for path in ("/el/search/", "/el/search/suggest/"):
        assert get(client, path, urlencode({"q": q})).status_code == 200
    response = get(client, "/api/v2/practices/", urlencode({"search": q, "locale": "el"}))
    assert response.status_code == 200
    assert json.loads(response.content)["meta"]["total_count"] >= 0


def test_a_query_that_is_only_control_characters_is_no_query(client, demo):
    response = client.get("/en/search/", {"q": "\x00\x01\x1b"})

    assert response.status_code == 200
    assert response.context["search"].has_query is False
    assert len(response.context["results"]) == len(PRACTICES)


def test_over_the_rate_limit_the_answer_is_429_with_a_message(client, demo, settings, one_rate_window):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMITS = {**settings.RATELIMITS, "search": "2/m", "suggest": "2/m"}

    assert [client.get("/en/search/", {"q": "x"}).status_code for _ in range(3)] == [200, 200, 429]
    response = client.get("/en/search/suggest/", {"q": "x"})
    response = client.get("/en/search/suggest/", {"q": "x"})
    response = client.get("/en/search/suggest/", {"q": "x"})
    assert response.status_code == 429
    assert response["Retry-After"]
    assert response.json()["message"]
