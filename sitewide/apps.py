from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitewideConfig(AppConfig):
    """What every other app of the site shares; it depends on none of them."""

    name = "sitewide"
    verbose_name = _("Shared foundations")

    def ready(self):
        from django.db import models

        from wagtail.admin.forms.models import register_form_field_override

        from sitewide.slugs import TransliteratingSlugInput

        # Every slug field of the admin (a page's first of all) fills in with
        # the Greek transliteration table. It is not required in the form: an
        # empty slug is made from the title by the model (sitewide.slugs).
        register_form_field_override(
            models.SlugField, override={"widget": TransliteratingSlugInput, "required": False}
        )
