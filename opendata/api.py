"""The public read API at /api/v2/ (Wagtail's API v2, with the project's own endpoints).

    /api/v2/practices/      search, locale, the search page's facets, order
    /api/v2/cities/         search, locale, repeatable field filters
    /api/v2/categories/     the vocabularies, which stock v2 has no endpoint for
    /api/v2/target-groups/
    /api/v2/organisations/

Every listing is in one locale: `?locale=en`, by default the network's
language. `?search=` runs through that language's backend
(search.backends.for_language), where stock v2 always uses the default one.
The practices listing is search.practice_query, the search page's own code, so `?search=στεγαση&category=housing` finds what
`/el/search/?q=στεγαση&category=housing` finds. Facet and field filters may
be repeated (`?category=a&category=b` or `?category=a,b`): values of one
parameter combine with OR, different parameters with AND. Anything not
understood is a 400 with a message, never a silent no-op.
"""

import functools

from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import Http404
from django.utils.functional import cached_property

from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Locale

from cities.models import CityPage
from opendata import api_fields as fields
from practices.models import (
    Category,
    Organisation,
    PracticeCategory,
    PracticePage,
    PracticeTargetGroup,
    TargetGroup,
)
from search.facets import FACET_NAMES
from search.matching import text_match_ids
from search.practice_query import search_practices
from search.presentation import facet_views
from search.request import SORTS, parameter_values
from search.text import clean_query
from sitewide.ratelimit import refusal

MAX_ID = 2**63 - 1
# Values a repeatable filter takes at once.
MAX_FILTER_VALUES = 50


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class IdSequence:
    """What WagtailPagination slices: ids in a fixed order, loaded one slice at a time.

    `ids` is a list, or a search's lazy ids (search.practice_query.LazyIds), which
    fetch only the slice asked for.
    """

    def __init__(self, ids, queryset):
        self.ids = ids
        self.queryset = queryset

    def count(self):
        return len(self.ids)

    def __getitem__(self, key):
        ids = self.ids[key]
        objects = self.queryset.in_bulk(ids)
        return [objects[pk] for pk in ids if pk in objects]


class RepeatableFieldsFilter(BaseFilterBackend):
    """Stock FieldsFilter, but each field may take several values: `?slug=a&slug=b` or `?slug=a,b`."""

    def filter_queryset(self, request, queryset, view):
        available = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name in request.GET:
            if name not in available:
                continue
            values = parameter_values(request.GET, name)
            if len(values) > MAX_FILTER_VALUES:
                raise BadRequestError(f"{name}: at most {MAX_FILTER_VALUES} values are allowed")
            field = queryset.model._meta.get_field(name)
            try:
                values = [self.to_python(field, value) for value in values]
                if values:
                    queryset = queryset.filter(**{f"{name}__in": values})
            except (TypeError, ValueError) as error:
                raise BadRequestError(f"{name}: {error}") from error
            except ValidationError as error:
                raise BadRequestError(f"{name}: {' '.join(error.messages)}") from error
        return queryset

    @staticmethod
    def to_python(field, value):
        if not value.isprintable():
            raise ValueError("control characters are not allowed")
        internal = field.get_internal_type()
        if internal == "BooleanField":
            return parse_boolean(value)
        if internal.endswith(("IntegerField", "AutoField")) or field.is_relation:
            if not value.isdigit() or int(value) > MAX_ID:
                raise ValueError(f"{value[:50]!r} is not a whole number")
            return int(value)
        return value


