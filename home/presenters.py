"""The home page: the latest and the featured practices, the member cities and the network in figures."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from practices.models import Category, PracticeCategory, PracticePage
from practices.presenters.listing import (
    CityCard,
    PracticeCard,
    member_cities,
    practice_cards,
    practice_queryset,
)
from practices.vocabulary import Evidence
from sitewide.charts import BarChart, Row, bar_chart
from sitewide.reader import Reader
from sitewide.structure import remembered
from sitewide.text import collation_key

LATEST_COUNT = 6
FEATURED_COUNT = 3
# Featured on the home page: the practices whose results were evaluated.
FEATURED_EVIDENCE = [Evidence.EXTERNALLY_EVALUATED, Evidence.EVALUATED]


@dataclass
class HomeView:
    latest: list[PracticeCard]
    practice_count: int
    city_count: int
    featured: list[PracticeCard] = field(default_factory=list)
    cities: list[CityCard] = field(default_factory=list)
    category_chart: BarChart | None = None

    @property
    def map_cities(self):
        return self.cities


def present_home(page, reader: Reader):
    locale = page.locale_id
    featured = list(
        practice_queryset(reader, locale)
        .filter(evidence__in=FEATURED_EVIDENCE)
        .order_by("-documented", "-first_published_at", "-pk")[:FEATURED_COUNT]
    )
    # A featured practice is shown once: "latest" lists the others.
    latest = (
        practice_queryset(reader, locale)
        .exclude(pk__in=[page.pk for page in featured])
        .order_by("-first_published_at", "-pk")[:LATEST_COUNT]
    )
    # Member cities are the city pages two levels below this home page.
    cities = member_cities(reader, page, page.depth + 2)
    # The same for every reader of this language until content changes (sitewide.structure).
    practice_count, chart = remembered(
        f"home-figures:{reader.language}:{locale}",
        lambda: (reader.visible(PracticePage).filter(locale=locale).count(), category_chart(reader, locale)),
    )
    return HomeView(
        latest=practice_cards(reader, latest),
        featured=practice_cards(reader, featured),
        practice_count=practice_count,
        city_count=len(cities),
        cities=cities,
        category_chart=chart,
    )


def category_chart(reader: Reader, locale):
    """Live practices per category in one language, most first (two queries)."""
    counts = list(
        PracticeCategory.objects.filter(page__in=reader.visible(PracticePage).filter(locale=locale))
        .values("term")
        .annotate(practices=Count("page", distinct=True))
    )
    if not counts:
        return None
    stored = Category.objects.filter(pk__in=[row["term"] for row in counts])
    names = reader.localize_snippets(Category, stored)
    rows = sorted(
        (
            Row(
                label=names[row["term"]].name,
                label_lang=names[row["term"]].lang,
                value=row["practices"],
            )
            for row in counts
            if row["term"] in names
        ),
        key=lambda row: (-row.value, collation_key(row.label)),
    )
    return bar_chart(
        "network-categories",
        _("Practices per category"),
        rows,
        label_heading=_("Category"),
        value_heading=_("Practices"),
    )
