"""The test settings with Arabic added: proof that a language is a settings change only."""

from .test import *  # noqa: F403
from .test import LANGUAGES

LANGUAGES = [*LANGUAGES, ("ar", "العربية")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
