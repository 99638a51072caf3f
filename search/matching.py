"""A text query as a condition on querysets, so that the database does the work.

The search page needs, for one query: the first page of results best first,
how many there are, one count per facet with the other facets applied, and,
when not every word was found, which. With the project's database backends
(search.backends.sqlite and .postgres) each of these is one SQL statement
over a queryset already narrowed to the locale, live, public pages and the
facets, with the full-text match as a subquery in it; no list of matching
ids passes through Python (docs/decisions/0013-search-in-sql.md).

Relaxed matching (docs/decisions/0072-search-relevance.md): the query is
analysed once (search.terms). When fewer than `fill` objects of the scope
(one page of results) match every word, the search also takes those that
match some of them, ranked by how many: every word first, then the best
partial matches. The decision is made over the whole scope, whatever the
facets, so the facet counts always count the results that clicking them
shows. An explicit `operator` ("and" or "or", the API's) overrides it.

Any other backend (Elasticsearch) filters in its own index, on
index.FilterFields only; for those the query runs over the whole scope
(with every word, then with any, when relaxed), its best `FALLBACK_LIMIT`
ids narrow querysets with `pk__in`, and the other languages' indexes are
asked too, their hits mapped to the scope's translations and ranked last.
"""

from django.conf import settings
from django.utils.functional import cached_property

from search import thesaurus
from search.backends import backend_name_for_language, for_language
from search.backends.database import RankedTerms
from search.places import place_terms
from search.terms import QueryTerms

OPERATORS = ("and", "or")
# Every word must match, on every backend (Elasticsearch's own default is "or"),
# unless the search is relaxed.
DEFAULT_OPERATOR = "and"
# The most ids a backend that cannot filter in SQL is asked for.
FALLBACK_LIMIT = 5000
# Relax a search when fewer objects than this match every word.
RELAX_BELOW = 20


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
    - ``count(queryset)``: how many of its objects match;
    - ``relaxed``: whether objects that match only some words count;
    - ``missing_everywhere(queryset)``, ``missing_by_object(ids)``: the words not found.
    """

    def __init__(self, query, language, *, scope, autocomplete=False, operator=None, fill=RELAX_BELOW):
        self.query = query
        self.language = language
        self.scope = scope
        self.autocomplete = autocomplete
        self.operator = operator if operator in OPERATORS else None
        self.fill = fill
        self.backend = for_language(language)
        self.in_sql = getattr(self.backend.results_class, "FILTERS_IN_SQL", False)
        self.terms = QueryTerms.parse(
            query, prefix=autocomplete, thesaurus=thesaurus.current(), places=place_terms()
        )
        self._last = (None, None)

    @property
    def labels(self):
        """The words of the query that count, as typed."""
        return self.terms.labels

    @cached_property
    def relaxed(self):
        if self.operator is not None:
            return self.operator == "or"
        if len(self.terms.groups) < 2:
            return False
        if self.in_sql:
            return self._new_results(self.scope, relaxed=False).count_up_to(self.fill) < self.fill
        return len(self._fallback("and")[: self.fill]) < self.fill

    # -- The database backends: SQL ----------------------------------------

    def _results(self, queryset):
        # A page of results and its count come from the same queryset: one
        # compiler serves both, so what it learns once (PostgreSQL's
        # estimates) is not asked for again.
        last_queryset, last_results = self._last
        if last_queryset is queryset:
            return last_results
        results = self._new_results(queryset, self.relaxed)
        self._last = (queryset, results)
        return results

    def _new_results(self, queryset, relaxed):
        # backend.search() would check that `queryset` filters on
        # FilterFields only; these backends read it in SQL and need no such
        # rule, and facets filter on relations and expressions.
        backend = self.backend
        compiler_class = (
            backend.autocomplete_query_compiler_class if self.autocomplete else backend.query_compiler_class
        )
        compiler = compiler_class(
            queryset.select_related(None).only("pk"),
            RankedTerms(self.terms, relaxed),
            order_by_relevance=True,
        )
        return backend.results_class(backend, compiler)

    # -- Other backends: lists of ids --------------------------------------

    def _fallback(self, operator):
        return text_match_ids(
            self.scope, self.query, self.language, autocomplete=self.autocomplete, operator=operator
        )

    @cached_property
    def _fallback_ids(self):
        """Every word's matches first; when relaxed, then any word's; then the other languages'."""
        ids = self._fallback("and")
        if self.relaxed:
            ids += [pk for pk in self._fallback("or") if pk not in set(ids)]
        return ids + [pk for pk in self._other_languages_ids() if pk not in set(ids)]

    def _other_languages_ids(self):
        """The scope's objects whose translations match in another language's own index."""
        model = self.scope.model
        if not hasattr(model, "translation_key"):
            return []
        own = backend_name_for_language(self.language)
        ids = []
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if code == self.language or backend_name_for_language(code) == own:
                continue
            others = model.objects.filter(locale__language_code=code)
            keys = [
                key
                for _pk, key in sorted(
                    others.filter(pk__in=text_match_ids(others, self.query, code, operator="or")).values_list(
                        "pk", "translation_key"
                    )
                )
            ]
            mine = dict(self.scope.filter(translation_key__in=keys).values_list("translation_key", "pk"))
            ids += [mine[key] for key in keys if key in mine]
        return ids

    # -- What callers ask --------------------------------------------------

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

    def missing_everywhere(self, queryset):
        """The words of a relaxed search that no object of `queryset` matches."""
        if not self.relaxed:
            return []
        if self.in_sql:
            found = self._new_results(queryset, relaxed=True).groups_found()
        else:
            found = {
                index
                for index, ids in enumerate(self._fallback_groups)
                if queryset.filter(pk__in=ids).exists()
            }
        return [label for index, label in enumerate(self.labels) if index not in found]

    def missing_by_object(self, ids):
        """{pk: [the words of a relaxed search it does not match]}, for the objects of `ids`."""
        if not self.relaxed or not ids:
            return {}
        if self.in_sql:
            covered = self._new_results(self.scope, relaxed=True).covered_groups(ids)
            covered = {pk: covered.get(str(pk), set()) for pk in ids}
        else:
            groups = [set(found) for found in self._fallback_groups]
            covered = {pk: {index for index, found in enumerate(groups) if pk in found} for pk in ids}
        return {
            pk: [label for index, label in enumerate(self.labels) if index not in indexes]
            for pk, indexes in covered.items()
        }

    @cached_property
    def _fallback_groups(self):
        """[[pk, …] of the scope matching each word], for backends outside SQL."""
        return [
            text_match_ids(self.scope, label, self.language, autocomplete=self.autocomplete)
            for label in self.labels
        ]
