"""Who may do what, through the real admin views and Wagtail's own permission policy.

Issue 12 added the snippet API, the choosers, the images a page may use, the
catalogue upload and the confirmation pages and reports that name pages.

Roles: the editors of Athens (A) and of Thessaloniki (B), an IOM reviewer,
and an anonymous visitor. Objects: A's city page, A's live practice, A's
draft practice, A's image and document, and the shared vocabulary. Every
cell is one request by one role; it asserts whether the action took effect,
and a refused request must both answer as a refusal and leave the data as it
was.
"""

import json

import pytest

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from cities.rights.rules import importable_cities
from contact.models import ContactMessage
from practices.models import Category, Organisation
from tests.factories import CategoryFactory, OrganisationFactory
from tests.module_content import built_once_per_module
from tests.rights.conftest import build_network, read_afresh
from tests.rights.forms import form_data, single

pytestmark = pytest.mark.django_db

shared_network = built_once_per_module(lambda trees: build_network())


@pytest.fixture
def network(shared_network):
    return read_afresh(shared_network)


ROLES = ["editor_a", "editor_b", "reviewer", "anonymous"]
ALLOW, DENY = True, False


@pytest.fixture
def people(editor_a, editor_b, iom_reviewer, superuser):
    return {"editor_a": editor_a, "editor_b": editor_b, "reviewer": iom_reviewer, "superuser": superuser}


@pytest.fixture
def as_role(client, people):
    def login(role):
        client.logout()
        if role != "anonymous":
            client.force_login(people[role])
        return client

    return login


@pytest.fixture
def admin_client(superuser):
    from django.test import Client

    client = Client()
    client.force_login(superuser)
    return client


def refused(response):
    """A refusal as Wagtail gives it: 403/404, the login page, or the dashboard with an error."""
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location.startswith(reverse("wagtailadmin_login")) or location == reverse("wagtailadmin_home")
    return False


def reload(page):
    return Page.objects.get(pk=page.pk).specific


def revisions(page):
    return Page.objects.get(pk=page.pk).revisions.count()


# ---------------------------------------------------------------------------
# Actions: each performs one request and says whether it took effect.


def view_page(client, admin_client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response, response.status_code == 200 and page.title in response.content.decode()


def view_draft(client, admin_client, page):
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    return response, response.status_code == 200


def _edit_data(admin_client, page, **changes):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return single(form_data(html, "page-edit-form"), **changes)


def edit(client, admin_client, page):
    data = _edit_data(admin_client, page, title=page.title + " (αλλαγή)")
    before, was_live, live_title = revisions(page), page.live, reload(page).title
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    if was_live:
        assert reload(page).title == live_title, "saving a draft must never change the live page"
    return response, revisions(page) == before + 1


def publish(client, admin_client, page):
    data = _edit_data(admin_client, page, title=page.title + " (δημοσίευση)")
    data["action-publish"] = ["action-publish"]
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    current = reload(page)
    return response, current.live and current.title.endswith("(δημοσίευση)")


def unpublish(client, admin_client, page):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    return response, not reload(page).live


def delete(client, admin_client, page):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return response, not Page.objects.filter(pk=page.pk).exists()


def move_to_other_city(client, admin_client, page, network):
    destination = network["B"].page
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    return response, reload(page).get_parent().pk == destination.pk


def copy_within_city(client, admin_client, page, network):
    slug = f"{page.slug}-copy"
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": page.title + " αντίγραφο", "new_slug": slug, "new_parent_page": network["A"].page.pk},
    )
    return response, Page.objects.filter(slug=slug).exists()


def revert(client, admin_client, page):
    first = Page.objects.get(pk=page.pk).revisions.order_by("created_at", "pk").first()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    html = admin_client.get(url).content.decode()
    before = revisions(page)
    response = client.post(url, form_data(html, "page-edit-form"))
    return response, revisions(page) == before + 1


def compare_revisions(client, admin_client, page):
    first, last = Page.objects.get(pk=page.pk).revisions.order_by("created_at", "pk")[:2]
    response = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, last.pk]))
    return response, response.status_code == 200


