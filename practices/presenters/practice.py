"""A practice page as its reader sees it: every relation in the reader's language.

`present_practice` runs a fixed number of queries whatever the length of the
practice's lists: one for all its lists, its terms and the organisations it
mentions, each with its translations (sitewide.one_query, compiled once),
two for pictures and logos with their renditions, one for the linked practices
and one for their cities, and one for the texts a translation still shows in
its source language (sitewide.fallback).
"""

from dataclasses import dataclass, field, replace

from django.db.models import F, Prefetch, Q, QuerySet

from wagtail.images import get_image_model
from wagtail.models import Page

from cities.models import CityFigure, CityPage
from practices.models import Adaptation, Organisation, PracticePage
from practices.vocabulary import Role
from sitewide.charts import BarChart, figures_side_by_side
from sitewide.fallback import Untranslated, load_untranslated
from sitewide.figures import FigureKind
from sitewide.one_query import CompiledLists, lists_in_one_query
from sitewide.partial_date import PartialDate
from sitewide.reader import Reader, chosen_and_translations, stored_and_translations
from sitewide.text import collation_key

# The gallery's one rendition. It must be the spec the practice template
# passes to {% image %}, or each image costs a query to find its rendition.
GALLERY_RENDITION = "max-1200x900"  # the page's gallery and the PDF's pictures
# Likewise for organisations' logos (practices/includes/logos.html).
LOGO_RENDITION = "max-240x96"


@dataclass(frozen=True)
class PageLink:
    """A page to link, with the language its title is in."""

    title: str
    url: str | None
    lang: str
    city: "PageLink | None" = None


@dataclass(frozen=True)
class FigureView:
    """A dated, sourced number. Label and source are the editors' text when given."""

    label: str
    label_lang: str
    value: int
    approximate: bool
    date: PartialDate | None
    source: str
    source_lang: str
    kind: str = ""


@dataclass(frozen=True)
class Involvement:
    organisation: Organisation
    period_from: PartialDate | None
    period_until: PartialDate | None


@dataclass(frozen=True)
class RoleGroup:
    role: str
    label: str
    involvements: list[Involvement]


@dataclass(frozen=True)
class TestimonialView:
    quote: str
    name: str
    role: str
    organisation: Organisation | None
    # {field name: source language} for the texts a translation left untranslated
    untranslated: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RecognitionView:
    by: Organisation
    text: str
    date: PartialDate | None
    untranslated: dict = field(default_factory=dict)


@dataclass
class PracticeView:
    page: PracticePage
    lang: str
    city: PageLink | None = None
    city_figures: list[FigureView] = field(default_factory=list)
    categories: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)
    roles: list[RoleGroup] = field(default_factory=list)
    figures: list[FigureView] = field(default_factory=list)
    outcomes: list = field(default_factory=list)
    achievements: list = field(default_factory=list)
    testimonials: list[TestimonialView] = field(default_factory=list)
    recognitions: list[RecognitionView] = field(default_factory=list)
    links: list = field(default_factory=list)
    images: list = field(default_factory=list)
    adapted_from: list[PageLink] = field(default_factory=list)
    adapted_by: list[PageLink] = field(default_factory=list)
    logos: list[Organisation] = field(default_factory=list)
    charts: list[BarChart] = field(default_factory=list)
    # The city's official address, when readers may write to it through the site.
    city_email: str = ""
    url: str | None = None
    # {page field: source language} for the page's texts a translation left
    # untranslated, and its rich texts with such paragraphs marked.
    untranslated: dict = field(default_factory=dict)
    description: str = ""
    lessons: str = ""
    transferability: str = ""

    @property
    def contact_url(self):
        return self.url + self.page.reverse_subpage("contact") if self.url and self.city_email else None

    @property
    def pdf_url(self):
        return self.url + self.page.reverse_subpage("pdf") if self.url else None

    @property
    def share_image(self):
        """The first picture, as the gallery shows it (no extra rendition to make)."""
        return self.images[0] if self.images else None

    @property
    def has_context_figures(self):
        return bool(self.city_figures or self.figures)

    @property
    def has_results(self):
        return bool(self.outcomes or self.achievements or self.recognitions)


def figure_views(figures, content_lang, reader, untranslated=None, owner=None):
    """View data for figures, in the order given.

    With `untranslated` (presenters.fallback) and the page that owns the
    figures, a label or source published in the source language says so.
    """
    views = []
    for figure in figures:
        marks = (
            untranslated.fields(figure, ("label", "source"), owner=owner, relation="figures")
            if untranslated is not None and owner is not None
            else {}
        )
        views.append(
            FigureView(
                label=figure.label or figure.get_kind_display(),
                label_lang=marks.get("label", content_lang) if figure.label else reader.language,
                value=figure.value,
                approximate=figure.approximate,
                date=figure.date,
                source=figure.source,
                source_lang=marks.get("source", content_lang),
                kind=figure.kind,
            )
        )
    return views


