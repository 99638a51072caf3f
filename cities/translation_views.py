"""wagtail-localize's screens, taken through the IOM review (see cities.translation_review).

- "Translate" (`SubmitPageForReviewView`): the only other language is chosen
  already; the alias stays what readers see; an error is shown, never a
  success message, and translating a whole subtree is not offered (it would
  publish every page beneath without review).
- "Update translations" (`UpdateTranslationsForReviewView`): besides bringing
  the source texts up to date, each translation can be saved as a draft or
  submitted to the review; publishing at once is for those who may publish
  every translation. One failure stops them all, and says which page and why.
- The translation editor (`translation_editor`, a `before_edit_page` hook):
  its footer (`translation_actions`) offers saving a draft and submitting to
  the review, and to reviewers approving or asking for changes with a
  comment; the posts land here.

- "Convert to alias" also withdraws the translation from the review
  (`convert_to_alias_ending_review`); its confirmation says what is lost.

`cities.rights.translations.TranslationRightsMiddleware` sends wagtail-localize's
URLs for these to the views here, after its rights checks.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.auth import require_admin_access
from wagtail.models import Page, WorkflowState
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.edit_translation import apply_machine_translation, edit_translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsForm, UpdateTranslationsView

from cities import translation_review
from cities.rights.rules import can_publish

SAVE = "cni-translation-save"
SUBMIT = "cni-submit-translation-for-review"
PUBLISH = "cni-translation-publish"
APPROVE = "cni-translation-approve"
REQUEST_CHANGES = "cni-translation-request-changes"
EDITOR_ACTIONS = (SAVE, SUBMIT, PUBLISH, APPROVE, REQUEST_CHANGES)


def describe(error, page=None):
    """A validation error as the editor reads it: each field named, then what is wrong with it."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for field, errors in error.message_dict.items():
        label = field
        if page is not None and field != "__all__":
            try:
                label = str(page._meta.get_field(field).verbose_name)
            except Exception:  # noqa: BLE001 - a form-level key
                label = field
        messages_text = " ".join(errors)
        parts.append(messages_text if field == "__all__" else f"{label}: {messages_text}")
    return "; ".join(parts)


# "Translate" ------------------------------------------------------------------


class SubmitPageForReviewView(SubmitPageTranslationView):
    def get_form(self):
        form = super().get_form()
        form.fields["include_subtree"].widget = forms.HiddenInput()
        choices = list(form.fields["locales"].queryset)
        if not form.is_bound and len(choices) == 1:
            form.initial = {**form.initial, "locales": choices}
        return form

    def form_invalid_with(self, form, error):
        form.add_error(
            None,
            _("“%(title)s” could not be prepared for translation: %(errors)s")
            % {"title": self.object.get_admin_display_title(), "errors": describe(error, self.object)},
        )
        context = self.get_context_data()
        context["form"] = form
        return self.render_to_response(context)

    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        try:
            translations = translation_review.start_translations(self.object, locales, self.request.user)
        except ValidationError as error:
            return self.form_invalid_with(form, error)
        messages.success(
            self.request,
            _(
                "“%(title)s” can now be translated into %(languages)s. Translate its texts, then submit "
                "the translation to the IOM review; until it is approved, readers see the %(source)s page."
            )
            % {
                "title": self.object.get_admin_display_title(),
                "languages": ", ".join(str(locale.get_display_name()) for locale in locales),
                "source": self.object.locale.get_display_name(),
            },
        )
        if len(translations) == 1:
            target = translations[0].get_target_instance()
            return redirect(self.get_success_url() or reverse("wagtailadmin_pages:edit", args=[target.pk]))
        return redirect(self.get_success_url() or self.get_default_success_url())


# "Update translations" --------------------------------------------------------


class UpdateForReviewForm(UpdateTranslationsForm):
    then = forms.ChoiceField(
        label=gettext_lazy("And then"),
        widget=forms.RadioSelect,
        initial="sync",
        choices=[
            ("sync", gettext_lazy("Nothing more: translate the new texts in each translation's editor")),
            ("draft", gettext_lazy("Save each translation as a draft")),
            ("review", gettext_lazy("Submit each translation to the IOM review")),
        ],
    )

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]
        if may_publish:
            self.fields["then"].choices = [
                *self.fields["then"].choices,
                ("publish", _("Publish each translation now")),
            ]


