"""What a city's editor and an IOM reviewer see in the Greek admin, in Chromium, on the demo catalogue.

- The editor lands on their dashboard, sees their city's practices with their
  states and the reviewer's comment, presses "Add a practice" and lands on
  the form's first field; a draft saved empty marks the tab holding errors.
- The reviewer's screens (dashboard, workflow reports, translation editor,
  translation reports) show none of the English the issue found.
- The reviewer picks a category's icon, and adds a synonym set to the
  thesaurus; readers see the icon and find a practice by the new synonym.

No response in either journey is a server error. Screenshots of each step go
to tests/screenshots/.
"""

import re

import pytest

from django.urls import reverse

from wagtail.models import Locale

from catalogue.municipalities import add_municipality
from cities.onboarding import add_editor
from cities.review import ensure_review_workflow, submit_for_review
from practices.models import Category, PracticePage
from tests.browser.conftest import screenshot
from tests.factories import PracticePageFactory, with_admin_language

pytestmark = pytest.mark.browser

PASSWORD = "δοκιμή-κωδικού-2026"
COMMENT = "Προσθέστε τα αποτελέσματα σε αριθμούς, με την ημερομηνία τους."
# What the issue found in English on these screens.
KNOWN_ENGLISH = [
    "Password",
    "More actions",
    "to Αγγλικά translation",
    "to English translation",
    " translations",
    "στα English",
    "December",
    "import_catalogue",
    "IOM review",
    "Editor Δήμος",
]
SHOWN_TEXT = """() => {
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => node.parentElement.closest("script, style, template")
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue);
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
        parts.push(element.getAttribute("aria-label") || "", element.title || "", element.placeholder || "");
    }
    return parts.join(" ").replace(/\\s+/g, " ");
}"""


def person(email, password=PASSWORD, **role):
    user = add_editor(email, send_email=False, **role).user
    user.set_password(password)
    user.save()
    return with_admin_language(user, "el")


@pytest.fixture
def people(demo):
    """Athens's editor, named as the demo names them, and an IOM reviewer; Athens's practices in every state."""
    add_municipality("athens")
    ensure_review_workflow()
    editor = person(
        "editor-athens@cities-network.example",
        city_id="athens",
        first_name="Συντάκτης",
        last_name="Δήμου Αθηναίων",
    )
    reviewer = person(
        "reviewer@cities-network.example", reviewer=True, first_name="Ελεγκτής", last_name="ΔΟΜ"
    )
    athens = PracticePage.objects.get(slug="accmr", locale__language_code="el").get_parent()
    sent_back = PracticePageFactory(
        parent=athens, title="Δημοτικό κέντρο ένταξης", slug="athens-centre", live=False
    )
    in_review = PracticePageFactory(
        parent=athens, title="Μαθήματα ελληνικών", slug="athens-lessons", live=False
    )
    for page in (sent_back, in_review):
        page.save_revision(user=editor)
        submit_for_review(page, editor)
    task_state = sent_back.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject", comment=COMMENT)
    return {"editor": editor, "reviewer": reviewer, "athens": athens, "in_review": in_review}


def log_in(site, user):
    """A browser that logged in through the Greek login form, and the list of server errors it meets."""
    page = site("/admin/login/", locale="el-GR")
    errors = []
    page.on("response", lambda response: errors.append(response.url) if response.status >= 500 else None)
    assert "Κωδικός πρόσβασης" in page.locator("label[for=id_password]").inner_text()
    screenshot(page, "admin-login-el")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site.url}/admin/")
    return page, errors


def english_shown(page):
    text = page.evaluate(SHOWN_TEXT)
    return [english for english in KNOWN_ENGLISH if english in text]


def test_an_editor_lands_on_their_city_and_adds_a_practice(site, people):
    page, errors = log_in(site, people["editor"])
    panel = page.locator(".cni-city-practices")
    panel.wait_for()
    states = {
        row.get_attribute("data-cni-practice"): row.get_attribute("data-cni-state")
        for row in panel.locator("[data-cni-practice]").all()
    }
    assert states["accmr"] == "live"
    assert states["athens-centre"] == "changes-requested"
    assert states["athens-lessons"] == "in-review"
    comment = panel.locator("[data-cni-practice=athens-centre] [data-cni-review-comment]")
    assert COMMENT in comment.inner_text()
    assert "Ελεγκτής ΔΟΜ" in comment.inner_text()
    assert "Ζητήθηκαν αλλαγές" in panel.text_content()
    assert english_shown(page) == []
    screenshot(page, "admin-editor-dashboard-el")

    page.get_by_role("link", name="Προσθήκη πρακτικής").click()
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", people["athens"].pk])
    page.wait_for_url(f"{site.url}{add_url}")
    first_field = (
        page.locator("[role=tabpanel]:visible").first.locator("input:visible, textarea:visible").first
    )
    assert first_field.get_attribute("name") == "title"
    assert first_field.is_visible() and first_field.bounding_box()["y"] < page.viewport_size["height"]
    assert page.get_by_text("συγχρονίζετε").count() == 0
    screenshot(page, "admin-add-practice-el")

    # Saved empty, the draft comes back with its errors, and the first tab shows how many it holds.
    page.get_by_role("button", name="Αποθήκευση προχείρου").first.click()
    page.wait_for_load_state("networkidle")
    counter = page.locator("[role=tab]").first.locator(".w-tabs__errors [data-w-count-target=total]")
    counter.wait_for()
    assert int(counter.inner_text()) >= 1
    assert page.locator("[role=tabpanel]:visible .error-message").count() >= 1
    screenshot(page, "admin-add-practice-errors-el")
    assert errors == []


