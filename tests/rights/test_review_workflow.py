"""The "IOM review" workflow through the admin: submit, notify, approve or request changes, resubmit."""

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page, PageLogEntry, WorkflowPage, WorkflowState

from cities.models import CityPage
from cities.review import ensure_review_workflow
from tests.rights.forms import form_data, single

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _edit(client, admin_client, page, **extra):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = single(form_data(html, "page-edit-form"), **extra)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def _task_state(page):
    return WorkflowState.objects.get(object_id=str(page.pk), status__in=["in_progress"]).current_task_state


def _workflow_action(client, page, action, comment=""):
    task_state = _task_state(page)
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": comment},
    )


@pytest.fixture
def admin_client(superuser):
    return _client(superuser)


def test_the_workflow_covers_every_city_page_in_every_language(network):
    workflow = ensure_review_workflow()
    # Named in the network's language, the one name Wagtail then shows everywhere.
    assert workflow.name == "Έλεγχος ΔΟΜ"
    for code in ("el", "en"):
        locale = Locale.objects.get(language_code=code)
        city = network["A"].page.get_translation(locale)
        assert city.get_workflow() == workflow
        assert network["A"].practice.get_translation(locale).get_workflow() == workflow
    assert WorkflowPage.objects.filter(workflow=workflow).count() == 2


def test_submission_notifies_reviewers_and_approval_publishes(network, editor_a, iom_reviewer, admin_client):
    draft = network["A"].draft
    mail.outbox.clear()
    response = _edit(_client(editor_a), admin_client, draft, title="Νέα πρακτική", **{"action-submit": "1"})
    assert response.status_code == 302
    page = Page.objects.get(pk=draft.pk)
    assert page.workflow_in_progress and not page.live
    submitted = [message for message in mail.outbox if iom_reviewer.email in message.to]
    assert len(submitted) == 1, [message.to for message in mail.outbox]
    assert "Νέα πρακτική" in submitted[0].subject + submitted[0].body
    assert not [message for message in mail.outbox if editor_a.email in message.to]

    mail.outbox.clear()
    response = _workflow_action(_client(iom_reviewer), draft, "approve", comment="Εντάξει")
    assert response.status_code in (200, 302)
    page = Page.objects.get(pk=draft.pk).specific
    assert page.live and page.title == "Νέα πρακτική"
    assert not page.workflow_in_progress
    approved = [message for message in mail.outbox if editor_a.email in message.to]
    assert len(approved) == 1
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions
    # The English page is an alias, published with its source.
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.title == "Νέα πρακτική"


def test_request_changes_emails_the_comment_then_resubmission_reaches_the_reviewers(
    network, editor_a, iom_reviewer, admin_client
):
    practice = network["A"].practice
    live_title = practice.title
    editor = _client(editor_a)
    _edit(editor, admin_client, practice, title="Πρώτη εκδοχή", **{"action-submit": "1"})
    mail.outbox.clear()

    _workflow_action(_client(iom_reviewer), practice, "reject", comment="Λείπουν τα αποτελέσματα.")
    state = WorkflowState.objects.get(object_id=str(practice.pk), status=WorkflowState.STATUS_NEEDS_CHANGES)
    changes = [message for message in mail.outbox if editor_a.email in message.to]
    assert len(changes) == 1
    assert "Λείπουν τα αποτελέσματα." in changes[0].body
    assert Page.objects.get(pk=practice.pk).title == live_title, "the live page is untouched"

    mail.outbox.clear()
    _edit(editor, admin_client, practice, title="Δεύτερη εκδοχή", **{"action-submit": "1"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [message for message in mail.outbox if iom_reviewer.email in message.to]
    _workflow_action(_client(iom_reviewer), practice, "approve")
    assert Page.objects.get(pk=practice.pk).title == "Δεύτερη εκδοχή"


def test_a_translation_is_reviewed_like_any_change(
    network, editor_a, iom_reviewer, superuser, django_capture_on_commit_callbacks
):
    """The editor translates, edits strings and submits; the English page stays the Greek alias until approval."""
    from wagtail_localize.models import StringSegment, Translation

    practice = network["A"].practice
    english_locale = Locale.objects.get(language_code="en")
    editor = _client(editor_a)
    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[practice.pk]),
        {"locales": [english_locale.pk]},
    )
    assert response.status_code == 302
    english = practice.get_translation(english_locale)
    assert english.alias_of_id == practice.pk, "readers keep seeing the Greek page, marked as Greek"
    greek_title = english.title
    translation = Translation.objects.get(
        source__object_id=practice.translation_key, target_locale=english_locale
    )
    title_segment = StringSegment.objects.get(source=translation.source, context__path="title")
    response = editor.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title_segment.pk]),
        "value=Practice+in+English",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    editor_page = editor.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert "cni-submit-translation-for-review" in editor_page

    mail.outbox.clear()
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[english.pk]), {"cni-submit-translation-for-review": "1"}
    )
    assert response.status_code == 302
    english = Page.objects.get(pk=english.pk)
    assert english.workflow_in_progress
    assert english.title == greek_title, "the live English page keeps its text until approval"
    assert english.get_latest_revision_as_object().title == "Practice in English"
    assert [message for message in mail.outbox if iom_reviewer.email in message.to]

    # An editor cannot publish it from the translation editor.
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"})
    assert Page.objects.get(pk=english.pk).title == greek_title

    _workflow_action(_client(iom_reviewer), english, "approve")
    english = Page.objects.get(pk=english.pk)
    assert english.title == "Practice in English" and english.alias_of_id is None


