"""Every page type, in Greek and English, at a phone's and a desktop's width: axe-core finds no
WCAG 2.1 A/AA violation, nothing scrolls sideways from 360 to 1440 px, and the keyboard reaches
everything visibly."""

import pytest

from tests.browser.conftest import (
    LANGUAGES,
    axe_violations,
    focus_is_visible,
    no_horizontal_scroll,
    screenshot,
)

pytestmark = pytest.mark.browser

QUERY = {"el": "κέντρο", "en": "mediation"}
PAGES = {
    "home": ("/{lang}/", 200),
    "catalogue": ("/{lang}/practices/", 200),
    "search": ("/{lang}/search/?q={query}", 200),
    "practice": ("/{lang}/cities/athens/accmr/", 200),
    "cities": ("/{lang}/cities/", 200),
    "city": ("/{lang}/cities/athens/", 200),
    "contact": ("/{lang}/cities/athens/accmr/contact/", 200),
    "legal": ("/{lang}/accessibility/", 200),
    "error": ("/{lang}/no-such-page/", 404),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_passes_axe_at_both_widths(site, language):
    """…and the home page again with its map and its suggestions open."""
    page = site(None)
    failures = {}
    for width in (360, 390, 1280, 1440):
        page.set_viewport_size({"width": width, "height": 900})
        for name, (path, status) in PAGES.items():
            response = page.goto(site.url + path.format(lang=language, query=QUERY[language]))
            assert response.status == status, (name, response.status)
            assert page.locator("html").get_attribute("lang") == language
            assert no_horizontal_scroll(page), f"{name} scrolls sideways at {width} px"
            if width in (390, 1280):  # axe at a phone's and a desktop's width; the others only reflow
                violations = axe_violations(page)
                if violations:
                    failures[f"{name} {width}"] = violations
                screenshot(page, f"{name}-{language}")

    # The enhancements' own markup: the map drawn by Leaflet, the suggestions open.
    page.goto(f"{site.url}/{language}/")
    page.locator("[data-map-toggle]").click()
    page.locator(".leaflet-marker-icon").first.wait_for()
    page.locator("#home-search-q").fill(QUERY[language][:4])
    page.locator("#home-search-q-listbox [role=option]").first.wait_for()
    screenshot(page, f"home-map-suggestions-{language}")
    violations = axe_violations(page)
    if violations:
        failures["home with map and suggestions"] = violations
    assert failures == {}


def test_skip_link_landmarks_and_visible_focus(site):
    page = site("/el/cities/athens/accmr/", viewport="phone")
    for role in ("banner", "main", "contentinfo"):
        assert page.get_by_role(role).count() == 1, role
    assert page.get_by_role("navigation").count() >= 3  # language, main, breadcrumb (and footer)
    assert page.get_by_role("search").count() == 1

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible() and focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Every stop of the keyboard on the page shows where it is.
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "(() => { const e = document.activeElement; return e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 40); })()"
        )
        if label.startswith("BODY "):  # past the last link: the browser's own controls
            break
        if label in seen:
            continue
        seen.add(label)
        assert focus_is_visible(page), label
    assert len(seen) > 12
