"""wagtail-localize's bookkeeping for newly imported records, written in bulk.

For a record that is new to the site, the importer saves the source page and
its translated pages directly (new_pages.py). The translations must still be
ordinary wagtail-localize translations: the translation editor, PO files, the
translation status report and later imports read the TranslationSource, its
segments, the StringTranslation of each segment and the Translation. This
module writes exactly those rows, the ones `TranslationSource.
update_or_create_from_instance`, `StringTranslation.objects.create` and
`Translation.save_target` would write, but for a batch of records in a few
queries instead of several queries per segment.

Updates of existing records still go through wagtail-localize itself
(translations.py): they are few, and it knows how to merge with edits made in
its editor.
"""

import json
import uuid
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationLog,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue, validate_translation_links

from catalogue.format.errors import CatalogueInvalid, Problem
from catalogue.format.translations import TOOL_NAME

BATCH = 200  # records per round of bulk inserts: bounded memory and query size


@dataclass
class NewTarget:
    """A saved translated instance of a new source, and the record's texts it holds."""

    locale: object
    instance: object
    revision: object = None
    fallback: set = field(default_factory=set)  # segment paths the record has no text for


@dataclass
class NewSource:
    instance: object
    targets: list
    touched: set  # the fields the record gives
    path: str  # names the record in errors: practices[accmr]


class TranslationRows:
    """Collects new records during an import, then writes their wagtail-localize rows."""

    def __init__(self):
        self.pending = []
        self._content_types = {}
        self._schema_versions = {}

    def add(self, source):
        for name, model_field in _fields(type(source.instance)):
            if isinstance(model_field, StreamField):
                raise NotImplementedError(f"{name}: StreamField segments are not written in bulk")
        self.pending.append(source)

    def write(self):
        pending = iter(self.pending)
        while chunk := list(islice(pending, BATCH)):
            self._write(chunk)
        self.pending = []

    # The rows, table by table
    def _write(self, chunk):
        now = timezone.now()
        self._objects([source.instance for source in chunk])
        sources = TranslationSource.objects.bulk_create(
            [
                TranslationSource(
                    object_id=source.instance.translation_key,
                    specific_content_type=self._content_type(type(source.instance)),
                    locale_id=source.instance.locale_id,
                    object_repr=str(source.instance)[:200],
                    content_json=_content_json(source.instance),
                    schema_version=self._schema_version(source.instance._meta.app_label),
                    last_updated_at=now,
                )
                for source in chunk
            ]
        )
        extracted = [extract_segments(source.instance) for source in chunk]
        strings = self._strings(extracted, chunk)
        templates = self._templates(extracted)
        contexts = self._contexts(extracted, chunk)
        related = self._related_objects(extracted)
        segments = {StringSegment: [], TemplateSegment: [], OverridableSegment: [], RelatedObjectSegment: []}
        for row, values in zip(sources, extracted, strict=True):
            for value in values:
                common = {
                    "source": row,
                    "context_id": contexts[(row.object_id, value.path)],
                    "order": value.order,
                }
                if isinstance(value, TemplateSegmentValue):
                    segments[TemplateSegment].append(
                        TemplateSegment(template_id=templates[_template_uuid(value)], **common)
                    )
                elif isinstance(value, RelatedObjectSegmentValue):
                    segments[RelatedObjectSegment].append(
                        RelatedObjectSegment(object_id=related[value.translation_key], **common)
                    )
                elif isinstance(value, OverridableSegmentValue):
                    segments[OverridableSegment].append(
                        OverridableSegment(data_json=json.dumps(value.data, cls=DjangoJSONEncoder), **common)
                    )
                else:
                    segments[StringSegment].append(
                        StringSegment(
                            string_id=strings[(row.locale_id, String._get_data_hash(value.string.data))],
                            attrs=json.dumps(value.attrs, cls=DjangoJSONEncoder),
                            **common,
                        )
                    )
        for model, rows in segments.items():
            model.objects.bulk_create(rows)
        self._string_translations(chunk, sources, extracted, strings, contexts)
        Translation.objects.bulk_create(
            [
                Translation(source=row, target_locale=target.locale, enabled=True)
                for row, source in zip(sources, chunk, strict=True)
                for target in source.targets
            ]
        )
        TranslationLog.objects.bulk_create(
            [
                TranslationLog(source=row, locale=target.locale, revision=target.revision)
                for row, source in zip(sources, chunk, strict=True)
                for target in source.targets
            ]
        )

    def _objects(self, instances):
        keys = {instance.translation_key: instance for instance in instances}
        known = set(
            TranslatableObject.objects.filter(translation_key__in=keys).values_list(
                "translation_key", flat=True
            )
        )
        TranslatableObject.objects.bulk_create(
            [
                TranslatableObject(
                    translation_key=key,
                    content_type=self._content_type(instance.get_translation_model()),
                )
                for key, instance in keys.items()
                if key not in known
            ]
        )

    def _strings(self, extracted, chunk):
        wanted = {}
        for values, source in zip(extracted, chunk, strict=True):
            for value in values:
                if isinstance(value, StringSegmentValue):
                    data = value.string.data
                    wanted[(source.instance.locale_id, String._get_data_hash(data))] = data
        return _get_or_create(
            String,
            wanted,
            lookup=lambda keys: {"data_hash__in": {data_hash for _locale, data_hash in keys}},
            key=lambda row: (row.locale_id, row.data_hash),
            build=lambda key, data: String(locale_id=key[0], data_hash=key[1], data=data),
        )

    def _templates(self, extracted):
        wanted = {
            _template_uuid(value): value
            for values in extracted
            for value in values
            if isinstance(value, TemplateSegmentValue)
        }
        return _get_or_create(
            Template,
            wanted,
            lookup=lambda keys: {"uuid__in": keys},
            key=lambda row: row.uuid,
            build=lambda key, value: Template(
                uuid=key,
                template=value.template,
                template_format=value.format,
                string_count=value.string_count,
            ),
        )

    def _contexts(self, extracted, chunk):
        wanted = {}
        for values, source in zip(extracted, chunk, strict=True):
            model = type(source.instance)
            for value in values:
                wanted[(source.instance.translation_key, value.path)] = _field_path(model, value.path)
        return _get_or_create(
            TranslationContext,
            wanted,
            lookup=lambda keys: {"object_id__in": {object_id for object_id, _path in keys}},
            key=lambda row: (row.object_id, row.path),
            build=lambda key, field_path: TranslationContext(
                object_id=key[0],
                path=key[1],
                path_id=TranslationContext._get_path_id(key[1]),
                field_path=field_path,
            ),
        )

    def _related_objects(self, extracted):
        wanted = {
            value.translation_key: value.content_type
            for values in extracted
            for value in values
            if isinstance(value, RelatedObjectSegmentValue)
        }
        if not wanted:
            return {}
        known = set(
            TranslatableObject.objects.filter(translation_key__in=wanted).values_list(
                "translation_key", flat=True
            )
        )
        TranslatableObject.objects.bulk_create(
            [
                TranslatableObject(translation_key=key, content_type=content_type)
                for key, content_type in wanted.items()
                if key not in known
            ]
        )
        return {key: key for key in wanted}

    def _string_translations(self, chunk, sources, extracted, strings, contexts):
        rows = []
        for source, row, values in zip(chunk, sources, extracted, strict=True):
            originals = _string_values(values)
            for target in source.targets:
                translated = _string_values(extract_segments(target.instance))
                if [value.path for value in translated] != [value.path for value in originals]:
                    raise CatalogueInvalid(
                        [
                            Problem(
                                source.path,
                                f"the {target.locale.language_code} texts do not line up with the source texts",
                            )
                        ]
                    )
                for original, value in zip(originals, translated, strict=True):
                    if value.path in target.fallback or value.path.split(".")[0] not in source.touched:
                        continue
                    rows.append(
                        _string_translation(
                            original.string.data,
                            string_id=strings[(row.locale_id, String._get_data_hash(original.string.data))],
                            locale=target.locale,
                            context_id=contexts[(row.object_id, value.path)],
                            data=value.string.data,
                        )
                    )
        StringTranslation.objects.bulk_create(rows)

    def _content_type(self, model):
        if model not in self._content_types:
            self._content_types[model] = ContentType.objects.get_for_model(model)
        return self._content_types[model]

    def _schema_version(self, app_label):
        if app_label not in self._schema_versions:
            self._schema_versions[app_label] = get_schema_version(app_label)
        return self._schema_versions[app_label]


