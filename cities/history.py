"""Each city's history: Wagtail's audit log of the city's pages, in every language.

Every action on a page (edits, submissions, approvals, requests for changes,
publishing, translation, locking, moves) is in Wagtail's audit log already;
this is its site history report narrowed to page entries, with a filter by
city, for the IOM reviewers.
"""

import django_filters

from django.db.models import IntegerField, Q, Value
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.models import Locale, PageLogEntry

from cities.models import CityIndexPage, CityPage


def _city_choices():
    return list(
        CityPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        .order_by("title")
        .values_list("translation_key", "title")
    )


def city_subtree(city_key):
    """A Q on page log entries: every page under the city's page in any language, the city included."""
    query = Q(pk__in=[])
    for path in CityPage.objects.filter(translation_key=city_key).values_list("path", flat=True):
        query |= Q(page__path__startswith=path)
    return query


class CityHistoryFilterSet(SiteHistoryReportFilterSet):
    city = django_filters.ChoiceFilter(label=_("City"), choices=_city_choices, method="filter_city")

    def filter_city(self, queryset, name, value):
        return queryset.filter(city_subtree(value))


class CityHistoryView(LogEntriesView):
    page_title = _("City history")
    filterset_class = CityHistoryFilterSet
    index_url_name = "city_history"
    index_results_url_name = "city_history_results"
    permission_required = "view_city_history"

    def user_has_permission(self, permission):
        return self.request.user.has_perm(f"cities.{permission}")

    def get_filtered_queryset(self):
        # One log model only, so the report's union of log models is this one queryset.
        self.log_models = [PageLogEntry]
        within = Q(pk__in=[])
        for path in CityIndexPage.objects.values_list("path", flat=True):
            within |= Q(page__path__startswith=path)
        queryset = (
            PageLogEntry.objects.filter(within)
            .values("pk", "timestamp")
            .annotate(log_model_index=Value(0, output_field=IntegerField()))
        )
        return self.filter_queryset(queryset).order_by("-timestamp")

    def get_filename(self):
        return "city-history"
