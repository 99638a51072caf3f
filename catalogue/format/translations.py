"""Writing a record's other languages as wagtail-localize translations.

Translations are made the way the admin makes them: a TranslationSource of
the source instance, a Translation per target language, and a
StringTranslation per translatable segment. The file's texts become those
string translations, so translators later see them in wagtail-localize's
editor and can download them as PO files like any other translation.
"""

from django.core.exceptions import ObjectDoesNotExist

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from catalogue.format.errors import CatalogueInvalid, Problem

TOOL_NAME = "import_catalogue"


def source_for(instance):
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return source


def store_strings(source, locale, translated_copy, *, touched, fallback, path):
    """Record the texts of `translated_copy` as translations of `source`'s segments.

    The copy is an unsaved clone of the source instance with the file's texts
    for `locale` put in, so its segments line up one-to-one with the
    source's. Only segments of the fields the record gives (`touched`) are
    written; a segment in `fallback` has no text in this language, so any
    earlier translation of it is removed and the source text shows instead.
    """
    wanted = sorted(
        (value for value in extract_segments(translated_copy) if isinstance(value, StringSegmentValue)),
        key=lambda value: value.order,
    )
    segments = list(
        StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    )
    if [segment.context.path for segment in segments] != [value.path for value in wanted]:
        raise CatalogueInvalid(
            [Problem(path, f"the {locale.language_code} texts do not line up with the source texts")]
        )
    existing = {
        (translation.translation_of_id, translation.context_id): translation
        for translation in StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        )
    }
    for segment, value in zip(segments, wanted, strict=True):
        if segment.context.path.split(".")[0] not in touched:
            continue
        current = existing.get((segment.string_id, segment.context_id))
        if segment.context.path in fallback:
            if current is not None:
                current.delete()
            continue
        data = value.string.data
        if current is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=TOOL_NAME,
            )
        elif current.data != data or current.has_error:
            current.data = data
            current.has_error = False
            current.field_error = ""
            current.tool_name = TOOL_NAME
            current.save()


def save_translation(source, locale, publish, user=None):
    """Create or update the target instance from the stored strings; returns it.

    wagtail-localize publishes through transaction.on_commit, which never
    fires inside the import's transaction (or a test's), so drafts are saved
    and their revision is published here, explicitly.
    """
    Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    draftable = issubclass(source.specific_content_type.model_class(), Page | DraftStateMixin)
    if draftable and not publish and (live := _live_target(source, locale)) is not None:
        # wagtail-localize would write a draft onto the live row (what readers
        # see); a live translation gets the draft as a new revision only.
        draft = source.get_ephemeral_translated_instance(locale, fallback=True)
        draft.save_revision(user=user)
        return type(live).objects.get(pk=live.pk)
    target, _created = source.create_or_update_translation(
        locale, user=user, publish=not draftable, copy_parent_pages=True, fallback=True
    )
    if draftable and publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def _live_target(source, locale):
    """The published translation of `source` in `locale`, if there is one (an alias does not count)."""
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    if getattr(target, "alias_of_id", None) or not target.live:
        return None
    return target
