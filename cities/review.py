"""The "IOM review" workflow: every change under the cities index, in every language.

One Wagtail workflow with one group approval task for the "IOM reviewers"
group, assigned to the cities index page of each language, so it covers
every city page and practice (and their translations) beneath. Editors, who
cannot publish, submit to it; reviewers approve (which publishes) or request
changes. Wagtail sends the notification mail itself.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from cities.models import CityIndexPage
from cities.rights.grants import ensure_reviewers_group

# What the workflow and its task were called before they were named in the network's language.
FORMER_NAMES = ["IOM review"]


def workflow_name():
    """The name of the workflow and of its one task, in the network's own language ("Έλεγχος ΔΟΜ").

    Wagtail shows these names as they are stored, in every screen and message
    about a review, whatever the admin's language: stored in the network's
    language, one name is used everywhere.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("IOM review")


def _active(model, name):
    """The workflow or task called `name`, created, renamed or re-activated (an admin may have disabled it)."""
    item = model.objects.filter(name=name).first() or model.objects.filter(name__in=FORMER_NAMES).first()
    if item is None:
        return model.objects.create(name=name)
    if item.name != name or not item.active:
        item.name, item.active = name, True
        item.save(update_fields=["name", "active"])
    return item


@transaction.atomic
def ensure_review_workflow():
    """Create or repair the workflow, its task and its assignment; return the workflow."""
    reviewers = ensure_reviewers_group()
    task = _active(GroupApprovalTask, workflow_name())
    task.groups.set([reviewers])
    workflow = _active(Workflow, workflow_name())
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index_page in CityIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow


def submit_for_review(page, user):
    """Put the page's latest revision before the reviewers, as the admin's "Submit" does.

    A page that is already in review stays there (its latest revision is what
    the reviewers see and approve); one whose changes were requested is
    resubmitted. Returns the workflow state, or None when the page has no
    workflow.
    """
    page = page.specific
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return state
    workflow = page.get_workflow()
    if workflow is None:
        return None
    return workflow.start(page, user)


def ensure_network_roles():
    """The reviewers group, the workflow, and the rights of every existing city's team.

    Run by `setup_network`, so a language added later gets the workflow and
    the teams' rights on the new pages. Returns lines saying what was created.
    """
    from django.contrib.auth.models import Group

    from cities.models import CityTeam
    from cities.rights.grants import REVIEWERS_GROUP, ensure_city_team

    had_group = Group.objects.filter(name=REVIEWERS_GROUP).exists()
    had_workflow = Workflow.objects.filter(name__in=[workflow_name(), *FORMER_NAMES]).exists()
    assigned = set(WorkflowPage.objects.values_list("page_id", flat=True))
    workflow = ensure_review_workflow()
    for team in CityTeam.objects.all():
        city = team.city_pages().filter(alias_of__isnull=True).order_by("depth", "pk").first()
        if city is not None:
            ensure_city_team(city)
    lines = []
    if not had_group:
        lines.append(f"+ group “{REVIEWERS_GROUP}”")
    if not had_workflow:
        lines.append(f"+ workflow “{workflow.name}”")
    for page in CityIndexPage.objects.exclude(pk__in=assigned).select_related("locale"):
        lines.append(f"+ workflow “{workflow.name}” on “{page.title}” [{page.locale.language_code}]")
    return lines
