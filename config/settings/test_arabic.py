"""The test settings with Arabic added: proof that a language is a settings change only."""

from config.settings.test import *  # noqa: F403
from config.settings.test import LANGUAGES

LANGUAGES = [*LANGUAGES, ("ar", "العربية")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
