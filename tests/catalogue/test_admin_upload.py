"""The municipal editor's catalogue upload, through the real admin views (issue #6).

Athens's editor, Thessaloniki's editor, an IOM reviewer, an administrator and
a user who may use the admin but belongs to no city each go through the same
screen; every refusal leaves every table's row count as it was.
"""

import copy
import json
import re

import pytest

from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from cities.onboarding import add_editor
from practices.models import Organisation, PracticePage
from tests.catalogue.conftest import row_counts
from tests.catalogue.test_import_scoped import (  # noqa: F401  (the same demo vocabulary, cities and people)
    athens_network,
    athens_people,
)
from tests.factories import UserFactory, with_admin_language

pytestmark = pytest.mark.django_db

URL = "/admin/catalogue/upload/"


def _english_admin(user):
    """The admin in English, whatever the site's default language, so the assertions can read it."""
    return with_admin_language(user, "en")


@pytest.fixture
def people(athens_network):  # noqa: F811  (the fixture imported above)
    """The demo's vocabulary, Athens and Thessaloniki on the site, and one person of each role."""
    # Named as an argument, not fetched with getfixturevalue: the module's content must be
    # built before this test's own transaction begins, or that transaction's rollback takes it.
    network = athens_network
    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    found = {
        "athens": network["editor"],
        "thessaloniki": add_editor(
            "editor@thessaloniki.example", city_id="thessaloniki", send_email=False
        ).user,
        "reviewer": network["reviewer"],
        "admin": UserFactory(username="admin", email="admin@example.org", is_staff=True, is_superuser=True),
        "outsider": outsider,
    }
    return {role: _english_admin(user) for role, user in found.items()}


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _document(demo_document, *practice_ids, **extra):
    practices = [copy.deepcopy(p) for p in demo_document["practices"] if p["id"] in practice_ids]
    return {"format": demo_document["format"], "practices": practices, **extra}


def _post(client, document, city="athens", dry_run=False):
    content = document if isinstance(document, bytes) else json.dumps(document).encode()
    data = {"city": city, "file": SimpleUploadedFile("catalogue.json", content, "application/json")}
    if dry_run:
        data["dry_run"] = "on"
    return client.post(URL, data)


def _templates(response):
    return [template.name for template in response.templates]


def _problems(response):
    return [str(problem) for problem in response.context["problems"]]


# Who sees the screen


@pytest.mark.parametrize("role", ["athens", "thessaloniki", "reviewer", "admin"])
def test_editors_reviewers_and_administrators_see_the_menu_item(people, role):
    client = _client(people[role])
    assert URL in client.get("/admin/").content.decode()
    response = client.get(URL)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_a_user_of_no_city_neither_sees_nor_reaches_it(people, demo_document):
    client = _client(people["outsider"])
    assert URL not in client.get("/admin/").content.decode()
    assert client.get(URL).status_code == 302
    before = row_counts()
    response = _post(client, _document(demo_document, "accmr"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert row_counts() == before


def test_anonymous_is_sent_to_the_login(people):
    response = Client().get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))


def test_the_upload_needs_the_csrf_token(people, demo_document):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["athens"])
    before = row_counts()
    assert _post(client, _document(demo_document, "accmr")).status_code == 403
    assert row_counts() == before


def test_an_editor_is_offered_their_own_city_preselected(people):
    form = _client(people["athens"]).get(URL).context["form"]
    assert [value for value, _label in form.fields["city"].choices] == ["athens"]
    assert form["city"].value() == "athens"
    everyone = _client(people["reviewer"]).get(URL).context["form"]
    assert sorted(value for value, _label in everyone.fields["city"].choices) == ["athens", "thessaloniki"]
    assert everyone["city"].value() is None


# Importing


