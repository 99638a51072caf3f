"""The catalogue and the search page put the practices first: the filters beside them on a wide
screen, behind "Filters (n)" on a phone, and a long facet's rarer options behind "more"."""

import pytest
from bs4 import BeautifulSoup

from search.facets import SHOWN_OPTIONS, FacetView, Option

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reader_requests")]


def options(counts, selected=()):
    return [
        Option(value=f"v{i}", label=f"V{i}", count=count, selected=f"v{i}" in selected)
        for i, count in enumerate(counts)
    ]


def test_a_facet_one_option_longer_than_the_limit_shows_them_all():
    view = FacetView("city", "City", options([1] * (SHOWN_OPTIONS + 1)))
    assert (view.shown, view.more) == (view.options, [])


def test_a_long_facet_shows_its_most_frequent_options_in_its_own_order():
    view = FacetView("category", "Category", options([1, 9, 2, 8, 3, 7, 4, 6, 5]))
    assert [option.count for option in view.shown] == [9, 8, 7, 4, 6, 5]
    assert [option.count for option in view.more] == [1, 2, 3]


def test_a_ticked_option_is_never_behind_more():
    view = FacetView("category", "Category", options([1, 9, 2, 8, 3, 7, 4, 6, 5], selected={"v0"}))
    assert "v0" in [option.value for option in view.shown]
    assert "v0" not in [option.value for option in view.more]
    assert view.in_use == 1


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


LAYOUTS = {
    "catalogue": "/{lang}/practices/",
    "search": "/{lang}/search/",
}
FILTERS = {"el": "Φίλτρα", "en": "Filters"}
MORE = {"el": "ακόμη", "en": "more"}


@pytest.mark.parametrize("language", ["el", "en"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_filters_come_after_their_toggle_and_before_the_results(client, demo, layout, language):
    soup = page(client, LAYOUTS[layout].format(lang=language))
    layout_box = soup.select_one(".search-layout")
    children = list(layout_box.find_all(recursive=False))
    classes = [" ".join(child.get("class", [])) for child in children]
    assert "filters-toggle" in classes[0]
    assert "search-layout__facets" in classes[1] and children[1]["id"] == "filters"
    assert "search-layout__results" in classes[2]
    toggle = children[0]
    assert toggle["href"] == "#filters" and toggle["aria-controls"] == "filters"
    assert toggle.get_text(strip=True) == FILTERS[language]
    assert children[2].select(".card"), "the practices are in the results column"


@pytest.mark.parametrize("language", ["el", "en"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_toggle_counts_the_filters_in_use(client, demo, layout, language):
    path = (
        LAYOUTS[layout].format(lang=language) + "?category=social-inclusion&category=education&status=ongoing"
    )
    soup = page(client, path)
    assert soup.select_one(".filters-toggle").get_text(strip=True) == f"{FILTERS[language]} (3)"
    # The filters in use, to remove one by one, sit above the results, not inside the hidden filters.
    assert len(soup.select(".search-layout__results .search-active__item")) == 3


@pytest.mark.parametrize("language", ["el", "en"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_long_facet_keeps_its_rarer_options_behind_more_and_loses_none(client, demo, layout, language):
    soup = page(client, LAYOUTS[layout].format(lang=language))
    categories = soup.select_one('fieldset[data-facet="category"]')
    shown = categories.select(":scope > ul input[type=checkbox]")
    hidden = categories.select("details.search-facet__more input[type=checkbox]")
    assert len(shown) == SHOWN_OPTIONS
    assert hidden, "the demo has more categories in use than the limit"
    summary = categories.select_one("details.search-facet__more summary").get_text(strip=True)
    assert summary == f"{len(hidden)} {MORE[language]}"
    counts = {box["value"]: box for box in shown + hidden}
    assert len(counts) == len(shown) + len(hidden) == 12
    # The most frequent category, social inclusion (7 practices), is in sight.
    assert "social-inclusion" in {box["value"] for box in shown}
