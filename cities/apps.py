from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = _("Member cities")

    def ready(self):
        # A translation's first approval turns its alias into a page (a signal receiver).
        from cities import translation_review  # noqa: F401
