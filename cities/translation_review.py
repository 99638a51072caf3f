"""A translation goes through the IOM review like any change, and until then readers see the source.

wagtail-localize has no review: "Translate" turns the page's alias (the
source shown in the other language, marked as such) into an ordinary live
page holding the copied text, and its editor can only publish. Here:

- **A translation stays an alias until its first approval.** "Translate"
  creates wagtail-localize's translation records only (`start_translations`);
  the English page remains the alias readers already see, with the "only in
  Greek" notice and `lang="el"`, kept up to date by Wagtail whenever the
  source is published. (Where no alias exists, wagtail-localize's own draft
  page is made, which is not live.)
- **Drafts and submissions are revisions.** The translated page is built in
  memory from the source and the translated strings (wagtail-localize's
  `get_ephemeral_translated_instance`, what its preview shows) and saved as a
  revision only (`save_draft`), never onto the row readers see. An alias may
  not have revisions in Wagtail's API (`save_revision` refuses), so the
  revision is saved from the in-memory copy, whose `alias_of` is cleared: the
  row keeps it, since `save_revision` writes only its own bookkeeping fields.
- **Submitting starts the IOM review** (`submit`); reviewers approve or ask
  for changes like on any page, and approving publishes the revision.
- **Publishing a revision of an alias makes it a page** (`page_published`
  receiver below): from then on it is the translation, and the source's next
  publication no longer overwrites it.
- **A translation never goes live while its source is not**
  (`require_live_source`): submitting, publishing and approving all ask.
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_localize.models import Translation, TranslationSource

from cities.review import submit_for_review


def translation_of(page):
    """The enabled wagtail-localize translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale", "source__locale")
        .first()
    )


def source_page(page):
    """The page `page` translates (or is an alias of), or None when `page` is itself a source."""
    if page.alias_of_id:
        return Page.objects.filter(pk=page.alias_of_id).first()
    source = TranslationSource.objects.filter(object_id=page.translation_key).exclude(locale=page.locale_id)
    source = source.select_related("locale").first()
    if source is None:
        return None
    return Page.objects.filter(translation_key=page.translation_key, locale=source.locale_id).first()


def require_live_source(page):
    """Refuse to let a translation go live while the page it translates is not live."""
    source = source_page(page)
    if source is not None and not source.live:
        raise ValidationError(
            _(
                "“%(title)s” cannot go live in %(language)s before its %(source_language)s page does: "
                "the %(source_language)s page must be approved and published first."
            ),
            code="source_not_live",
            params={
                "title": page.get_admin_display_title(),
                "language": page.locale.get_display_name(),
                "source_language": source.locale.get_display_name(),
            },
        )


@transaction.atomic
def start_translations(page, locales, user):
    """Start translating `page` into `locales`; returns its `Translation`s.

    An existing alias is left as it is (it stays what readers see); a missing
    target is made by wagtail-localize as a draft page. Errors are raised,
    never swallowed.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translations = []
    for locale in locales:
        if locale.pk == source.locale_id:
            continue
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        try:
            source.get_translated_instance(locale)
        except ObjectDoesNotExist:
            _make_target(translation, user)
        translations.append(translation)
    return translations


def _make_target(translation, user):
    """wagtail-localize's draft of a missing target page, with its validation errors raised as they are."""
    try:
        translation.save_target(user=user, publish=False)
    except AttributeError as error:
        # wagtail-localize reads `error_dict` of any ValidationError it catches there;
        # a single field's error (a translated title too long) has none, and the
        # AttributeError hides it. Raise the error itself.
        if isinstance(error.__context__, ValidationError):
            raise error.__context__ from None
        raise


def save_draft(translation, user):
    """Save the translation as it stands as a new revision of its page, leaving what readers see alone."""
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    # The stored row stays an alias until the first approval (see above).
    draft.alias_of_id = None
    return draft.save_revision(user=user, log_action=True)


@transaction.atomic
def submit(translation, user):
    """Save the translation and put it before the IOM reviewers; returns the workflow state (None: no workflow)."""
    page = translation.get_target_instance()
    require_live_source(page)
    save_draft(translation, user)
    return submit_for_review(Page.objects.get(pk=page.pk), user)


@transaction.atomic
def publish(translation, user):
    """Save the translation and publish it now (for those who may publish)."""
    page = translation.get_target_instance()
    require_live_source(page)
    revision = save_draft(translation, user)
    revision.publish(user=user)
    return revision


@receiver(page_published)
def alias_becomes_translation_when_approved(sender, instance, revision=None, alias=False, **kwargs):
    """A revision of an alias was published (its translation was approved): it is an ordinary page now.

    `alias=True` marks Wagtail keeping an alias in step with its source, which
    is not a translation being published.
    """
    if alias or revision is None or not instance.alias_of_id:
        return
    if str(revision.object_id) != str(instance.pk) or translation_of(instance) is None:
        return
    instance.alias_of_id = None
    instance.save(update_fields=["alias_of"], clean=False)
    log(
        instance=instance,
        action="wagtail.convert_alias",
        revision=revision,
        data={"page": {"id": instance.pk, "title": instance.get_admin_display_title()}},
    )
