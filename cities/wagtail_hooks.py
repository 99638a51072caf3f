"""The cities' rights in the admin: choosers, reports, confirmation pages, translation, review, two-factor login and history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState
from wagtail.permissions import page_permission_policy

from cities.history import CityHistoryView
from cities.rights.reports import MENU_NAMES as NETWORK_REPORT_MENU_NAMES
from cities.rights.rules import can_see_network_reports, can_see_translation_report, usable_collections
from cities.rights.two_factor import setup_view, verify_view
from cities.translation_views import translation_editor
from sitewide.admin_menu import PermissionMenuItem, has_perm

# Runs before wagtail-localize's own hook, which would show its editor or its alias screen.
hooks.register("before_edit_page", translation_editor, order=-10)


@hooks.register("before_edit_page", order=-20)
def show_requested_changes(request, page):
    """Opening a page whose review asked for changes shows the reviewer's comment at the top."""
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if (
        state is None
        or state.status != WorkflowState.STATUS_NEEDS_CHANGES
        or state.current_task_state is None
    ):
        return
    task_state = state.current_task_state
    messages.warning(
        request,
        gettext(
            "The IOM reviewers asked for changes: “%(comment)s” (%(reviewer)s). Make them, then submit again."
        )
        % {
            "comment": task_state.get_comment() or gettext("(no comment)"),
            "reviewer": task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
            if task_state.finished_by
            else "",
        },
    )


@hooks.register("after_edit_page")
def say_what_the_review_did(request, page):
    """After a reviewer's decision in Wagtail's editor, say "published" or "changes requested", not "updated"."""
    if not request.POST.get("action-workflow-action"):
        return
    action = request.POST.get("workflow-action-name")
    page = Page.objects.get(pk=page.pk)
    if action == "approve" and page.live and not page.workflow_in_progress:
        said = gettext("“%(title)s” was approved and published.")
    elif action == "reject":
        said = gettext("You asked for changes to “%(title)s”; its editor has been told by email.")
    else:
        return
    # Reading the queued messages consumes them; all but Wagtail's "updated" are queued again.
    kept = [message for message in messages.get_messages(request) if message.level != messages.SUCCESS]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(request, said % {"title": page.get_admin_display_title()})


@hooks.register("construct_page_chooser_queryset")
def choosable_pages(pages, request):
    """Live pages, and the drafts of pages the user may edit; never another city's drafts."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = Q(pk__in=[])
    for perm in page_permission_policy.get_cached_permissions_for_user(user):
        if perm.permission.codename in ("add_page", "change_page", "publish_page"):
            editable |= Q(path__startswith=perm.page.path)
    return pages.filter(Q(live=True) | editable)


def _in_choosable_collections(items, request, model):
    """Only items in collections the user may choose from: for an editor, their city's."""
    collections = usable_collections(request.user, model)
    return items if collections is None else items.filter(collection__in=collections)


@hooks.register("construct_image_chooser_queryset")
def choosable_images(images, request):
    return _in_choosable_collections(images, request, get_image_model())


@hooks.register("construct_document_chooser_queryset")
def choosable_documents(documents, request):
    return _in_choosable_collections(documents, request, get_document_model())


@hooks.register("register_admin_urls")
def register_cities_admin_urls():
    return [
        path("login/confirm/", verify_view, name="two_factor_verify"),
        path("login/authenticator/", setup_view, name="two_factor_setup"),
        path("reports/city-history/", CityHistoryView.as_view(), name="city_history"),
        path(
            "reports/city-history/results/",
            CityHistoryView.as_view(results_only=True),
            name="city_history_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_city_history_menu_item():
    return PermissionMenuItem(
        _("City history"),
        reverse("city_history"),
        name="city-history",
        icon_name="history",
        order=910,
        allowed=has_perm("cities.view_city_history"),
    )


@hooks.register("construct_reports_menu")
def hide_translations_report(request, menu_items):
    """wagtail-localize's report lists every city's translations and drafts: reviewers only."""
    if not can_see_translation_report(request.user):
        menu_items[:] = [
            item for item in menu_items if item.url != reverse("wagtail_localize:translations_report")
        ]


@hooks.register("construct_reports_menu")
def hide_network_reports(request, menu_items):
    """Reports over every city's pages: the network's staff only (cities.rights.reports)."""
    if not can_see_network_reports(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in NETWORK_REPORT_MENU_NAMES]


@hooks.register("before_move_page")
def refuse_move_confirmation(request, page, destination):
    """Wagtail's move confirmation answers any page ids with both titles: only to whoever may move."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
