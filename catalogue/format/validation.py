"""Validation of a whole catalogue document before anything is written."""

import hashlib
import re
from functools import cached_property
from pathlib import Path

from jsonschema import Draft202012Validator

from django.conf import settings

from catalogue.format import FORMAT
from catalogue.format.errors import CatalogueInvalid, Problem
from catalogue.format.json_input import MAX_DEPTH, unreadable_numbers
from catalogue.format.kinds import ALL_KINDS, CITIES, PRACTICES
from catalogue.format.ownership import ID_TAKEN
from catalogue.format.schema import DEFINITIONS, catalogue_schema
from catalogue.format.values import ID_PATTERN
from practices.vocabulary import Status
from sitewide.partial_date import PartialDate

IMAGE_SIGNATURES = {
    b"\xff\xd8\xff": "JPEG",
    b"\x89PNG\r\n\x1a\n": "PNG",
}
MAX_IMAGE_BYTES = 10 * 1024 * 1024


def image_type(head):
    for signature, name in IMAGE_SIGNATURES.items():
        if head.startswith(signature):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return None


def site_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class Context:
    """What validation and writing need to know about the file and the site."""

    def __init__(self, document, folder, existing_ids):
        self.document = document
        self.folder = Path(folder).resolve() if folder else None
        self.site_languages = site_languages()
        self.default_source = document.get("source_language", "el")
        self.source_language = self.default_source
        self.existing_ids = existing_ids
        self.problems = []
        self.notes = []
        self.hashes = {}
        self.writer = None

    # Reporting
    def problem(self, path, reason):
        self.problems.append(Problem(path, reason))

    def note(self, path, message):
        self.notes.append(Problem(path, message))

    # Lookups
    @cached_property
    def file_ids(self):
        return {kind.key: {record["id"] for record in self.document.get(kind.key, [])} for kind in ALL_KINDS}

    @cached_property
    def practice_cities(self):
        return {record["id"]: record["city"] for record in self.document.get(PRACTICES.key, [])}

    def known(self, kind_key, record_id):
        return record_id in self.file_ids[kind_key] or record_id in self.existing_ids[kind_key]

    def check_reference(self, kind_key, record_id, path):
        if not self.known(kind_key, record_id):
            self.problem(path, f"refers to unknown {kind_key.replace('_', ' ')} id '{record_id}'")

    def check_order(self, record, earlier, later, path):
        if earlier in record and later in record:
            try:
                if PartialDate.parse(record[later]).is_before(PartialDate.parse(record[earlier])):
                    self.problem(
                        f"{path}.{later}", f"'{record[later]}' is before {earlier} '{record[earlier]}'"
                    )
            except ValueError:
                pass  # reported by the date field itself

    # Files
    def resolve_path(self, value):
        if self.folder is None:
            return None
        candidate = (self.folder / value).resolve()
        return candidate if candidate.is_relative_to(self.folder) else None

    def check_image_path(self, value, path):
        if Path(value).is_absolute() or self.resolve_path(value) is None:
            self.problem(path, f"'{value}' leaves the catalogue file's folder")
            return
        file = self.resolve_path(value)
        if not file.is_file():
            self.problem(path, f"file '{value}' does not exist")
            return
        if file.stat().st_size > MAX_IMAGE_BYTES:
            self.problem(path, f"file '{value}' is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB")
            return
        with file.open("rb") as handle:
            kind = image_type(handle.read(16))
        if kind is None:
            self.problem(path, f"file '{value}' is not a JPEG, PNG or WebP image")

    def resolve(self, kind_key, record_id):
        return self.writer.resolve(kind_key, record_id)

    def image_with_hash(self, file_hash):
        return self.writer.image_with_hash(file_hash)

    def file_hash(self, value):
        if value not in self.hashes:
            self.hashes[value] = hashlib.sha1(self.resolve_path(value).read_bytes()).hexdigest()
        return self.hashes[value]


def _record_path(document, absolute_path):
    """`practices[accmr].organisations[2].role` from a jsonschema path."""
    parts = list(absolute_path)
    text = ""
    for position, part in enumerate(parts):
        if isinstance(part, int):
            label = part
            if position == 1:
                records = document.get(parts[0], [])
                record = records[part] if part < len(records) else None
                record_id = record.get("id") if isinstance(record, dict) else None
                # A broken id is itself the problem: name the record by position instead.
                if (
                    isinstance(record_id, str)
                    and re.fullmatch(ID_PATTERN, record_id)
                    and len(record_id) <= 80
                ):
                    label = record_id
            text += f"[{label}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _describe(error):
    definition = next((DEFINITIONS[name] for name in DEFINITIONS if DEFINITIONS[name] == error.schema), None)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return missing, "is required"
    if error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return None, "unknown key " + ", ".join(f"'{key}'" for key in unknown)
    if error.validator == "const":
        return None, f"must be '{error.validator_value}', not {_short(error.instance)}"
    if error.validator == "enum":
        return None, f"{_short(error.instance)} is not one of: " + ", ".join(
            str(v) for v in error.validator_value if v
        )
    if definition and "description" in definition:
        return None, f"{_short(error.instance)} is not {definition['description']}"
    if error.validator == "pattern":
        for name in ("id", "url", "pdate", "lang"):
            if DEFINITIONS[name]["pattern"] == error.validator_value:
                return None, f"{_short(error.instance)} is not {DEFINITIONS[name]['description']}"
    if error.validator == "type":
        return None, f"must be of type {error.validator_value}, not {type(error.instance).__name__}"
    return None, error.message[:300]


