from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = _("Member cities")

    def ready(self):
        from cities.rights import two_factor  # noqa: F401  (registers its `check --deploy` warning)
        from cities.rights.media import MediaCheckedPageForm
        from cities.rights.pages import NetworkPagePermissionsMixin

        # The form checks media against the rules, and the rules read the
        # city models, whose pages take the mixin: the form is given to the
        # mixin once every model exists, before any admin form is built.
        NetworkPagePermissionsMixin.base_form_class = MediaCheckedPageForm
        # Signal receivers: a translation's first approval turns its alias into a
        # page; a translated title longer than a page title must not fail its save.
        from cities import translation_review, translation_titles  # noqa: F401
