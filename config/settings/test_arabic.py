"""The test settings with Arabic added: proof that a language is a settings change only."""

from django.utils.translation import gettext_lazy as _

from config.settings.test import *  # noqa: F403
from config.settings.test import LANGUAGES

LANGUAGES = [*LANGUAGES, ("ar", _("Arabic"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