def translate(client, admin_client, page):
    english = Locale.objects.get(language_code="en")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]}
    )
    return response, Translation.objects.filter(source__object_id=page.translation_key).exists()


def _translated(page, superuser):
    english = Locale.objects.get(language_code="en")
    translate_object(page, [english], user=superuser)
    return TranslationSource.objects.get(object_id=page.translation_key), page.get_translation(english)


def sync(client, admin_client, page, superuser):
    source, target = _translated(page, superuser)
    TranslationSource.objects.filter(pk=source.pk).update(last_updated_at="2000-01-01T00:00:00Z")
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"then": "sync"}
    )
    source.refresh_from_db()
    return response, source.last_updated_at.year > 2000


def sync_and_publish(client, admin_client, page, superuser):
    source, target = _translated(page, superuser)
    before = PageLogEntry.objects.filter(page=target, action="wagtail.publish").count()
    # wagtail-localize publishes in transaction.on_commit; run it as a real commit would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"then": "publish"}
        )
    return response, PageLogEntry.objects.filter(page=target, action="wagtail.publish").count() > before


def edit_translation_string(client, admin_client, page, superuser):
    source, target = _translated(page, superuser)
    translation = Translation.objects.get(source=source)
    segment = StringSegment.objects.filter(source=source, context__path="title").get()
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=A+translated+title",
        content_type="application/x-www-form-urlencoded",
    )
    return response, StringTranslation.objects.filter(data="A translated title").exists()


def submit_translation_for_review(client, admin_client, page, superuser):
    source, target = _translated(page, superuser)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]), {"cni-submit-translation-for-review": "1"}
    )
    target = reload(target)
    return response, target.workflow_in_progress


def choose_image(client, admin_client, image):
    listing = client.get(reverse("wagtailimages_chooser:choose"))
    chosen = client.get(reverse("wagtailimages_chooser:chosen", args=[image.pk]))
    listed = listing.status_code == 200 and image.title in listing.content.decode()
    if not listed:
        assert refused(chosen) or chosen.status_code == 403
    return (chosen if not listed else listing), listed and chosen.status_code == 200


def choose_document(client, admin_client, document):
    listing = client.get(reverse("wagtaildocs_chooser:choose"))
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[document.pk]))
    listed = listing.status_code == 200 and document.title in listing.content.decode()
    if not listed:
        assert refused(chosen) or chosen.status_code == 403
    return (chosen if not listed else listing), listed and chosen.status_code == 200


def edit_image(client, admin_client, image):
    url = reverse("wagtailimages:edit", args=[image.pk])
    html = admin_client.get(url).content.decode()
    form_id = "w-editor-form" if 'id="w-editor-form"' in html else "image-edit-form"
    data = form_data(html, form_id)
    data["title"] = ["renamed-image"]
    response = client.post(url, data)
    return response, get_image_model().objects.get(pk=image.pk).title == "renamed-image"


def edit_document(client, admin_client, document):
    url = reverse("wagtaildocs:edit", args=[document.pk])
    response = client.post(
        url, {"title": "renamed-document", "collection": document.collection_id, "tags": ""}
    )
    return response, get_document_model().objects.get(pk=document.pk).title == "renamed-document"


def edit_category(client, admin_client, category):
    url = reverse("wagtailsnippets_practices_category:edit", args=[category.pk])
    response = client.post(
        url, {"name": "Άλλο όνομα", "catalogue_id": category.catalogue_id, "description": ""}
    )
    return response, Category.objects.get(pk=category.pk).name == "Άλλο όνομα"


def propose_organisation(client, admin_client, _unused):
    url = reverse("wagtailsnippets_practices_organisation:add")
    client.post(
        url,
        {
            "name": "Νέος φορέας",
            "catalogue_id": "new-body",
            "acronym": "",
            "kind": "",
            "website": "",
            "logo": "",
        },
    )
    created = Organisation.objects.filter(catalogue_id="new-body").first()
    assert created is None or not created.live, "a proposal is a draft until a reviewer publishes it"
    return None, created is not None


