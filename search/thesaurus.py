"""The domain thesaurus at query time: which words of a query have synonyms, and which.

Each term of every SynonymSet (search.models) is analysed like any text
(search.analysis: stop words out, stems), so «αιτούντες διεθνή προστασία»
is the phrase (αιτουντ, διεθν, προστασ) and matches «αιτούντων διεθνούς
προστασίας» in a query. All sets apply to every query, whatever the site's
language: Greek terms only ever match Greek words, English terms English ones.

The sets are read once and kept in the cache until one is saved or deleted
(`forget`, connected in search.apps), so a search costs one cache read; the
analysed thesaurus is kept per process for as long as the sets stay the same.
"""

from collections import defaultdict

from django.core.cache import cache

from search.analysis import analyse
from search.models import SynonymSet

CACHE_KEY = "search:thesaurus:v1"
CACHE_SECONDS = 24 * 60 * 60


class Thesaurus:
    """{phrase of stems: the other phrases of its sets}, from lists of terms."""

    def __init__(self, term_sets):
        self.alternatives = defaultdict(set)
        # {phrase of stems: a term as written}, to mark synonyms in results.
        self.surface = {}
        for terms in term_sets:
            phrases = []
            for term in terms:
                stems = analyse(term).stems
                if stems:
                    phrases.append(stems)
                    self.surface.setdefault(stems, term)
            phrases = list(dict.fromkeys(phrases))
            for phrase in phrases:
                self.alternatives[phrase].update(other for other in phrases if other != phrase)
        self.longest = max((len(phrase) for phrase in self.alternatives), default=0)

    def matches(self, stems):
        """[(start, length, [phrases])]: each run of `stems` that is a term, with its synonyms.

        Runs may overlap ("asylum seekers" and "seekers" both count).
        """
        found = []
        for start in range(len(stems)):
            for length in range(min(self.longest, len(stems) - start), 0, -1):
                phrase = tuple(stems[start : start + length])
                if phrase in self.alternatives:
                    found.append((start, length, sorted(self.alternatives[phrase])))
        return found

    def __bool__(self):
        return bool(self.alternatives)


def term_sets(language=None):
    """[[term, …]] of every synonym set (of one language, when given)."""
    queryset = SynonymSet.objects.all()
    if language:
        queryset = queryset.filter(language=language)
    return [synonym_set.term_list() for synonym_set in queryset]


_built = {}


def current():
    """The thesaurus of every synonym set, from the cache when it can."""
    sets = cache.get(CACHE_KEY)
    if sets is None:
        sets = term_sets()
        cache.set(CACHE_KEY, sets, CACHE_SECONDS)
    key = tuple(map(tuple, sets))
    if key not in _built:
        _built.clear()
        _built[key] = Thesaurus(sets)
    return _built[key]


def forget(**_kwargs):
    """Drop the cached sets (a synonym set was saved or deleted)."""
    cache.delete(CACHE_KEY)
