"""The practice facets: what each filter parameter means, how it narrows a
queryset of practices, and how its options are counted and labelled.

Values are the catalogue format's own ids and vocabularies, the same in every
language, so a filtered address can be shared across languages:

    category      Category.catalogue_id        category=housing
    target_group  TargetGroup.catalogue_id     target_group=women
    city          the city page's slug         city=athens
    status        practices.vocabulary.Status  status=ongoing
    evidence      practices.vocabulary.Evidence
    year          the year a practice started  year=2017
    has_outcomes  1 (has results in numbers) or 0

Relations store the default language's snippet (docs/decisions/0003), so
categories and target groups are matched and counted by `catalogue_id`, and
labelled with the snippet of the reader's locale.

Counting is disjunctive: each facet's options are counted over the practices
that match the text query and every *other* facet's selection. The facets of
one value per practice (city, status, evidence, year, has_outcomes) are
counted together by `count_together`, from one GROUP BY over all their keys
with none of their selections applied; the selections are applied to the
grouped rows in Python. Categories and target groups (to-many relations) are
counted each with its own GROUP BY (`count_by`). search.practice_query builds
the querysets, with the text query in SQL.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import CharField, Count, Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.models import Page

from cities.models import CityPage
from practices.models import Category, Outcome, PracticePage, TargetGroup
from practices.vocabulary import Evidence, Status
from sitewide.text import collation_key

CATALOGUE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 80
YEAR = re.compile(r"[0-9]{4}")
# A facet shows this many options, the most frequent, and puts the rest behind "more".
SHOWN_OPTIONS = 6


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    # The label's language, when it is not the reader's (an untranslated term).
    lang: str | None = None
    # The current address with this option switched on or off (set by search.presentation).
    url: str = ""


@dataclass
class FacetView:
    name: str
    label: str
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    @cached_property
    def _shown_values(self):
        frequent = sorted(self.options, key=lambda option: -option.count)[:SHOWN_OPTIONS]
        return {option.value for option in frequent} | {option.value for option in self.selected}

    @property
    def shown(self):
        """The most frequent options and every selected one, in the facet's own order."""
        if len(self.options) <= SHOWN_OPTIONS + 1:  # "1 more" would hide less than it costs
            return self.options
        return [option for option in self.options if option.value in self._shown_values]

    @property
    def more(self):
        """The other options, behind "more"."""
        shown = {option.value for option in self.shown}
        return [option for option in self.options if option.value not in shown]

    @property
    def in_use(self):
        return len(self.selected)


class FacetContext:
    """What the facets of one search share: its locale and reader, and lookups made once."""

    def __init__(self, locale, reader):
        self.locale = locale
        self.reader = reader
        self.language = reader.language

    @cached_property
    def label_locales(self):
        """The locales a label may come from: the reader's first, then the default language's."""
        codes = [self.language, settings.LANGUAGE_CODE]
        locales = {locale.language_code: locale for locale in self.reader.locales}
        return [locales[code] for code in dict.fromkeys(codes) if code in locales]

    @cached_property
    def city_paths(self):
        """{slug: path} of the cities a search selected, filled by CityFacet.resolve."""
        return {}


def count_by(queryset, key, *, distinct=False):
    """{value of `key`: how many of `queryset`'s rows have it}, from one GROUP BY query.

    `key` is a field path or an expression; `distinct` counts each practice
    once when `key` goes through a to-many relation.
    """
    if not isinstance(key, str):
        queryset, key = queryset.annotate(facet_key=key), "facet_key"
    rows = queryset.order_by().values(key).annotate(n=Count("pk", distinct=distinct))
    return {row[key]: row["n"] for row in rows}


def count_together(queryset, facets, selection, context):
    """{facet name: {value: count}} for `facets` of one value per practice, from one query.

    `queryset` must have none of these facets' selections applied (it has the
    text query and the other facets' selections). Each facet is counted over
    the rows that match every other facet's selection in `selection`: the
    counts of separate GROUP BY queries over `queryset` narrowed by the other
    facets, without repeating the text match and the scan of the practices
    for each facet.
    The query returns one row per combination of keys (a few hundred to a
    few thousand), not one per practice.
    """
    names = [f"facet_{index}" for index in range(len(facets))]
    keys = {
        name: F(facet.group_by()) if isinstance(facet.group_by(), str) else facet.group_by()
        for name, facet in zip(names, facets, strict=True)
    }
    rows = queryset.order_by().values(**keys).annotate(n=Count("pk")).values_list(*names, "n")
    matchers = [
        facet.matcher(selection[facet.name], context) if selection.get(facet.name) else None
        for facet in facets
    ]
    counts = {facet.name: {} for facet in facets}
    for *row_keys, n in rows:
        misses = [index for index, matches in enumerate(matchers) if matches and not matches(row_keys[index])]
        if len(misses) > 1:
            continue
        # A row that misses one facet's selection counts for that facet only.
        counted = misses or range(len(facets))
        for index in counted:
            value = facets[index].value_of(row_keys[index])
            if value not in (None, ""):
                facet_counts = counts[facets[index].name]
                facet_counts[value] = facet_counts.get(value, 0) + n
    return counts


