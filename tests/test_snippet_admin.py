"""The catalogue vocabulary in the admin: the menu, listings, filters, search, and proposals."""

import pytest

from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from wagtail.admin.menu import admin_menu

from practices.models import Category, Organisation
from tests.factories import CategoryFactory, OrganisationFactory, TargetGroupFactory, translate_snippet

pytestmark = pytest.mark.django_db


def listing(client, model, query=""):
    response = client.get(reverse(f"wagtailsnippets_practices_{model._meta.model_name}:list") + query)
    assert response.status_code == 200
    return list(response.context["object_list"])


def organisation_form(**fields):
    data = {"name": "", "catalogue_id": "", "acronym": "", "kind": "", "website": "", "logo": ""}
    data.update(fields)
    return data


@pytest.mark.parametrize("language", ["en", "el"])
def test_vocabulary_is_grouped_under_one_catalogue_menu(superuser, site_tree, language):
    # Menu names are the admin's stable handles, whatever the editor's language.
    request = RequestFactory().get("/admin/")
    request.user = superuser
    with translation.override(language):
        menu = {item.name: item for item in admin_menu.menu_items_for_request(request)}
        assert "catalogue" in menu
        submenu = [item.name for item in menu["catalogue"].menu.menu_items_for_request(request)]
    assert submenu == ["categories", "target-groups", "organisations"]


def test_listing_filters_by_language(superuser_client, site_tree):
    housing = CategoryFactory(catalogue_id="housing", name="Στέγαση")
    housing_en = translate_snippet(housing, "en", name="Housing")
    assert listing(superuser_client, Category, "?locale=el") == [housing]
    assert listing(superuser_client, Category, "?locale=en") == [housing_en]


def test_listing_filters_organisations_by_kind_and_live_status(superuser_client, site_tree):
    ngo = OrganisationFactory(catalogue_id="praksis", name="PRAKSIS", kind="ngo")
    proposal = OrganisationFactory(catalogue_id="new-ngo", name="Νέα ΜΚΟ", kind="ngo", live=False)
    agency = OrganisationFactory(
        catalogue_id="unhcr", name="Ύπατη Αρμοστεία", acronym="UNHCR", kind="international"
    )

    assert set(listing(superuser_client, Organisation, "?kind=ngo")) == {ngo, proposal}
    assert listing(superuser_client, Organisation, "?kind=international") == [agency]
    assert listing(superuser_client, Organisation, "?live=false") == [proposal]
    assert listing(superuser_client, Organisation, "?live=true&kind=ngo&locale=el") == [ngo]


def test_search_works_together_with_the_filters(superuser_client, site_tree):
    agency = OrganisationFactory(
        catalogue_id="unhcr", name="Ύπατη Αρμοστεία", acronym="UNHCR", kind="international"
    )
    OrganisationFactory(catalogue_id="praksis", name="PRAKSIS", kind="ngo")
    # Part of a name, case folded; the acronym as a whole word; the catalogue id.
    assert listing(superuser_client, Organisation, "?q=ύπατη&locale=el") == [agency]
    assert listing(superuser_client, Organisation, "?q=UNHCR&locale=el&live=true") == [agency]
    assert listing(superuser_client, Organisation, "?q=unhcr&kind=international") == [agency]
    assert listing(superuser_client, Organisation, "?q=unhcr&kind=ngo") == []
    assert listing(superuser_client, Organisation, "?q=unhcr&locale=en") == []


def test_search_finds_terms_by_name_and_id(superuser_client, site_tree):
    housing = CategoryFactory(catalogue_id="housing", name="Στέγαση")
    CategoryFactory(catalogue_id="education", name="Εκπαίδευση")
    assert listing(superuser_client, Category, "?q=Στέγ&locale=el") == [housing]
    assert listing(superuser_client, Category, "?q=housing&locale=el") == [housing]


def test_a_catalogue_id_is_used_once_per_language(superuser_client, site_tree):
    housing = CategoryFactory(catalogue_id="housing", name="Στέγαση")
    url = reverse("wagtailsnippets_practices_category:add")
    response = superuser_client.post(url, {"name": "Κατοικία", "catalogue_id": "housing", "description": ""})
    assert response.status_code == 200
    assert "catalogue_id" in response.context["form"].errors
    assert Category.objects.filter(catalogue_id="housing").count() == 1

    # The same id in another language is the translation, and is allowed.
    response = superuser_client.post(
        url + "?locale=en", {"name": "Housing", "catalogue_id": "housing", "description": ""}
    )
    assert response.status_code == 302
    assert Category.objects.filter(catalogue_id="housing").count() == 2

    # Editing an item keeps its own id.
    edit = reverse("wagtailsnippets_practices_category:edit", args=[housing.pk])
    response = superuser_client.post(
        edit, {"name": "Στέγαση και φιλοξενία", "catalogue_id": "housing", "description": ""}
    )
    assert response.status_code == 302
    housing.refresh_from_db()
    assert housing.name == "Στέγαση και φιλοξενία"


def test_an_editor_proposes_and_a_reviewer_publishes(client, site_tree, editor, reviewer):
    add = reverse("wagtailsnippets_practices_organisation:add")
    form = organisation_form(name="Άρσις", catalogue_id="arsis", kind="ngo", website="https://arsis.gr/")

    # An editor without the publish permission can only save a draft, even when asking to publish.
    client.force_login(editor)
    response = client.post(add, {**form, "action-publish": "action-publish"})
    assert response.status_code == 302
    proposal = Organisation.objects.get(catalogue_id="arsis")
    assert not proposal.live
    assert proposal.live_revision is None
    assert proposal.latest_revision is not None

    # A reviewer publishes it.
    client.force_login(reviewer)
    edit = reverse("wagtailsnippets_practices_organisation:edit", args=[proposal.pk])
    response = client.post(edit, {**form, "action-publish": "action-publish"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.live
    assert proposal.live_revision == proposal.latest_revision


def test_target_groups_have_their_own_listing(superuser_client, site_tree):
    group = TargetGroupFactory(catalogue_id="refugees", name="Πρόσφυγες")
    response = superuser_client.get(reverse("wagtailsnippets_practices_targetgroup:list"))
    assert response.status_code == 200
    assert group in response.context["object_list"]
