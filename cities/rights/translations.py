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

The "Submit for review" button that the translation editor gets (see
`templates/wagtail_localize/admin/edit_translation.html`) posts back to the
page's edit view, where `submit_translation_for_review` (a `before_edit_page`
hook that runs before wagtail-localize's) saves the translation as a new
revision, without touching the live page, and submits it to the IOM review.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from cities.review import submit_for_review
from cities.rights.rules import can_edit, can_publish, can_see_translation_report, can_view_model

NAMESPACE = "wagtail_localize"
SUBMIT_FOR_REVIEW = "cni-submit-translation-for-review"


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
    if request.method == "POST" and request.POST.get("publish_translations"):
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


class TranslationRightsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces:
            return None
        user = request.user
        if not user.is_authenticated or user.is_superuser:
            return None  # the view sends anonymous visitors to the login page
        check = CHECKS.get(match.url_name)
        if check is None:
            raise PermissionDenied
        check(request, **view_kwargs)
        return None


def submit_translation_for_review(request, page):
    """`before_edit_page`: the translation editor's "Submit for review" button."""
    if request.method != "POST" or SUBMIT_FOR_REVIEW not in request.POST:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None or page.alias_of_id:
        return None
    page = page.specific
    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(request, _("This page is locked; the translation was not submitted."))
        return redirect("wagtailadmin_pages:edit", page.id)
    if page.workflow_in_progress and page.current_workflow_state.status == "in_progress":
        messages.warning(request, _("This translation is already waiting for review."))
        return redirect("wagtailadmin_pages:edit", page.id)
    # The translated text goes into a new revision only: the live page keeps
    # its reviewed text until a reviewer approves this one.
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    try:
        draft.save_revision(user=request.user, log_action=True)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be submitted: %(errors)s") % {"errors": "; ".join(error.messages)},
        )
        return redirect("wagtailadmin_pages:edit", page.id)
    state = submit_for_review(Page.objects.get(pk=page.pk), request.user)
    if state is None:
        messages.success(request, _("The translation was saved as a draft."))
    else:
        messages.success(
            request,
            _("The translation of “%(title)s” was submitted for review.")
            % {"title": page.get_admin_display_title()},
        )
    return redirect("wagtailadmin_pages:edit", page.id)
