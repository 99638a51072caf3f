"""What one search asks for: its parameters, parsed once, and the addresses of its states.

`SearchRequest.parse` reads a query string (a QueryDict, or a dict of lists)
into an immutable value: the cleaned text query, the sort order, the facet
values that apply and the values that were not understood (`problems`: the
page shows them, the API answers 400). Everything that builds an address
from the current search (facet toggles, sort links, "remove every filter",
the downloads) asks the request, so links keep exactly what applies and
drop what was ignored.
"""

from dataclasses import dataclass, field
from types import MappingProxyType

from django.utils.http import urlencode
from django.utils.translation import pgettext_lazy

from search.facets import FACETS
from search.text import clean_query

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


def _no_selection():
    return MappingProxyType({facet.name: () for facet in FACETS})


@dataclass(frozen=True)
class SearchRequest:
    """The parsed parameters of one search; build it with `SearchRequest.parse`.

    `selection` maps every facet's name to the values applied (a tuple,
    empty when the facet is not used). `query_param` and `sort_param` are
    the names the parameters go by in addresses: `q` and `sort` on the
    site, `search` and `order` in the API.
    """

    query: str = ""
    sort: str = DEFAULT_SORT
    selection: MappingProxyType = field(default_factory=_no_selection)
    problems: tuple = ()
    query_param: str = "q"
    sort_param: str = "sort"

    @classmethod
    def parse(cls, params, context, *, query_param="q", sort_param="sort"):
        """Read `params`; facet values are checked against the site (`context`: search.facets.FacetContext)."""
        problems = []
        sort = parameter(params, sort_param)
        if sort and sort not in SORTS:
            problems.append(Problem(sort_param, sort))
        selection = {}
        for facet in FACETS:
            raw = parameter_values(params, facet.name)
            if len(raw) > MAX_VALUES:
                problems.append(Problem(facet.name, raw[MAX_VALUES], "too_many"))
                raw = raw[:MAX_VALUES]
            shaped = [value for value in raw if facet.is_valid(value)]
            problems += [Problem(facet.name, value) for value in raw if value not in shaped]
            known, unknown = facet.resolve(shaped, context) if shaped else ([], [])
            problems += [Problem(facet.name, value) for value in unknown]
            selection[facet.name] = tuple(known)
        return cls(
            query=clean_query(parameter(params, query_param) or ""),
            sort=sort if sort in SORTS else DEFAULT_SORT,
            selection=MappingProxyType(selection),
            problems=tuple(problems),
            query_param=query_param,
            sort_param=sort_param,
        )

    @property
    def has_query(self):
        return bool(self.query)

    @property
    def is_filtered(self):
        return any(self.selection.values())

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
            pairs += [(name, item) for item in (value if isinstance(value, list | tuple) else [value])]
        return f"?{urlencode(pairs)}" if pairs else "?"

    def toggle_url(self, name, value):
        """This search with one facet value switched on or off."""
        values = self.selection.get(name, ())
        changed = [item for item in values if item != value] if value in values else [*values, value]
        return self.url(**{name: changed})

    def without_filters_url(self):
        return self.url(**{facet.name: None for facet in FACETS})
