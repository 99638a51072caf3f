"""Translation follows the same rights and the same review as any other change.

wagtail-localize's own views check only the global "submit translation"
permission for submitting and syncing, and its "sync and publish" publishes
straight away. `TranslationRightsMiddleware` stands in front of every view in
its `wagtail_localize` URL namespace and asks the page permission policy (the
group page permissions granted per city in every language) before the view
runs:

- translating a page (submitting it for translation) needs the right to edit
  it and every existing translation of it;
- syncing translations needs the right to edit the source and every target,
  and publishing them while syncing needs the right to publish every target;
- editing strings and overrides, PO download and upload, machine translation,
  preview and stopping a translation need the right to edit the target;
- turning a translated page back into an alias needs the right to edit it,
  and to publish it when it is live (its public text changes);
- snippets need the model's "change" permission (and "publish" to publish);
- the snippet lookups the editor makes (its snippet API) answer only for a
  model whose rows the user may list in the admin anyway (`can_view_model`):
  never the contact messages to an editor or a reviewer;
- wagtail-localize's translations report lists every page's translations, so
  it needs the translation report permission that reviewers hold;
- any other view of the namespace (one a later wagtail-localize adds) is
  refused to everyone but administrators until it is reviewed here.

Three of wagtail-localize's views are replaced, after these checks, by their
reviewed versions in `cities.translation_views` ("Translate", "Update
translations" and "Convert to alias"; see docs/decisions/0087-translations-stay-aliases-until-approved.md),
and approving a translation through Wagtail's workflow dialog is refused
while its source page is not live.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from cities.rights.rules import can_edit, can_publish, can_see_translation_report, can_view_model
from cities.translation_review import require_live_source
from cities.translation_views import (
    convert_to_alias_for_review,
    describe,
    submit_page_for_review,
    update_translations_for_review,
)

NAMESPACE = "wagtail_localize"
WORKFLOW_ACTION = ("wagtailadmin_pages", "workflow_action")


def _target(translation):
    try:
        return translation.get_target_instance()
    except Exception:  # the target was deleted: nothing to edit
        return None


def check_submit_page(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not can_edit(request.user, page):
        raise PermissionDenied
    for translation in page.get_translations():
        if not can_edit(request.user, translation.specific):
            raise PermissionDenied


def _snippet_model(app_label, model_name):
    return next(
        (
            model
            for model in get_snippet_models()
            if model._meta.app_label == app_label and model._meta.model_name == model_name
        ),
        None,
    )


def check_submit_snippet(request, app_label, model_name, pk):
    model = _snippet_model(app_label, model_name)
    if model is None:
        return  # the view answers 404
    instance = model._default_manager.filter(pk=unquote(pk)).first()
    if instance is not None and not can_edit(request.user, instance):
        raise PermissionDenied


def check_update(request, translation_source_id):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    if source is None:
        return
    instance = source.get_source_instance()
    if not can_edit(request.user, instance):
        raise PermissionDenied
    targets = [_target(translation) for translation in source.translations.filter(enabled=True)]
    if not all(can_edit(request.user, target) for target in targets if target is not None):
        raise PermissionDenied
    if request.method == "POST" and (
        request.POST.get("publish_translations") or request.POST.get("then") == "publish"
    ):
        if not all(can_publish(request.user, target) for target in targets if target is not None):
            raise PermissionDenied


def check_translation(request, translation_id, **kwargs):
    translation = Translation.objects.filter(pk=translation_id).first()
    if translation is None:
        return
    if not can_edit(request.user, _target(translation)):
        raise PermissionDenied


def check_convert_to_alias(request, page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    perms = page.specific.permissions_for_user(request.user)
    if not perms.can_edit() or (page.live and not perms.can_publish()):
        raise PermissionDenied


def check_snippets_api(request, app_label, model_name, pk=None):
    """The translation editor's snippet lookups: only of a model whose rows the user may list anyway."""
    model = _snippet_model(app_label, model_name)
    if model is not None and not can_view_model(request.user, model):
        raise PermissionDenied


def check_report(request):
    if not can_see_translation_report(request.user):
        raise PermissionDenied


def allow(request, **kwargs):
    pass


CHECKS = {
    "submit_page_translation": check_submit_page,
    "submit_snippet_translation": check_submit_snippet,
    "update_translations": check_update,
    "edit_string_translation": check_translation,
    "edit_override": check_translation,
    "download_pofile": check_translation,
    "upload_pofile": check_translation,
    "machine_translate": check_translation,
    "preview_translation": check_translation,
    "stop_translation": check_translation,
    "convert_to_alias": check_convert_to_alias,
    "translations_report": check_report,
    "translations_report_results": check_report,
    # The editor's own messages; the snippets it shows, of the models the user may see.
    "javascript_catalog": allow,
    "snippets_api_listing": check_snippets_api,
    "snippets_api_detail": check_snippets_api,
}


# wagtail-localize's views that go through the IOM review instead (cities.translation_views).
REVIEWED_VIEWS = {
    "submit_page_translation": submit_page_for_review,
    "update_translations": update_translations_for_review,
    "convert_to_alias": convert_to_alias_for_review,
}


class TranslationRightsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        if (match.namespace, match.url_name) == WORKFLOW_ACTION:
            return refuse_approval_before_source(request, **view_kwargs)
        if NAMESPACE not in match.namespaces:
            return None
        user = request.user
        if not user.is_authenticated:
            return None  # the view sends anonymous visitors to the login page
        if not user.is_superuser:
            check = CHECKS.get(match.url_name)
            if check is None:
                raise PermissionDenied
            check(request, **view_kwargs)
        reviewed = REVIEWED_VIEWS.get(match.url_name)
        return reviewed(request, **view_kwargs) if reviewed is not None else None


def refuse_approval_before_source(request, page_id, action_name, **kwargs):
    """Wagtail's workflow dialog approving a translation whose source page is not live: refused, saying why."""
    if request.method != "POST" or action_name != "approve":
        return None
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    try:
        require_live_source(page)
    except ValidationError as error:
        messages.error(request, describe(error))
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": edit_url}
            )
        return redirect(edit_url)
    return None
