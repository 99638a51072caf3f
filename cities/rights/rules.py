"""Who may do what: one function per question.

The admin hooks, the translation checks, the importer, the upload and the API
all ask here, so each rule is written once. The rules read the groups and
permissions that `cities.rights.grants` keeps (docs/decisions/0020):

- a city's editors work on their city's pages and media, in every language;
- IOM reviewers work on every city's, and keep the shared vocabulary;
- network administrators (superusers) may do everything, and only they delete
  or move pages (`cities.rights.pages`).
"""

from django.conf import settings

from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies.collections import CollectionPermissionPolicy

from cities.models import CityPage, CityTeam
from cities.rights.grants import REVIEWERS_GROUP

TWO_FACTOR_PERMISSION = "cities.require_two_factor"
TRANSLATION_REPORT_PERMISSION = "practices.view_translation_report"


def is_active_user(user):
    return bool(user and user.is_authenticated and user.is_active)


def is_reviewer(user):
    return is_active_user(user) and user.groups.filter(name=REVIEWERS_GROUP).exists()


def works_for_every_city(user):
    """Administrators and IOM reviewers: the network's staff, not one city's."""
    return is_active_user(user) and (user.is_superuser or is_reviewer(user))


# Pages and snippets ----------------------------------------------------------


def can_edit(user, instance):
    """May `user` change `instance`, a page (under the page rights) or a snippet (by model permission)?"""
    if instance is None:
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    opts = instance._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if not isinstance(instance, DraftStateMixin):
        return can_edit(user, instance)
    opts = instance._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def can_view_model(user, model):
    """May `user` list the rows of `model` at all (any of its view, add, change or publish rights)?"""
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        for action in ("view", "add", "change", "publish")
    )


def can_see_translation_report(user):
    return user.has_perm(TRANSLATION_REPORT_PERMISSION)


def can_see_network_reports(user):
    """Wagtail's reports over every city's pages (page types usage): the network's staff only."""
    return works_for_every_city(user)


# A city's own editors --------------------------------------------------------


def team_cities(user):
    """The city pages (source language, not aliases) of the city teams `user` belongs to, by title.

    Reviewers and administrators work for every city but belong to no team:
    for them this is empty, and their home is the IOM dashboard instead.
    """
    if not is_active_user(user):
        return CityPage.objects.none()
    keys = CityTeam.objects.filter(group__in=user.groups.all()).values("city_key")
    return CityPage.objects.filter(
        alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE, translation_key__in=keys
    ).order_by("title")


def can_add_practice(user, city):
    """May `user` add a practice under `city` (its page in the source language)?"""
    return city.permissions_for_user(user).can_add_subpage()


# Images and documents --------------------------------------------------------


def usable_collections(user, model):
    """The collections whose images (or documents) `user` may choose and use in a page: None for all."""
    if user.is_superuser:
        return None
    policy = CollectionPermissionPolicy(model)
    return policy.collections_user_has_permission_for(user, "choose")


def can_use_media(user, item):
    """May `user` put `item`, an image or a document, in a page they save?"""
    collections = usable_collections(user, type(item))
    return collections is None or collections.filter(pk=item.collection_id).exists()


# Catalogue imports -----------------------------------------------------------


def importable_cities(user):
    """The city pages (source language, not aliases) `user` may import a catalogue for, by title."""
    if not is_active_user(user):
        return CityPage.objects.none()
    pages = CityPage.objects.filter(alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE)
    if not works_for_every_city(user):
        keys = CityTeam.objects.filter(group__in=user.groups.all()).values("city_key")
        pages = pages.filter(translation_key__in=keys)
    return pages.order_by("title")


def can_import_for(user, city_id):
    """May `user` import (by command or upload) a catalogue for the city whose id is `city_id`?"""
    return importable_cities(user).filter(catalogue_id=city_id).exists()


def may_upload(user):
    return importable_cities(user).exists()


# Logging in ------------------------------------------------------------------


def must_use_two_factor(user):
    """Reviewers and administrators confirm their logins with a code, when two-factor login is on."""
    return is_active_user(user) and user.has_perm(TWO_FACTOR_PERMISSION)
