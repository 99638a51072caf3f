"""Onboarding: add_municipality, add_editor, remove_editor, setup_network and the demo accounts."""

import io
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
)

from cities.models import CityPage, CityTeam
from cities.rights.grants import (
    EDITOR_DOCUMENT_PERMISSIONS,
    EDITOR_IMAGE_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    EDITOR_PERMISSIONS,
    REVIEWERS_GROUP,
)

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything onboarding writes, as plain values."""
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "live", "alias_of_id")),
        "groups": sorted(Group.objects.values_list("pk", "name")),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list("group_id", "permission_id")
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")
        ),
        "collections": sorted(Collection.objects.values_list("pk", "name", "path")),
        "teams": sorted(CityTeam.objects.values_list("city_key", "group_id")),
        "workflows": sorted(Workflow.objects.values_list("pk", "name")),
    }


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_add_municipality_twice_changes_nothing(site_tree):
    first = run("add_municipality", "patra", "--name", "el=Πάτρα", "--name", "en=Patras")
    assert "Πάτρα" in first
    after_first = snapshot()
    second = run("add_municipality", "patra", "--name", "el=Πάτρα", "--name", "en=Patras")
    assert snapshot() == after_first
    assert "+ " not in second


def test_add_municipality_makes_pages_group_and_collections_with_exact_rights(site_tree):
    run("add_municipality", "patra", "--name", "el=Πάτρα", "--name", "en=Patras")
    greek = CityPage.objects.get(slug="patra", locale__language_code="el")
    english = CityPage.objects.get(slug="patra", locale__language_code="en")
    assert greek.live and english.live and english.title == "Patras" and english.alias_of_id is None
    team = CityTeam.objects.get(city_key=greek.translation_key)
    assert team.group.name == "Editors: Πάτρα"
    assert {f"{p.content_type.app_label}.{p.codename}" for p in team.group.permissions.all()} == set(
        EDITOR_PERMISSIONS
    )
    page_rights = {
        (perm.page_id, perm.permission.codename)
        for perm in GroupPagePermission.objects.filter(group=team.group)
    }
    assert page_rights == {
        (page.pk, codename) for page in (greek, english) for codename in EDITOR_PAGE_PERMISSIONS
    }
    collection_rights = {
        (perm.collection_id, perm.permission.codename)
        for perm in GroupCollectionPermission.objects.filter(group=team.group)
    }
    assert collection_rights == {
        *((team.image_collection_id, codename) for codename in EDITOR_IMAGE_PERMISSIONS),
        *((team.document_collection_id, codename) for codename in EDITOR_DOCUMENT_PERMISSIONS),
    }
    assert team.image_collection.get_parent() == team.document_collection.get_parent()


def test_add_municipality_repairs_rights_that_were_changed(site_tree):
    run("add_municipality", "patra", "--name", "el=Πάτρα")
    team = CityTeam.objects.get()
    team.group.permissions.add(Permission.objects.get(codename="delete_category"))
    GroupPagePermission.objects.filter(group=team.group).delete()
    run("add_municipality", "patra")
    assert not team.group.permissions.filter(codename="delete_category").exists()
    assert GroupPagePermission.objects.filter(group=team.group).count() == 2 * len(EDITOR_PAGE_PERMISSIONS)


def test_an_imported_city_keeps_its_page(site_tree):
    from catalogue.format import FORMAT
    from catalogue.format.importer import import_document

    import_document({"format": FORMAT, "cities": [{"id": "volos", "name": "Βόλος", "region": "Θεσσαλία"}]})
    page = CityPage.objects.get(slug="volos", locale__language_code="el")
    run("add_municipality", "volos", "--name", "el=Άλλο όνομα")
    page.refresh_from_db()
    assert page.title == "Βόλος" and page.region == "Θεσσαλία"
    assert CityTeam.objects.filter(city_key=page.translation_key).exists()


def test_add_municipality_needs_a_name_for_a_new_city(site_tree):
    with pytest.raises(CommandError, match="give its name"):
        run("add_municipality", "nowhere")
    with pytest.raises(CommandError, match="LANG=TEXT"):
        run("add_municipality", "nowhere", "--name", "Πουθενά")
    assert not CityPage.objects.filter(slug="nowhere").exists()


def test_setup_network_makes_the_reviewers_and_the_workflow_once(site_tree):
    run("setup_network")
    before = snapshot()
    assert Group.objects.filter(name=REVIEWERS_GROUP).exists()
    assert Workflow.objects.filter(name="Έλεγχος ΔΟΜ", active=True).exists()
    assert "Έλεγχος ΔΟΜ" not in run("setup_network")
    assert snapshot() == before


def _link(message):
    return re.search(r"http://testserver(/admin/password_reset/\S+)", message.body).group(1)


def test_add_editor_invites_and_the_link_sets_a_password(site_tree, django_capture_on_commit_callbacks):
    run("add_municipality", "patra", "--name", "el=Πάτρα")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run("add_editor", "Maria@Example.org", "--city", "patra", "--first-name", "Μαρία")
    user = get_user_model().objects.get(email="Maria@example.org")
    assert not user.has_usable_password()
    assert user.groups.get().name == "Editors: Πάτρα"
    assert (
        user.wagtail_userprofile.submitted_notifications and user.wagtail_userprofile.rejected_notifications
    )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Maria@example.org"]
    assert user.get_username() in mail.outbox[0].body

    client = Client()
    response = client.get(_link(mail.outbox[0]), follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Ένας-καλός-κωδικός-42", "new_password2": "Ένας-καλός-κωδικός-42"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Ένας-καλός-κωδικός-42")

    # Again: the same account, no second one; it is invited again.
    with django_capture_on_commit_callbacks(execute=True):
        run("add_editor", "maria@example.org", "--city", "patra")
    assert get_user_model().objects.filter(email__iexact="maria@example.org").count() == 1
    assert user.groups.count() == 1


def test_add_editor_as_reviewer_and_remove_editor_keeps_history(site_tree):
    run("add_editor", "iom@example.org", "--reviewer", "--no-email")
    user = get_user_model().objects.get(email="iom@example.org")
    assert user.groups.get().name == REVIEWERS_GROUP
    assert user.has_perm("practices.publish_organisation")
    from wagtail.models import PageLogEntry

    home = site_tree["el"].home
    PageLogEntry.objects.log_action(home, "wagtail.edit", user=user)
    run("remove_editor", "iom@example.org")
    user.refresh_from_db()
    assert not user.is_active
    assert user.groups.exists()
    assert PageLogEntry.objects.filter(user=user).exists()
    client = Client()
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    run("add_editor", "iom@example.org", "--reviewer", "--no-email")
    user.refresh_from_db()
    assert user.is_active


def test_add_editor_refuses_an_unknown_city(site_tree):
    with pytest.raises(CommandError, match="no city 'atlantis'"):
        run("add_editor", "someone@example.org", "--city", "atlantis")
    assert not get_user_model().objects.filter(email="someone@example.org").exists()


def test_password_reset_by_email_works_for_editors(site_tree):
    run("add_municipality", "patra", "--name", "el=Πάτρα")
    run("add_editor", "maria@example.org", "--city", "patra", "--no-email")
    user = get_user_model().objects.get(email="maria@example.org")
    user.set_password("Παλιός-κωδικός-42")
    user.save()
    mail.outbox.clear()
    response = Client().post(reverse("wagtailadmin_password_reset"), {"email": "maria@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "password_reset" in mail.outbox[0].body


def test_demo_accounts_print_each_password_once(site_tree):
    run("add_municipality", "patra", "--name", "el=Πάτρα")
    first = run("demo_accounts")
    passwords = re.findall(r"its password is: (\S+)", first)
    assert len(passwords) == 2
    reviewer = get_user_model().objects.get(email="reviewer@cities-network.example")
    editor = get_user_model().objects.get(email="editor-patra@cities-network.example")
    assert {reviewer.check_password(p) for p in passwords} == {True, False}
    assert editor.groups.get().name == "Editors: Πάτρα"
    second = run("demo_accounts")
    assert "its password is" not in second


def test_only_administrators_add_a_municipality_in_the_admin(site_tree, superuser, editor):
    client = Client()
    client.force_login(editor)
    response = client.post(reverse("add_municipality"), {"city_id": "larisa", "name_el": "Λάρισα"})
    assert response.status_code in (302, 403)
    assert not CityPage.objects.filter(slug="larisa").exists()
    client.force_login(superuser)
    response = client.post(
        reverse("add_municipality"), {"city_id": "larisa", "name_el": "Λάρισα", "name_en": ""}
    )
    assert response.status_code == 302
    page = CityPage.objects.get(slug="larisa", locale__language_code="el")
    assert CityTeam.objects.filter(city_key=page.translation_key).exists()
    assert page.get_translation(Locale.objects.get(language_code="en")).alias_of_id == page.pk


def test_setup_network_renames_the_workflow_of_an_older_setup(site_tree):
    """A site set up when the workflow was called "IOM review" keeps that workflow, under its Greek name."""
    workflow = Workflow.objects.create(name="IOM review")
    task = GroupApprovalTask.objects.create(name="IOM review")
    run("setup_network")
    workflow.refresh_from_db()
    task.refresh_from_db()
    assert (workflow.name, task.name) == ("Έλεγχος ΔΟΜ", "Έλεγχος ΔΟΜ")
    # No second review workflow beside it (Wagtail's own "Moderators approval" may be there too).
    assert Workflow.objects.filter(name__in=["IOM review", "Έλεγχος ΔΟΜ"]).count() == 1
