"""What readers do, by keyboard, in Greek and English, at a phone's (390 px) and a desktop's (1280 px) width.

Each test loads the demo once and walks its journey four times (two
languages × two widths), so the suite stays within CI's time.
"""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core import mail

from tests.browser.conftest import LANGUAGES, VIEWPORTS, focus_is_visible, screenshot
from tests.search.demo_data import expected_ids, slug_of

pytestmark = pytest.mark.browser

COMBINATIONS = [(language, viewport) for language in LANGUAGES for viewport in VIEWPORTS]
ACCMR = "/{lang}/cities/athens/accmr/"
TYPED = {"el": "Κέντρο", "en": "Coordination"}
TITLE = {"el": "Κέντρο Συντονισμού", "en": "Athens Coordination Center"}
CITY = {"el": "Δήμος Αθηναίων", "en": "Municipality of Athens"}


def press(page, selector, key="Enter"):
    """Focus an element as Tab would, show that focus is visible, and press a key on it."""
    element = page.locator(selector).first
    element.focus()
    assert focus_is_visible(page), f"no visible focus on {selector}"
    page.keyboard.press(key)


def test_search_from_the_home_page_with_suggestions(site):
    page = site(None)
    for language, viewport in COMBINATIONS:
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(f"{site.url}/{language}/")
        box = page.locator("#home-search-q")
        box.focus()
        assert box.get_attribute("role") == "combobox"
        page.keyboard.type(TYPED[language], delay=20)
        listbox = page.locator("#home-search-q-listbox")
        listbox.locator("[role=option]").first.wait_for()
        assert box.get_attribute("aria-expanded") == "true"
        options = listbox.locator("[role=option]")
        titles = [options.nth(i).locator(".autocomplete__title").inner_text() for i in range(options.count())]
        assert any(title.startswith(TITLE[language]) for title in titles), titles
        assert page.locator(".autocomplete [role=status]").inner_text().strip() != ""
        screenshot(page, f"autocomplete-{language}")

        # Down to the ACCMR suggestion, then Enter opens it.
        target = next(i for i, title in enumerate(titles) if title.startswith(TITLE[language]))
        for _ in range(target + 1):
            page.keyboard.press("ArrowDown")
        active = box.get_attribute("aria-activedescendant")
        assert active == f"home-search-q-listbox-{target}"
        assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{ACCMR.format(lang=language)}")
        assert page.locator("h1").inner_text().startswith(TITLE[language])

        # Escape closes the list; Enter then searches for what was typed.
        page.goto(f"{site.url}/{language}/")
        page.locator("#home-search-q").focus()
        page.keyboard.type(TYPED[language], delay=20)
        listbox = page.locator("#home-search-q-listbox")
        listbox.locator("[role=option]").first.wait_for()
        page.keyboard.press("Escape")
        assert listbox.is_hidden()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{language}/search/?q=*")
        assert page.locator(".search-result").count() >= 1


def test_filter_by_two_facets_and_open_a_result(site):
    """On the search page, which lists the whole catalogue with its facets (the listing has none yet)."""
    selection = {"category": ["social-inclusion"], "status": ["ongoing"]}
    expected = expected_ids(selection)
    assert 0 < len(expected) < 11
    page = site(None)
    for language, viewport in COMBINATIONS:
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(f"{site.url}/{language}/search/")
        assert page.locator("input[type=search]:visible").count() == 1, "one search box, the page's own"
        if viewport == "phone":  # the results come first; the filters wait behind "Filters"
            press(page, "[data-filters-toggle]")
        for facet, (value,) in selection.items():
            press(page, f"#facet-{facet}-{value}", "Space")
            # static/js/search.js updates the results in place, then the address.
            page.wait_for_url(re.compile(rf"[?&]{facet}={value}"))
            page.locator("[data-search-region]:not([aria-busy])").wait_for()
            assert page.locator(f"#facet-{facet}-{value}").is_checked()
        query = parse_qs(urlsplit(page.url).query)
        assert {key: query.get(key) for key in selection} == selection
        results = page.locator(".search-result .card__title a")
        found = {slug_of(results.nth(i).get_attribute("href")) for i in range(results.count())}
        assert found == expected, (language, viewport)
        screenshot(page, f"search-filtered-{language}")

        first = results.first.get_attribute("href")
        press(page, ".search-result .card__title a")
        page.wait_for_url(f"**{first}")
        assert page.locator("article h1").count() == 1