def publish_organisation(client, admin_client, organisation):
    url = reverse("wagtailsnippets_practices_organisation:edit", args=[organisation.pk])
    response = client.post(
        url,
        {
            "name": organisation.name,
            "catalogue_id": organisation.catalogue_id,
            "acronym": "",
            "kind": organisation.kind,
            "website": "",
            "logo": "",
            "action-publish": "action-publish",
        },
    )
    return response, Organisation.objects.get(pk=organisation.pk).live


# Issue 12's endpoints: what another city's editor must neither see nor take.


def _user_of(client):
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


def list_contact_messages(client, admin_client, message):
    response = client.get(
        reverse("wagtail_localize:snippets_api_listing", args=["contact", "contactmessage"])
    )
    return response, response.status_code == 200 and message.name in response.content.decode()


def see_draft_title_in_chooser(client, admin_client, practice, network):
    """A's live practice has an unpublished new title: does the page chooser show it?"""
    city = network["A"].page
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[city.pk]))
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Πρακτική"})
    parent = client.get(reverse("wagtailadmin_choose_page_child", args=[practice.pk]))
    shown = "".join(
        answer.content.decode() for answer in (response, search, parent) if answer.status_code == 200
    )
    return response, DRAFT_TITLE in shown


def use_image_in_a_page(client, admin_client, image, network):
    """Each role adds A's image to a practice it may edit: its own city's (A's for a reviewer)."""
    user = _user_of(client)
    page = next(
        (
            city.practice
            for city in (network["A"], network["B"])
            if user and city.practice.permissions_for_user(user).can_edit()
        ),
        network["A"].practice,
    )
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(admin_client.get(url).content.decode(), "page-edit-form")
    data.update(
        {
            "images-TOTAL_FORMS": ["1"],
            "images-0-image": [str(image.pk)],
            "images-0-alt": ["Εικόνα"],
            "images-0-caption": [""],
            "images-0-credit": [""],
            "images-0-ORDER": ["1"],
            "images-0-id": [""],
        }
    )
    response = client.post(url, data)
    latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    return response, image.pk in {row.image_id for row in latest.images.all()}


def take_practice_id(client, admin_client, practice, network):
    """Each role uploads, for a city of its own other than A's if it has one, a record naming A's practice."""
    user = _user_of(client)
    cities = list(importable_cities(user)) if user else []
    city = next((c for c in cities if c.catalogue_id != "athens"), cities[0] if cities else network["A"].page)
    record = {
        "id": practice.catalogue_id,
        "city": city.catalogue_id,
        "title": "Κατάληψη",
        "summary": "Περίληψη.",
        "description": "<p>Κείμενο.</p>",
        "categories": [practice.categories.first().catalogue_id],
        "started": "2020",
    }
    document = json.dumps({"format": "cni-catalogue/1", "practices": [record]}).encode()
    response = client.post(
        reverse("catalogue_upload"),
        {
            "city": city.catalogue_id,
            "file": SimpleUploadedFile("catalogue.json", document, "application/json"),
        },
    )
    page = Page.objects.get(pk=practice.pk).specific
    latest = page.get_latest_revision_as_object()
    return response, latest.title == "Κατάληψη" and page.get_parent().pk == network["A"].page.pk


def see_in_bulk_confirmation(client, admin_client, item):
    app = "wagtailimages" if isinstance(item, get_image_model()) else "wagtaildocs"
    model = type(item)._meta.model_name
    response = client.get(reverse("wagtail_bulk_action", args=[app, model, "delete"]), {"id": item.pk})
    return response, response.status_code == 200 and item.title in response.content.decode()


def see_in_page_bulk_confirmation(client, admin_client, page):
    response = client.get(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]), {"id": page.pk}
    )
    return response, response.status_code == 200 and page.title in response.content.decode()


def see_in_move_confirmation(client, admin_client, page, network):
    response = client.get(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, network["B"].page.pk]))
    return response, response.status_code == 200 and page.title in response.content.decode()


def open_page_types_report(client, admin_client, _unused):
    response = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    return response, response.status_code == 200


# ---------------------------------------------------------------------------
# The matrix: (action, object) -> expected outcome for editor A, editor B, reviewer, anonymous.

