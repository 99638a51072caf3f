"""Issue 12, findings 1 and 6: no city takes another's practice through a slug, the upload or "Check only".

A practice is named by its catalogue id, given once and never typed again
(sitewide.catalogue_id); its owner is the city of its source-language page.
Every request goes through the real admin views as the cities' editors.
"""

import json

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale, Page

from catalogue.format.ownership import ID_TAKEN
from practices.models import PracticePage
from sitewide.catalogue_id import ID_TAKEN as SLUG_TAKEN
from tests.factories import PracticePageFactory
from tests.security.conftest import create_page, edit_page, in_admin_language

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/catalogue/upload/"


def practice_record(practice_id, city, **extra):
    return {
        "id": practice_id,
        "city": city,
        "title": {"el": "Κατάληψη", "en": "Takeover"},
        "summary": "Μια πρακτική που δεν είναι δική μας.",
        "description": "<p>Κείμενο.</p>",
        "categories": [category_id()],
        "started": "2020",
        **extra,
    }


def category_id():
    return PracticePage.objects.first().categories.first().catalogue_id


def upload(client, records, city="athens", dry_run=False):
    document = {"format": "cni-catalogue/1", "practices": records}
    data = {
        "city": city,
        "file": SimpleUploadedFile("catalogue.json", json.dumps(document).encode(), "application/json"),
    }
    if dry_run:
        data["dry_run"] = "on"
    return client.post(UPLOAD, data)


def problems(response):
    """The problems the upload screen lists, as (path, reason) pairs."""
    assert response.status_code == 200, response.status_code
    return [(str(problem.path), str(problem.reason)) for problem in response.context.get("problems") or []]


def state(page):
    """What an owner would notice about a page: where it is, its text, its drafts and its revisions."""
    page = Page.objects.get(pk=page.pk)
    return (
        page.path,
        page.url_path,
        page.live,
        page.has_unpublished_changes,
        page.title,
        page.draft_title,
        page.revisions.count(),
        page.specific.catalogue_id,
    )


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


# A slug an editor types never takes another city's id -----------------------


@pytest.mark.parametrize("language", ["el", "en"])
def test_a_new_page_cannot_take_another_citys_practice_id(network, editor_a, login, language):
    """The first step of the takeover: Athens' editor names a new practice after Thessaloniki's."""
    theirs = network["B"].practice
    parent = network["A"].page if language == "el" else network["A"].english
    before = PracticePage.objects.count()
    response = create_page(login(editor_a), PracticePage, parent, title="Κατάληψη", slug=theirs.catalogue_id)
    assert response.status_code == 200, "the form must come back with the error"
    assert in_admin_language(SLUG_TAKEN) in response.context["form"].errors["slug"]
    assert PracticePage.objects.count() == before


def test_a_draft_id_is_refused_in_the_same_words_as_a_live_one(network, editor_a, login):
    client = login(editor_a)
    answers = []
    for theirs in (network["B"].practice, network["B"].draft):
        response = create_page(
            client, PracticePage, network["A"].page, title="Δοκιμή", slug=theirs.catalogue_id
        )
        answers.append(response.context["form"].errors.get("slug"))
    assert answers[0] == answers[1] == [in_admin_language(SLUG_TAKEN)]


def test_a_page_gets_its_id_from_its_first_slug_and_keeps_it(network, editor_a, login, superuser):
    client = login(editor_a)
    response = create_page(client, PracticePage, network["A"].page, title="Νέα πρακτική", slug="new-practice")
    assert response.status_code == 302
    page = PracticePage.objects.get(slug="new-practice", locale=Locale.get_default())
    assert page.catalogue_id == english(page).catalogue_id == "new-practice"
    response = edit_page(client, page, admin_client=login(superuser), slug="another-address")
    assert response.status_code == 302
    page = PracticePage.objects.get(pk=page.pk)
    assert page.get_latest_revision_as_object().slug == "another-address"
    assert page.get_latest_revision_as_object().catalogue_id == "new-practice"