def chronological(figures):
    """A city's figures over time: grouped by what they count, oldest first, undated last."""
    kinds = {kind.value: position for position, kind in enumerate(FigureKind)}
    return sorted(
        figures,
        key=lambda figure: (
            kinds.get(figure.kind, len(kinds)),
            collation_key(figure.label),
            figure.date is None,
            figure.date or PartialDate(1),
        ),
    )


def role_groups(involvements):
    """Organisations grouped by role, in the vocabulary's order (lead first)."""
    involvements = list(involvements)
    groups = []
    for role in Role:
        members = [inv for role_value, inv in involvements if role_value == role.value]
        if members:
            groups.append(RoleGroup(role=role.value, label=role.label, involvements=members))
    return groups


def city_link(reader, city):
    if city is None:
        return None
    return PageLink(title=city.title, url=reader.url(city) if city.live else None, lang=city.lang)


def linked_practices(reader, translation_keys):
    """Live practices, each in the reader's language if it exists there, with its city."""
    pages = reader.localize_pages(PracticePage, translation_keys)
    cities = reader.parents(CityPage, pages.values())
    links = {
        key: PageLink(
            title=page.title,
            url=reader.url(page),
            lang=page.lang,
            city=city_link(reader, cities.get(page.pk)),
        )
        for key, page in pages.items()
    }
    return links


def practice_lists(page, city, reader):
    """The page's lists, its terms and organisations in the reader's language, its city's
    figures and the practices adapting it, from one query.

    A stored page's statement is compiled once (sitewide.one_query); a
    preview's own lists are held in memory and are read as they are, its
    terms and organisations with a query each.
    """
    city_id = city.pk if city is not None else 0
    if page.pk and not getattr(page, "_cluster_related_objects", None) and reader.locale is not None:
        lists = STORED_LISTS.read(page_id=page.pk, city_id=city_id, locale_id=reader.locale.pk)
        lists["categories"] = reader.chosen_of(lists["categories"])
        lists["target_groups"] = reader.chosen_of(lists["target_groups"])
        lists["organisations"] = reader.shown_of(lists["organisations"])
        return lists
    lists = lists_in_one_query({**own_lists(page), **other_pages_lists(page.pk or 0, city_id)})
    lists["categories"] = reader.localize_chosen(page.category_links.all())
    lists["target_groups"] = reader.localize_chosen(page.target_group_links.all())
    lists["organisations"] = reader.localize_by_pk(
        Organisation,
        [item.organisation_id for item in lists["involvements"]]
        + [item.organisation_id for item in lists["testimonials"]]
        + [item.by_id for item in lists["recognitions"]],
    )
    return lists


def terms_and_organisations(page_id, locale_id):
    """The stored page's terms and the organisations its lists name, with their translations."""
    page = PracticePage(pk=page_id)
    named = (
        Q(pk__in=page.organisations.values("organisation_id"))
        | Q(pk__in=page.testimonials.filter(consent_given=True).values("organisation_id"))
        | Q(pk__in=page.recognitions.values("by_id"))
    )
    return {
        "categories": chosen_and_translations(page.category_links.all(), locale_id),
        "target_groups": chosen_and_translations(page.target_group_links.all(), locale_id),
        "organisations": stored_and_translations(Organisation, named, locale_id),
    }


def own_lists(page):
    """The lists of rows the practice page holds itself."""
    return {
        "involvements": page.organisations.all(),
        "testimonials": page.testimonials.filter(consent_given=True),
        "recognitions": page.recognitions.all(),
        "figures": page.figures.all(),
        "outcomes": page.outcomes.all(),
        "achievements": page.achievements.all(),
        "links": page.links.all(),
        "images": page.images.all(),
        "adapted_from": with_source_keys(page.adapted_from.all()),
    }


def other_pages_lists(page_id, city_id):
    """Its city's figures, and the adaptations of it (in any of its languages) by other practices."""
    versions = Page.objects.filter(pk=page_id).values("translation_key")
    return {
        "city_figures": CityFigure.objects.filter(page_id=city_id),
        "adopters": Adaptation.objects.filter(source__translation_key__in=versions).annotate(
            adopter_key=F("page__translation_key")
        ),
    }


def with_source_keys(adaptations):
    if isinstance(adaptations, QuerySet):
        return adaptations.annotate(source_key=F("source__translation_key"))
    for adaptation in adaptations:
        adaptation.source_key = adaptation.source.translation_key
    return adaptations


STORED_LISTS = CompiledLists(
    lambda page_id, city_id, locale_id: {
        **own_lists(PracticePage(pk=page_id)),
        **other_pages_lists(page_id, city_id),
        **terms_and_organisations(page_id, locale_id),
    }
)