MATRIX = {
    ("view", "city"): (ALLOW, DENY, ALLOW, DENY),
    ("view", "practice"): (ALLOW, DENY, ALLOW, DENY),
    ("view", "draft"): (ALLOW, DENY, ALLOW, DENY),
    ("view draft", "draft"): (ALLOW, DENY, ALLOW, DENY),
    ("edit", "city"): (ALLOW, DENY, ALLOW, DENY),
    ("edit", "practice"): (ALLOW, DENY, ALLOW, DENY),
    ("edit", "draft"): (ALLOW, DENY, ALLOW, DENY),
    ("publish", "draft"): (DENY, DENY, ALLOW, DENY),
    ("publish", "practice"): (DENY, DENY, ALLOW, DENY),
    ("unpublish", "practice"): (DENY, DENY, ALLOW, DENY),
    ("delete", "practice"): (DENY, DENY, DENY, DENY),
    ("delete", "draft"): (DENY, DENY, DENY, DENY),
    ("delete", "city"): (DENY, DENY, DENY, DENY),
    ("move", "practice"): (DENY, DENY, DENY, DENY),
    ("move", "draft"): (DENY, DENY, DENY, DENY),
    ("copy", "practice"): (ALLOW, DENY, DENY, DENY),
    ("revert", "practice"): (ALLOW, DENY, ALLOW, DENY),
    ("compare revisions", "practice"): (ALLOW, DENY, ALLOW, DENY),
    ("translate", "practice"): (ALLOW, DENY, ALLOW, DENY),
    ("translate", "city"): (ALLOW, DENY, ALLOW, DENY),
    ("sync", "practice"): (ALLOW, DENY, ALLOW, DENY),
    ("sync and publish", "practice"): (DENY, DENY, ALLOW, DENY),
    ("edit translation string", "practice"): (ALLOW, DENY, ALLOW, DENY),
    ("submit translation for review", "practice"): (ALLOW, DENY, ALLOW, DENY),
    ("choose", "image"): (ALLOW, DENY, ALLOW, DENY),
    ("choose", "document"): (ALLOW, DENY, ALLOW, DENY),
    ("edit", "image"): (ALLOW, DENY, ALLOW, DENY),
    ("edit", "document"): (ALLOW, DENY, ALLOW, DENY),
    ("edit", "category"): (DENY, DENY, ALLOW, DENY),
    ("propose", "organisation"): (ALLOW, ALLOW, ALLOW, DENY),
    ("publish", "organisation"): (DENY, DENY, ALLOW, DENY),
    # Issue 12
    ("list by the snippet API", "contact message"): (DENY, DENY, DENY, DENY),
    ("see the draft title in the chooser", "practice with a draft"): (ALLOW, DENY, ALLOW, DENY),
    ("use in a page", "image"): (ALLOW, DENY, ALLOW, DENY),
    ("upload over", "practice"): (ALLOW, DENY, DENY, DENY),
    ("see in a bulk confirmation", "image"): (ALLOW, DENY, ALLOW, DENY),
    ("see in a bulk confirmation", "document"): (ALLOW, DENY, ALLOW, DENY),
    ("see in a bulk confirmation", "draft"): (ALLOW, DENY, ALLOW, DENY),
    ("see in the move confirmation", "draft"): (DENY, DENY, DENY, DENY),
    ("open", "page types report"): (DENY, DENY, ALLOW, DENY),
}

ACTIONS = {
    "view": view_page,
    "view draft": view_draft,
    "edit": edit,
    "publish": publish,
    "unpublish": unpublish,
    "delete": delete,
    "move": move_to_other_city,
    "copy": copy_within_city,
    "revert": revert,
    "compare revisions": compare_revisions,
    "translate": translate,
    "sync": sync,
    "sync and publish": sync_and_publish,
    "edit translation string": edit_translation_string,
    "submit translation for review": submit_translation_for_review,
    "choose": None,
    "propose": propose_organisation,
    "list by the snippet API": list_contact_messages,
    "see the draft title in the chooser": see_draft_title_in_chooser,
    "use in a page": use_image_in_a_page,
    "upload over": take_practice_id,
    "see in the move confirmation": see_in_move_confirmation,
    "open": open_page_types_report,
}
NEEDS_NETWORK = {
    move_to_other_city,
    copy_within_city,
    see_draft_title_in_chooser,
    use_image_in_a_page,
    take_practice_id,
    see_in_move_confirmation,
}
DRAFT_TITLE = "Νέος τίτλος που δεν δημοσιεύτηκε"
NEEDS_SUPERUSER = {sync, sync_and_publish, edit_translation_string, submit_translation_for_review}


