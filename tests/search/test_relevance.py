"""Readers find what they mean: the judged queries' hit@5 must not fall below what the site reaches.

The queries (benchmarks/relevance/queries.tsv) are typed as readers type
them, in every class of issue #13, over the demo catalogue; each names the
practices that must all be in the first five. benchmarks/relevance/measure.py
reports the same figures per class for RESULTS.md. The floors are the figures
reached when they were last raised; a change that loses a query fails here.
"""

import pytest

from django.db import connection
from django.utils import translation

from benchmarks.relevance import judged

pytestmark = pytest.mark.django_db

# hit@5 over every judged query, per database; raise them when the site does better.
FLOORS = {"sqlite": 1.0, "postgresql": 1.0}


def _found(query):
    with translation.override(query.language):
        return judged.found_ids(query)


def test_hit_at_5_does_not_fall(demo):
    queries = judged.load()
    results = [_found(query) for query in queries]
    table = judged.scores(queries, results)
    misses = [
        f"{query.kind} /{query.language}/ {query.query!r}: wanted {query.expected}, got {found[:5]}"
        for query, found in zip(queries, results, strict=True)
        if not query.hit(found)
    ]
    reached = table["all"]["hit@5"]
    assert reached >= FLOORS[connection.vendor], f"hit@5 {reached:.3f} on {connection.vendor}:\n" + "\n".join(
        misses
    )


def test_no_judged_query_comes_back_empty(demo):
    """Every judged query shares a meaningful word with a practice: none may find nothing."""
    empty = [f"/{query.language}/ {query.query!r}" for query in judged.load() if not _found(query)]
    assert not empty, empty
