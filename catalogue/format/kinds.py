"""The record kinds of `cni-catalogue/1`, declared field by field."""

from django.utils.translation import gettext_lazy as _

from catalogue.format.composite import Group, Items, TextItems
from catalogue.format.values import (
    Acronym,
    Choice,
    Email,
    Flag,
    ImageFile,
    Integer,
    Location,
    Number,
    PDate,
    Plain,
    Ref,
    RefList,
    Rich,
    Text,
    Url,
    joined,
)
from cities.models import CityFigure, CityPage
from practices.models import (
    Achievement,
    Adaptation,
    Category,
    Organisation,
    Outcome,
    PracticeCategory,
    PracticeFigure,
    PracticeImage,
    PracticeLink,
    PracticeOrganisation,
    PracticePage,
    PracticeTargetGroup,
    Recognition,
    TargetGroup,
    Testimonial,
)
from practices.vocabulary import CategoryIcon, Evidence, OrganisationKind, Role, Status
from sitewide.figures import FigureKind


def _check_figure(item, path, ctx):
    if item.get("kind") == FigureKind.OTHER and "label" not in item:
        ctx.problem(f"{path}.label", "is required when kind is 'other'")


def _check_period(item, path, ctx):
    ctx.check_order(item, "from", "until", path)


def figures(model):
    return Items(
        "figures",
        model,
        [
            Choice("kind", FigureKind.choices, required=True),
            Text("label"),
            Integer("value", required=True),
            Flag("approximate"),
            PDate("date"),
            Text("source"),
        ],
        check_item=_check_figure,
    )


class Adaptations(RefList):
    """`adapted_from`: practices of other cities."""

    def __init__(self):
        super().__init__("adapted_from", "practices", Adaptation, "adapted_from", target="source")

    def check(self, value, path, ctx):
        """Checked with the practice as a whole (it needs the practice's city)."""


class Kind:
    """A record kind: its key in the document, its model and its fields."""

    def __init__(self, key, label, model, fields, is_page=False):
        self.key = key
        self.label = label
        self.model = model
        self.fields = fields
        self.is_page = is_page

    def field(self, key):
        return next(field for field in self.fields if field.key == key)

    def read_all(self, queryset):
        """The instances of `queryset`, with all that reading their fields follows loaded in a few queries."""
        instances = list(joined(queryset, self.fields))
        owners = queryset.order_by().values("pk")
        for field in self.fields:
            field.fetch_related(instances, owners)
        return instances


def term_kind(key, label, model, *extra):
    return Kind(key, label, model, [Text("name", required=True, max_length=255), Text("description"), *extra])


CATEGORIES = term_kind(
    "categories", _("categories"), Category, Choice("icon", CategoryIcon.choices, default="")
)
TARGET_GROUPS = term_kind("target_groups", _("target groups"), TargetGroup)

ORGANISATIONS = Kind(
    "organisations",
    _("organisations"),
    Organisation,
    [
        Text("name", required=True, max_length=255),
        Acronym("acronym", max_length=40),
        Choice("kind", OrganisationKind.choices, default=""),
        Url("website"),
        ImageFile("logo"),
    ],
)

CITIES = Kind(
    "cities",
    _("cities"),
    CityPage,
    [
        Text("name", attr="title", required=True, max_length=255),
        Text("region", max_length=120),
        Url("website"),
        Email("email"),
        Location("location"),
        Rich("intro"),
        ImageFile("emblem"),
        figures(CityFigure),
    ],
    is_page=True,
)

PRACTICES = Kind(
    "practices",
    _("practices"),
    PracticePage,
    [
        Text("title", required=True, max_length=255),
        Text("subtitle", max_length=255),
        Acronym("acronym", max_length=40),
        Text("summary", required=True, max_length=600),
        Rich("description", required=True),
        RefList("categories", "categories", PracticeCategory, "category_links", required=True, min_items=1),
        RefList("target_groups", "target_groups", PracticeTargetGroup, "target_group_links"),
        Choice("status", Status.choices, default=Status.UNKNOWN),
        PDate("started", required=True),
        PDate("ended"),
        Choice("evidence", Evidence.choices, default=Evidence.DESCRIBED),
        Items(
            "organisations",
            PracticeOrganisation,
            [
                Ref("organisation", "organisations", required=True),
                Choice("role", Role.choices, required=True),
                PDate("from", attr="period_from"),
                PDate("until", attr="period_until"),
            ],
            check_item=_check_period,
        ),
        figures(PracticeFigure),
        Items(
            "outcomes",
            Outcome,
            [
                Text("label", required=True, max_length=255),
                Number(
                    "value",
                    required=True,
                    max_digits=Outcome._meta.get_field("value").max_digits,
                    decimal_places=Outcome._meta.get_field("value").decimal_places,
                ),
                Text("unit", max_length=60),
                Text("about", max_length=255),
                PDate("date"),
            ],
        ),
        TextItems("achievements", Achievement, attr="text"),
        Items(
            "testimonials",
            Testimonial,
            [
                Text("quote", required=True),
                Text("name", required=True, max_length=255),
                Text("role", max_length=255),
                Ref("organisation", "organisations"),
            ],
            # The format carries only testimonials the cities have published,
            # with consent; one whose consent was withdrawn is not exported
            # (docs/decisions/0030).
            defaults={"consent_given": True},
            keep=lambda testimonial: testimonial.consent_given,
        ),
        Items(
            "recognitions",
            Recognition,
            [Ref("by", "organisations", required=True), Text("text", max_length=500), PDate("date")],
        ),
        Rich("lessons"),
        Rich("transferability"),
        Items(
            "links", PracticeLink, [Url("url", required=True), Text("label", required=True, max_length=255)]
        ),
        Group(
            "contact",
            [
                Text("name", attr="contact_name", max_length=255),
                Email("email", attr="contact_email"),
                Plain("phone", attr="contact_phone", max_length=40),
            ],
        ),
        Items(
            "images",
            PracticeImage,
            [
                ImageFile("file", attr="image", required=True),
                Text("alt", required=True, max_length=255),
                Text("caption", max_length=255),
                Plain("credit"),
            ],
        ),
        PDate("documented"),
        Adaptations(),
    ],
    is_page=True,
)

SNIPPET_KINDS = [CATEGORIES, TARGET_GROUPS, ORGANISATIONS]
ALL_KINDS = [*SNIPPET_KINDS, CITIES, PRACTICES]
