"""The search page /<lang>/search/: locale, facets, sorting, paging, excerpts, help when nothing is found.

Run on both databases: `pytest tests/search` and
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/searchpage_helper pytest tests/search`.
"""

import re
from datetime import timedelta

import pytest

from django.db import connection
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import Locale, PageViewRestriction

from cities.models import CityPage
from practices.models import PracticePage
from search.highlight import Highlighter, plain_text
from search.models import ZeroResultSearch
from search.practice_query import PAGE_SIZE, search_practices
from search.presentation import listing_context
from sitewide.text import collation_key
from tests.search.demo_data import DOCUMENT, PRACTICES, expected_counts, expected_ids, slug_of, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reader_requests")]


@pytest.fixture
def search_page(client, demo):
    def get(language="en", **params):
        response = client.get(f"/{language}/search/", params)
        assert response.status_code == 200
        return response

    return get


def result_ids(response):
    return [slug_of(result.card.url) for result in response.context["results"]]


def all_result_ids(search_page, language="en", **params):
    """Every result, over every page of results."""
    ids, page = [], 1
    while True:
        response = search_page(language, page=page, **params)
        ids += result_ids(response)
        if not response.context["page_obj"].has_next():
            return ids
        page += 1


def facet_counts(response, name):
    for facet in response.context["facets"]:
        if facet.name == name:
            return {option.value: option.count for option in facet.options if option.count}
    return {}


@pytest.mark.parametrize("language", ["el", "en"])
def test_the_search_page_has_one_search_box(search_page, language):
    html = search_page(language, q="στέγαση").content.decode()
    assert html.count('role="search"') == 1 and html.count('type="search"') == 1, "one box, the page's own"


# The locale and the text query --------------------------------------------------


@pytest.mark.parametrize("query", ["ΣΤΕΓΑΣΗ", "στεγαση", "στέγαση"])
def test_greek_case_and_accents_do_not_change_the_results(search_page, query):
    response = search_page("el", q=query)

    assert "heraklion-housing-support" in result_ids(response)
    assert result_ids(response) == result_ids(search_page("el", q="Στέγαση"))


@pytest.mark.parametrize("language", ["el", "en"])
def test_only_practices_of_the_page_language_are_found(search_page, language):
    response = search_page(language, q="ACCMR")
    urls = [result.card.url for result in response.context["results"]]

    assert urls
    assert all(url.startswith(f"/{language}/") for url in urls)


def test_an_english_word_on_the_greek_site_finds_the_greek_page_of_its_translation(search_page):
    assert result_ids(search_page("en", q="housing"))[0] == "heraklion-housing-support"
    greek = search_page("el", q="housing").context["results"]

    assert slug_of(greek[0].card.url) == "heraklion-housing-support"
    assert all(result.card.url.startswith("/el/") for result in greek)
    assert greek[0].card.title == text(PRACTICES["heraklion-housing-support"]["title"], "el")


def test_english_stemming_on_the_default_backend(search_page):
    # SQLite indexes with the Porter stemmer; PostgreSQL with english_stem.
    singular = set(result_ids(search_page("en", q="refugee")))

    assert singular
    assert singular == set(result_ids(search_page("en", q="refugees")))


def test_unpublished_and_private_practices_are_not_found(search_page, demo):
    assert "heraklion-housing-support" in result_ids(search_page("en", q="housing"))
    PracticePage.objects.get(locale__language_code="en", slug="heraklion-housing-support").unpublish()
    assert "heraklion-housing-support" not in result_ids(search_page("en", q="housing"))
    assert "heraklion-housing-support" in result_ids(search_page("el", q="στεγαση"))

    city = CityPage.objects.get(locale__language_code="en", slug="larissa")
    PageViewRestriction.objects.create(page=city, restriction_type=PageViewRestriction.LOGIN)
    assert "larissa-health-mediation" not in all_result_ids(search_page, "en", sort="title")


def test_matching_cities_come_in_their_own_block_above_the_practices(search_page):
    response = search_page("en", q="Thessaloniki")
    html = response.content.decode()

    assert [city.title for city in response.context["cities"]][0] == "Municipality of Thessaloniki"
    assert html.index('id="search-cities-heading"') < html.index('class="cards search-results"')
    assert "/en/cities/thessaloniki/" in html


def test_cities_are_not_listed_without_a_query(search_page):
    assert search_page("en").context["cities"] == []


# Facets -------------------------------------------------------------------------

SELECTIONS = [
    {"category": ["housing"]},
    {"category": ["housing", "education"]},
    {"category": ["education"], "city": ["larissa"]},
    {"category": ["education", "health"], "target_group": ["women"]},
    {"status": ["ongoing"], "evidence": ["monitored", "evaluated"]},
    {"year": ["2017", "2016"], "has_outcomes": ["1"]},
    {"has_outcomes": ["0"], "city": ["tripoli", "ioannina"]},
    {"category": ["social-inclusion"], "status": ["ongoing"], "year": ["2018", "2021", "2024"]},
]