class LocalizedEndpoint:
    """A listing in one locale, searched with that language's backend."""

    filter_backends = [RepeatableFieldsFilter]
    # Pages get their relations resolved in bulk (opendata.api_fields.Records).
    model_is_page = False

    def requested_locale(self):
        code = self.request.GET.get("locale") or settings.LANGUAGE_CODE
        codes = content_language_codes()
        if code not in codes:
            raise BadRequestError(f"locale: unknown language {code[:20]!r}; one of {', '.join(codes)}")
        try:
            return Locale.objects.get(language_code=code)
        except Locale.DoesNotExist as error:
            raise BadRequestError(f"locale: the site has no content in {code!r} yet") from error

    def scope(self, locale):
        """Every object a listing in `locale` may show."""
        raise NotImplementedError

    def search_scope(self, locale):
        """What the backend searches: only index.FilterField filters allowed (narrowed afterwards)."""
        return self.scope(locale)

    def search_operator(self):
        operator = self.request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise BadRequestError("search_operator: one of and, or")
        return operator

    def get_object(self):
        # The route takes any digits; the database only 64-bit ids (SQLite
        # would overflow).
        if self.kwargs.get("pk", 0) > MAX_ID:
            raise Http404("not found")
        return super().get_object()

    def find_object(self, queryset, request):
        identifier = request.GET.get("id")
        # isdigit() alone accepts digits int() refuses, such as «²».
        if identifier is not None and (
            not (identifier.isascii() and identifier.isdigit()) or int(identifier) > MAX_ID
        ):
            raise BadRequestError("id must be a positive integer")
        html_path = request.GET.get("html_path")
        if html_path is not None and not html_path.isprintable():
            raise BadRequestError("html_path: control characters are not allowed")
        return super().find_object(queryset, request)

    def listing_view(self, request):
        locale = self.requested_locale()
        queryset = self.scope(locale)
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        query = clean_query(request.GET.get("search", ""))
        operator = self.search_operator()
        ordered = "order" in request.GET
        if ordered:
            queryset = OrderingFilter().filter_queryset(request, queryset, self)
        if query:
            ids = text_match_ids(self.search_scope(locale), query, locale.language_code, operator=operator)
            queryset = queryset.filter(pk__in=ids)
            if not ordered:
                allowed = set(queryset.values_list("pk", flat=True))
                queryset = IdSequence([pk for pk in ids if pk in allowed], self.scope(locale))
        return self.respond(queryset, locale)

    def respond(self, queryset, locale, extra_meta=None):
        # Wagtail's paginator takes any integer; SQLite refuses an OFFSET
        # beyond 64 bits with a server error.
        offset = self.request.GET.get("offset", "0")
        if not (offset.isascii() and offset.isdigit()) or int(offset) > MAX_ID:
            raise BadRequestError("offset must be a positive integer")
        objects = self.paginate_queryset(queryset)
        self.records = fields.Records(objects, self.request) if self.model_is_page else None
        serializer = self.get_serializer(objects, many=True)
        response = self.get_paginated_response(serializer.data)
        response.data["meta"]["locale"] = locale.language_code
        response.data["meta"].update(extra_meta or {})
        return response

    def get_serializer_context(self):
        context = super().get_serializer_context()
        records = getattr(self, "records", None)
        if records is not None:
            context["records"] = records
        return context

    def detail_view(self, request, pk):
        instance = self.get_object()
        if self.model_is_page:
            self.records = fields.Records([instance], request)
        return Response(self.get_serializer(instance).data)


# -- Pages ---------------------------------------------------------------------


class LocalizedPagesEndpoint(LocalizedEndpoint, PagesAPIViewSet):
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {"locale", "site"}
    model_is_page = True

    def get_queryset(self):
        # The detail view's objects: live, public, in any language.
        return self.model.objects.live().public().select_related("locale")

    def scope(self, locale):
        return self.search_scope(locale).select_related("locale")

    def search_scope(self, locale):
        return self.model.objects.live().public().filter(locale=locale)


class PracticesAPIViewSet(LocalizedPagesEndpoint):
    """Practices: `search`, `locale`, the facets of the search page, `order`, `facets=true`."""

    name = "practices"
    model = PracticePage
    known_query_parameters = LocalizedPagesEndpoint.known_query_parameters | {*FACET_NAMES, "facets"}
    body_fields = PagesAPIViewSet.body_fields + [
        "subtitle",
        "acronym",
        "summary",
        "description",
        APIField("city", serializer=fields.CityField()),
        APIField("categories", serializer=fields.TermsField(PracticeCategory)),
        APIField("target_groups", serializer=fields.TermsField(PracticeTargetGroup)),
        "status",
        "evidence",
        APIField("started", serializer=fields.PartialDateField()),
        APIField("ended", serializer=fields.PartialDateField()),
        APIField("documented", serializer=fields.PartialDateField()),
        APIField("organisations", serializer=fields.InvolvementsField()),
        APIField("figures", serializer=fields.FiguresField()),
        APIField("outcomes", serializer=fields.OutcomesField()),
        APIField("achievements", serializer=fields.AchievementsField()),
        APIField("testimonials", serializer=fields.TestimonialsField()),
        APIField("recognitions", serializer=fields.RecognitionsField()),
        "lessons",
        "transferability",
        APIField("links", serializer=fields.LinksField()),
        APIField("contact", serializer=fields.ContactField()),
        APIField("adapted_from", serializer=fields.AdaptedFromField()),
        APIField("images", serializer=fields.ImagesField()),
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "summary",
        "city",
        "categories",
        "status",
        "started",
    ]

    def check_query_parameters(self, queryset):
        # Only operations and facets: a field name is not a filter here.
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised filter: " + ", ".join(sorted(unknown))
            )

    @cached_property
    def practice_search(self):
        order = self.request.GET.get("order")
        if order is not None and order not in SORTS:
            raise BadRequestError(f"order: one of {', '.join(SORTS)}")
        query = search_practices(
            self.request.GET,
            self.requested_locale(),
            query_param="search",
            sort_param="order",
            operator=self.search_operator(),
        )
        problems = query.request.problems
        if problems:
            raise BadRequestError("; ".join(problem.message() for problem in problems))
        return query

    def listing_view(self, request):
        locale = self.requested_locale()
        self.check_query_parameters(None)
        try:
            with_facets = parse_boolean(request.GET.get("facets", "false"))
        except ValueError as error:
            raise BadRequestError("facets: true or false") from error
        query = self.practice_search
        extra = {"facets": facets_json(facet_views(query))} if with_facets else {}
        return self.respond(IdSequence(query.ordered_ids, self.scope(locale)), locale, extra)