THEN = {
    "sync": None,
    "draft": translation_review.save_draft,
    "review": translation_review.submit,
    "publish": translation_review.publish,
}
DONE = {
    "sync": gettext_lazy("The source texts of “%(title)s” were brought up to date in its translations."),
    "draft": gettext_lazy("“%(title)s”: the translations were brought up to date and saved as drafts."),
    "review": gettext_lazy(
        "“%(title)s”: the translations were brought up to date and submitted to the IOM review."
    ),
    "publish": gettext_lazy("“%(title)s”: the translations were brought up to date and published."),
}


class TranslationsRefused(Exception):
    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


class UpdateTranslationsForReviewView(UpdateTranslationsView):
    def targets(self):
        return [
            translation.get_target_instance()
            for translation in self.object.translations.filter(enabled=True).select_related("target_locale")
        ]

    def get_form(self):
        may_publish = all(can_publish(self.request.user, target) for target in self.targets())
        data = self.request.POST if self.request.method == "POST" else None
        return UpdateForReviewForm(data, may_publish=may_publish)

    def form_valid(self, form):
        then = form.cleaned_data["then"]
        try:
            with transaction.atomic():
                self.update(then, form.cleaned_data.get("use_machine_translation"))
        except TranslationsRefused as refused:
            for page, error in refused.problems:
                messages.error(
                    self.request,
                    _(
                        "Nothing was changed: the %(language)s translation “%(title)s” cannot be saved: %(errors)s"
                    )
                    % {
                        "language": page.locale.get_display_name(),
                        "title": page.get_admin_display_title(),
                        "errors": describe(error, page),
                    },
                )
            context = self.get_context_data()
            context["form"] = form
            return self.render_to_response(context)
        messages.success(self.request, DONE[then] % {"title": self.object.object_repr})
        return redirect(self.get_success_url() or self.get_default_success_url())

    def update(self, then, machine_translate):
        self.object.update_from_db()
        translations = list(self.object.translations.filter(enabled=True).select_related("target_locale"))
        if machine_translate:
            translator = get_machine_translator()
            for translation in translations:
                apply_machine_translation(translation.id, self.request.user, translator)
        problems = []
        for translation in translations:
            translation.source.update_target_view_restrictions(translation.target_locale)
            action = THEN[then]
            if action is None:
                continue
            try:
                action(translation, self.request.user)
            except ValidationError as error:
                problems.append((translation.get_target_instance(), error))
        if problems:
            raise TranslationsRefused(problems)
        self.components.save(self.object, sources_and_translations={self.object: translations})


def convert_to_alias_ending_review(request, page_id):
    """wagtail-localize's "Convert to alias", which also withdraws the translation from the IOM review."""
    if request.method == "POST":
        page = Page.objects.filter(pk=page_id, alias_of__isnull=True).first()
        state = page.specific.current_workflow_state if page is not None else None
        if state is not None:
            state.cancel(user=request.user)
    return convert_to_alias(request, page_id)


submit_page_for_review = require_admin_access(SubmitPageForReviewView.as_view())
update_translations_for_review = require_admin_access(UpdateTranslationsForReviewView.as_view())
convert_to_alias_for_review = require_admin_access(convert_to_alias_ending_review)


# The translation editor -------------------------------------------------------


def translation_editor(request, page):
    """`before_edit_page`: the translation editor, for a translation that is still an alias too, and its posts."""
    translation = translation_review.translation_of(page)
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        return approval_guard(request, page)
    if translation is None:
        return None
    if request.method != "POST":
        if page.alias_of_id:
            # wagtail-localize would offer to translate the alias afresh.
            return edit_translation(request, translation, page.specific)
        return None
    action = next((name for name in EDITOR_ACTIONS if name in request.POST), None)
    if action is None and request.POST.get("action") == "publish":
        action = PUBLISH  # wagtail-localize's own "Publish in …" button
    if action is None:
        return None  # converting to an alias or restarting: wagtail-localize's own
    page = page.specific
    try:
        with transaction.atomic():
            message = EDITOR_POSTS[action](request, page, translation)
    except ValidationError as error:
        messages.error(
            request,
            _("Nothing was saved: %(errors)s") % {"errors": describe(error, page)},
        )
    else:
        messages.success(request, message)
    return redirect("wagtailadmin_pages:edit", page.pk)


