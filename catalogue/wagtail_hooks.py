"""The catalogue's screens in the admin: a city's upload, and adding a municipality."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from catalogue.municipality_views import add_municipality_view
from catalogue.upload.views import upload_catalogue_view
from cities.rights.rules import may_upload
from sitewide.admin_menu import PermissionMenuItem


@hooks.register("register_admin_urls")
def register_catalogue_admin_urls():
    return [
        path("catalogue/upload/", upload_catalogue_view, name="catalogue_upload"),
        path("cities/add/", add_municipality_view, name="add_municipality"),
    ]


@hooks.register("register_admin_menu_item")
def register_catalogue_upload_menu_item():
    return PermissionMenuItem(
        _("Upload a catalogue"),
        reverse("catalogue_upload"),
        name="catalogue-upload",
        icon_name="upload",
        order=160,
        allowed=may_upload,
    )


@hooks.register("register_settings_menu_item")
def register_add_municipality_menu_item():
    return PermissionMenuItem(
        _("Add a municipality"), reverse("add_municipality"), icon_name="site", order=650
    )
