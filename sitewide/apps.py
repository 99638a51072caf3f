from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitewideConfig(AppConfig):
    """What every other app of the site shares; it depends on none of them."""

    name = "sitewide"
    verbose_name = _("Shared foundations")
