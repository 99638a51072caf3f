"""Autocomplete: /<lang>/search/suggest/?q= gives up to eight practices, by word prefix."""

import pytest

from search import views
from tests.search.demo_data import PRACTICES, slug_of, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reader_requests")]


@pytest.fixture
def suggest(client, demo):
    def get(language="el", **params):
        response = client.get(f"/{language}/search/suggest/", params)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        return response.json()["results"]

    return get


def ids(results):
    return {slug_of(result["url"]) for result in results}


INTERPRETING = {"thessaloniki-community-interpreting", "ioannina-remote-interpreting"}


@pytest.mark.parametrize("query", ["διερμ", "Διερμ", "ΔΙΕΡΜ", "διέρμ", "Διερμηνεία"])
def test_a_greek_prefix_finds_titles_whatever_the_case_and_accents(suggest, query):
    assert ids(suggest("el", q=query)) == INTERPRETING


def test_each_suggestion_has_title_url_and_city(suggest):
    results = suggest("el", q="διερμ")
    by_id = {slug_of(result["url"]): result for result in results}
    practice = PRACTICES["ioannina-remote-interpreting"]

    assert set(results[0]) == {"title", "url", "city"}
    assert by_id["ioannina-remote-interpreting"] == {
        "title": text(practice["title"], "el"),
        "url": "/el/cities/ioannina/ioannina-remote-interpreting/",
        "city": "Δήμος Ιωαννιτών",
    }


def test_an_english_prefix_finds_english_titles(suggest):
    assert ids(suggest("en", q="interp")) == INTERPRETING
    assert {result["city"] for result in suggest("en", q="interp")} == {
        "Municipality of Thessaloniki",
        "Municipality of Ioannina",
    }


def test_suggestions_stay_in_the_language_of_the_address(suggest):
    # Greek typed on the English site suggests the English translations.
    greek_typed = suggest("en", q="διερμ")

    assert ids(greek_typed) == INTERPRETING
    assert all(result["url"].startswith("/en/") for result in greek_typed)
    assert {result["title"] for result in greek_typed} == {
        text(PRACTICES[practice_id]["title"], "en") for practice_id in INTERPRETING
    }
    assert all(result["url"].startswith("/en/") for result in suggest("en", q="m"))


@pytest.mark.parametrize("query", ["στεγ", "ΣΤΕΓ", "στέγ", "ΣΤΕΓΑΣΗ", "στεγαση", "στέγαση"])
def test_greek_forms_of_housing_suggest_the_same_practice(suggest, query):
    assert ids(suggest("el", q=query)) == {"heraklion-housing-support"}


def test_every_typed_word_is_a_prefix(suggest):
    # «διερ» begins «Διερμηνεία», «αποσ» begins «αποστάσεως»: only one title has both.
    results = suggest("el", q="διερ αποσ")

    assert slug_of(results[0]["url"]) == "ioannina-remote-interpreting"
    assert "missing" not in results[0]
    assert all("missing" in result for result in results[1:])


def test_titles_with_every_typed_word_come_first_then_those_with_most(suggest):
    results = suggest("el", q="διερμηνεία απόστ")

    assert slug_of(results[0]["url"]) == "ioannina-remote-interpreting"
    assert "missing" not in results[0]
    partial = {slug_of(result["url"]): result for result in results[1:]}
    assert "thessaloniki-community-interpreting" in partial
    assert partial["thessaloniki-community-interpreting"]["missing"] == ["απόστ"]
    assert partial["thessaloniki-community-interpreting"]["missing_text"] == "Δεν βρέθηκαν: απόστ"


def test_the_acronym_is_suggested_too(suggest):
    assert ids(suggest("en", q="accm")) == {"accmr"}


def test_at_most_eight(suggest, monkeypatch):
    for query in ("μ", "σ", "a", "the", "δ"):
        assert len(suggest("el", q=query)) <= 8
        assert len(suggest("en", q=query)) <= 8
    # Eight titles of the demo have a word in «γ» or «δ» (relaxed: either will do); a lower cap shows that it cuts.
    assert len(suggest("el", q="γ δ")) == 8
    assert views.SUGGESTIONS == 8
    monkeypatch.setattr(views, "SUGGESTIONS", 3)
    assert len(suggest("el", q="γ δ")) == 3


def test_nothing_to_suggest_without_a_query(suggest):
    assert suggest("el") == []
    assert suggest("el", q="   ") == []


def test_the_page_filters_narrow_suggestions_too(suggest):
    assert ids(suggest("el", q="διερμ", city="ioannina")) == {"ioannina-remote-interpreting"}
    assert ids(suggest("el", q="διερμ", category="housing")) == set()


def test_suggest_is_get_only(client, demo):
    assert client.post("/el/search/suggest/", {"q": "διερμ"}).status_code == 405
