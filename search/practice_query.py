"""The query over practices: what one search request finds, counted, ordered and paged.

The search page, the catalogue listing (PracticeIndexPage), the autocomplete
endpoint, the API's practices endpoint and the downloads all go through
`search_practices`, so the same parameters find the same practices everywhere:

    query = search_practices(request.GET, locale, reader=reader_for(request))
    page_obj = query.page(request.GET.get("page"))   # a Django Page of ids
    query.facet_counts()                            # {facet name: {value: count}}

Presenting what was found (cards, marked excerpts, facet links, sort links)
is search.presentation's work; reading the parameters is search.request's.

Everything is SQL over the locale's live, public practices: the facet
filters narrow that queryset, the text query (search.matching) narrows it
further with the backend's full-text match as a subquery, and the facets
are counted by GROUP BY queries over the practices that match the query and
every other facet (search.facets: one query for the five facets of one value
per practice, one for each to-many facet). Only the ids of the page shown,
the ids the text query matches and the grouped counts reach Python
(docs/decisions/0013-search-in-sql.md, 0103-text-matched-once.md).
"""

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property

from practices.models import PracticePage
from practices.presenters import practice_queryset
from search.facets import FACETS, FacetContext, count_together
from search.matching import OPERATORS, RELAX_BELOW, TextMatch
from search.request import SearchRequest
from sitewide.reader import Reader
from sitewide.structure import remembered
from sitewide.text import collation_key

PAGE_SIZE = 20


def search_practices(params, locale, *, reader=None, query_param="q", sort_param="sort", **options):
    """The PracticeQuery for a query string's parameters (see search.request for their names).

    `options` are PracticeQuery's: `operator`, `autocomplete`, `fill`.
    """
    language = locale.language_code if locale is not None else settings.LANGUAGE_CODE
    context = FacetContext(locale, reader or Reader(language=language))
    request = SearchRequest.parse(params, context, query_param=query_param, sort_param=sort_param)
    return PracticeQuery(request, context, **options)


