"""Editors and reviewers in the Greek admin, as people: from a new practice to its reviewed English translation.

Every step leaves a screenshot in tests/screenshots/ (editors-<database>-<journey>-<step>), and no
response of any journey may be a server error.
"""

import pytest

from django.conf import settings

from cities.models import CityPage
from cities.onboarding import add_editor
from practices.models import PracticePage
from sitewide.slugs import slug_from
from tests.browser import admin_steps as steps

pytestmark = pytest.mark.browser

TITLE = "Κέντρο Συντονισμού Χαλανδρίου"
NAMES = [
    "Θεσσαλονίκη",
    "Καλαμαριά",
    "Νεάπολη-Συκιές",
    "Λιβαδειά",
    "Χαλάνδρι",
    "Ευκαρπία",
    "Ναύπλιο",
    "Άγγελος",
]


@pytest.fixture
def people(demo):
    """An editor of Athens and an IOM reviewer, with passwords, in the Greek admin."""
    editor = add_editor("editor-athens@example.org", city_id="athens", send_email=False).user
    reviewer = add_editor("reviewer@example.org", reviewer=True, send_email=False).user
    for user in (editor, reviewer):
        user.set_password(steps.PASSWORD)
        user.save()
    city = CityPage.objects.get(slug="athens", locale__language_code=settings.LANGUAGE_CODE)
    return editor, reviewer, city


def create_and_submit(site, editor, city, title, name, categories=None):
    journey = steps.Journey(site, name)
    steps.log_in(journey, editor)
    steps.open_add_practice(journey, city)
    journey.shot("add-form")
    steps.fill_required_fields(
        journey,
        title,
        summary="Ένα κέντρο που συντονίζει τους φορείς για την ένταξη μεταναστών και προσφύγων.",
        description="Το κέντρο φέρνει κοντά τον δήμο, τις οργανώσεις και τις κοινότητες.",
        **({"categories": categories} if categories else {}),
    )
    if categories:
        # The editor decides the last one is the main one after all: to the top, with its arrow.
        for _step in range(len(categories) - 1):
            steps.move_up(journey, "category_links", len(categories) - 1)
    steps.slug_becomes(journey, slug_from(title))
    journey.shot("filled-in")
    steps.save_draft(journey)
    practice_pk = steps.page_id(journey)
    journey.shot("draft-saved")
    steps.submit_for_review(journey)
    journey.shot("submitted")
    practice = PracticePage.objects.get(pk=practice_pk)
    assert practice.workflow_in_progress and not practice.live
    assert steps.dashboard_state(journey, practice.slug) == "in-review"
    journey.shot("dashboard-in-review")
    return journey, practice


def test_the_slug_in_the_browser_is_the_servers(site, people):
    editor, _reviewer, city = people
    journey = steps.Journey(site, "slugs")
    steps.log_in(journey, editor)
    steps.open_add_practice(journey, city)
    box = journey.page.locator("#id_title")
    for name in NAMES:
        box.click()
        box.fill("")
        steps.type_title(journey, name)
        steps.slug_becomes(journey, slug_from(name))
    journey.shot("slug")
    assert not journey.server_errors()


def test_a_practice_from_greek_draft_to_reviewed_english_translation(site, people):
    editor, reviewer, city = people
    journey, practice = create_and_submit(site, editor, city, TITLE, "full-path")
    assert practice.slug == "kentro-syntonismou-chalandriou"

    review = steps.Journey(site, "full-path-reviewer")
    steps.log_in(review, reviewer)
    steps.approve(review, practice.pk)
    review.shot("approved")
    assert any("δημοσιεύτηκε" in message for message in steps.messages(review)), steps.messages(review)
    greek = steps.read_as_visitor(site, f"/el/cities/athens/{practice.slug}/", "full-path-visitor-el")
    assert (greek["status"], greek["title"], greek["lang"]) == (200, TITLE, "el")

    # Editing the live page's title leaves its address alone.
    journey.goto(f"/admin/pages/{practice.pk}/edit/")
    journey.page.locator("#id_title").press_sequentially(" (νέο)")
    journey.page.locator("#id_title").blur()
    journey.page.wait_for_timeout(500)  # longer than the script's wait before it follows the title
    assert steps.slug(journey) == practice.slug

    ticked = steps.translate_page(journey, practice.pk)
    assert ticked == [True], "the only other language is preselected"
    journey.shot("translation-editor")
    english_pk = steps.page_id(journey)
    steps.translate_first_string(journey, "Coordination Centre of Chalandri")
    journey.shot("translated")
    steps.translation_footer(journey, "cni-submit-translation-for-review")
    journey.shot("translation-submitted")

    english_path = f"/en/cities/athens/{practice.slug}/"
    before = steps.read_as_visitor(site, english_path, "full-path-visitor-en-before")
    assert (before["status"], before["title"], before["lang"]) == (200, TITLE, "el"), "still the Greek page"
    assert "Only available in Greek" in before["text"]

    steps.translation_footer(review, "cni-translation-approve", page_pk=english_pk)
    review.shot("translation-approved")
    assert any("δημοσιεύτηκε" in message for message in steps.messages(review)), steps.messages(review)

    after = steps.read_as_visitor(site, english_path, "full-path-visitor-en-after")
    assert (after["status"], after["title"], after["lang"]) == (200, "Coordination Centre of Chalandri", "en")
    assert {"el", "en"} <= after["hreflang"]
    assert steps.dashboard_state(journey, practice.slug) == "live"
    assert {"el", "en"} <= steps.read_as_visitor(site, f"/el/cities/athens/{practice.slug}/")["hreflang"]
    assert not journey.server_errors() and not review.server_errors()


