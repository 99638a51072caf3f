"""The network's roles as Wagtail groups, with exactly the permissions each role has.

- A city's editors (one group per city, kept in `CityTeam`): add, edit and lock
  pages under their city's page, in every language; translate them; add, edit
  and choose images and documents in their city's two collections; choose the
  vocabulary and propose an organisation (a draft that a reviewer publishes).
  Without the "publish" page permission, every change they make goes through
  the "IOM review" workflow.
- IOM reviewers: edit, publish, lock and unlock every page of the cities
  subtree in every language (so they see every draft and can approve or
  request changes), edit the vocabulary and publish organisations, use every
  collection, see the translation report, each city's history and the IOM
  dashboard.
- Network administrators are superusers; only they delete or move pages
  (see `cities.rights.pages`).

Every function here is idempotent: it sets a group's permissions to exactly
the role's, adding what is missing and removing anything else.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale

from cities.models import CityIndexPage, CityPage, CityTeam

REVIEWERS_GROUP = "IOM reviewers"

EDITOR_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    "practices.view_category",
    "practices.view_targetgroup",
    "practices.view_organisation",
    "practices.add_organisation",
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
EDITOR_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
EDITOR_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]

REVIEWER_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    *(
        f"practices.{action}_{model}"
        for model in ("category", "targetgroup", "organisation")
        for action in ("add", "change", "view")
    ),
    "practices.publish_organisation",
    # The domain thesaurus of search (synonym sets).
    *(f"search.{action}_synonymset" for action in ("add", "change", "delete", "view")),
    "practices.view_translation_report",
    "cities.view_city_history",
    "cities.view_network_dashboard",
    "cities.require_two_factor",
]
REVIEWER_PAGE_PERMISSIONS = ["change_page", "publish_page", "lock_page", "unlock_page"]
REVIEWER_COLLECTION_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]


def _permissions(labels):
    found = []
    for label in labels:
        app_label, codename = label.split(".")
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is None:
            raise LookupError(f"the permission {label} does not exist; run migrate")
        found.append(permission)
    return found


def _codename_permission(codename):
    app_label = "wagtailcore" if codename.endswith("_page") else None
    queryset = Permission.objects.filter(codename=codename)
    if app_label:
        queryset = queryset.filter(content_type__app_label=app_label)
    return queryset.get()


def _sync_grants(model, group, target, wanted):
    """Make `group`'s rows of `model` exactly `wanted`: {(target id, permission id)}.

    Rows that stay are left alone, so their ids (and any history on them) survive.
    """
    current = list(model.objects.filter(group=group))
    model.objects.filter(
        pk__in=[row.pk for row in current if (getattr(row, f"{target}_id"), row.permission_id) not in wanted]
    ).delete()
    existing = {(getattr(row, f"{target}_id"), row.permission_id) for row in current}
    model.objects.bulk_create(
        [
            model(group=group, **{f"{target}_id": target_id}, permission_id=permission_id)
            for target_id, permission_id in sorted(wanted - existing)
        ]
    )


def _set_page_permissions(group, pages, codenames):
    wanted = {(page.pk, _codename_permission(codename).pk) for page in pages for codename in codenames}
    _sync_grants(GroupPagePermission, group, "page", wanted)


def _set_collection_permissions(group, grants):
    """`grants`: [(collection, [codename, …]), …]."""
    wanted = {
        (collection.pk, _codename_permission(codename).pk)
        for collection, codenames in grants
        for codename in codenames
    }
    _sync_grants(GroupCollectionPermission, group, "collection", wanted)


def city_pages(city_key):
    """A city's page in each enabled language (aliases included), default language first."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    pages = CityPage.objects.filter(translation_key=city_key, locale__language_code__in=codes)
    return sorted(pages.select_related("locale"), key=lambda page: codes.index(page.locale.language_code))


@transaction.atomic
def ensure_reviewers_group():
    group, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.set(_permissions(REVIEWER_PERMISSIONS))
    _set_page_permissions(group, CityIndexPage.objects.all(), REVIEWER_PAGE_PERMISSIONS)
    _set_collection_permissions(group, [(Collection.get_first_root_node(), REVIEWER_COLLECTION_PERMISSIONS)])
    return group


def _unique_group_name(name, city_id):
    if not Group.objects.filter(name=name).exists():
        return name
    return f"{name} ({city_id})"


def _child_collection(parent, name):
    child = parent.get_children().filter(name=name).first()
    return child or parent.add_child(instance=Collection(name=name))


def _ensure_collections(city):
    root = Collection.get_first_root_node()
    city_collection = root.get_children().filter(name=city.title).first()
    if city_collection is None:
        city_collection = root.add_child(instance=Collection(name=city.title))
    # Collection names are data, written once in the site's default language.
    images = _child_collection(city_collection, f"{city.title}: images")
    documents = _child_collection(Collection.objects.get(pk=city_collection.pk), f"{city.title}: documents")
    return images, documents


@transaction.atomic
def ensure_city_team(city):
    """The team of `city` (its page in any language), with exactly the editors' permissions.

    The group is named after the city, as "Editors: <name>"; its two
    collections, "<name>: images" and "<name>: documents", sit in a collection
    named after the city.
    """
    default_city = next(
        (page for page in city_pages(city.translation_key) if page.locale == Locale.get_default()), city
    ).specific
    team = CityTeam.objects.filter(city_key=city.translation_key).select_related("group").first()
    if team is None:
        images, documents = _ensure_collections(default_city)
        group = Group.objects.create(
            name=_unique_group_name(f"Editors: {default_city.title}", default_city.catalogue_id)
        )
        team = CityTeam.objects.create(
            city_key=city.translation_key, group=group, image_collection=images, document_collection=documents
        )
    group = team.group
    group.permissions.set(_permissions(EDITOR_PERMISSIONS))
    _set_page_permissions(group, city_pages(city.translation_key), EDITOR_PAGE_PERMISSIONS)
    _set_collection_permissions(
        group,
        [
            (team.image_collection, EDITOR_IMAGE_PERMISSIONS),
            (team.document_collection, EDITOR_DOCUMENT_PERMISSIONS),
        ],
    )
    return team


def team_for_city_id(city_id):
    """The team of the city whose catalogue id is `city_id`, or None."""
    city = (
        CityPage.objects.filter(catalogue_id=city_id, alias_of__isnull=True).order_by("depth", "pk").first()
    )
    if city is None:
        return None
    return CityTeam.objects.filter(city_key=city.translation_key).select_related("group").first()
