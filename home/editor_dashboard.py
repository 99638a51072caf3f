"""The editor's home: one panel per city whose team the editor is in.

Each panel lists the city's practices, those that need the editor first,
each with where it stands:

- changes requested, with the reviewer's comment;
- a draft never submitted, or changes to a live page still in draft;
- in review;
- live;

and, for every other language, whether its translation is missing or out of
date. One button opens the form for a new practice under the city.
Reviewers and administrators belong to no team: they keep the IOM dashboard.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState

from cities.rights.rules import can_add_practice, team_cities
from practices.models import PracticePage
from practices.translation_report import build_rows, translation_pages

FIRST_ORDER = 100  # before Wagtail's own panels (210 and on)


@dataclass(frozen=True)
class State:
    key: str
    label: str
    rank: int  # the order in the list: what needs the editor first


CHANGES_REQUESTED = State("changes-requested", pgettext_lazy("practice state", "Changes requested"), 0)
DRAFT = State("draft", pgettext_lazy("practice state", "Draft"), 1)
LIVE_WITH_DRAFT = State("live-with-draft", pgettext_lazy("practice state", "Live, with changes in draft"), 2)
IN_REVIEW = State("in-review", pgettext_lazy("practice state", "In review"), 3)
LIVE = State("live", pgettext_lazy("practice state", "Live"), 4)


@dataclass
class TranslationState:
    language: str
    missing: bool
    outdated: bool

    @property
    def label(self):
        if self.missing:
            return _("%(language)s missing") % {"language": self.language}
        if self.outdated:
            return _("%(language)s out of date") % {"language": self.language}
        return _("%(language)s up to date") % {"language": self.language}

    @property
    def needs_work(self):
        return self.missing or self.outdated


@dataclass
class PracticeRow:
    page: PracticePage
    state: State
    comment: str = ""
    reviewer: object = None
    commented_at: object = None
    translations: list = field(default_factory=list)


def _workflow_states(pages):
    """{page id: its current workflow state}, for those in review or sent back for changes."""
    states = WorkflowState.objects.filter(
        object_id__in=[str(page.pk) for page in pages],
        base_content_type=ContentType.objects.get_for_model(Page),
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).select_related("current_task_state__finished_by")
    return {int(state.object_id): state for state in states}


def _state_of(page, workflow_state):
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED
    if workflow_state is not None:
        return IN_REVIEW
    if not page.live:
        return DRAFT
    return LIVE_WITH_DRAFT if page.has_unpublished_changes else LIVE


def _translation_states(pages):
    """{(translation key, language code): TranslationState} for the practices' other languages."""
    keys = [page.translation_key for page in pages]
    targets = translation_pages().filter(translation_key__in=keys).select_related("locale")
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    return {
        (row.page.translation_key, codes[row.page.locale_id]): TranslationState(
            row.language, row.missing, row.outdated
        )
        for row in build_rows(targets)
    }


def city_practices(city):
    """The city's practices in its own language, as PracticeRows, those that need the editor first."""
    pages = list(
        PracticePage.objects.child_of(city)
        .filter(alias_of__isnull=True, locale_id=city.locale_id)
        .order_by("title")
    )
    workflow_states = _workflow_states(pages)
    translations = _translation_states(pages)
    languages = {locale.language_code: locale for locale in Locale.objects.all()}
    others = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != city.locale.language_code]
    rows = []
    for page in pages:
        workflow_state = workflow_states.get(page.pk)
        row = PracticeRow(page, _state_of(page, workflow_state))
        if row.state is CHANGES_REQUESTED:
            task_state = workflow_state.current_task_state
            row.comment = task_state.get_comment() if task_state else ""
            row.reviewer = task_state.finished_by if task_state else None
            row.commented_at = task_state.finished_at if task_state else None
        for code in others:
            missing = TranslationState(languages[code].get_display_name(), missing=True, outdated=False)
            row.translations.append(translations.get((page.translation_key, code), missing))
        rows.append(row)
    rows.sort(key=lambda row: row.state.rank)
    return rows


class CityPracticesPanel(Component):
    """The practices of one city, for its editors, with the button that adds one."""

    template_name = "home/dashboard/city_practices.html"

    def __init__(self, city, order):
        self.city = city
        self.name = f"cni_city_practices_{city.slug}"
        self.order = order

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        add_url = None
        if can_add_practice(user, self.city):
            add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", self.city.pk])
        context.update(
            {
                "panel": self,
                "city": self.city,
                "rows": city_practices(self.city),
                "add_url": add_url,
                "guide_url": reverse("cni_editor_guide"),
            }
        )
        return context


def add_city_panels(request, panels):
    """`construct_homepage_panels`: a panel for each city whose editors the user is one of."""
    for order, city in enumerate(team_cities(request.user).select_related("locale"), start=FIRST_ORDER):
        panels.append(CityPracticesPanel(city, order))