def _short(value):
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…'"


def _depth(value, limit):
    """How deeply `value` nests, counting no further than `limit` + 1."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > limit:
            return depth
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _limits(document):
    if _depth(document, MAX_DEPTH) > MAX_DEPTH:
        return [Problem("", f"the document nests deeper than {MAX_DEPTH} levels; the format never does")]
    limit = settings.CATALOGUE_MAX_RECORDS
    return [
        Problem(kind.key, f"has {len(document[kind.key])} records; at most {limit} are allowed in one file")
        for kind in ALL_KINDS
        if isinstance(document.get(kind.key), list) and len(document[kind.key]) > limit
    ]


def _number_problems(document):
    """Numbers the file holds that no field could store (catalogue.format.json_input), at their paths."""
    return [
        Problem(_record_path(document, path), number.reason)
        for path, number in sorted(unreadable_numbers(document), key=lambda found: list(map(str, found[0])))
    ]


def structural_problems(document):
    if not isinstance(document, dict):
        return [Problem("", "the file must contain one JSON object")]
    if document.get("format") != FORMAT:
        return [Problem("format", f"must be '{FORMAT}', not {_short(document.get('format'))}")]
    problems = _limits(document) or _number_problems(document)
    if problems:
        return problems
    validator = Draft202012Validator(catalogue_schema())
    problems = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        # For anyOf (ltext) the sub-errors are noise; the definition's description says it all.
        extra_key, reason = _describe(error)
        path = _record_path(document, error.absolute_path)
        if extra_key:
            path = f"{path}.{extra_key}" if path else extra_key
        problems.append(Problem(path, reason))
    return problems


def semantic_problems(ctx):
    document = ctx.document
    if ctx.default_source not in ctx.site_languages:
        ctx.problem("source_language", f"language '{ctx.default_source}' is not enabled on this site")
    for kind in ALL_KINDS:
        seen = {}
        for index, record in enumerate(document.get(kind.key, [])):
            path = f"{kind.key}[{record['id']}]"
            if record["id"] in seen:
                ctx.problem(path, f"duplicate id: records {seen[record['id']] + 1} and {index + 1} share it")
                continue
            seen[record["id"]] = index
            ctx.source_language = record.get("source_language", ctx.default_source)
            if ctx.source_language not in ctx.site_languages:
                ctx.problem(
                    f"{path}.source_language", f"language '{ctx.source_language}' is not enabled on this site"
                )
                continue
            for field in kind.fields:
                if field.key in record:
                    field.check(record[field.key], f"{path}.{field.key}", ctx)
            if kind is PRACTICES:
                _check_practice(record, path, ctx)
    ctx.source_language = ctx.default_source
    return ctx.problems


def _check_practice(record, path, ctx):
    ctx.check_reference(CITIES.key, record["city"], f"{path}.city")
    owner = ctx.existing_ids["practice_cities"].get(record["id"], record["city"])
    if owner != record["city"]:
        # Another city's practice: an import never moves a page, nor says whose it is.
        ctx.problem(path, ID_TAKEN)
    ctx.check_order(record, "started", "ended", path)
    # A discontinued practice may have ended on a date nobody published; a completed one has its date.
    if record.get("status") == Status.COMPLETED and "ended" not in record:
        ctx.problem(f"{path}.ended", f"is required when status is '{record['status']}'")
    for index, other in enumerate(record.get("adapted_from", [])):
        item_path = f"{path}.adapted_from[{index}]"
        ctx.check_reference(PRACTICES.key, other, item_path)
        if other == record["id"]:
            ctx.problem(item_path, "a practice cannot adapt itself")
        elif ctx.practice_cities.get(other, ctx.existing_ids["practice_cities"].get(other)) == record["city"]:
            ctx.problem(
                item_path,
                f"'{other}' is a practice of the same city; adapted_from names other cities' practices",
            )


def validate(document, folder, existing_ids):
    """Return a Context for a valid document, or raise CatalogueInvalid."""
    problems = structural_problems(document)
    if problems:
        raise CatalogueInvalid(problems)
    ctx = Context(document, folder, existing_ids)
    problems = semantic_problems(ctx)
    if problems:
        raise CatalogueInvalid(problems)
    return ctx
