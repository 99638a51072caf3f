"""The project's search backends, and which one serves a language.

- ``search.backends.sqlite``: the embedded default, SQLite FTS5 ranked by bm25().
- ``search.backends.postgres``: PostgreSQL with a Greek + English configuration.
- ``search.backends.elasticsearch``: Elasticsearch 9, one index per language.

All of them fold Greek the same way (search.text) and accept any user input.
The search view asks `for_language` for its backend and stays ignorant of
which one it got. This module is imported by the settings, so it must not
import models (or anything that does) at import time.
"""

from search.backends.elasticsearch_settings import backend_name_for_language as _configured_name

__all__ = ["backend_name_for_language", "for_language"]


def backend_name_for_language(language_code):
    """The WAGTAILSEARCH_BACKENDS key to search `language_code` content with.

    That is the language's own Elasticsearch entry when there is one,
    otherwise "default" (the database backend, which handles every language).
    """
    from django.conf import settings

    configured = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    for code in _candidate_codes(language_code):
        name = _configured_name(code)
        if name in configured:
            return name
    return "default"


def for_language(language_code):
    """The search backend instance for `language_code`, e.g. ``for_language("el")``."""
    from modelsearch.backends import get_search_backend

    return get_search_backend(backend_name_for_language(language_code))


def _candidate_codes(language_code):
    # "el-gr" falls back to "el", as Django's language negotiation does.
    code = (language_code or "").lower()
    return [code, code.split("-")[0]] if "-" in code else [code]
