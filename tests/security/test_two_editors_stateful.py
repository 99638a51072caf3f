"""Issue 12: two cities' editors act in any order, and Athens stays exactly as Athens' own actions left it.

A hypothesis state machine interleaves what Athens' editor (A) and
Thessaloniki's editor (B) do through the real admin views: create a
practice (with a slug that may be any id, theirs or the other city's),
edit, translate, upload a catalogue, try to move or edit the other city's
practice, put the other city's image in a page, and open the page chooser.
After every step, Athens' pages (in both languages), their drafts and
revisions, their catalogue ids and Athens' images are what A's last action
left; and B's chooser never shows one of A's unpublished titles.

Bounded to run in well under a minute: a few examples of a few steps, each
example in a savepoint rolled back after it.
"""

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from django.contrib.messages import get_messages
from django.db import transaction
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from practices.models import PracticeImage, PracticePage
from tests.rights.forms import form_data
from tests.security.conftest import create_page, edit_page
from tests.security.test_takeover import practice_record, upload

pytestmark = pytest.mark.django_db

SLUGS = ["shared-idea", "athens-practice", "athens-draft", "thessaloniki-practice", "thessaloniki-draft"]
DRAFT_TITLES = ["Πρόχειρος τίτλος ένα", "Πρόχειρος τίτλος δύο"]


def pages_of(city):
    """Every practice page under the city's page in any language."""
    paths = Page.objects.filter(translation_key=city.page.translation_key).values_list("path", flat=True)
    found = PracticePage.objects.none()
    for path in paths:
        found |= PracticePage.objects.filter(path__startswith=path)
    return found


def snapshot(city):
    """What A's own actions decide: each page's place, text, drafts and id, and the city's images."""
    pages = {
        page.pk: (
            page.path,
            page.locale_id,
            page.catalogue_id,
            page.live,
            page.title,
            page.draft_title,
            page.has_unpublished_changes,
            page.revisions.count(),
            sorted(PracticeImage.objects.filter(page=page).values_list("image_id", flat=True)),
        )
        for page in pages_of(city)
    }
    images = sorted(
        get_image_model()
        .objects.filter(collection=city.team.image_collection)
        .values_list("pk", "title", "file")
    )
    return pages, images


def unpublished_titles(city):
    titles = set()
    for page in pages_of(city).filter(alias_of__isnull=True):
        if not page.live:
            titles.add(page.title)
        if page.draft_title != page.title:
            titles.add(page.draft_title)
    return titles