class Facet:
    name = ""
    label = ""
    # What practices are grouped by to count the options: a field path, or
    # an expression from `group_by()`.
    field = None
    distinct = False
    # One value per practice (a column or an expression of its row): such
    # facets are counted together (`count_together`). Facets through a to-many
    # relation are not, as a practice has several keys.
    single_valued = True

    def is_valid(self, value):
        """Whether `value` has the shape of one of this facet's values."""
        raise NotImplementedError

    def resolve(self, values, context):
        """(known values, unknown values), for values of the right shape."""
        return values, []

    def q(self, values, context):
        """A filter on practices matching any of `values`."""
        raise NotImplementedError

    def group_by(self):
        return self.field

    def value_of(self, key):
        """The option value a group's key stands for; None or "" for no option."""
        return key

    def matcher(self, values, context):
        """A test of a group's key: whether its practices match `q(values)`, in Python."""
        values = set(values)
        return lambda key: self.value_of(key) in values

    def counts(self, queryset):
        """{value: number of practices in `queryset` with it}, from one query."""
        counts = {}
        for key, count in count_by(queryset, self.group_by(), distinct=self.distinct).items():
            value = self.value_of(key)
            if value not in (None, ""):
                counts[value] = counts.get(value, 0) + count
        return counts

    def options(self, counts, selected, context):
        raise NotImplementedError

    @staticmethod
    def option(value, label, counts, selected, **extra):
        return Option(
            value=value, label=label, count=counts.get(value, 0), selected=value in selected, **extra
        )

    def view(self, counts, selected, context):
        options = self.options(counts, selected, context)
        return FacetView(self.name, str(self.label), options)


class TermFacet(Facet):
    """Categories and target groups: a many-to-many relation to a translatable snippet."""

    model = None
    relation = ""
    distinct = True
    single_valued = False

    def group_by(self):
        return f"{self.relation}__catalogue_id"

    def is_valid(self, value):
        return len(value) <= MAX_ID_LENGTH and CATALOGUE_ID.fullmatch(value) is not None

    def resolve(self, values, context):
        existing = set(
            self.model.objects.filter(catalogue_id__in=values).values_list("catalogue_id", flat=True)
        )
        return [v for v in values if v in existing], [v for v in values if v not in existing]

    @cached_property
    def _through(self):
        relation = PracticePage._meta.get_field(self.relation)
        return relation.remote_field.through, relation.m2m_field_name(), relation.m2m_reverse_field_name()

    def q(self, values, context):
        through, practice, term = self._through
        matching = through.objects.filter(**{f"{term}__catalogue_id__in": values}).values(practice)
        return Q(pk__in=matching)

    def counts(self, queryset):
        # From the relation's rows of the practices in `queryset` (a
        # subquery), not from the practices joined to them: the database reads
        # the short relation rows, and a practice without terms costs nothing.
        through, practice, term = self._through
        rows = (
            through.objects.filter(**{f"{practice}__in": queryset.order_by().values("pk")})
            .values(key=F(f"{term}__catalogue_id"))
            .annotate(n=Count(practice, distinct=True))
        )
        return {row["key"]: row["n"] for row in rows}

    def labels(self, values, context):
        """{catalogue id: the term to show}: the reader's locale's, else the default language's."""
        rank = {locale.pk: position for position, locale in enumerate(context.label_locales)}
        chosen = {}
        for term in self.model.objects.filter(catalogue_id__in=values, locale__in=list(rank)):
            current = chosen.get(term.catalogue_id)
            if current is None or rank[term.locale_id] < rank[current.locale_id]:
                chosen[term.catalogue_id] = term
        return chosen

    def options(self, counts, selected, context):
        values = [value for value, count in counts.items() if count] + [
            v for v in selected if v not in counts
        ]
        terms = self.labels(values, context)
        codes = {locale.pk: locale.language_code for locale in context.label_locales}
        options = []
        for value in dict.fromkeys(values):
            term = terms.get(value)
            lang = codes.get(term.locale_id) if term else None
            options.append(
                self.option(
                    value,
                    term.name if term else value,
                    counts,
                    selected,
                    lang=lang if lang != context.language else None,
                )
            )
        return sorted(options, key=lambda option: collation_key(option.label))


class CategoryFacet(TermFacet):
    name = "category"
    label = _("Category")
    model = Category
    relation = "categories"