def test_changes_requested_then_fixed_and_resubmitted(site, people):
    editor, reviewer, city = people
    journey, practice = create_and_submit(site, editor, city, "Στέγαση στη Λιβαδειά", "changes")

    review = steps.Journey(site, "changes-reviewer")
    steps.log_in(review, reviewer)
    steps.request_changes(review, practice.pk, "Προσθέστε πότε ξεκίνησε η πρακτική και ποιοι συμμετέχουν.")
    review.shot("changes-requested")

    assert steps.dashboard_state(journey, practice.slug) == "changes-requested"
    history = steps.see_review_comment(journey, practice.slug)
    journey.shot("editor-reads-comment")
    assert "Προσθέστε πότε ξεκίνησε η πρακτική" in history

    journey.goto(f"/admin/pages/{practice.pk}/edit/")
    journey.page.locator("#id_summary").fill("Στέγαση για οικογένειες προσφύγων στη Λιβαδειά, από το 2019.")
    steps.submit_for_review(journey)
    journey.shot("resubmitted")
    practice.refresh_from_db()
    state = practice.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert practice.get_latest_revision_as_object().summary.endswith("από το 2019.")
    assert not journey.server_errors() and not review.server_errors()


def test_the_editors_order_of_categories_reaches_the_page_and_the_export(site, people):
    editor, reviewer, city = people
    chosen = ["Στέγαση", "Υγεία", "Κοινωνική ένταξη"]
    journey, practice = create_and_submit(site, editor, city, "Στέγαση και υγεία", "category-order", chosen)
    in_order = ["Κοινωνική ένταξη", "Στέγαση", "Υγεία"]
    draft = practice.get_latest_revision_as_object()
    assert [term.name for term in draft.chosen_categories()] == in_order

    review = steps.Journey(site, "category-order-reviewer")
    steps.log_in(review, reviewer)
    steps.approve(review, practice.pk)
    visitor = site(f"/el/cities/athens/{practice.slug}/")
    tags = visitor.locator("main .tag--category").all_inner_texts()
    assert [tag.strip() for tag in tags] == in_order
    export = visitor.request.get(f"{site.url}/el/search/export.json?city=athens").json()
    record = next(record for record in export["practices"] if record["id"] == practice.slug)
    assert record["categories"] == ["social-inclusion", "housing", "health"]
    assert not journey.server_errors() and not review.server_errors()


def test_the_editor_reads_the_greek_guide_from_the_dashboard(site, people):
    editor, _reviewer, _city = people
    journey = steps.Journey(site, "guide")
    steps.log_in(journey, editor)
    page = journey.page
    page.get_by_role("link", name="Οδηγός συντάκτη").first.click()
    page.wait_for_load_state()
    journey.shot("guide")
    assert page.locator("h1, h2").filter(has_text="Οδηγός").count() >= 1
    # The admin's header names the screen, not just "Home".
    assert (
        page.locator("header [aria-current=page], header h1, header h2")
        .filter(has_text="Οδηγός συντάκτη")
        .count()
        >= 1
    ), page.locator("header").first.inner_text()
    assert "ACCMR" in page.locator("main, #main, body").first.inner_text()
    assert not journey.server_errors()