FILTERS = {"el": "Φίλτρα", "en": "Filters"}
LISTINGS = {"catalogue": "/{lang}/practices/", "search": "/{lang}/search/?q={query}"}
QUERY = {"el": "μεταναστες", "en": "migrants"}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_the_practices_come_first_and_the_filters_beside_or_behind_a_button(site):
    page = site(None)
    for language in LANGUAGES:
        for name, path in LISTINGS.items():
            url = site.url + path.format(lang=language, query=QUERY[language])

            page.set_viewport_size(VIEWPORTS["desktop"])
            page.goto(url)
            filters, results = box(page, "#filters"), box(page, ".search-layout__results")
            assert filters["x"] + filters["width"] <= results["x"], f"{name}: the filters are a sidebar"
            assert box(page, ".card")["y"] < VIEWPORTS["desktop"]["height"], f"{name}: first result in sight"
            assert page.locator("[data-filters-toggle]").is_hidden()
            screenshot(page, f"{name}-sidebar-{language}")

            page.set_viewport_size(VIEWPORTS["phone"])
            page.goto(url)
            first = box(page, ".card")
            assert first["y"] + 40 < VIEWPORTS["phone"]["height"], (
                f"{name} at 390 px: first result on the first screen"
            )
            toggle = page.locator("[data-filters-toggle]")
            assert toggle.inner_text() == FILTERS[language]
            assert toggle.get_attribute("aria-expanded") == "false"
            assert page.locator("#filters").is_hidden()
            press(page, "[data-filters-toggle]")
            assert toggle.get_attribute("aria-expanded") == "true"
            assert page.locator("#filters").is_visible()
            screenshot(page, f"{name}-filters-open-{language}")

            press(page, "#facet-status-ongoing", "Space")
            page.wait_for_url(re.compile(r"[?&]status=ongoing"))
            page.locator("[data-filters-toggle]").filter(has_text="(1)").wait_for()
            assert page.locator("[data-filters-toggle]").inner_text() == f"{FILTERS[language]} (1)"
            if name == "search":  # updated in place: the filters stay open under the reader's hand
                assert page.locator("#filters").is_visible()
                assert page.locator("[data-filters-toggle]").get_attribute("aria-expanded") == "true"
            else:  # a new page: the results first again, with the filter in use above them
                assert page.locator("#filters").is_hidden()
            assert page.locator(".search-layout__results .search-active__item").count() == 1

    # Without JavaScript the button is a link to the filters, which open as its target.
    still = site(None, java_script_enabled=False, viewport="phone")
    still.goto(f"{site.url}/el/practices/")
    assert still.locator("#filters").is_hidden()
    still.locator("[data-filters-toggle]").click()
    assert still.locator("#filters").is_visible()
    assert still.locator("#facet-status-ongoing").is_visible()


def test_the_cities_index_shows_each_city_once_and_its_map(site):
    page = site(None)
    for language, viewport in COMBINATIONS:
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(f"{site.url}/{language}/cities/")
        assert page.locator(".cards--cities .card").count() == 6
        assert page.get_by_role("link", name=CITY[language], exact=True).count() == 1
        # The map's own list feeds its markers, out of sight; the section shows for the map.
        assert page.locator(".city-map__list").is_hidden()
        press(page, "[data-map-toggle]")
        markers = page.locator(".leaflet-marker-icon")
        markers.first.wait_for()
        assert markers.count() == 6
        screenshot(page, f"cities-index-{language}")

    # Without JavaScript there is no map: the cards are the whole page, with no empty section.
    still = site(None, java_script_enabled=False)
    still.goto(f"{site.url}/el/cities/")
    assert still.locator(".cards--cities .card").count() == 6
    assert still.locator("[data-map-section]").is_hidden()
    assert still.locator("[data-map-toggle]").is_hidden()