def test_a_copy_gets_its_own_id_and_cannot_take_another(network, editor_a, login):
    ours, theirs = network["A"].practice, network["B"].practice
    client = login(editor_a)
    url = reverse("wagtailadmin_pages:copy", args=[ours.pk])
    client.post(
        url, {"new_title": "Αντίγραφο", "new_slug": "a-copy", "new_parent_page": network["A"].page.pk}
    )
    copy = PracticePage.objects.get(slug="a-copy", locale=Locale.get_default())
    assert copy.catalogue_id == "a-copy"
    assert PracticePage.objects.get(pk=ours.pk).catalogue_id == ours.catalogue_id
    before = PracticePage.objects.count()
    response = client.post(
        url,
        {"new_title": "Κατάληψη", "new_slug": theirs.catalogue_id, "new_parent_page": network["A"].page.pk},
    )
    assert response.status_code in (200, 302)
    assert PracticePage.objects.count() == before
    assert (
        not PracticePage.objects.filter(catalogue_id=theirs.catalogue_id)
        .exclude(pk=theirs.pk)
        .exclude(translation_key=theirs.translation_key)
        .exists()
    )


def test_a_translation_and_an_alias_share_the_original_id(network):
    practice = network["A"].practice
    assert english(practice).catalogue_id == practice.catalogue_id
    assert english(network["A"].page).catalogue_id == network["A"].page.catalogue_id == "athens"


def test_an_old_revision_never_brings_back_another_id(network, superuser):
    practice = network["A"].practice
    revision = practice.get_latest_revision()
    revision.content["catalogue_id"] = network["B"].practice.catalogue_id
    revision.save(update_fields=["content"])
    revision.publish(user=superuser)
    assert PracticePage.objects.get(pk=practice.pk).catalogue_id == practice.catalogue_id


# The upload never moves a page, nor writes to another city's ---------------


@pytest.fixture
def squatter(network):
    """Athens' practice whose slug, in both languages, is Thessaloniki's practice id.

    Before issue 12 an editor could set such a slug; a page keeps it after the
    fix, with its own id (given from its first slug, long ago).
    """
    theirs = network["B"].practice
    page = PracticePageFactory(parent=network["A"].page, title="Καταληψίας", slug="squatter")
    PracticePage.objects.filter(pk=page.pk).update(slug=theirs.slug)
    PracticePage.objects.filter(translation_key=page.translation_key, locale__language_code="en").update(
        slug=theirs.slug
    )
    return page


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "check only"])
def test_the_upload_cannot_take_another_citys_practice(network, editor_a, editor_b, login, squatter, dry_run):
    theirs, their_draft = network["B"].practice, network["B"].draft
    before = {page.pk: state(page) for page in (theirs, english(theirs), their_draft, squatter)}
    response = upload(
        login(editor_a),
        [
            practice_record(theirs.catalogue_id, "athens"),
            practice_record(their_draft.catalogue_id, "athens"),
        ],
        dry_run=dry_run,
    )
    found = problems(response)
    assert found == [
        (f"practices[{theirs.catalogue_id}]", ID_TAKEN),
        (f"practices[{their_draft.catalogue_id}]", ID_TAKEN),
    ]
    assert {page.pk: state(page) for page in (theirs, english(theirs), their_draft, squatter)} == before
    # Thessaloniki's page stays where it was, and Athens' editor still cannot open it.
    client = login(editor_a)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[theirs.pk])).status_code in (302, 403)


def test_a_citys_own_upload_still_updates_its_practice(network, editor_a, login, squatter):
    ours = network["A"].practice
    response = upload(login(editor_a), [practice_record(ours.catalogue_id, "athens")])
    assert response.status_code == 200
    assert not response.context.get("problems")
    page = PracticePage.objects.get(pk=ours.pk)
    assert page.get_latest_revision_as_object().title == "Κατάληψη"
    assert page.get_parent().pk == network["A"].page.pk


def test_adapted_from_knows_other_cities_live_practices_only(network, editor_a, login):
    theirs, their_draft = network["B"].practice, network["B"].draft
    client = login(editor_a)
    draft_answer = problems(
        upload(
            client,
            [practice_record("ours-adapted", "athens", adapted_from=[their_draft.catalogue_id])],
            dry_run=True,
        )
    )
    missing_answer = problems(
        upload(
            client,
            [practice_record("ours-adapted", "athens", adapted_from=["no-such-practice"])],
            dry_run=True,
        )
    )
    assert [reason for _path, reason in draft_answer] == [
        reason.replace("no-such-practice", their_draft.catalogue_id) for _path, reason in missing_answer
    ]
    assert draft_answer, "another city's draft must be unknown to a city's file"
    live = upload(
        client, [practice_record("ours-adapted", "athens", adapted_from=[theirs.catalogue_id])], dry_run=True
    )
    assert not problems(live)