def test_an_upload_lands_as_drafts_in_the_review_in_the_editors_name(people, demo_document):
    editor = people["athens"]
    mail.outbox.clear()
    response = _post(_client(editor), _document(demo_document, "accmr"))
    assert response.status_code == 200
    assert "catalogue/admin/catalogue_upload_result.html" in _templates(response)
    pages = list(PracticePage.objects.filter(slug="accmr", alias_of__isnull=True))
    assert {page.locale.language_code for page in pages} == {"el", "en"}
    for page in pages:
        assert not page.live
        assert page.get_latest_revision().user == editor
        state = WorkflowState.objects.get(object_id=str(page.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == editor
    assert [message for message in mail.outbox if people["reviewer"].email in message.to]

    html = response.content.decode()
    assert "The catalogue file was imported for “Municipality of Athens (athens)”." in html
    practices = next(section for section in response.context["sections"] if section.label == "Practices")
    assert [entry.record_id for entry in practices.created] == ["accmr"]
    versions = practices.created[0].versions
    assert {version.state for version in versions} == {"in review"}
    for page in pages:
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html


def test_uploading_the_same_file_again_reports_it_unchanged(people, demo_document):
    client = _client(people["athens"])
    _post(client, _document(demo_document, "accmr"))
    response = _post(client, _document(demo_document, "accmr"))
    practices = next(section for section in response.context["sections"] if section.label == "Practices")
    assert [entry.record_id for entry in practices.unchanged] == ["accmr"]
    assert not practices.created and not practices.updated


@pytest.mark.parametrize("role", ["reviewer", "admin"])
def test_reviewers_and_administrators_upload_for_any_city(people, demo_document, role):
    response = _post(
        _client(people[role]),
        _document(demo_document, "thessaloniki-community-interpreting"),
        city="thessaloniki",
    )
    assert response.status_code == 200 and not response.context.get("problems")
    page = PracticePage.objects.get(slug="thessaloniki-community-interpreting", locale__language_code="el")
    assert page.workflow_in_progress and not page.live


def test_a_check_only_writes_nothing_and_says_what_would_happen(people, demo_document):
    client = _client(people["athens"])
    mail.outbox.clear()
    before = row_counts()
    response = _post(client, _document(demo_document, "accmr"), dry_run=True)
    assert row_counts() == before
    assert mail.outbox == []
    html = response.content.decode()
    assert "Checked only: nothing was saved." in html and "Would be created" in html
    practices = next(section for section in response.context["sections"] if section.label == "Practices")
    assert [entry.record_id for entry in practices.created] == ["accmr"]


# Refusals


def _refused(client, document, **post):
    """Posts the file (the client has logged in, so its session is already counted)."""
    before = row_counts()
    response = _post(client, document, **post)
    assert response.status_code == 200
    assert "catalogue/admin/catalogue_upload.html" in _templates(response)
    assert row_counts() == before
    return response


def test_a_file_naming_another_city_is_refused(people, demo_document):
    response = _refused(
        _client(people["athens"]),
        _document(demo_document, "accmr", "thessaloniki-community-interpreting"),
    )
    assert _problems(response) == [
        "practices[thessaloniki-community-interpreting].city: is 'thessaloniki'; "
        "this import is for the city 'athens' only"
    ]
    html = response.content.decode()
    assert "Nothing was imported: the file has 1 problem." in html
    assert "<code>practices[thessaloniki-community-interpreting].city</code>" in html


def test_another_citys_city_record_is_refused(people, demo_document):
    thessaloniki = [city for city in demo_document["cities"] if city["id"] == "thessaloniki"]
    response = _refused(
        _client(people["athens"]), {"format": demo_document["format"], "cities": thessaloniki}
    )
    assert [problem.path for problem in response.context["problems"]] == ["cities[thessaloniki]"]


def test_a_city_the_editor_does_not_edit_cannot_be_chosen(people, demo_document):
    response = _refused(
        _client(people["athens"]),
        _document(demo_document, "thessaloniki-community-interpreting"),
        city="thessaloniki",
    )
    assert "city" in response.context["form"].errors


def test_an_unknown_category_is_refused_with_its_field_path(people, demo_document):
    document = _document(demo_document, "accmr")
    document["practices"][0]["categories"] = ["coordination-governance", "no-such-category"]
    document["practices"][0]["target_groups"] = ["no-such-group"]
    response = _refused(_client(people["athens"]), document)
    assert _problems(response) == [
        "practices[accmr].categories[1]: refers to unknown categories id 'no-such-category'",
        "practices[accmr].target_groups[0]: refers to unknown target groups id 'no-such-group'",
    ]


def test_the_shared_vocabulary_cannot_be_changed_by_a_city(people, demo_document):
    category = {**demo_document["categories"][0], "name": {"el": "Άλλο όνομα"}}
    organisation = {**demo_document["organisations"][0], "acronym": "X"}
    document = _document(demo_document, "accmr", categories=[category], organisations=[organisation])
    response = _refused(_client(people["athens"]), document)
    assert [problem.path for problem in response.context["problems"]] == [
        f"categories[{category['id']}]",
        f"organisations[{organisation['id']}]",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n", "the file is not UTF-8 text"),
        (b"{ not json", "not valid JSON"),
        (json.dumps({"format": "another/2"}).encode(), "format: must be 'cni-catalogue/1'"),
        (json.dumps(["a list"]).encode(), ""),
    ],
)
def test_a_file_that_is_not_a_catalogue_is_refused(people, content, message):
    response = _refused(_client(people["athens"]), content)
    problems = _problems(response)
    assert problems and message in problems[0]


def test_a_file_over_the_limit_is_refused(people, demo_document, settings):
    settings.CATALOGUE_MAX_FILE_BYTES = 1000
    response = _refused(_client(people["athens"]), _document(demo_document, "accmr"))
    # Read as the editor reads it: the message is formatted in the admin's language.
    assert re.search(r"The file is [^<;]+; the limit is 1000", response.content.decode())


# Organisations the site does not have yet


def test_a_new_organisation_becomes_a_proposal_for_the_reviewers(people, demo_document):
    editor = people["athens"]
    proposal = {"id": "athens-volunteers", "name": {"el": "Εθελοντές Αθήνας"}, "kind": "ngo"}
    document = _document(demo_document, "accmr", organisations=[proposal])
    document["practices"][0]["organisations"].append({"organisation": "athens-volunteers", "role": "partner"})
    response = _post(_client(editor), document)
    assert not response.context.get("problems"), response.context["problems"]
    assert "form" not in response.context, response.context["form"].errors
    versions = Organisation.objects.filter(catalogue_id="athens-volunteers")
    assert {version.locale.language_code for version in versions} == {"el", "en"}
    for version in versions:
        assert not version.live, version.locale
        assert version.get_latest_revision().user == editor
    organisations = next(s for s in response.context["sections"] if s.label == "Organisations")
    assert [entry.record_id for entry in organisations.created] == ["athens-volunteers"]
    assert {version.state for version in organisations.created[0].versions} == {"proposal for the reviewers"}
    practice = PracticePage.objects.get(
        slug="accmr", locale__language_code="el"
    ).get_latest_revision_as_object()
    assert "athens-volunteers" in [row.organisation.catalogue_id for row in practice.organisations.all()]


def test_a_check_only_refuses_another_city_too(people, demo_document):
    response = _refused(
        _client(people["athens"]),
        _document(demo_document, "thessaloniki-community-interpreting"),
        dry_run=True,
    )
    assert [problem.path for problem in response.context["problems"]] == [
        "practices[thessaloniki-community-interpreting].city"
    ]


def test_the_screen_renders_in_a_greek_admin(people):
    editor = people["athens"]
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "el"
    profile.save()
    response = _client(editor).get(URL)
    assert response.status_code == 200
    assert 'lang="el"' in response.content.decode()
