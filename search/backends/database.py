"""What the two database backends (search.backends.sqlite and .postgres) share:
the analysed query, what a match is, and results ranked in SQL one page at a time.

A query (a string, or `RankedTerms` from search.matching) is analysed by
search.terms into groups of alternative index terms. Each backend compiles
them into its own SQL, a `Match`:

- `condition`: what finds the hits: every group (AND), or, `relaxed`, any;
- `groups`: one condition per group, to count how many of the query's words
  an object covers (the first order of relaxed results) and to say which
  words a result lacks;
- `place`: the objects in a city the query names (ranked first);
- `phrase`: the objects holding the typed words together (ranked next).

The compilers of both backends answer the same questions:

- ``plan(backend)``: ``(kind, match)``; kind is "all", "none", "match" (the hits of
  `match`), "exclude" (everything but them) or "stock" (a query only the stock
  backend's code handles, such as fuzzy search on PostgreSQL);
- ``ranked_hits(backend, match, start, stop)``: ``[(object_id, score)]``,
  best first, for one slice, already restricted to the caller's queryset;
- ``count_hits(match)``, ``scores(backend, match, object_ids)``;
- ``matching_queryset(kind, match)``: the caller's queryset narrowed to the
  hits, for other orders and for facets;
- ``covered_groups(match, object_ids)``, ``groups_found(match)`` and
  ``count_up_to(match, limit)``: for relaxed matching (search.matching).

The caller's queryset is only ever read in SQL (an EXISTS or IN over it), so
unlike the stock backends it may filter on anything the ORM can say, not just
on index.FilterFields: search.matching relies on that (`FILTERS_IN_SQL`).
"""

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from modelsearch.backends.base import BaseSearchResults, FilterFieldError
from modelsearch.query import PlainText, SearchQuery

from search import thesaurus
from search.places import place_terms
from search.terms import QueryTerms


class RankedTerms(SearchQuery):
    """Analysed terms as a query: every group (`relaxed=False`) or any group, ranked by coverage."""

    def __init__(self, terms, relaxed=False):
        self.terms = terms
        self.relaxed = relaxed

    def __repr__(self):
        return f"<RankedTerms {list(self.terms.labels)!r} relaxed={self.relaxed}>"


def analysed(query, prefix=False):
    """(QueryTerms, relaxed) for a PlainText or RankedTerms query, or None for another kind."""
    if isinstance(query, RankedTerms):
        return query.terms, query.relaxed
    if isinstance(query, PlainText):
        terms = QueryTerms.parse(
            query.query_string, prefix=prefix, thesaurus=thesaurus.current(), places=place_terms()
        )
        return terms, query.operator == "or"
    return None


@dataclass(frozen=True)
class Match:
    condition: Any
    groups: tuple = ()
    relaxed: bool = False
    place: Any = None
    phrase: Any = None

    @property
    def ranks_coverage(self):
        return self.relaxed and len(self.groups) > 1


class RankedSearchResults(BaseSearchResults):
    supports_facet = True
    FILTERS_IN_SQL = True

    def _do_search(self):
        compiler = self.query_compiler
        kind, match = compiler.plan(self.backend)
        if kind == "stock":
            return list(compiler.stock_results(self.backend, self.start, self.stop, self._score_field))
        if kind == "match" and compiler.order_by_relevance:
            return self._ranked(compiler.ranked_hits(self.backend, match, self.start, self.stop))

        queryset = compiler.matching_queryset(kind, match)
        if not queryset.query.order_by:
            # A stable order keeps pages of results consistent (wagtail#3729).
            queryset = queryset.order_by("-pk")
        results = list(queryset[self.start : self.stop])
        if self._score_field:
            scores = compiler.scores(self.backend, match, [str(obj.pk) for obj in results]) if match else {}
            for obj in results:
                setattr(obj, self._score_field, scores.get(str(obj.pk), 0.0))
        return results

    def _ranked(self, hits):
        """Load the objects of one page of hits, in the hits' order."""
        objects = {
            str(obj.pk): obj
            for obj in self.query_compiler.queryset.filter(pk__in=[object_id for object_id, _score in hits])
        }
        results = []
        for object_id, score in hits:
            obj = objects.get(object_id)
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results

    def _do_count(self):
        compiler = self.query_compiler
        kind, match = compiler.plan(self.backend)
        if kind == "stock":
            return compiler.stock_results(self.backend, self.start, self.stop).count()
        if kind == "match":
            count = compiler.count_hits(match)
        else:
            count = compiler.matching_queryset(kind, match).count()
        count -= self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)

    def matching_queryset(self):
        """The caller's queryset narrowed to the hits, as SQL: nothing is fetched yet."""
        compiler = self.query_compiler
        kind, match = compiler.plan(self.backend)
        if kind == "stock":
            hits = compiler.stock_results(self.backend, None, None)
            return compiler.queryset.filter(pk__in=[obj.pk for obj in hits])
        return compiler.matching_queryset(kind, match)

    def _groups_plan(self):
        kind, match = self.query_compiler.plan(self.backend)
        return match if kind == "match" and match.groups else None

    def covered_groups(self, object_ids):
        """{object id (text): {indexes of the query's groups it matches}}, for these objects."""
        match = self._groups_plan()
        if match is None or not object_ids:
            return {}
        return self.query_compiler.covered_groups(match, [str(object_id) for object_id in object_ids])

    def groups_found(self):
        """The indexes of the query's groups that some object of the queryset matches."""
        match = self._groups_plan()
        if match is None:
            return set()
        return self.query_compiler.groups_found(match)

    def count_up_to(self, limit):
        """How many objects match, counting no further than `limit`."""
        kind, match = self.query_compiler.plan(self.backend)
        if kind != "match":
            return self.query_compiler.matching_queryset(kind, match)[:limit].count()
        return self.query_compiler.count_up_to(match, limit)

    def facet(self, field_name):
        compiler = self.query_compiler
        if compiler._get_filterable_field(field_name) is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to {compiler.queryset.model.__name__}.search_fields.',
                field_name=field_name,
            )
        kind, match = compiler.plan(self.backend)
        if kind == "stock":
            queryset = compiler.stock_results(self.backend, None, None)
        else:
            queryset = compiler.matching_queryset(kind, match)
        counts = queryset.order_by().values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((row[field_name], row["count"]) for row in counts)