class TargetGroupFacet(TermFacet):
    name = "target_group"
    label = _("Target group")
    model = TargetGroup
    relation = "target_groups"


def parent_path():
    """A practice's parent's tree path, as an annotation: its own path less one step."""
    return Substr("path", 1, (F("depth") - 1) * Page.steplen, output_field=CharField())


class CityFacet(Facet):
    """A practice's city is its parent page, named in addresses by its slug."""

    name = "city"
    label = _("City")

    def is_valid(self, value):
        return len(value) <= MAX_ID_LENGTH and CATALOGUE_ID.fullmatch(value) is not None

    def resolve(self, values, context):
        paths = dict(
            CityPage.objects.filter(locale=context.locale, slug__in=values).values_list("slug", "path")
        )
        context.city_paths.update(paths)
        return [v for v in values if v in paths], [v for v in values if v not in paths]

    def q(self, values, context):
        condition = Q(pk__in=[])
        for value in values:
            path = context.city_paths[value]
            condition |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
        return condition

    def group_by(self):
        return parent_path()

    def matcher(self, values, context):
        # q() selects the pages one level below the city's path: those whose
        # parent's path, the key, is the city's.
        paths = {context.city_paths[value] for value in values}
        return lambda key: key in paths

    def view(self, counts_by_path, selected, context):
        # Counts come keyed by path; options are keyed by slug.
        paths = [path for path, count in counts_by_path.items() if count]
        selected_paths = [context.city_paths[slug] for slug in selected if slug in context.city_paths]
        cities = list(
            CityPage.objects.filter(path__in=set(paths) | set(selected_paths)).annotate(
                source_locale_id=F("alias_of__locale_id")
            )
        )
        languages = context.reader.content_languages(cities)
        options = [
            Option(
                value=city.slug,
                label=city.title,
                count=counts_by_path.get(city.path, 0),
                selected=city.slug in selected,
                lang=languages[city.pk] if languages[city.pk] != context.language else None,
            )
            for city in cities
        ]
        options.sort(key=lambda option: collation_key(option.label))
        return FacetView(self.name, str(self.label), options)


class ChoiceFacet(Facet):
    """A field with a closed vocabulary (TextChoices)."""

    choices = None

    def is_valid(self, value):
        return value in self.choices.values

    def q(self, values, context):
        return Q(**{f"{self.field}__in": values})

    def options(self, counts, selected, context):
        return [
            self.option(choice.value, str(choice.label), counts, selected)
            for choice in self.choices
            if counts.get(choice.value) or choice.value in selected
        ]


class StatusFacet(ChoiceFacet):
    name = "status"
    label = pgettext_lazy("practice", "Status")
    choices = Status
    field = "status"


class EvidenceFacet(ChoiceFacet):
    name = "evidence"
    label = _("Evidence level")
    choices = Evidence
    field = "evidence"


class YearFacet(Facet):
    """The year a practice started (`started` is stored as ISO text: "2017", "2017-06"…)."""

    name = "year"
    label = _("Start year")

    def is_valid(self, value):
        return YEAR.fullmatch(value) is not None

    def q(self, values, context):
        condition = Q(pk__in=[])
        for value in values:
            condition |= Q(started__startswith=value)
        return condition

    def group_by(self):
        # q() tests `started` starting with a 4-digit year: the same as its
        # first four characters being that year.
        return Substr("started", 1, 4, output_field=CharField())

    def options(self, counts, selected, context):
        values = {value for value, count in counts.items() if count} | set(selected)
        return [self.option(value, value, counts, selected) for value in sorted(values, reverse=True)]


def has_outcomes():
    return Exists(Outcome.objects.filter(page_id=OuterRef("pk")))


class HasOutcomesFacet(Facet):
    """Whether a practice records results in numbers (outcomes): 1 or 0."""

    name = "has_outcomes"
    label = _("Results in numbers")
    labels = {"1": _("With results in numbers"), "0": _("Without results in numbers")}

    def is_valid(self, value):
        return value in self.labels

    def q(self, values, context):
        if set(values) == {"0", "1"}:
            return Q()
        return Q(has_outcomes()) if "1" in values else ~Q(has_outcomes())

    def group_by(self):
        return has_outcomes()

    def value_of(self, key):
        return "1" if key else "0"

    def options(self, counts, selected, context):
        # "Without" is only offered to take it off again.
        return [
            self.option(value, str(label), counts, selected)
            for value, label in self.labels.items()
            if (value == "1" and counts.get(value)) or value in selected
        ]


FACETS = (
    CategoryFacet(),
    TargetGroupFacet(),
    CityFacet(),
    StatusFacet(),
    EvidenceFacet(),
    YearFacet(),
    HasOutcomesFacet(),
)
FACET_NAMES = tuple(facet.name for facet in FACETS)
