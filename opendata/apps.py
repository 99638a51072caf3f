from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """The catalogue for machines: the public API, the CSV and JSON downloads and the feeds."""

    name = "opendata"
    verbose_name = _("Open data")