def target(network, name):
    city = network["A"]
    if name == "city":
        return city.page
    if name == "practice":
        practice = city.practice
        revision = practice.save_revision()  # a second revision, for revert and compare
        revision.publish()
        return reload(practice)
    if name == "draft":
        return city.draft
    if name == "image":
        return city.image
    if name == "document":
        return city.document
    if name == "category":
        return CategoryFactory(catalogue_id="housing", name="Στέγαση")
    if name == "organisation":
        return OrganisationFactory(catalogue_id="proposed-body", name="Προτεινόμενος φορέας", live=False)
    if name == "contact message":
        return ContactMessage.objects.create(
            practice=city.practice,
            practice_title=city.practice.title,
            city_name=city.page.title,
            recipient="info@athens.example",
            name="Ιδιώτης Αποστολέας",
            email="sender@example.org",
            message="Ένα μήνυμα.",
            language="el",
        )
    if name == "practice with a draft":
        draft = reload(city.practice)
        draft.title = DRAFT_TITLE
        draft.save_revision()
        return reload(city.practice)
    if name == "page types report":
        return city.draft
    raise KeyError(name)


def action_for(action, name):
    if action == "choose":
        return choose_image if name == "image" else choose_document
    if action == "see in a bulk confirmation":
        return see_in_page_bulk_confirmation if name == "draft" else see_in_bulk_confirmation
    if action == "edit" and name in ("image", "document", "category"):
        return {"image": edit_image, "document": edit_document, "category": edit_category}[name]
    if action == "publish" and name == "organisation":
        return publish_organisation
    return ACTIONS[action]


@pytest.mark.parametrize(("action", "name"), list(MATRIX), ids=[f"{a}-{n}" for a, n in MATRIX])
def test_permission_matrix(network, people, as_role, admin_client, subtests, action, name):
    """One (action, object) row: each role's cell runs from the same data, in a savepoint rolled back after it."""
    obj = target(network, name)
    perform = action_for(action, name)
    for role, expected in zip(ROLES, MATRIX[(action, name)], strict=True):
        with subtests.test(role=role), transaction.atomic():
            client = as_role(role)
            args = [client, admin_client, type(obj)._default_manager.get(pk=obj.pk)]
            if perform in NEEDS_NETWORK:
                args.append(network)
            if perform in NEEDS_SUPERUSER:
                args.append(people["superuser"])
            response, took_effect = perform(*args)
            assert took_effect is expected, (
                f"{role} {action} {name}: expected {'allowed' if expected else 'refused'}"
            )
            if not expected and response is not None:
                assert refused(response) or response.status_code in (200, 302), response.status_code
            transaction.set_rollback(True)


def test_only_administrators_delete_and_move(network, admin_client):
    """The refusals above are the network's rule, not a broken view: an administrator can."""
    draft = network["A"].draft
    response, moved = move_to_other_city(admin_client, admin_client, draft, network)
    assert moved
    response, deleted = delete(admin_client, admin_client, reload(draft))
    assert deleted


def test_a_refused_translation_leaves_no_trace(network, as_role):
    """Editor B asks to translate Athens' practice: no translation source, page or string appears."""
    practice = network["A"].practice
    english = practice.get_translation(Locale.objects.get(language_code="en"))
    client = as_role("editor_b")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[practice.pk]),
        {"locales": [Locale.objects.get(language_code="en").pk]},
    )
    assert refused(response)
    assert not TranslationSource.objects.filter(object_id=practice.translation_key).exists()
    assert Page.objects.get(pk=english.pk).alias_of_id == practice.pk


