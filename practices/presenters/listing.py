"""Lists of practices and cities: the catalogue, the cities index, a city.

`practice_cards` is the catalogue's one way of turning practice pages into
cards, so the search page can reuse it (and the `practice_list` include) for
its results. It costs four queries however many cards it makes.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects

from wagtail.models import Page

from cities.models import CityPage
from practices.models import Category, PracticeCategory, PracticePage
from practices.presenters.practice import FigureView, PageLink, chronological, city_link, figure_views
from sitewide.charts import BarChart, figures_over_time
from sitewide.fallback import Untranslated, load_untranslated
from sitewide.reader import Reader, with_source_locale
from sitewide.text import collation_key

LIST_DEFERRED_FIELDS = ["description", "lessons", "transferability"]
CATALOGUE_PAGE_SIZE = 24


@dataclass(frozen=True)
class PracticeCard:
    title: str
    url: str
    lang: str
    acronym: str
    summary: str
    status: str
    status_label: str
    city: PageLink | None
    categories: list
    # {"title"/"summary": source language} where a translation left them untranslated
    untranslated: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CityCard:
    title: str
    url: str
    lang: str
    region: str
    practice_count: int
    latitude: float | None = None
    longitude: float | None = None
    # The city whose page shows the map, among the others of the network.
    current: bool = False

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None


@dataclass
class CityView:
    lang: str
    figures: list[FigureView] = field(default_factory=list)
    # {page field: source language} for texts a translation left untranslated,
    # and the introduction with such paragraphs marked (presenters.fallback).
    untranslated: dict = field(default_factory=dict)
    intro: str = ""
    practices: list[PracticeCard] = field(default_factory=list)
    charts: list[BarChart] = field(default_factory=list)
    map_cities: list[CityCard] = field(default_factory=list)


def practice_queryset(reader: Reader, locale=None):
    """Live, public practices in the reader's locale (aliases included), ready for cards."""
    return (
        with_source_locale(reader.visible(PracticePage).filter(locale=locale or reader.locale))
        .defer(*LIST_DEFERRED_FIELDS)
        .prefetch_related(PracticeCategory.prefetch())
    )


def practice_cards(reader: Reader, pages):
    """Cards for practice pages, with categories and cities in the reader's language.

    Titles, summaries and category names a translation still shows in the
    source language are marked with it (one query for all the cards).
    """
    pages = list(pages)
    if not pages:
        return []
    prefetch_related_objects(pages, PracticeCategory.prefetch())
    categories = reader.localize_snippets(
        Category, [term for page in pages for term in page.chosen_categories()]
    )
    untranslated = load_untranslated(pages[0].locale_id, [*pages, *categories.values()])
    untranslated.mark_names(categories.values())
    languages = reader.content_languages(pages)
    cities = reader.parents(CityPage, pages)
    return [
        PracticeCard(
            title=page.title,
            url=reader.url(page),
            lang=languages[page.pk],
            acronym=page.acronym,
            summary=page.summary,
            status=page.status,
            status_label=page.status_badge,
            city=city_link(reader, cities.get(page.pk)),
            categories=[categories[term.pk] for term in page.chosen_categories()],
            untranslated=untranslated.fields(page, ("title", "summary")),
        )
        for page in pages
    ]


def catalogue_page(reader: Reader, number, locale=None):
    """One page of the catalogue, by title: (Django page object, its cards)."""
    queryset = practice_queryset(reader, locale).order_by("title", "pk")
    page_obj = Paginator(queryset, CATALOGUE_PAGE_SIZE).get_page(number)
    return page_obj, practice_cards(reader, page_obj.object_list)


def city_cards(reader: Reader, index_page):
    """The member cities under a cities index, each with its number of live practices."""
    return member_cities(reader, index_page, index_page.depth + 1)


def member_cities(reader: Reader, ancestor, depth):
    """Live city pages at `depth` below `ancestor`, with their live practices counted (two queries)."""
    cities = list(
        with_source_locale(reader.visible(CityPage).filter(path__startswith=ancestor.path, depth=depth))
    )
    if not cities:
        return []
    practice_paths = (
        reader.visible(PracticePage)
        .filter(path__startswith=ancestor.path, depth=depth + 1)
        .values_list("path", flat=True)
    )
    counts = Counter(path[: -Page.steplen] for path in practice_paths)
    languages = reader.content_languages(cities)
    cards = [
        CityCard(
            title=city.title,
            url=reader.url(city),
            lang=languages[city.pk],
            region=city.region,
            practice_count=counts[city.path],
            latitude=float(city.latitude) if city.latitude is not None else None,
            longitude=float(city.longitude) if city.longitude is not None else None,
        )
        for city in cities
    ]
    return sorted(cards, key=lambda card: collation_key(card.title))


def present_city(page, reader: Reader):
    view = CityView(lang=reader.content_language(page))
    untranslated = load_untranslated(page.locale_id, [page]) if page.pk else Untranslated()
    view.untranslated = untranslated.fields(page, ("title", "region"))
    view.intro = untranslated.rich_text(page, "intro", view.lang)
    view.figures = figure_views(chronological(page.figures.all()), view.lang, reader, untranslated, page)
    view.charts = figures_over_time(view.figures, "city-chart", reader.language)
    if page.pk:
        practices = practice_queryset(reader, locale=page.locale_id).child_of(page)
        view.practices = sorted(practice_cards(reader, practices), key=lambda card: collation_key(card.title))
    if page.latitude is not None and page.longitude is not None:
        # The city among the network's others: a map of one marker tells a reader nothing.
        here_url = reader.url(page) if page.pk else ""
        others = (
            [card for card in city_cards(reader, page.get_parent()) if card.url != here_url]
            if page.pk
            else []
        )
        here = CityCard(
            title=page.title,
            url=here_url,
            lang=view.lang,
            region=page.region,
            practice_count=len(view.practices),
            latitude=float(page.latitude),
            longitude=float(page.longitude),
            current=True,
        )
        view.map_cities = [here, *others]
    return view
