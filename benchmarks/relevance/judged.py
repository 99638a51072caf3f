"""Judged queries and their scores: hit@1, hit@5 and MRR, per class of query.

Used by benchmarks/relevance/measure.py (both databases, a report) and by
tests/search/test_relevance.py (the figures must not fall). Both run each
query through the site's own search code, as a reader's request would:
`suggest` queries as suggestions, the others as the search page.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).resolve().parent / "queries.tsv"
TOP = 5
SUGGEST = "suggest"


@dataclass(frozen=True)
class Judged:
    kind: str
    language: str
    query: str
    expected: tuple

    def rank(self, found):
        """The 1-based rank of the first expected id in `found`, or None."""
        ranks = [position for position, practice_id in enumerate(found, 1) if practice_id in self.expected]
        return ranks[0] if ranks else None

    def hit(self, found, top=TOP):
        """Whether every expected id is among the first `top` found."""
        return set(self.expected) <= set(found[:top])


def load(path=QUERIES):
    lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [
        Judged(row["class"], row["language"], row["query"], tuple(row["expected"].split(",")))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def found_ids(judged):
    """The practice ids (slugs) the site gives for a judged query, best first (needs Django)."""
    from django.http import QueryDict

    from wagtail.models import Locale

    from search.practice_query import search_practices
    from search.views import SUGGESTIONS

    locale = Locale.objects.get(language_code=judged.language)
    params = QueryDict(mutable=True)
    params["q"] = judged.query
    suggest = judged.kind == SUGGEST
    query = search_practices(params, locale, autocomplete=suggest)
    ids = list(query.ordered_ids[: SUGGESTIONS if suggest else 10])
    return [page.slug for page in query.pages(ids)]


def scores(queries, results):
    """{class (and "all"): {"n", "hit@1", "hit@5", "mrr"}} for `results`, found ids per query."""
    by_class = {}
    for judged, found in zip(queries, results, strict=True):
        for kind in (judged.kind, "all"):
            by_class.setdefault(kind, []).append((judged, found))
    table = {}
    for kind, rows in by_class.items():
        ranks = [judged.rank(found) for judged, found in rows]
        table[kind] = {
            "n": len(rows),
            "hit@1": sum(1 for judged, found in rows if found[:1] and found[0] in judged.expected)
            / len(rows),
            "hit@5": sum(1 for judged, found in rows if judged.hit(found)) / len(rows),
            "mrr": sum(1 / rank for rank in ranks if rank) / len(rows),
        }
    return table