def test_two_editors_never_touch_each_others_city(network, editor_a, editor_b, login):
    a, b = network["A"], network["B"]
    clients = {"A": login(editor_a), "B": login(editor_b)}
    english = Locale.objects.get(language_code="en")

    class TwoEditors(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.savepoint = transaction.atomic()
            self.savepoint.__enter__()
            self.athens = snapshot(a)

        def teardown(self):
            transaction.set_rollback(True)
            self.savepoint.__exit__(None, None, None)

        def a_did(self):
            """A's own action is what A's city now is."""
            self.athens = snapshot(a)

        # Both editors create practices, with slugs that may be any id --------

        @rule(slug=st.sampled_from(SLUGS), who=st.sampled_from(["A", "B"]))
        def create(self, slug, who):
            city = a if who == "A" else b
            taken = PracticePage.objects.filter(catalogue_id=slug).exists()
            before = PracticePage.objects.count()
            response = create_page(clients[who], PracticePage, city.page, title=f"Νέα {slug}", slug=slug)
            if taken:
                assert response.status_code == 200 and "slug" in response.context["form"].errors
                assert PracticePage.objects.count() == before
            else:
                assert response.status_code == 302
                assert pages_of(city).filter(catalogue_id=slug).exists()
            if who == "A":
                self.a_did()

        # A's own work ----------------------------------------------------------

        @rule(title=st.sampled_from(DRAFT_TITLES))
        def a_edits_own_practice(self, title):
            # After A's upload submitted it for review, the practice is locked for A until the
            # reviewer acts (Wagtail's workflow lock): the edit is refused, and nothing changes.
            lock = PracticePage.objects.get(pk=a.practice.pk).get_lock()
            response = edit_page(clients["A"], a.practice, title=title)
            if lock is not None and lock.for_user(editor_a):
                assert response.status_code == 200
                assert "κλειδωμένη" in " ".join(str(m) for m in get_messages(response.wsgi_request))
                return
            assert response.status_code == 302, (
                response.context and response.context.get("form") and response.context["form"].errors
            )
            self.a_did()

        @precondition(
            lambda self: not TranslationSource.objects.filter(object_id=a.draft.translation_key).exists()
        )
        @rule()
        def a_translates_own_draft(self):
            response = clients["A"].post(
                reverse("wagtail_localize:submit_page_translation", args=[a.draft.pk]),
                {"locales": [english.pk]},
            )
            assert response.status_code == 302
            self.a_did()

        @rule(title=st.sampled_from(DRAFT_TITLES))
        def a_uploads_own_practice(self, title):
            record = practice_record(a.practice.catalogue_id, "athens", title=title)
            response = upload(clients["A"], [record])
            assert response.status_code == 200 and not response.context.get("problems")
            self.a_did()

        # B tries A's city ---------------------------------------------------------

        @rule(which=st.sampled_from(["practice", "draft"]))
        def b_uploads_over_athens(self, which):
            page = a.practice if which == "practice" else a.draft
            response = upload(
                clients["B"], [practice_record(page.catalogue_id, "thessaloniki")], city="thessaloniki"
            )
            assert response.context.get("problems")

        @rule(which=st.sampled_from(["practice", "draft"]))
        def b_edits_athens(self, which):
            page = a.practice if which == "practice" else a.draft
            url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            response = clients["B"].post(url, {"title": "Κατάληψη", "slug": "takeover"})
            assert response.status_code in (302, 403)

        @rule()
        def b_moves_athens(self):
            url = reverse("wagtailadmin_pages:move_confirm", args=[a.practice.pk, b.page.pk])
            assert clients["B"].get(url).status_code in (302, 403)
            assert clients["B"].post(url).status_code in (302, 403)

        @rule()
        def b_translates_athens(self):
            response = clients["B"].post(
                reverse("wagtail_localize:submit_page_translation", args=[a.practice.pk]),
                {"locales": [english.pk]},
            )
            assert response.status_code in (302, 403)

        @rule()
        def b_puts_athens_image_in_own_page(self):
            url = reverse("wagtailadmin_pages:edit", args=[b.practice.pk])
            data = form_data(clients["B"].get(url).content.decode(), "page-edit-form")
            total = int(data["images-TOTAL_FORMS"][0])
            prefix = f"images-{total}-"
            data.update(
                {
                    "images-TOTAL_FORMS": [str(total + 1)],
                    f"{prefix}image": [str(a.image.pk)],
                    f"{prefix}alt": ["Εικόνα"],
                    f"{prefix}ORDER": [str(total + 1)],
                    f"{prefix}id": [""],
                }
            )
            response = clients["B"].post(url, data)
            assert response.status_code == 200
            latest = PracticePage.objects.get(pk=b.practice.pk).get_latest_revision_as_object()
            assert a.image.pk not in {row.image_id for row in latest.images.all()}

        @rule()
        def b_opens_the_choosers(self):
            hidden = unpublished_titles(a)
            answers = [
                clients["B"].get(reverse("wagtailadmin_choose_page_child", args=[a.page.pk])),
                clients["B"].get(reverse("wagtailadmin_choose_page_child", args=[a.practice.pk])),
                clients["B"].get(reverse("wagtailadmin_choose_page_search"), {"q": "Πρ"}),
                clients["B"].get(reverse("wagtailimages_chooser:choose")),
            ]
            for answer in answers:
                html = answer.content.decode()
                assert not [title for title in hidden if title in html], answer.request["PATH_INFO"]
            assert a.image.title not in answers[-1].content.decode()

        # After every step ----------------------------------------------------------

        @invariant()
        def athens_is_as_athens_left_it(self):
            assert snapshot(a) == self.athens

        @invariant()
        def one_practice_per_id(self):
            ids = {}
            pages = PracticePage.objects.values_list("catalogue_id", "locale_id", "translation_key")
            for catalogue_id, locale_id, key in pages:
                found = ids.setdefault((catalogue_id, locale_id), key)
                assert found == key, f"two practices share the id {catalogue_id}"

    run_state_machine_as_test(
        TwoEditors,
        settings=settings(
            max_examples=4,
            stateful_step_count=6,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