@pytest.mark.parametrize("selection", SELECTIONS)
def test_facets_combine_or_within_and_and_across(search_page, selection):
    found = set(all_result_ids(search_page, "en", **selection))

    assert found == expected_ids(selection)


@pytest.mark.parametrize("selection", SELECTIONS)
def test_each_facet_is_counted_with_the_other_facets_applied(search_page, selection):
    response = search_page("en", **selection)

    for facet in ("category", "target_group", "city", "status", "evidence", "year"):
        assert facet_counts(response, facet) == expected_counts(selection, facet), facet
    assert facet_counts(response, "has_outcomes").get("1", 0) == expected_counts(
        selection, "has_outcomes"
    ).get("1", 0)


def test_facets_are_counted_over_the_text_matches(search_page):
    matches = set(result_ids(search_page("en", q="interpreting")))
    response = search_page("en", q="interpreting", city="larissa")

    assert matches >= {"thessaloniki-community-interpreting", "ioannina-remote-interpreting"}
    assert facet_counts(response, "city") == expected_counts({}, "city", matches)
    assert facet_counts(response, "category") == expected_counts({"city": ["larissa"]}, "category", matches)


# Selections of several facets at once, with a text query: the five facets of
# one value per practice are counted together from one grouped query, with the
# selections applied to its rows in Python (search.facets.count_together).
QUERY_SELECTIONS = [
    {"status": ["ongoing", "completed"], "year": ["2016", "2017", "2019"], "has_outcomes": ["1"]},
    {
        "category": ["social-inclusion", "education"],
        "city": ["thessaloniki", "tripoli"],
        "has_outcomes": ["0"],
    },
    {
        "target_group": ["asylum-seekers"],
        "evidence": ["monitored", "described"],
        "status": ["ongoing"],
        "has_outcomes": ["0", "1"],
    },
]


@pytest.mark.parametrize("selection", QUERY_SELECTIONS)
def test_counts_combine_the_text_query_with_several_selections(search_page, selection):
    matches = set(all_result_ids(search_page, "en", q="refugees"))
    response = search_page("en", q="refugees", **selection)

    assert 3 <= len(matches) < len(PRACTICES)
    assert response.context["page_obj"].paginator.count == len(expected_ids(selection, matches))
    for facet in ("category", "target_group", "city", "status", "evidence", "year"):
        assert facet_counts(response, facet) == expected_counts(selection, facet, matches), facet
    # "Without results in numbers" is offered only once selected.
    shown = {"1", *selection.get("has_outcomes", [])}
    expected = expected_counts(selection, "has_outcomes", matches)
    assert facet_counts(response, "has_outcomes") == {
        value: count for value, count in expected.items() if value in shown
    }


def test_facet_labels_are_in_the_readers_language(search_page):
    labels = {
        language: {
            option.value: option.label
            for facet in search_page(language).context["facets"]
            for option in facet.options
            if facet.name in ("category", "city", "target_group")
        }
        for language in ("el", "en")
    }

    assert labels["en"]["housing"] == "Housing"
    assert labels["el"]["housing"] == "Στέγαση"
    assert labels["en"]["athens"] == "Municipality of Athens"
    assert labels["el"]["athens"] == "Δήμος Αθηναίων"
    assert labels["en"]["women"] == "Women"
    assert labels["el"]["women"] == "Γυναίκες"


def test_result_cards_show_categories_and_city_in_the_readers_language(search_page):
    result = search_page("en", q="housing").context["results"][0]

    assert result.card.city.title == "Municipality of Heraklion"
    assert {category.name for category in result.card.categories} == {"Housing", "Social inclusion"}


def test_unknown_filter_values_are_shown_and_left_out(search_page):
    response = search_page("en", category=["housing", "no-such-category"], city="Not A Slug!", status="maybe")

    assert result_ids(response) == ["heraklion-housing-support"]
    problems = {(problem.parameter, problem.value) for problem in response.context["problems"]}
    assert problems == {("category", "no-such-category"), ("city", "Not A Slug!"), ("status", "maybe")}
    assert "no-such-category" in response.content.decode()


def test_a_city_of_another_language_is_not_a_filter_value(search_page):
    # City values are slugs, the same in every language; a slug with no city is unknown.
    response = search_page("en", city="nowhere")

    assert response.context["problems"][0].parameter == "city"