def test_translating_a_live_page_does_not_publish_it(network, editor_a):
    """WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off: a new translation starts as a draft."""
    from django.conf import settings

    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
    practice = network["A"].practice
    english_locale = Locale.objects.get(language_code="en")
    practice.get_translation(english_locale).delete()  # no alias: the translation is a new page
    _client(editor_a).post(
        reverse("wagtail_localize:submit_page_translation", args=[practice.pk]),
        {"locales": [english_locale.pk]},
    )
    english = practice.get_translation(english_locale)
    assert not english.live


def test_reviewers_can_schedule_publishing(network, iom_reviewer, admin_client):
    import datetime

    from django.utils import timezone

    practice = network["A"].practice
    when = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    response = _edit(
        _client(iom_reviewer),
        admin_client,
        practice,
        title="Αργότερα",
        go_live_at=when,
        **{"action-publish": "1"},
    )
    assert response.status_code == 302
    page = Page.objects.get(pk=practice.pk)
    assert page.title != "Αργότερα"
    assert page.scheduled_revision is not None


def test_editing_a_page_locked_by_a_reviewer_is_refused(network, editor_a, iom_reviewer, admin_client):
    practice = network["A"].practice
    reviewer = _client(iom_reviewer)
    reviewer.post(reverse("wagtailadmin_pages:lock", args=[practice.pk]))
    assert Page.objects.get(pk=practice.pk).locked
    before = Page.objects.get(pk=practice.pk).revisions.count()
    _edit(_client(editor_a), admin_client, practice, title="Κλειδωμένη")
    assert Page.objects.get(pk=practice.pk).revisions.count() == before


def test_changing_a_slug_leaves_a_redirect(
    network, iom_reviewer, admin_client, django_capture_on_commit_callbacks
):
    from wagtail.contrib.redirects.models import Redirect

    practice = network["A"].practice
    old_path = practice.url
    # Wagtail sends page_slug_changed when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        _edit(
            _client(iom_reviewer),
            admin_client,
            practice,
            slug="athens-practice-renamed",
            **{"action-publish": "1"},
        )
    assert Page.objects.get(pk=practice.pk).slug == "athens-practice-renamed"
    redirects = list(Redirect.objects.values_list("old_path", "redirect_page_id"))
    assert any(old_path.rstrip("/").endswith(path) and page == practice.pk for path, page in redirects), (
        redirects
    )


def test_reviewers_browse_each_citys_history(network, editor_a, editor_b, iom_reviewer, admin_client):
    _edit(_client(editor_a), admin_client, network["A"].practice, title="Αλλαγή στην Αθήνα")
    _edit(_client(editor_b), admin_client, network["B"].practice, title="Αλλαγή στη Θεσσαλονίκη")
    reviewer = _client(iom_reviewer)
    city_key = network["A"].page.translation_key
    response = reviewer.get(reverse("city_history"), {"city": str(city_key)})
    assert response.status_code == 200
    entries = list(response.context["object_list"])
    athens_paths = [page.path for page in CityPage.objects.filter(translation_key=city_key)]
    assert len(athens_paths) == 2
    assert entries and all(entry.page.path.startswith(tuple(athens_paths)) for entry in entries)
    titles = {entry.label for entry in entries}
    assert network["A"].practice.title in titles or "Αλλαγή στην Αθήνα" in titles
    assert not any("Θεσσαλονίκη" in (entry.label or "") for entry in entries)
    assert _client(editor_a).get(reverse("city_history")).status_code in (302, 403)


def test_editors_choose_from_the_shared_vocabulary(network, editor_a):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Ύπατη Αρμοστεία")
    response = _client(editor_a).get(reverse("wagtailsnippetchoosers_practices_organisation:choose"))
    assert response.status_code == 200
    assert organisation.name in response.json()["html"]
