"""The IOM dashboard: panels on the admin's home page for the reviewers.

- practices (and city pages) waiting for review, per city, the longest waiting first;
- practices published most recently;
- practices that need a status check: documented more than 18 months ago, or never
  (a partial date counts as its last day: "2023" is 31 December 2023);
- what readers searched for and found nothing, in the last 30 days;
- practices that have no translation yet in another language (the page there is
  an alias of its source, or missing).

Each item links to the page in the admin (searches link to the public search).
The panels are shown to users with `cities.view_network_dashboard`.
"""

import datetime
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TaskState, WorkflowState

from cities.models import CityPage
from practices.models import PracticePage
from search.models import ZeroResultSearch

STATUS_CHECK_MONTHS = 18
SEARCH_DAYS = 30
LIMIT = 20
PERMISSION = "cities.view_network_dashboard"


def months_before(day, months):
    """The same day `months` months earlier, or that month's last day if it is shorter."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in range(day.day, 0, -1):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)


def _city_titles():
    """{city translation key: the city's name in the default language}."""
    titles = {}
    default = Locale.get_default().pk
    for key, locale_id, title in CityPage.objects.values_list("translation_key", "locale_id", "title"):
        if locale_id == default or key not in titles:
            titles[key] = title
    return titles


def _city_key_by_path():
    return dict(CityPage.objects.values_list("path", "translation_key"))


def _city_of(page, city_keys):
    steplen = Page.steplen
    for length in range(len(page.path), 0, -steplen):
        key = city_keys.get(page.path[:length])
        if key is not None:
            return key
    return None


@dataclass
class WaitingItem:
    page: Page
    since: datetime.datetime
    requested_by: object


def awaiting_review():
    """[(city name, [WaitingItem, …]), …]: the city waiting longest first, each city's oldest first."""
    page_type = ContentType.objects.get_for_model(Page)
    states = list(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=page_type)
        .select_related("requested_by", "current_task_state")
        .order_by("created_at")
    )
    pages = Page.objects.filter(pk__in=[int(state.object_id) for state in states]).select_related("locale")
    pages = {str(page.pk): page for page in pages.specific()}
    city_keys = _city_key_by_path()
    titles = _city_titles()
    grouped = OrderedDict()
    items = []
    for state in states:
        page = pages.get(state.object_id)
        if page is None:
            continue
        task_state = state.current_task_state
        since = (
            task_state.started_at
            if task_state is not None and task_state.status == TaskState.STATUS_IN_PROGRESS
            else state.created_at
        )
        items.append((_city_of(page, city_keys), WaitingItem(page, since, state.requested_by)))
    for city_key, item in sorted(items, key=lambda pair: pair[1].since):
        grouped.setdefault(titles.get(city_key, _("Other pages")), []).append(item)
    return list(grouped.items())


def recently_published(limit=LIMIT):
    return list(
        PracticePage.objects.live()
        .filter(alias_of__isnull=True, last_published_at__isnull=False)
        .select_related("locale")
        .order_by("-last_published_at")[:limit]
    )


def source_practices():
    """One page per practice: the one in the default language where it is not an alias, else its source."""
    default = Locale.get_default().pk
    chosen = {}
    for page in PracticePage.objects.filter(alias_of__isnull=True).select_related("locale").order_by("pk"):
        current = chosen.get(page.translation_key)
        if current is None or (page.locale_id == default and current.locale_id != default):
            chosen[page.translation_key] = page
    return list(chosen.values())


@dataclass
class StatusCheckItem:
    page: PracticePage
    documented: object

    @property
    def missing(self):
        return self.documented is None


def needs_status_check(today=None):
    """Practices documented before the cutoff (18 months ago) or never; never first, then oldest."""
    today = today or timezone.localdate()
    cutoff = months_before(today, STATUS_CHECK_MONTHS)
    items = [
        StatusCheckItem(page, page.documented)
        for page in source_practices()
        if page.documented is None or page.documented.last_day() < cutoff
    ]
    items.sort(key=lambda item: (not item.missing, item.documented.last_day() if item.documented else None))
    return items


@dataclass
class SearchGap:
    query: str
    language: str
    hits: int
    last_seen: datetime.date
    url: str


def zero_result_searches(days=SEARCH_DAYS, limit=LIMIT):
    gaps = []
    for row in ZeroResultSearch.objects.since(days=days)[:limit]:
        with translation.override(row["language"]):
            url = reverse("search:search") + "?" + urlencode({"q": row["query"]})
        gaps.append(SearchGap(row["query"], row["language"], row["hits"], row["last_seen"], url))
    return gaps


@dataclass
class MissingTranslation:
    page: PracticePage
    languages: list


def untranslated_practices():
    """Practices whose page in another language is an alias of the source, or missing."""
    others = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]
    translated = set(
        PracticePage.objects.filter(alias_of__isnull=True).values_list(
            "translation_key", "locale__language_code"
        )
    )
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    items = []
    for page in source_practices():
        missing = [
            code
            for code in [settings.LANGUAGE_CODE, *others]
            if code != page.locale.language_code and (page.translation_key, code) not in translated
        ]
        if missing:
            items.append(MissingTranslation(page, [names[code] for code in missing]))
    items.sort(key=lambda item: item.page.title)
    return items


@dataclass(frozen=True)
class PanelSpec:
    """What sets one dashboard panel apart: its rows and its wording."""

    name: str
    template: str
    heading: str
    empty_text: str
    rows: object  # a callable taking the row limit


class DashboardPanel(Component):
    """A panel of the IOM dashboard, drawn from its `PanelSpec`."""

    def __init__(self, spec, order, limit=LIMIT):
        self.spec = spec
        self.name = spec.name
        self.order = order
        self.template_name = f"home/dashboard/{spec.template}.html"
        self.limit = limit

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        items = self.spec.rows(self.limit)
        context.update(
            {
                "panel": self,
                "heading": self.spec.heading,
                "empty_text": self.spec.empty_text,
                "items": items[: self.limit],
                "total": len(items),
            }
        )
        return context


# In the order they are shown, after Wagtail's own panels.
PANELS = [
    PanelSpec(
        "cni_awaiting_review",
        "awaiting_review",
        _("Waiting for review, by city"),
        _("Nothing is waiting for review."),
        lambda limit: awaiting_review(),
    ),
    PanelSpec(
        "cni_recently_published",
        "recently_published",
        _("Recently published practices"),
        _("No practice has been published yet."),
        recently_published,
    ),
    PanelSpec(
        "cni_status_check",
        "status_check",
        _("Practices that need a status check"),
        _("Every practice was documented in the last 18 months."),
        lambda limit: needs_status_check(),
    ),
    PanelSpec(
        "cni_zero_result_searches",
        "zero_result_searches",
        _("Searches that found nothing in the last 30 days"),
        _("Every search found something."),
        lambda limit: zero_result_searches(limit=limit),
    ),
    PanelSpec(
        "cni_untranslated",
        "untranslated",
        _("Practices without a translation"),
        _("Every practice is translated."),
        lambda limit: untranslated_practices(),
    ),
]
FIRST_ORDER = 50


def add_dashboard_panels(request, panels):
    """`construct_homepage_panels`: the IOM dashboard, for those who may see it."""
    if request.user.has_perm(PERMISSION):
        panels.extend(DashboardPanel(spec, order) for order, spec in enumerate(PANELS, start=FIRST_ORDER))
