"""A reader meets a practice whose status nobody published: the catalogue and the page say so.

Greek and English, at a phone's and a desktop's width; axe-core finds nothing on either page.
"""

import pytest

from practices.models import PracticePage
from tests.browser.conftest import VIEWPORTS, axe_violations, screenshot
from tests.browser.test_journeys import ACCMR, COMBINATIONS, TITLE, press

pytestmark = pytest.mark.browser

BADGE = {"el": "Άγνωστη κατάσταση", "en": "Status unknown"}
FACT = {"el": ("Κατάσταση", "Άγνωστη"), "en": ("Status", "Unknown")}


def test_an_unknown_status_is_said_on_the_card_and_the_page(site):
    for practice in PracticePage.objects.filter(slug="accmr"):
        practice.status = "unknown"
        practice.save_revision().publish()
    page = site(None)
    failures = {}

    def check_accessibility(where):
        violations = axe_violations(page)
        if violations:
            failures[where] = violations

    for language, viewport in COMBINATIONS:
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(f"{site.url}/{language}/practices/")
        card = page.locator(".card", has_text=TITLE[language])
        assert card.locator(".status--unknown").inner_text().strip() == BADGE[language]
        check_accessibility(f"catalogue {language} {viewport}")

        press(page, f".card__title a[href='{ACCMR.format(lang=language)}']")
        page.wait_for_url(f"**{ACCMR.format(lang=language)}")
        assert page.locator(".practice__badges .status--unknown").inner_text().strip() == BADGE[language]
        term, value = FACT[language]
        row = page.locator(".facts__row", has=page.locator("dt", has_text=term))
        assert row.locator("dd").inner_text().strip() == value
        screenshot(page, f"practice-unknown-status-{language}")
        check_accessibility(f"practice {language} {viewport}")
    assert failures == {}
