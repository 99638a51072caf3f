"""The upload's admin URL and menu item; imported by practices.wagtail_hooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .rights import may_upload
from .views import upload_catalogue_view


@hooks.register("register_admin_urls")
def register_catalogue_upload_url():
    return [path("catalogue/upload/", upload_catalogue_view, name="catalogue_upload")]


class CatalogueUploadMenuItem(MenuItem):
    def is_shown(self, request):
        return may_upload(request.user)


@hooks.register("register_admin_menu_item")
def register_catalogue_upload_menu_item():
    # A fixed name: Wagtail would derive it from the label, which follows the admin's language.
    return CatalogueUploadMenuItem(
        _("Upload a catalogue"),
        reverse("catalogue_upload"),
        name="catalogue-upload",
        icon_name="upload",
        order=160,
    )