class PracticeQuery:
    """The live, public practices of one locale that a SearchRequest finds.

    `context` (search.facets.FacetContext) is the one the request was parsed
    with: it knows the locale, the reader and the cities the request selected.
    `operator` ("and", "or") overrides relaxed matching; `fill` is how many
    results the caller shows first, which every-word matches should fill
    before partial matches are taken (search.matching).
    """

    def __init__(self, request, context, *, operator=None, autocomplete=False, fill=RELAX_BELOW):
        self.request = request
        self.context = context
        self.locale = context.locale
        self.reader = context.reader
        self.language = self.locale.language_code if self.locale is not None else settings.LANGUAGE_CODE
        self.operator = operator if operator in OPERATORS else None
        self.autocomplete = autocomplete
        self.fill = fill

    @property
    def query(self):
        return self.request.query

    @property
    def has_query(self):
        return self.request.has_query

    @property
    def selection(self):
        return self.request.selection

    # -- Querysets ---------------------------------------------------------

    @cached_property
    def scope(self):
        """Every practice this search may find: live, public, in its locale."""
        if self.locale is None:
            return PracticePage.objects.none()
        # The reader's view of what is private (sitewide.structure remembers it),
        # not Wagtail's public(), which reads every view restriction again.
        return self.reader.visible(PracticePage).filter(locale=self.locale)

    @cached_property
    def text_match(self):
        """The text query as a condition on querysets (search.matching); None without a query."""
        if not self.has_query:
            return None
        return TextMatch(
            self.query,
            self.language,
            scope=self.scope,
            autocomplete=self.autocomplete,
            operator=self.operator,
            fill=self.fill,
        )

    def matches_anything(self):
        """Whether the text query finds any practice, whatever the facets."""
        return self.text_match is not None and self.text_match.matches_anything()

    @property
    def relaxed(self):
        """Whether practices that match only some of the words are found too."""
        return self.text_match is not None and self.text_match.relaxed

    def missing_words(self):
        """The words of the query that none of the results holds (relaxed searches only)."""
        return self.text_match.missing_everywhere(self.narrowed()) if self.relaxed else []

    def missing_by_result(self, ids):
        """{practice id: the words of the query it lacks}, for relaxed searches."""
        return self.text_match.missing_by_object(list(ids)) if self.relaxed else {}

    def narrowed(self, exclude=()):
        """The scope narrowed by every facet but those named in `exclude`; the text query not applied."""
        queryset = self.scope
        for facet in FACETS:
            values = self.selection[facet.name]
            if facet.name not in exclude and values:
                queryset = queryset.filter(facet.q(values, self.context))
        return queryset

    def filtered(self, exclude=()):
        """The practices matching the query and every facet but those in `exclude`, lazily."""
        queryset = self.narrowed(exclude)
        return queryset.filter(among(self.matched_ids)) if self.has_query else queryset

    @cached_property
    def matched_ids(self):
        """The ids of every practice in scope that the text query matches, from one query.

        The count and each facet's count are taken over them, instead of
        each repeating the full-text match (decision 0103).
        """
        return list(self.text_match.restrict(self.scope).order_by().values_list("pk", flat=True))

    @cached_property
    def ordered_ids(self):
        """The ids of every result, in the order asked for: sliced and counted in the database."""
        sort = self.request.sort
        if self.has_query and sort == "relevance":
            return RankedIds(self.text_match, self.narrowed())
        if sort == "newest":
            order = (F("documented").desc(nulls_last=True), "title", "pk")
            return QuerysetIds(self.filtered().order_by(*order))
        # By title (also "relevance" without a query), ignoring case and
        # accents, which no database here sorts by: the titles are read and
        # sorted in Python (a few hundred KB for the whole catalogue).
        rows = self.filtered().order_by().values_list("pk", "title")
        return [pk for pk, _title in sorted(rows, key=lambda row: (collation_key(row[1]), row[0]))]

    @cached_property
    def count(self):
        return len(self.ordered_ids)

    def page(self, number, per_page=PAGE_SIZE):
        """One page of ids; a number that is not a page gives the first or the last."""
        return Paginator(self.ordered_ids, per_page).get_page(number)

    def pages(self, ids):
        """The practice pages of `ids`, in that order, ready for cards."""
        ids = list(ids)
        pages = {page.pk: page for page in practice_queryset(self.reader, self.locale).filter(pk__in=ids)}
        return [pages[pk] for pk in ids if pk in pages]

    # -- Facets ------------------------------------------------------------

    @cached_property
    def facet_counts(self):
        """{facet name: {value: count}}, each facet counted with every other facet applied.

        The whole catalogue's counts (no words, no filter) are the same for
        every reader of a locale until content changes, and every visit to the
        catalogue's first page asks for them: they are remembered under the
        content version (sitewide.structure). Counts over a query stay exact.
        """
        if self.locale is not None and not self.has_query and not self.request.is_filtered:
            return remembered(f"facet-counts:{self.locale.pk}", self._count_facets)
        return self._count_facets()

    def _count_facets(self):
        # The facets of one value per practice from one query over the
        # matches without their selections; the others one query each.
        single = [facet for facet in FACETS if facet.single_valued]
        counts = count_together(
            self.filtered(exclude={facet.name for facet in single}), single, self.selection, self.context
        )
        for facet in FACETS:
            if facet.name not in counts:
                counts[facet.name] = facet.counts(self.filtered(exclude={facet.name}))
        return counts

    def count_without(self, name):
        """How many practices the search would find without the facet `name`."""
        return self.filtered(exclude={name}).count()


class LazyIds:
    """A sequence of result ids that fetches only the slices asked for (Paginator, the API)."""

    def count(self):
        return len(self)

    def __len__(self):
        if not hasattr(self, "_count"):
            self._count = self._fetch_count()
        return self._count

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        if key.step not in (None, 1) or (key.start or 0) < 0 or (key.stop or 0) < 0:
            raise ValueError("Only forward slices of result ids are supported.")
        start = key.start or 0
        if key.stop is not None and key.stop <= start:
            return []
        return self._fetch(start, key.stop)

    def __iter__(self):
        return iter(self[0:])


class RankedIds(LazyIds):
    """The matches of a text query in `queryset`, best first."""

    def __init__(self, text_match, queryset):
        self.text_match = text_match
        self.queryset = queryset

    def _fetch_count(self):
        return self.text_match.count(self.queryset)

    def _fetch(self, start, stop):
        return self.text_match.ranked_ids(self.queryset, start, stop)


class QuerysetIds(LazyIds):
    """The pks of an ordered queryset."""

    def __init__(self, queryset):
        self.queryset = queryset

    def _fetch_count(self):
        return self.queryset.count()

    def _fetch(self, start, stop):
        return list(self.queryset.values_list("pk", flat=True)[start:stop])


def among(ids):
    """`pk IN ids`, with all the ids in one parameter however many they are.

    A statement with thousands of parameters costs more to build and send
    than the ids cost to read.
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return Q(pk__in=RawSQL("SELECT unnest(%s::integer[])", [ids]))
    return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))
