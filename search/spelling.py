"""“Did you mean”: the nearest words of the catalogue, for a search that found nothing.

The vocabulary is the words of the locale's practice titles and summaries,
category and target group names and city names, keyed by their folded form
(search.text.fold) and shown as written. It is kept in the cache for a few
minutes per locale; a stale vocabulary only makes a suggestion less apt.
"""

import difflib
from collections import Counter

from django.core.cache import cache

from cities.models import CityPage
from practices.models import Category, PracticePage, TargetGroup
from search.text import WORD, clean_query, fold

CACHE_SECONDS = 300
CUTOFF = 0.75
MIN_WORD_LENGTH = 3


def vocabulary(locale):
    """{folded word: its most frequent written form} for `locale`."""
    key = f"search:vocabulary:{locale.pk}"
    words = cache.get(key)
    if words is None:
        words = _build_vocabulary(locale)
        cache.set(key, words, CACHE_SECONDS)
    return words


def _build_vocabulary(locale):
    texts = []
    practices = PracticePage.objects.live().public().filter(locale=locale)
    for title, summary in practices.values_list("title", "summary"):
        texts += [title, summary]
    texts += CityPage.objects.live().public().filter(locale=locale).values_list("title", flat=True)
    for model in (Category, TargetGroup):
        texts += model.objects.filter(locale=locale).values_list("name", flat=True)
    forms = {}
    for text in texts:
        for word in WORD.findall(text or ""):
            if len(word) >= MIN_WORD_LENGTH and not word.isdigit():
                forms.setdefault(fold(word), Counter())[word.lower()] += 1
    return {folded: counter.most_common(1)[0][0] for folded, counter in forms.items()}


def did_you_mean(query, locale):
    """The query with each unknown word replaced by the nearest known one, or None."""
    if locale is None:
        return None
    words = vocabulary(locale)
    if not words:
        return None
    changed = False
    suggestion = []
    for word in WORD.findall(clean_query(query))[:10]:
        folded = fold(word)
        if folded in words or len(folded) < MIN_WORD_LENGTH or folded.isdigit():
            suggestion.append(word)
            continue
        nearest = difflib.get_close_matches(folded, words.keys(), n=1, cutoff=CUTOFF)
        if nearest:
            suggestion.append(words[nearest[0]])
            changed = True
        else:
            suggestion.append(word)
    return " ".join(suggestion) if changed else None
