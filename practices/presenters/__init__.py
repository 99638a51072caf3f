"""Per-language view data for the public pages.

Templates never render a stored relation as it is: snippets and pages are
resolved here to the reader's language by translation key, with a bounded
number of queries (see docs/decisions/0003).
"""

from .listing import (
    CityCard,
    CityView,
    HomeView,
    PracticeCard,
    catalogue_page,
    city_cards,
    practice_cards,
    practice_queryset,
    present_city,
    present_home,
)
from .practice import PageLink, PracticeView, present_practice
from .reader import Reader, reader_for
from .site import breadcrumbs, page_alternates, site_sections, view_alternates

__all__ = [
    "CityCard",
    "CityView",
    "HomeView",
    "PageLink",
    "PracticeCard",
    "PracticeView",
    "Reader",
    "breadcrumbs",
    "catalogue_page",
    "city_cards",
    "page_alternates",
    "practice_cards",
    "practice_queryset",
    "present_city",
    "present_home",
    "present_practice",
    "reader_for",
    "site_sections",
    "view_alternates",
]
