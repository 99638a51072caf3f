"""A text query as a condition on querysets, so that the database does the work.

The search page needs, for one query: the first page of results best first,
how many there are, and one count per facet with the other facets applied.
With the project's database backends (search.backends.sqlite and .postgres)
each of these is one SQL statement over a queryset already narrowed to the
locale, live, public pages and the facets, with the full-text match as a
subquery in it; no list of matching ids passes through Python
(docs/decisions/0013-search-in-sql.md).

Any other backend (Elasticsearch) filters in its own index, on
index.FilterFields only; for those the query runs once over the whole scope
and its best `FALLBACK_LIMIT` ids narrow querysets with `pk__in`.
"""

from django.utils.functional import cached_property

from search.backends import for_language

OPERATORS = ("and", "or")
# Every word must match, on every backend (Elasticsearch's own default is "or").
DEFAULT_OPERATOR = "and"
# The most ids a backend that cannot filter in SQL is asked for.
FALLBACK_LIMIT = 5000


def text_match_ids(queryset, query, language, *, autocomplete=False, operator=None, limit=FALLBACK_LIMIT):
    """The pks of `queryset`'s objects that match `query`, best first.

    `queryset` may only filter on the model's index.FilterFields (Elasticsearch
    and PostgreSQL refuse others); for small scopes such as cities.
    """
    backend = for_language(language)
    run = backend.autocomplete if autocomplete else backend.search
    operator = operator if operator in OPERATORS else DEFAULT_OPERATOR
    results = run(query, queryset.select_related(None).only("pk"), operator=operator, order_by_relevance=True)
    return [obj.pk for obj in results[:limit]]


class TextMatch:
    """`query` (already cleaned, not empty) in `language`, applied to querysets of one model.

    - ``restrict(queryset)``: the queryset narrowed to the matches, still lazy;
    - ``ranked_ids(queryset, start, stop)``: one slice of its matches' pks, best first;
    - ``count(queryset)``: how many of its objects match.
    """

    def __init__(self, query, language, *, scope, autocomplete=False, operator=None):
        self.query = query
        self.language = language
        self.scope = scope
        self.autocomplete = autocomplete
        self.operator = operator if operator in OPERATORS else DEFAULT_OPERATOR
        self.backend = for_language(language)
        self.in_sql = getattr(self.backend.results_class, "FILTERS_IN_SQL", False)
        self._last = (None, None)

    def _results(self, queryset):
        # A page of results and its count come from the same queryset: one
        # compiler serves both, so what it learns once (PostgreSQL's
        # estimates) is not asked for again.
        last_queryset, last_results = self._last
        if last_queryset is queryset:
            return last_results
        results = self._new_results(queryset)
        self._last = (queryset, results)
        return results

    def _new_results(self, queryset):
        # backend.search() would check that `queryset` filters on
        # FilterFields only; these backends read it in SQL and need no such
        # rule, and facets filter on relations and expressions.
        backend = self.backend
        compiler_class = (
            backend.autocomplete_query_compiler_class if self.autocomplete else backend.query_compiler_class
        )
        compiler = compiler_class(
            queryset.select_related(None).only("pk"),
            self.query,
            operator=self.operator,
            order_by_relevance=True,
        )
        return backend.results_class(backend, compiler)

    @cached_property
    def _fallback_ids(self):
        return text_match_ids(
            self.scope, self.query, self.language, autocomplete=self.autocomplete, operator=self.operator
        )

    def restrict(self, queryset):
        if self.in_sql:
            return self._results(queryset).matching_queryset()
        return queryset.filter(pk__in=self._fallback_ids)

    def ranked_ids(self, queryset, start, stop):
        if self.in_sql:
            return [obj.pk for obj in self._results(queryset)[start:stop]]
        allowed = set(queryset.filter(pk__in=self._fallback_ids).values_list("pk", flat=True))
        return [pk for pk in self._fallback_ids if pk in allowed][start:stop]

    def count(self, queryset):
        if self.in_sql:
            return self._results(queryset).count()
        return queryset.filter(pk__in=self._fallback_ids).count()

    def matches_anything(self):
        """Whether the query matches anything in the scope, whatever the facets."""
        return self.restrict(self.scope).exists()
