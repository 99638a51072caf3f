"""One way to search, filter, facet, sort and page the practices of a locale.

The search page, the catalogue listing (PracticeIndexPage), the autocomplete
endpoint and the API's practices endpoint all use `PracticeSearch`, so the
same parameters find the same practices everywhere:

    search = PracticeSearch(request.GET, locale, reader=reader_for(request))
    page_obj = search.page(request.GET.get("page"))   # a Django Page of ids
    results = search.results(page_obj)                # cards, with marked excerpts
    search.facets                                     # [FacetView] with counts and links

Everything is SQL over the locale's live, public practices: the facet
filters narrow that queryset, the text query (search.matching) narrows it
further with the backend's full-text match as a subquery, and the facets
are counted by GROUP BY queries over the practices that match the query and
every other facet (search.facets: one query for the five facets of one value
per practice, one for each to-many facet). Only the ids of the page shown
and the grouped counts reach Python (docs/decisions/0013-search-in-sql.md).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import pgettext_lazy

from practices.models import PracticePage
from practices.presenters import PracticeCard, practice_cards, practice_queryset
from search.facets import FACETS, FacetContext, count_together
from search.highlight import Highlighter, plain_text
from search.matching import OPERATORS, TextMatch, text_match_ids
from search.text import clean_query
from sitewide.reader import Reader
from sitewide.text import collation_key

PAGE_SIZE = 20
# A facet takes at most this many values at once.
MAX_VALUES = 20
SORTS = {
    "relevance": pgettext_lazy("search order", "Relevance"),
    "newest": pgettext_lazy("search order", "Newest documented"),
    "title": pgettext_lazy("search order", "Title"),
}
DEFAULT_SORT = "relevance"


@dataclass(frozen=True)
class Problem:
    """A parameter value that was not understood (and so not applied)."""

    parameter: str
    value: str
    reason: str = "unknown"  # "unknown" or "too_many"

    def __post_init__(self):
        # Shown back to the reader: printable and short, whatever was sent.
        object.__setattr__(self, "value", clean_query(self.value)[:100])

    def message(self):
        """In English, for API clients."""
        if self.reason == "too_many":
            return f"{self.parameter}: at most {MAX_VALUES} values are allowed"
        return f"{self.parameter}: unknown value {self.value!r}"


@dataclass(frozen=True)
class SearchResult:
    card: PracticeCard
    # Escaped HTML with the query's words in <mark>. The excerpt is a window
    # of the description, given only when the words are there but not in
    # the summary.
    title_html: str
    summary_html: str
    excerpt_html: str | None = None


def parameter(params, name):
    """The last value of a single-valued parameter, or None."""
    if hasattr(params, "getlist"):
        values = params.getlist(name)
    else:
        value = params.get(name)
        values = list(value) if isinstance(value, list | tuple) else [] if value is None else [value]
    value = values[-1] if values else None
    return value if isinstance(value, str) else None


def parameter_values(params, name):
    """The values of a repeatable parameter: `?category=a&category=b` or `?category=a,b`."""
    if hasattr(params, "getlist"):
        raw = params.getlist(name)
    else:
        value = params.get(name)
        raw = [] if value is None else value if isinstance(value, list | tuple) else [value]
    values = []
    for item in raw:
        for part in str(item).split(","):
            part = part.strip()
            if part and part not in values:
                values.append(part)
    return values


class PracticeSearch:
    """The practices of `locale` that match a query string's parameters.

    `params` is a QueryDict (or a dict of lists): `q` (or `query_param`), the
    facets of search.facets, and `sort` (or `sort_param`). Values that are
    not understood are left out and listed in `problems`; the page shows
    them, the API answers 400.
    """

    def __init__(
        self,
        params,
        locale,
        *,
        reader=None,
        query_param="q",
        sort_param="sort",
        operator=None,
        autocomplete=False,
    ):
        self.params = params
        self.locale = locale
        self.language = locale.language_code if locale is not None else settings.LANGUAGE_CODE
        self.reader = reader or Reader(language=self.language)
        self.query_param = query_param
        self.sort_param = sort_param
        self.operator = operator if operator in OPERATORS else None
        self.autocomplete = autocomplete
        self.query = clean_query(parameter(params, query_param) or "")
        self.context = FacetContext(locale, self.reader)

    # -- Parameters --------------------------------------------------------

    @property
    def has_query(self):
        return bool(self.query)

    @cached_property
    def sort(self):
        value = parameter(self.params, self.sort_param)
        return value if value in SORTS else DEFAULT_SORT

    @cached_property
    def _parsed(self):
        selection, problems = {}, []
        sort = parameter(self.params, self.sort_param)
        if sort and sort not in SORTS:
            problems.append(Problem(self.sort_param, sort))
        for facet in FACETS:
            raw = parameter_values(self.params, facet.name)
            if len(raw) > MAX_VALUES:
                problems.append(Problem(facet.name, raw[MAX_VALUES], "too_many"))
                raw = raw[:MAX_VALUES]
            shaped = [value for value in raw if facet.is_valid(value)]
            problems += [Problem(facet.name, value) for value in raw if value not in shaped]
            known, unknown = facet.resolve(shaped, self.context) if shaped else ([], [])
            problems += [Problem(facet.name, value) for value in unknown]
            selection[facet.name] = known
        return selection, problems

    @property
    def selection(self):
        """{facet name: the values applied}, for every facet."""
        return self._parsed[0]

    @property
    def problems(self):
        return self._parsed[1]

    @property
    def is_filtered(self):
        return any(self.selection.values())

    # -- Querysets ---------------------------------------------------------

    @cached_property
    def scope(self):
        """Every practice this search may find: live, public, in its locale."""
        if self.locale is None:
            return PracticePage.objects.none()
        return PracticePage.objects.live().public().filter(locale=self.locale)

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
        )

    def matches_anything(self):
        """Whether the text query finds any practice, whatever the facets."""
        return self.text_match is not None and self.text_match.matches_anything()

    def narrowed(self, exclude=None):
        """The scope narrowed by every facet but `exclude` (a name or names); the text query not applied."""
        excluded = {exclude} if isinstance(exclude, str) else set(exclude or ())
        queryset = self.scope
        selection = self.selection
        for facet in FACETS:
            if facet.name not in excluded and selection[facet.name]:
                queryset = queryset.filter(facet.q(selection[facet.name], self.context))
        return queryset

    def filtered(self, exclude=None):
        """The practices matching the query and every facet but `exclude` (a name or names), lazily."""
        queryset = self.narrowed(exclude)
        return self.text_match.restrict(queryset) if self.has_query else queryset

    @cached_property
    def ordered_ids(self):
        """The ids of every result, in the order asked for: sliced and counted in the database."""
        if self.has_query and self.sort == "relevance":
            return RankedIds(self.text_match, self.narrowed())
        if self.sort == "newest":
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

    # -- Presentation ------------------------------------------------------

    def results(self, page_obj):
        """Cards for one page of results, with the query's words marked."""
        pages = self.pages(page_obj.object_list)
        cards = practice_cards(self.reader, pages)
        highlighter = Highlighter(self.query) if self.has_query else None
        if not highlighter:
            return [SearchResult(card, escape(card.title), escape(card.summary)) for card in cards]
        descriptions = dict(
            PracticePage.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", "description")
        )
        results = []
        for page, card in zip(pages, cards, strict=True):
            excerpt = None
            if not highlighter.spans(page.summary):
                excerpt = highlighter.excerpt(plain_text(descriptions.get(page.pk)))
            results.append(
                SearchResult(
                    card=card,
                    title_html=highlighter.mark(page.title),
                    summary_html=highlighter.mark(page.summary),
                    excerpt_html=excerpt,
                )
            )
        return results

    @cached_property
    def facets(self):
        """[FacetView], each counted with every other facet applied; empty facets left out."""
        # The facets of one value per practice from one query over the
        # matches without their selections; the others one query each.
        single = [facet for facet in FACETS if facet.single_valued]
        all_counts = count_together(
            self.filtered(exclude=[facet.name for facet in single]), single, self.selection, self.context
        )
        views = []
        for facet in FACETS:
            counts = all_counts.get(facet.name)
            if counts is None:
                counts = facet.counts(self.filtered(exclude=facet.name))
            view = facet.view(counts, self.selection[facet.name], self.context)
            for option in view.options:
                option.url = self.toggle_url(facet.name, option.value)
            if view.options:
                views.append(view)
        return views

    def broader(self):
        """[(FacetView, count)]: how many practices each selected facet, taken off, would give."""
        return [
            (view, count)
            for view in self.facets
            if view.selected and (count := self.filtered(exclude=view.name).count())
        ]

    @property
    def sort_options(self):
        """[(value, label, url, selected)]; relevance only when there is a query."""
        return [
            (value, label, self.url(**{self.sort_param: value}), value == self.sort)
            for value, label in SORTS.items()
            if value != "relevance" or self.has_query
        ]

    # -- Addresses ---------------------------------------------------------

    def state(self):
        """[(parameter, value)] for what this search applies (no page, no ignored values)."""
        pairs = []
        if self.query:
            pairs.append((self.query_param, self.query))
        if self.sort != DEFAULT_SORT:
            pairs.append((self.sort_param, self.sort))
        for facet in FACETS:
            pairs += [(facet.name, value) for value in self.selection[facet.name]]
        return pairs

    def url(self, **changes):
        """A query string for this search with `changes`: {parameter: value, list of values or None}."""
        pairs = [(name, value) for name, value in self.state() if name not in changes]
        for name, value in changes.items():
            if value is None:
                continue
            pairs += [(name, item) for item in (value if isinstance(value, list) else [value])]
        return f"?{urlencode(pairs)}" if pairs else "?"

    def toggle_url(self, name, value):
        values = self.selection.get(name, [])
        changed = [item for item in values if item != value] if value in values else [*values, value]
        return self.url(**{name: changed})

    def without_filters_url(self):
        return self.url(**{facet.name: None for facet in FACETS})

    # -- The catalogue listing ---------------------------------------------

    def listing_context(self, page_number, per_page=PAGE_SIZE):
        """What PracticeIndexPage.get_context adds: the same keys as before, plus the facets."""
        page_obj = self.page(page_number, per_page)
        return {
            "search": self,
            "practices_page": page_obj,
            "practices": [result.card for result in self.results(page_obj)],
            "facets": self.facets,
        }


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


@dataclass(frozen=True)
class CityResult:
    title: str
    url: str
    lang: str
    region: str


def matching_cities(query, locale, reader, limit=5):
    """The live, public cities of `locale` that match `query`, best first."""
    from cities.models import CityPage

    if locale is None or not clean_query(query):
        return []
    scope = CityPage.objects.live().public().filter(locale=locale)
    ids = text_match_ids(scope, query, locale.language_code, limit=limit)
    cities = {
        city.pk: city
        for city in CityPage.objects.filter(pk__in=ids).annotate(source_locale_id=F("alias_of__locale_id"))
    }
    ordered = [cities[pk] for pk in ids if pk in cities]
    languages = reader.content_languages(ordered)
    return [CityResult(city.title, reader.url(city), languages[city.pk], city.region) for city in ordered]
