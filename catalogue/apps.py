from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    """The `cni-catalogue/1` format: import, export, the editors' upload and the demo catalogue."""

    name = "catalogue"
    verbose_name = _("Catalogue import and export")
