"""A/B of decision 0103: a search page's facet counts with the text matched once, or in each query.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cni_load \\
        .venv/bin/python manage.py shell < benchmarks/matched_once_ab.py

Run it in a shell of the site on the load database (benchmarks/load.py
prepare). For each query it asks the search page's own code for the first
page of ids, the count and every facet's counts, alternating the previous
`PracticeQuery.filtered` (each query repeats the full-text match, kept here
as the reference) and the current one (decision 0103), 9 runs each, prints
the medians and checks that both found the same.
"""

import statistics
import time
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils import translation

from wagtail.models import Locale

from search.practice_query import PracticeQuery, search_practices
from sitewide.reader import Reader

CASES = [
    {"q": "πρόσφυγες στέγαση"},
    {"q": "στέγαση υγεία"},
    {"q": "στέγαση", "category": "housing"},
    {"q": "πρόσφυγες στέγαση", "sort": "newest"},
]
RUNS = 9


def matched_in_each_query(query, exclude=()):
    queryset = query.narrowed(exclude)
    return query.text_match.restrict(queryset) if query.has_query else queryset


def page_with_facets(params, locale):
    start = time.perf_counter()
    query = search_practices(QueryDict(urlencode(params)), locale, reader=Reader(language="el"))
    ids = list(query.page(1).object_list)
    counts = {name: sorted(values.items()) for name, values in query.facet_counts.items()}
    return (time.perf_counter() - start) * 1000, (query.count, counts, ids)


def main():
    translation.activate("el")
    locale = Locale.objects.get(language_code="el")
    variants = {"before": matched_in_each_query, "after": PracticeQuery.filtered}
    try:
        for params in CASES:
            times = {name: [] for name in variants}
            found = {}
            for _run in range(RUNS):
                for name, filtered in variants.items():
                    PracticeQuery.filtered = filtered
                    elapsed, found[name] = page_with_facets(params, locale)
                    times[name].append(elapsed)
            before, after = statistics.median(times["before"]), statistics.median(times["after"])
            print(  # noqa: T201
                f"| {params} ({found['after'][0]:,} hits) | {before:.1f} ms | {after:.1f} ms "
                f"| {before / after:.2f} | same: {found['before'] == found['after']} |"
            )
    finally:
        PracticeQuery.filtered = variants["after"]


main()
