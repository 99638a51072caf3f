"""The catalogue's screens in the admin: a city's upload, and adding a municipality."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from catalogue.format.translations import TOOL_NAME
from catalogue.municipality_views import add_municipality_view
from catalogue.upload.views import upload_catalogue_view
from cities.rights.rules import may_upload
from home.upstream_words import describe_tool
from sitewide.admin_menu import PermissionMenuItem

# The translation editor's note on each text the importer brought in.
describe_tool(TOOL_NAME, _("Came with the catalogue import on %(date)s"))


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
