"""What the two database backends (search.backends.sqlite and .postgres) share:
indexing each object's fields once, and results ranked in SQL, one page at a time.

Results: the query compilers of both backends answer the same questions, in
their own SQL:

- ``plan(backend)``: ``(kind, match)``; kind is "all", "none", "match" (the hits of
  `match`), "exclude" (everything but them) or "stock" (a query only the stock
  backend's code handles, such as fuzzy search on PostgreSQL);
- ``ranked_hits(backend, match, start, stop)``: ``[(object_id, score)]``,
  best first, for one slice, already restricted to the caller's queryset;
- ``count_hits(match)``, ``scores(backend, match, object_ids)``;
- ``matching_queryset(kind, match)``: the caller's queryset narrowed to the
  hits, for other orders and for facets.

The caller's queryset is only ever read in SQL (an EXISTS or IN over it), so
unlike the stock backends it may filter on anything the ORM can say, not just
on index.FilterFields: search.matching relies on that (`FILTERS_IN_SQL`).
"""

from collections import OrderedDict

from django.db.models import Count

from modelsearch.backends.base import BaseSearchResults, FilterFieldError


class PreparedOnceMixin:
    """Prepare each of an object's search fields once, not once per index column.

    modelsearch's ObjectIndexer walks all of an object's search fields again
    for every column it fills (title, body, autocomplete, and on PostgreSQL
    the two plain-text copies), and each walk queries the object's related
    objects (categories, achievements…) anew. Keeping the first walk's result
    makes a rebuild several times faster.
    """

    def prepare_field(self, obj, field):
        if obj is not self.obj:
            # A related object, reached from within a walk that is kept.
            return super().prepare_field(obj, field)
        prepared = self.__dict__.setdefault("_prepared_fields", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(super().prepare_field(obj, field))
        return iter(prepared[id(field)])


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