def facets_json(facets):
    return {
        facet.name: [
            {"value": option.value, "label": option.label, "count": option.count, "selected": option.selected}
            for option in facet.options
        ]
        for facet in facets
    }


class CitiesAPIViewSet(LocalizedPagesEndpoint):
    name = "cities"
    model = CityPage
    body_fields = PagesAPIViewSet.body_fields + [
        "region",
        "website",
        "email",
        APIField("location", serializer=fields.LocationField()),
        "intro",
        APIField("figures", serializer=fields.CityFiguresField()),
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["region"]

    def scope(self, locale):
        return super().scope(locale).annotate(source_locale_id=F("alias_of__locale_id"))


# -- Snippets --------------------------------------------------------------------


class SnippetsEndpoint(LocalizedEndpoint, BaseAPIViewSet):
    """A translatable snippet: `locale`, `search`, field filters (`catalogue_id=a,b`), `order`."""

    known_query_parameters = BaseAPIViewSet.known_query_parameters | {"locale"}
    meta_fields = BaseAPIViewSet.meta_fields + [APIField("locale", serializer=fields.SnippetLocaleField())]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["catalogue_id", "name", "locale"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["catalogue_id", "name"]

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("pk")

    def scope(self, locale):
        return self.get_queryset().filter(locale=locale).order_by("name", "pk")

    def search_scope(self, locale):
        # Snippets index no FilterField, so the backend searches them all;
        # the listing keeps the locale's.
        return self.model.objects.all()


class TermsEndpoint(SnippetsEndpoint):
    body_fields = BaseAPIViewSet.body_fields + ["catalogue_id", "name", "description"]


class CategoriesAPIViewSet(TermsEndpoint):
    name = "categories"
    model = Category


class TargetGroupsAPIViewSet(TermsEndpoint):
    name = "target-groups"
    model = TargetGroup


class OrganisationsAPIViewSet(SnippetsEndpoint):
    name = "organisations"
    model = Organisation
    body_fields = BaseAPIViewSet.body_fields + [
        "catalogue_id",
        "name",
        "acronym",
        "kind",
        "website",
        APIField("logo", serializer=fields.LogoField()),
    ]

    def get_queryset(self):
        # Organisations proposed by editors are drafts until a reviewer publishes them.
        return super().get_queryset().filter(live=True)

    def search_scope(self, locale):
        return self.model.objects.all()


def searches(request):
    """A call that searches or counts facets: it counts against the search page's own limit."""
    return bool(request.GET.get("search")) or "facets" in request.GET


class APIRouter(WagtailAPIRouter):
    def wrap_view(self, func):
        wrapped = super().wrap_view(func)

        @functools.wraps(wrapped)
        def view(request, *args, **kwargs):
            if searches(request) and (refused := refusal(request, "search", json=True)):
                return refused
            response = wrapped(request, *args, **kwargs)
            if response.status_code == 404:
                # LocaleMiddleware answers a 404 outside i18n_patterns with a
                # redirect to /<language>/<same path>, which Wagtail's
                # catch-all page route always accepts: an API client asking
                # for a missing record would be sent to an HTML page. It
                # checks the request's own URLconf; the API's has no
                # language prefixes, so the 404 stands.
                request.urlconf = __name__
            return response

        return view


# Included by config/urls.py at /api/v2/: `include("opendata.api")`.
app_name = "api"
api_router = APIRouter(app_name)
for endpoint in (
    PracticesAPIViewSet,
    CitiesAPIViewSet,
    CategoriesAPIViewSet,
    TargetGroupsAPIViewSet,
    OrganisationsAPIViewSet,
):
    api_router.register_endpoint(endpoint.name, endpoint)
urlpatterns = api_router.get_urlpatterns()
