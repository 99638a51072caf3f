"""Which words of a query name a member city, so that the city's practices rank first (search.terms)."""

from collections import Counter

from django.core.cache import cache

from cities.models import CityPage
from search.analysis import analyse

PLACES_CACHE_KEY = "search:places:v1"
PLACES_CACHE_SECONDS = 300


def place_terms():
    """The index terms (stems and Latin keys) that name a member city, in any language.

    A word that most cities' names share («Δήμος», "Municipality") names
    none of them. Kept in the cache for a few minutes: a new city is known
    to the ranking a little later (it is found by its name at once).
    """
    terms = cache.get(PLACES_CACHE_KEY)
    if terms is None:
        terms = _place_terms()
        cache.set(PLACES_CACHE_KEY, terms, PLACES_CACHE_SECONDS)
    return terms


def _place_terms():
    names = {}
    for key, title, slug in CityPage.objects.filter(live=True).values_list(
        "translation_key", "title", "slug"
    ):
        analysed = [analyse(title), analyse(slug.replace("-", " "))]
        names.setdefault(key, set()).update(
            term for text in analysed for _position, term in text.positioned()
        )
    counts = Counter(term for terms in names.values() for term in terms)
    shared = max(1, len(names) // 2)
    return frozenset(term for term, count in counts.items() if count <= shared)