def present_practice(page, reader: Reader):
    view = PracticeView(
        page=page, lang=reader.content_language(page), url=reader.url(page) if page.pk else None
    )

    # The city is the page's parent, which is always in the page's own locale.
    city = reader.parents(CityPage, [page]).get(page.pk) if page.path else None

    lists = practice_lists(page, city, reader)
    categories, target_groups, organisations = (
        lists["categories"],
        lists["target_groups"],
        lists["organisations"],
    )
    involvements, testimonials, recognitions = (
        lists["involvements"],
        lists["testimonials"],
        lists["recognitions"],
    )
    snippets = [*categories, *target_groups, *organisations.values()]
    untranslated = load_untranslated(page.locale_id, [page, city, *snippets]) if page.pk else Untranslated()
    untranslated.mark_names(snippets)
    view.untranslated = untranslated.fields(page, ("title", "subtitle", "summary", "contact_name"))
    view.description = untranslated.rich_text(page, "description", view.lang)
    view.lessons = untranslated.rich_text(page, "lessons", view.lang)
    view.transferability = untranslated.rich_text(page, "transferability", view.lang)

    if city is not None:
        view.city = city_link(reader, city)
        # Only the name may have fallen back: the city's figures keep its language.
        if title_lang := untranslated.language(city, "title", city.title):
            view.city = replace(view.city, lang=title_lang)
        view.city_email = city.email if city.live else ""
        view.city_figures = figure_views(
            chronological(lists["city_figures"]), city.lang, reader, untranslated, city
        )
    view.categories = categories
    view.target_groups = target_groups
    view.roles = role_groups(
        (
            item.role,
            Involvement(organisations[item.organisation_id], item.period_from, item.period_until),
        )
        for item in involvements
    )
    view.testimonials = [
        TestimonialView(
            quote=item.quote,
            name=item.name,
            role=item.role,
            organisation=organisations.get(item.organisation_id),
            untranslated=untranslated.fields(
                item, ("quote", "name", "role"), owner=page, relation="testimonials"
            ),
        )
        for item in testimonials
    ]
    view.recognitions = [
        RecognitionView(
            by=organisations[item.by_id],
            text=item.text,
            date=item.date,
            untranslated=untranslated.fields(item, ("text",), owner=page, relation="recognitions"),
        )
        for item in recognitions
    ]

    view.logos = logos_with_images(involvements, organisations, lists["images"])
    view.figures = figure_views(lists["figures"], view.lang, reader, untranslated, page)
    view.charts = figures_side_by_side([*view.city_figures, *view.figures], "context-chart")
    view.outcomes = untranslated.mark_items(page, "outcomes", lists["outcomes"], ("label", "unit", "about"))
    view.achievements = untranslated.mark_items(page, "achievements", lists["achievements"], ("text",))
    view.links = untranslated.mark_items(page, "links", lists["links"], ("label",))
    view.images = untranslated.mark_items(page, "images", lists["images"], ("alt", "caption"))

    sources = [item.source_key for item in lists["adapted_from"]]
    adopters = [item.adopter_key for item in lists["adopters"]]
    if sources or adopters:
        linked = linked_practices(reader, [*sources, *adopters])
        view.adapted_from = [linked[key] for key in dict.fromkeys(sources) if key in linked]
        view.adapted_by = sorted(
            (linked[key] for key in dict.fromkeys(adopters) if key in linked),
            key=lambda link: collation_key(link.title),
        )
    return view


def logos_with_images(involvements, organisations, gallery):
    """The organisations behind the practice that have a logo, in role order, each once.

    Their logos and the gallery's pictures are read together, with their
    renditions, in two queries.
    """
    order = {role.value: position for position, role in enumerate(Role)}
    shown = []
    for item in sorted(involvements, key=lambda item: order.get(item.role, len(order))):
        organisation = organisations[item.organisation_id]
        if organisation.logo_id and organisation not in shown:
            shown.append(organisation)
    images = images_with_renditions({item.image_id for item in gallery} | {org.logo_id for org in shown})
    for item in gallery:
        item.image = images[item.image_id]
    for organisation in shown:
        organisation.logo = images[organisation.logo_id]
    return shown


def images_with_renditions(pks):
    """{pk: image} with the renditions the gallery and the logos use."""
    if not pks:
        return {}
    image_model = get_image_model()
    renditions = image_model.get_rendition_model().objects.filter(
        filter_spec__in=[GALLERY_RENDITION, LOGO_RENDITION]
    )
    images = image_model.objects.filter(pk__in=pks).prefetch_related(
        Prefetch("renditions", queryset=renditions)
    )
    return {image.pk: image for image in images}