def test_switch_language_on_a_practice(site):
    page = site(None)
    for language, viewport in COMBINATIONS:
        other = "en" if language == "el" else "el"
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(site.url + ACCMR.format(lang=language))
        assert page.locator("html").get_attribute("lang") == language
        press(page, f'.language-switcher a[hreflang="{other}"]')
        page.wait_for_url(f"**{ACCMR.format(lang=other)}")
        assert page.locator("html").get_attribute("lang") == other
        assert page.locator("h1").inner_text().startswith(TITLE[other])


def test_open_the_map_and_follow_a_city_without_tiles(site):
    page = site(None)
    for language, viewport in COMBINATIONS:
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(f"{site.url}/{language}/")
        # Before the map is asked for, the cities are a list of links, and no map is loaded.
        assert page.locator(".city-map__link").count() == 6
        assert page.evaluate("typeof window.L") == "undefined"
        toggle = page.locator("[data-map-toggle]")
        assert toggle.get_attribute("aria-expanded") == "false"
        press(page, "[data-map-toggle]")
        markers = page.locator(".leaflet-marker-icon")
        markers.first.wait_for()
        assert markers.count() == 6
        assert toggle.get_attribute("aria-expanded") == "true"
        # The tile server is out of reach: the reader is told, and the list stays.
        page.locator("[data-map-notice]:not([hidden])").wait_for()
        assert page.locator(".city-map__link").count() == 6
        screenshot(page, f"map-{language}")

        marker = page.locator(f'.leaflet-marker-icon[title^="{CITY[language]}"]')
        press(page, f'.leaflet-marker-icon[title^="{CITY[language]}"]')
        popup_link = page.locator(".city-map__popup a")
        popup_link.wait_for()
        assert page.evaluate("document.activeElement.textContent") == CITY[language]
        assert marker.get_attribute("role") == "button"
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{language}/cities/athens/")
        assert page.locator("h1").inner_text() == CITY[language]

        # The city's own map: the city among the network's others, marked as the one the reader is on.
        assert page.locator("#city-map .city-map__link").count() == 6
        press(page, "#city-map [data-map-toggle]")
        page.locator("#city-map .leaflet-marker-icon").first.wait_for()
        assert page.locator("#city-map .leaflet-marker-icon").count() == 6
        current = page.locator("#city-map .city-map__marker--current")
        assert current.count() == 1 and current.get_attribute("title").startswith(CITY[language])
        screenshot(page, f"city-map-{language}")


def test_download_the_pdf(site):
    page = site(None)
    for language, viewport in COMBINATIONS:
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(site.url + ACCMR.format(lang=language))
        with page.expect_download() as download_info:
            press(page, ".actions__pdf")
        download = download_info.value
        assert download.suggested_filename == f"accmr-{language}.pdf"
        assert Path(download.path()).read_bytes().startswith(b"%PDF-")


def test_send_the_contact_form(site, settings):
    settings.RATELIMITS = {**settings.RATELIMITS, "contact": "100/h"}  # eight posts in this test
    page = site(None)
    for number, (language, viewport) in enumerate(COMBINATIONS, start=1):
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(site.url + ACCMR.format(lang=language))
        press(page, "section.contact-city a.button")
        page.wait_for_url(f"**{ACCMR.format(lang=language)}contact/")
        screenshot(page, f"contact-form-{language}")

        # Sending it empty shows the errors first, tied to their fields.
        press(page, ".contact-form button[type=submit]")
        page.locator("#form-errors").wait_for()
        assert page.locator("[name=email]").get_attribute("aria-invalid") == "true"

        for name, value in (
            ("name", "Μαρία"),
            ("email", "maria@example.org"),
            ("message", f"Ερώτηση {number}"),
        ):
            page.locator(f"[name={name}]").focus()
            page.keyboard.type(value)
        press(page, ".contact-form button[type=submit]")
        page.wait_for_url(f"**{ACCMR.format(lang=language)}contact/sent/")
        assert page.locator("[role=status] h1").count() == 1
        assert len(mail.outbox) == number
        sent = mail.outbox[-1]
        assert sent.to == ["info@athens.example.org"]
        assert sent.reply_to == ["maria@example.org"]
        assert f"Ερώτηση {number}" in sent.body
