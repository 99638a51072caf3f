"""Export: the site's catalogue back into `cni-catalogue/1`.

It reads every field through the same declarations the importer writes
with, so an export imported into an empty site exports again identically.
"""

import functools
import json
import operator
from pathlib import Path

from django.conf import settings
from django.db.models import Q

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from catalogue.format import FORMAT
from catalogue.format.kinds import CITIES, PRACTICES, SNIPPET_KINDS
from catalogue.format.writer import _latest


class _ReadContext:
    """The little the field specs need when reading."""


def _source_locales(instances):
    keys = {instance.translation_key for instance in instances}
    return dict(
        TranslationSource.objects.filter(object_id__in=keys).values_list("object_id", "locale__language_code")
    )


def _group_by_key(instances):
    groups = {}
    for instance in instances:
        groups.setdefault(instance.translation_key, []).append(instance)
    return groups


def _record(kind, versions, source_lang, record_id, include_drafts, city_ids):
    ctx = _ReadContext()
    by_lang = {}
    for version in versions:
        if include_drafts:
            version = _latest(version)
        by_lang[version.locale.language_code] = version
    record = {"id": record_id}
    if source_lang != settings.LANGUAGE_CODE:
        record["source_language"] = source_lang
    if kind is PRACTICES:
        record["city"] = city_ids[by_lang[source_lang].path[: -Page.steplen]]
    for spec in kind.fields:
        value = spec.export(
            {lang: spec.read(version, ctx) for lang, version in sorted(by_lang.items())}, source_lang
        )
        if value is not None:
            record[spec.key] = value
    return record


def _export_kind(kind, queryset, include_drafts, id_of, city_ids=None):
    # Every relation the fields read is fetched for all records at once:
    # a few queries per kind, not several per record and language.
    instances = kind.read_all(queryset)
    sources = _source_locales(instances)
    records = []
    for key, versions in _group_by_key(instances).items():
        source_lang = sources.get(key, versions[0].locale.language_code)
        if source_lang not in {version.locale.language_code for version in versions}:
            continue
        records.append(_record(kind, versions, source_lang, id_of(versions[0]), include_drafts, city_ids))
    return sorted(records, key=lambda record: record["id"])


def export_catalogue(city=None, include_drafts=False, practices=None):
    """The catalogue as a `cni-catalogue/1` document.

    `city` keeps one city's pages; `practices` (ids) keeps only those practices,
    for a download of a filtered list; the vocabulary is exported whole either way.
    """
    document = {"format": FORMAT, "source_language": settings.LANGUAGE_CODE}
    # A practice's city is its parent page: found by path, not a query per practice.
    city_ids = dict(CITIES.model.objects.values_list("path", "catalogue_id"))
    for kind in SNIPPET_KINDS:
        queryset = kind.model.objects.select_related("locale")
        if not include_drafts and hasattr(kind.model, "live"):
            queryset = queryset.filter(live=True)
        document[kind.key] = _export_kind(
            kind, queryset, include_drafts, lambda instance: instance.catalogue_id
        )
    for kind in (CITIES, PRACTICES):
        queryset = kind.model.objects.filter(alias_of__isnull=True).select_related("locale")
        if not include_drafts:
            queryset = queryset.live()
        if city:
            queryset = queryset.filter(_within_city(city))
        if practices is not None and kind is PRACTICES:
            queryset = queryset.filter(catalogue_id__in=list(practices))
        document[kind.key] = _export_kind(
            kind, queryset, include_drafts, lambda page: page.catalogue_id, city_ids
        )
    return document


def _within_city(city_id):
    """The pages of the city whose id is `city_id`, and its practices, in every language."""
    paths = CITIES.model.objects.filter(catalogue_id=city_id).values_list("path", flat=True)
    return functools.reduce(operator.or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def image_paths(document):
    """Every image file the document names, as exported paths."""
    for organisation in document.get("organisations", []):
        if "logo" in organisation:
            yield organisation["logo"]
    for city in document.get("cities", []):
        if "emblem" in city:
            yield city["emblem"]
    for practice in document.get("practices", []):
        for image in practice.get("images", []):
            yield image["file"]


def write_export_folder(document, folder):
    """DIR/catalogue.json with its images beside it, at the paths it names."""
    from wagtail.images import get_image_model

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    images = get_image_model().objects
    for relative in sorted(set(image_paths(document))):
        prefix = relative.split("/", 1)[1].split("-", 1)[0]
        image = images.filter(file_hash__startswith=prefix).first()
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with image.file.open("rb") as source:
            target.write_bytes(source.read())
    path = folder / "catalogue.json"
    path.write_text(dumps(document), encoding="utf-8")
    return path


def dumps(document):
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