def test_localize_views_not_reviewed_here_are_refused(network, as_role, rf, editor_a):
    """A wagtail-localize view this project has not reviewed is refused to everyone but administrators."""
    from django.core.exceptions import PermissionDenied
    from django.urls import ResolverMatch

    from cities.rights.translations import TranslationRightsMiddleware

    request = rf.get("/admin/localize/something-new/")
    request.user = editor_a
    request.resolver_match = ResolverMatch(
        lambda r: None,
        (),
        {},
        url_name="something_new",
        app_names=["wagtail_localize"],
        namespaces=["wagtail_localize"],
    )
    with pytest.raises(PermissionDenied):
        TranslationRightsMiddleware(lambda r: None).process_view(request, None, (), {})


def test_page_chooser_shows_live_practices_of_other_cities_but_not_their_drafts(network, as_role):
    city_a = network["A"]
    client = as_role("editor_b")
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[city_a.page.pk]))
    assert response.status_code == 200
    html = response.json()["html"]
    assert city_a.practice.title in html
    assert city_a.draft.title not in html
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Αθήνα"}).content.decode()
    assert city_a.practice.title in search
    assert city_a.draft.title not in search
    own = as_role("editor_a").get(reverse("wagtailadmin_choose_page_child", args=[city_a.page.pk]))
    assert city_a.draft.title in own.json()["html"]


def test_editors_rights_hold_on_their_city_in_every_language(network, people):
    for code in ("el", "en"):
        page = network["A"].page.get_translation(Locale.objects.get(language_code=code))
        assert page.permissions_for_user(people["editor_a"]).can_add_subpage()
        assert page.permissions_for_user(people["editor_a"]).can_edit()
        assert not page.permissions_for_user(people["editor_b"]).can_edit()


def test_translation_report_menu_is_for_reviewers(network, as_role):
    assert refused(as_role("editor_a").get(reverse("wagtail_localize:translations_report")))
    assert as_role("reviewer").get(reverse("wagtail_localize:translations_report")).status_code == 200
    assert as_role("reviewer").get(reverse("translation_report")).status_code == 200


def test_stopping_and_uploading_translations_is_scoped(network, people, as_role):
    practice = network["A"].practice
    source, target = _translated(practice, people["superuser"])
    translation = Translation.objects.get(source=source)
    client = as_role("editor_b")
    response = client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    assert refused(response)
    assert Translation.objects.get(pk=translation.pk).enabled
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {})
    assert refused(response)
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[target.pk]))
    assert refused(response)
    assert reload(target).alias_of_id is None
    # Editor A may stop their own translation, but not make their live English page an alias unreviewed.
    client = as_role("editor_a")
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[target.pk]))
    if reload(target).live:
        assert refused(response)
        assert reload(target).alias_of_id is None
    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    assert not Translation.objects.get(pk=translation.pk).enabled


OTHER_VIEWS = {
    "explore children": lambda city: reverse("wagtailadmin_explore", args=[city.page.pk]),
    "history": lambda city: reverse("wagtailadmin_pages:history", args=[city.draft.pk]),
    "workflow history": lambda city: reverse("wagtailadmin_pages:workflow_history", args=[city.draft.pk]),
    "usage": lambda city: reverse("wagtailadmin_pages:usage", args=[city.draft.pk]),
    "preview": lambda city: reverse("wagtailadmin_pages:preview_on_edit", args=[city.draft.pk]),
}


@pytest.mark.parametrize("view", list(OTHER_VIEWS))
def test_another_citys_drafts_stay_out_of_sight(network, as_role, view):
    city = network["A"]
    url = OTHER_VIEWS[view](city)
    own = as_role("editor_a").get(url)
    assert own.status_code in (200, 405), f"editor A: {view} answered {own.status_code}"
    other = as_role("editor_b").get(url)
    assert refused(other) or city.draft.title not in other.content.decode(), f"editor B sees {view}"


def test_admin_search_finds_only_ones_own_drafts(network, as_role):
    city = network["A"]
    html = as_role("editor_b").get(reverse("wagtailadmin_pages:search"), {"q": "Πρόχειρο"}).content.decode()
    assert city.draft.title not in html
    html = as_role("editor_a").get(reverse("wagtailadmin_pages:search"), {"q": "Πρόχειρο"}).content.decode()
    assert city.draft.title in html