def test_a_reviewers_screens_show_no_english(site, people):
    page, errors = log_in(site, people["reviewer"])
    english = Locale.objects.get(language_code="en")
    accmr_in_english = PracticePage.objects.get(slug="accmr", locale=english)
    screens = {
        "dashboard": "/admin/",
        "workflow": reverse("wagtailadmin_reports:workflow"),
        "workflow-tasks": reverse("wagtailadmin_reports:workflow_tasks"),
        "review": reverse("wagtailadmin_pages:edit", args=[people["in_review"].pk]),
        "translation-editor": reverse("wagtailadmin_pages:edit", args=[accmr_in_english.pk]),
        "translations-report": reverse("wagtail_localize:translations_report"),
        "translation-status": reverse("translation_report"),
    }
    found = {}
    for name, url in screens.items():
        page.goto(site.url + url)
        page.wait_for_load_state("networkidle")
        if name == "translation-editor":
            page.get_by_text(re.compile("Μετάφραση από τα Ελληνικά στα Αγγλικά")).first.wait_for()
        if name == "review":
            assert "Έλεγχος ΔΟΜ" in page.evaluate(SHOWN_TEXT)
        screenshot(page, f"admin-reviewer-{name}-el")
        if english_shown(page):
            found[name] = english_shown(page)
    assert found == {}
    assert errors == []


def test_a_reviewer_picks_a_categorys_icon_and_readers_see_it(site, people):
    """In the Greek admin: the category's form, its icon chosen by name, saved; the English catalogue shows it."""
    page, errors = log_in(site, people["reviewer"])
    greek = Category.objects.get(catalogue_id="participation", locale__language_code="el")
    page.goto(site.url + reverse("wagtailsnippets_practices_category:edit", args=[greek.pk]))
    icon = page.locator("#id_icon")
    assert "Εμφανίζεται δίπλα στο όνομα της κατηγορίας" in page.evaluate(SHOWN_TEXT)
    icon.select_option(label="Δημαρχείο")
    screenshot(page, "admin-category-icon-el")
    page.get_by_role("button", name="Αποθήκευση").first.click()
    page.locator(".messages .success").wait_for()
    assert english_shown(page) == []
    assert errors == []

    reader = site("/en/practices/?category=participation")
    icons = reader.locator(".card .tag--category use")
    hrefs = [icons.nth(i).get_attribute("href") for i in range(icons.count())]
    assert any(href.endswith("#town-hall") for href in hrefs), hrefs
    screenshot(reader, "catalogue-category-icon-en")


def test_a_reviewer_adds_a_synonym_set_and_readers_find_by_it(site, people):
    """In the Greek admin: the thesaurus from the menu, a new set of two terms, saved; a reader's
    search for the new term, which found nothing before, finds the practice that uses the other."""
    accmr = "/el/cities/athens/accmr/"
    reader = site("/el/search/?q=ξενώνας")
    links = reader.locator(".card__title a")
    assert accmr not in [links.nth(i).get_attribute("href") for i in range(links.count())]

    page, errors = log_in(site, people["reviewer"])
    page.goto(site.url + reverse("wagtailsnippets_search_synonymset:list"))
    assert "Ομάδες συνωνύμων" in page.locator("h1").inner_text()
    add = reverse("wagtailsnippets_search_synonymset:add")
    page.locator(f"a[href='{add}']").first.click()
    page.wait_for_url(f"{site.url}{add}")
    page.locator("#id_language").select_option(label="Ελληνικά")
    page.locator("#id_terms").fill("ξενώνας\nσυντονισμός")
    assert "Ένας όρος ανά γραμμή" in page.evaluate(SHOWN_TEXT)
    screenshot(page, "admin-synonym-set-el")
    page.get_by_role("button", name="Αποθήκευση").first.click()
    page.locator(".messages .success").wait_for()
    assert english_shown(page) == []
    assert errors == []

    reader.goto(site.url + "/el/search/?q=ξενώνας")
    assert accmr in [links.nth(i).get_attribute("href") for i in range(links.count())]
    screenshot(reader, "search-by-new-synonym-el")