def _get_or_create(model, wanted, *, lookup, key, build):
    """{key: pk} for every wanted key, inserting the rows that do not exist yet (two or three queries)."""
    if not wanted:
        return {}
    found = {key(row): row.pk for row in model.objects.filter(**lookup(list(wanted))) if key(row) in wanted}
    created = model.objects.bulk_create([build(k, value) for k, value in wanted.items() if k not in found])
    found.update({key(row): row.pk for row in created})
    return found


def _template_uuid(value):
    """Template.from_value's key for a rich text field's structure."""
    namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
    return uuid.uuid5(namespace, value.template)


def _string_values(values):
    return sorted((value for value in values if isinstance(value, StringSegmentValue)), key=lambda v: v.order)


def _string_translation(original, **values):
    """A StringTranslation as its save() would leave it, flagging text its editor would reject."""
    has_error = False
    # Both checks look at markup only: text without a tag cannot fail them.
    if "<" in values["data"]:
        try:
            StringValue.from_translated_html(values["data"])
            validate_translation_links(original, values["data"])
        except ValueError:
            has_error = True
    return StringTranslation(
        translation_of_id=values["string_id"],
        locale=values["locale"],
        context_id=values["context_id"],
        data=values["data"],
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        tool_name=TOOL_NAME,
        has_error=has_error,
    )


def _content_json(instance):
    """TranslationSource.content_json, serialised as wagtail-localize serialises it."""
    if isinstance(instance, ClusterableModel):
        return instance.to_json()
    return json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)


def _fields(model):
    return [(model_field.name, model_field) for model_field in model._meta.get_fields()]


def _field_path(model, path):
    """TranslationContext.get_field_path, from the model alone.

    wagtail-localize drops the child's translation key from the path of an
    inline (ParentalKey) child, `outcomes.<key>.label` → `outcomes.label`;
    the field path is what its editor groups segments by.
    """
    components = path.split(".")
    model_field = model._meta.get_field(components[0])
    if (
        isinstance(model_field, models.ManyToOneRel)
        and isinstance(model_field.remote_field, ParentalKey)
        and issubclass(model_field.related_model, TranslatableMixin)
        and len(components) > 2
    ):
        return f"{components[0]}.{_field_path(model_field.related_model, '.'.join(components[2:]))}"
    return components[0]
