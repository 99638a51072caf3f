"""Per-language view data for the public pages.

Templates never render a stored relation as it is: snippets and pages are
resolved here to the reader's language by translation key, with a bounded
number of queries (see docs/decisions/0003).
"""

from practices.presenters.listing import (
    CityCard,
    CityView,
    PracticeCard,
    catalogue_page,
    city_cards,
    practice_cards,
    practice_queryset,
    present_city,
)
from practices.presenters.practice import PageLink, PracticeView, present_practice

__all__ = [
    "CityCard",
    "CityView",
    "PageLink",
    "PracticeCard",
    "PracticeView",
    "catalogue_page",
    "city_cards",
    "practice_cards",
    "practice_queryset",
    "present_city",
    "present_practice",
]