def test_facet_links_toggle_one_value_and_keep_the_rest(search_page):
    response = search_page("en", q="refugees", category="education", sort="title")
    options = {
        (facet.name, option.value): option for facet in response.context["facets"] for option in facet.options
    }

    assert QueryDict(options[("category", "education")].url.lstrip("?")) == QueryDict("q=refugees&sort=title")
    assert QueryDict(options[("city", "larissa")].url.lstrip("?")) == QueryDict(
        "q=refugees&sort=title&category=education&city=larissa"
    )


# Sorting and paging ---------------------------------------------------------------


def test_relevance_is_the_default_with_a_query(search_page):
    response = search_page("en", q="housing refugees")

    assert response.context["search"].sort == "relevance"
    assert result_ids(response)[0] == "heraklion-housing-support"


def test_title_sort_ignores_case_and_accents(search_page):
    for language in ("el", "en"):
        titles = [result.card.title for result in search_page(language, sort="title").context["results"]]
        assert titles == sorted(titles, key=collation_key)
        assert len(titles) == len(PRACTICES)


def test_without_a_query_relevance_means_by_title(search_page):
    assert result_ids(search_page("en")) == result_ids(search_page("en", sort="title"))


def test_newest_sorts_by_documented_with_undated_last(search_page):
    ids = result_ids(search_page("en", sort="newest"))
    documented = [PRACTICES[practice_id].get("documented") for practice_id in ids]
    dated = [value for value in documented if value]

    assert dated == sorted(dated, reverse=True)
    assert documented == dated + [None] * (len(documented) - len(dated))
    assert None in documented


def test_sort_applies_to_the_text_matches(search_page):
    by_relevance = result_ids(search_page("en", q="refugees"))
    by_title = result_ids(search_page("en", q="refugees", sort="title"))

    assert sorted(by_relevance) == sorted(by_title)


def test_twenty_per_page():
    assert PAGE_SIZE == 20


def test_paging_splits_the_results_without_losing_or_repeating_any(demo):
    locale = Locale.objects.get(language_code="en")
    query = search_practices(QueryDict("sort=title"), locale)
    pages = [query.page(number, per_page=4) for number in (1, 2, 3)]

    assert [len(page.object_list) for page in pages] == [4, 4, 3]
    assert sum((list(page.object_list) for page in pages), []) == query.ordered_ids


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "1e9", ""])
def test_a_page_number_that_is_not_a_page_is_clamped(search_page, page):
    response = search_page("en", page=page)

    assert response.context["page_obj"].number == 1
    assert len(result_ids(response)) == len(PRACTICES)


# Excerpts ----------------------------------------------------------------------------


def test_greek_query_marks_accented_words_in_the_results(search_page):
    html = search_page("el", q="στεγαση").content.decode()

    assert re.search(r"<mark>Στέγαση[ςσ]?</mark>", html)


def test_excerpt_comes_from_the_description_when_the_summary_lacks_the_words(search_page):
    practice = PRACTICES["accmr"]
    description = plain_text(text(practice["description"], "en"))
    word = next(
        word
        for word in re.findall(r"[A-Za-z]{9,}", description)
        if word.lower() not in text(practice["summary"], "en").lower()
        and word.lower() not in text(practice["title"], "en").lower()
    )
    response = search_page("en", q=word)
    result = next(result for result in response.context["results"] if slug_of(result.card.url) == "accmr")

    assert result.excerpt_html is not None
    assert f"<mark>{word}" in result.excerpt_html


def test_highlighting_escapes_everything_else():
    marked = Highlighter("στεγαση").mark('<script>alert("Στέγαση")</script> & ΣΤΕΓΑΣΗ')

    assert marked == (
        "&lt;script&gt;alert(&quot;<mark>Στέγαση</mark>&quot;)&lt;/script&gt; &amp; <mark>ΣΤΕΓΑΣΗ</mark>"
    )


def test_highlighting_keeps_combining_accents_and_final_sigma_inside_the_mark():
    decomposed = "Η στε\u0301γαση και ΣΥΝΔΕΣΜΟΣ"

    assert Highlighter("στέγαση συνδεσμος").mark(decomposed) == (
        "Η <mark>στε\u0301γαση</mark> και <mark>ΣΥΝΔΕΣΜΟΣ</mark>"
    )


def test_short_words_mark_only_whole_words():
    assert Highlighter("to").mark("to town, together") == "<mark>to</mark> town, together"


def test_excerpt_is_a_window_around_the_first_match():
    words = " ".join(f"word{number}" for number in range(200))
    text_ = f"{words} Στέγαση {words}"
    excerpt = Highlighter("στεγαση").excerpt(text_, length=120)

    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert "<mark>Στέγαση</mark>" in excerpt
    assert len(excerpt) < 200
    assert Highlighter("absent").excerpt(text_) is None


# When nothing is found --------------------------------------------------------------


def test_did_you_mean_offers_the_nearest_catalogue_word(search_page):
    response = search_page("en", q="hosing")

    assert response.context["results"] == []
    assert response.context["suggestion"] == "housing"
    assert 'href="?q=housing"' in response.content.decode()