def approval_guard(request, page):
    """Wagtail's own editor approving a translation whose source is not live: refused, saying why."""
    if request.POST.get("workflow-action-name") != "approve":
        return None
    try:
        translation_review.require_live_source(page)
    except ValidationError as error:
        messages.error(request, describe(error))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def _locked(page, user):
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise ValidationError(
            _("“%(title)s” is locked: %(reason)s"),
            params={"title": page.get_admin_display_title(), "reason": lock.get_message(user)},
        )


def _save(request, page, translation):
    _locked(page, request.user)
    translation_review.save_draft(translation, request.user)
    return _(
        "The translation of “%(title)s” was saved as a draft. Submit it to the IOM review when it is ready."
    ) % {"title": page.get_admin_display_title()}


def _submit(request, page, translation):
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(_("This translation is already waiting for the IOM review."))
    _locked(page, request.user)
    state = translation_review.submit(translation, request.user)
    if state is None:
        return _("The translation of “%(title)s” was saved as a draft.") % {
            "title": page.get_admin_display_title()
        }
    return _("The translation of “%(title)s” was submitted to the IOM review.") % {
        "title": page.get_admin_display_title()
    }


def _publish(request, page, translation):
    if not can_publish(request.user, page):
        raise PermissionDenied
    if page.workflow_in_progress:
        raise ValidationError(_("This translation is in the IOM review: approve it to publish it."))
    translation_review.publish(translation, request.user)
    return _published_message(page)


def _published_message(page):
    return _("“%(title)s” was published in %(language)s.") % {
        "title": Page.objects.get(pk=page.pk).get_admin_display_title(),
        "language": page.locale.get_display_name(),
    }


def _task_action(request, page, name):
    task = page.current_workflow_task
    if task is None:
        raise ValidationError(_("This translation is not waiting for the IOM review."))
    if name not in {action for action, _label, _modal in task.get_actions(page, request.user)}:
        raise PermissionDenied
    return task


def _approve(request, page, translation):
    task = _task_action(request, page, "approve")
    translation_review.require_live_source(page)
    task.on_action(
        page.current_workflow_task_state, request.user, "approve", comment=request.POST.get("comment", "")
    )
    return _published_message(page)


def _request_changes(request, page, translation):
    task = _task_action(request, page, "reject")
    comment = request.POST.get("comment", "").strip()
    if not comment:
        raise ValidationError(_("Say what should change: the comment is what the editor reads."))
    task.on_action(page.current_workflow_task_state, request.user, "reject", comment=comment)
    return _("You asked for changes to “%(title)s”; its editor has been told by email.") % {
        "title": page.get_admin_display_title()
    }


EDITOR_POSTS = {
    SAVE: _save,
    SUBMIT: _submit,
    PUBLISH: _publish,
    APPROVE: _approve,
    REQUEST_CHANGES: _request_changes,
}


def translation_actions(request, page, translation):
    """What the translation editor's footer offers this user (its template: cities/includes/translation_actions.html)."""
    state = page.current_workflow_state
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    changes_requested = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task = page.current_workflow_task if in_review else None
    task_actions = {name for name, _label, _modal in task.get_actions(page, request.user)} if task else set()
    may_publish = can_publish(request.user, page)
    return {
        "page": page,
        "translation": translation,
        "in_review": in_review,
        "reviewing": {"approve", "reject"} <= task_actions,
        "changes_requested": changes_requested,
        "reviewer_comment": state.current_task_state.comment
        if changes_requested and state.current_task_state
        else "",
        "may_publish": may_publish and not in_review,
        "language": translation.target_locale.get_display_name(),
        "source_language": translation.source.locale.get_display_name(),
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk]),
        "convert_url": (
            reverse("wagtail_localize:convert_to_alias", args=[page.pk])
            if page.alias_of_id is None and page.permissions_for_user(request.user).can_edit()
            else None
        ),
    }
