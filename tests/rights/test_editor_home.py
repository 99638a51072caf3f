"""The editor's home: their city's practices with where each stands, "Add a practice" and the Greek guide.

Everything goes through the real admin views, as a city editor whose admin is in Greek.
"""

import pytest
from bs4 import BeautifulSoup

from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState

from cities.review import submit_for_review
from tests.factories import PracticePageFactory, with_admin_language

pytestmark = pytest.mark.django_db

COMMENT = "Λείπουν τα αποτελέσματα σε αριθμούς και η ημερομηνία έναρξης."


def greek_client(user):
    client = Client()
    client.force_login(with_admin_language(user, "el"))
    return client


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return BeautifulSoup(response.content.decode(), "html.parser")


def _reject(page, reviewer, comment):
    task_state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress").current_task_state
    client = Client()
    client.force_login(reviewer)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        {"comment": comment},
    )
    assert response.status_code in (200, 302)


@pytest.fixture
def athens(network, editor_a, iom_reviewer):
    """Athens's practices in each state: live, draft, in review, sent back with a comment."""
    city = network["A"]
    in_review = PracticePageFactory(
        parent=city.page, title="Σε έλεγχο πρακτική", slug="athens-review", live=False
    )
    sent_back = PracticePageFactory(parent=city.page, title="Επιστροφή", slug="athens-back", live=False)
    for page in (in_review, sent_back):
        page.save_revision(user=editor_a)
        submit_for_review(page, editor_a)
    _reject(sent_back, iom_reviewer, COMMENT)
    return city


def _rows(soup):
    return {row["data-cni-practice"]: row for row in soup.select("[data-cni-practice]")}


def test_the_editors_home_lists_their_citys_practices_with_their_states(athens, network, editor_a):
    soup = _get(greek_client(editor_a), reverse("wagtailadmin_home"))
    rows = _rows(soup)
    states = {slug: row["data-cni-state"] for slug, row in rows.items()}
    assert states == {
        "athens-practice": "live",
        "athens-draft": "draft",
        "athens-review": "in-review",
        "athens-back": "changes-requested",
    }
    # What needs the editor comes first: changes requested, then the draft.
    assert list(rows)[:2] == ["athens-back", "athens-draft"]
    # Another city's practices are not there.
    assert not [slug for slug in rows if slug.startswith("thessaloniki")]
    text = " ".join(soup.get_text(" ").split())
    assert "Οι πρακτικές σας: Αθήνα" in text
    assert "Ζητήθηκαν αλλαγές" in text and "Σε έλεγχο" in text and "Προσχέδιο" in text


def test_a_request_for_changes_shows_the_reviewers_comment(athens, editor_a, iom_reviewer):
    row = _rows(_get(greek_client(editor_a), reverse("wagtailadmin_home")))["athens-back"]
    comment = row.select_one("[data-cni-review-comment]")
    assert comment is not None
    assert COMMENT in comment.get_text(" ")
    reviewer_name = iom_reviewer.get_full_name() or iom_reviewer.get_username()
    assert reviewer_name in comment.get_text(" ")


def test_a_missing_english_translation_is_shown(athens, editor_a):
    row = _rows(_get(greek_client(editor_a), reverse("wagtailadmin_home")))["athens-practice"]
    translations = row.select("[data-cni-translation]")
    assert [tag["data-cni-translation"] for tag in translations] == ["needs-work"]
    assert "Αγγλικά: λείπει η μετάφραση" in " ".join(translations[0].get_text(" ").split())


def test_add_a_practice_opens_the_form_under_their_city_on_the_title(athens, editor_a):
    client = greek_client(editor_a)
    soup = _get(client, reverse("wagtailadmin_home"))
    buttons = soup.select("[data-cni-add-practice]")
    assert len(buttons) == 1
    assert buttons[0]["href"] == reverse(
        "wagtailadmin_pages:add", args=["practices", "practicepage", athens.page.pk]
    )
    form = _get(client, buttons[0]["href"]).find("form", id="page-edit-form")
    first_panel = form.select_one("[role=tabpanel]")
    # The form opens on the practice's fields: no paragraph about translation syncing before the title.
    assert "συγχρονίζετε" not in first_panel.get_text(" ")
    first_field = first_panel.select_one("input:not([type=hidden]), textarea, select")
    assert first_field["name"] == "title"


def test_the_help_about_syncing_stays_on_the_edit_form(athens, editor_a):
    form = _get(greek_client(editor_a), reverse("wagtailadmin_pages:edit", args=[athens.practice.pk]))
    assert "συγχρονίζετε" in form.find("form", id="page-edit-form").get_text(" ")


def test_the_guide_is_served_in_greek_and_replaces_wagtails_in_the_help_menu(athens, editor_a):
    client = greek_client(editor_a)
    home = _get(client, reverse("wagtailadmin_home"))
    guide_url = reverse("cni_editor_guide")
    assert home.select_one("[data-cni-editor-guide]")["href"] == guide_url
    assert "guide.wagtail.org" not in str(home)
    sidebar = home.find(id="wagtail-sidebar-props")
    assert guide_url in sidebar.string
    guide = _get(client, guide_url)
    article = guide.select_one("article[lang=el]")
    headings = [heading.get_text() for heading in article.find_all(["h2", "h3"])]
    assert "Τι κάνει καλή μια καταχώριση" in headings
    assert "Τα πεδία ένα ένα, με παράδειγμα το ACCMR" in headings
    assert "Κέντρο Συντονισμού για θέματα Μεταναστών & Προσφύγων" in article.get_text()


def test_reviewers_keep_their_panels_and_get_no_city_panel(athens, iom_reviewer):
    soup = _get(greek_client(iom_reviewer), reverse("wagtailadmin_home"))
    assert not soup.select("[data-cni-practice]")
    assert soup.find(id="cni_awaiting_review-section") is not None