def test_did_you_mean_works_for_greek_without_accents(search_page):
    response = search_page("el", q="στεγσαη")

    assert response.context.get("suggestion") in {"στέγαση", "στέγασης"}


def test_no_suggestion_when_nothing_is_near(search_page):
    assert "suggestion" not in search_page("en", q="zzzzqqqq").context


def test_filters_that_find_nothing_offer_the_broader_searches(search_page):
    matches = result_ids(search_page("en", q="housing"))
    response = search_page("en", q="housing", status="planned", has_outcomes="1")

    assert response.context["results"] == []
    broader = {facet.name: count for facet, count in response.context["broader"]}
    assert broader == {"status": len(expected_ids({"has_outcomes": ["1"]}, matches))}
    assert broader["status"] > 0


def test_searches_that_found_nothing_are_counted_for_staff(search_page):
    search_page("en", q="Κβξζφ ψψψω")
    search_page("en", q="κβξζφ ΨΨΨΩ")
    search_page("el", q="κβξζφ ψψψω")
    search_page("en", q="housing")  # found something: not counted
    search_page("en", q="Στέγαση κβξζφ")  # found practices with one of the words: not counted
    search_page("en", q="Κβξζφ ψψψω", page=2)  # paging through nothing: not counted again

    rows = {(row["language"], row["normalized"]): row for row in ZeroResultSearch.objects.since(days=30)}
    assert rows.keys() == {("en", "κβξζφ ψψψω"), ("el", "κβξζφ ψψψω")}
    assert rows[("en", "κβξζφ ψψψω")]["hits"] == 2
    assert rows[("el", "κβξζφ ψψψω")]["hits"] == 1
    assert rows[("en", "κβξζφ ψψψω")]["query"] in {"Κβξζφ ψψψω", "κβξζφ ΨΨΨΩ"}


def test_only_the_last_days_are_reported(demo):
    old = timezone.localdate() - timedelta(days=40)
    ZeroResultSearch.record("en", "old gap", date=old)
    ZeroResultSearch.record("en", "new gap")

    assert [row["normalized"] for row in ZeroResultSearch.objects.since(days=30)] == ["new gap"]


# The page itself -----------------------------------------------------------------


def test_the_page_is_noindex(search_page):
    response = search_page("en", q="housing")

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_the_page_works_as_a_plain_get_form(search_page):
    html = search_page("en", q="refugees").content.decode()

    assert re.search(r'<form[^>]*method="get"[^>]*action="/en/search/"', html)
    assert '<input type="checkbox" name="category" value="education"' in html
    assert "<script>" not in html and "onclick" not in html
    assert '<script src="/static/js/search.js" defer></script>' in html


def test_the_script_gets_only_the_part_that_changes(client, demo):
    response = client.get("/en/search/", {"q": "refugees"}, headers={"X-Requested-With": "fetch"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "search-results__count" in html
    assert "X-Requested-With" in response["Vary"]


def test_only_get_and_head(client, demo):
    assert client.post("/en/search/", {"q": "x"}).status_code == 405


def test_the_number_of_queries_does_not_grow_with_the_results(client, demo):
    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/search/", params).status_code == 200
        return len(captured.captured_queries)

    # The first request of a test may fill caches (the sites' root paths).
    queries({"q": "housing"})
    few = queries({"q": "housing"})
    many = queries({"q": "refugees"})

    assert many == few
    assert many < 40


# The catalogue listing's way in -------------------------------------------------------


def test_the_listing_gets_the_same_practices_and_facets(demo):
    locale = Locale.objects.get(language_code="en")
    query = search_practices(QueryDict("category=housing&category=education&sort=title"), locale)
    context = listing_context(query, "1", per_page=24)

    assert {slug_of(card.url) for card in context["practices"]} == expected_ids(
        {"category": ["housing", "education"]}
    )
    assert context["practices_page"].paginator.count == 4
    assert [facet.name for facet in context["facets"]][:3] == ["category", "target_group", "city"]


def test_the_listing_can_include_the_filter_form(rf, demo):
    locale = Locale.objects.get(language_code="en")
    query = search_practices(QueryDict("q=refugees&category=education&sort=newest"), locale)
    context = listing_context(query, None)
    with translation.override("en"):
        html = render_to_string("search/includes/filter_form.html", context, request=rf.get("/en/practices/"))

    assert '<input type="hidden" name="q" value="refugees">' in html
    assert '<input type="hidden" name="sort" value="newest">' in html
    assert 'name="category" value="education" id="facet-category-education" checked' in html
    assert "Apply the filters" in html


def test_the_demo_is_what_these_tests_expect():
    assert len(PRACTICES) == 11
    assert len(DOCUMENT["cities"]) == 6
