"""Field specifications: one declaration per field of the format.

Each spec knows, for its one field, the JSON Schema fragment, the checks the
schema cannot express, how to put a value on a model instance, and how to
read it back. Import, change detection, export and the published schema all
come from these declarations, so they cannot drift apart.
"""

import decimal
import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from catalogue.format import html as rich_html
from sitewide.partial_date import PartialDate

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2,3}(-[a-z0-9]+)*$"
PDATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
CHILD_KEY_NAMESPACE = uuid.UUID("7b0f2a43-3f1e-4c1e-9a51-6f1d2c1c9e10")


def child_key(parent_key, relation, index):
    """A stable translation key for the n-th item of a list.

    wagtail-localize pairs list items across languages by translation key, and
    re-importing an unchanged record must produce identical content; both
    need the key to be a function of the item's place, not a random value.
    """
    return uuid.uuid5(CHILD_KEY_NAMESPACE, f"{parent_key}/{relation}/{index}")


class Spec:
    """A field of a record. `key` is the format's name, `attr` the model's."""

    translatable = False

    def __init__(self, key, attr=None, required=False, default=None):
        self.key = key
        self.attr = attr or key
        self.required = required
        self.default = default

    def schema(self):
        raise NotImplementedError

    def check(self, value, path, ctx):
        """Semantic checks beyond the schema; report through ctx.problem()."""

    def languages(self, value):
        return set()

    def provides(self, value, lang):
        """Whether `value` has a text of its own for `lang` (else that language falls back to the source)."""
        return isinstance(value, dict) and lang in value

    def pick(self, value, lang, ctx):
        """The comparable Python value for one language."""
        return value

    def absent(self):
        return self.default

    def assign(self, obj, value, ctx):
        setattr(obj, self.attr, value)

    def read(self, obj, ctx):
        return getattr(obj, self.attr)

    def export(self, values_by_lang, source_lang):
        """Turn {lang: read value} into the format's JSON value (None: omit)."""
        return values_by_lang[source_lang]

    # What read() follows, fetched for many records at once (export)
    def select_related(self):
        """Foreign keys read() follows from the instance: joined into the records' query."""
        return []

    def fetch_related(self, instances, owners):
        """Load the rows read() lists for all `instances` (whose ids the subquery `owners` gives)."""


# Fields without a model limit (descriptions, quotations) still get one, so a
# runaway file cannot fill the database; rich text carries markup, so more.
LONG_TEXT_LIMIT = 20_000
RICH_TEXT_LIMIT = 100_000


class Text(Spec):
    """`ltext`: a bare string in the source language, or {lang: string}."""

    translatable = True

    def __init__(self, key, attr=None, required=False, max_length=None):
        super().__init__(key, attr, required, default="")
        self.max_length = max_length or LONG_TEXT_LIMIT

    def schema(self):
        return {"$ref": "#/$defs/ltext"}

    def languages(self, value):
        return set(value) if isinstance(value, dict) else set()

    def check(self, value, path, ctx):
        texts = value if isinstance(value, dict) else {ctx.source_language: value}
        for lang in texts:
            if lang not in ctx.site_languages:
                ctx.problem(f"{path}.{lang}", f"language '{lang}' is not enabled on this site")
        if ctx.source_language not in texts:
            ctx.problem(path, f"the source language '{ctx.source_language}' text is missing")
        for lang, text in texts.items():
            if len(text) > self.max_length:
                ctx.problem(
                    f"{path}.{lang}" if isinstance(value, dict) else path,
                    f"is {len(text)} characters long; at most {self.max_length} are allowed",
                )

    def pick(self, value, lang, ctx):
        if isinstance(value, dict):
            return self.clean(value.get(lang) or value.get(ctx.source_language, ""))
        return self.clean(value)

    def clean(self, text):
        return text.strip()

    def read(self, obj, ctx):
        return getattr(obj, self.attr) or ""

    def export(self, values_by_lang, source_lang):
        source = values_by_lang[source_lang]
        if not source:
            return None
        if all(text == source for text in values_by_lang.values()):
            return source
        return dict(sorted(values_by_lang.items()))


class Acronym(Text):
    """An acronym: a bare string is the same in every language (UNHCR, ACCMR), as it was before
    acronyms could be translated; {lang: text} gives a language its own form (ΑΠΘ, AUTh), and a
    language left out shows the source's, marked as in the source's language (ΚΕΔΗΛ)."""

    def provides(self, value, lang):
        return not isinstance(value, dict) or lang in value


class Rich(Text):
    """`lrich`: like `ltext`, each value an HTML fragment of the allowed elements."""

    def __init__(self, key, attr=None, required=False):
        super().__init__(key, attr, required, max_length=RICH_TEXT_LIMIT)

    def check(self, value, path, ctx):
        super().check(value, path, ctx)
        texts = value if isinstance(value, dict) else {ctx.source_language: value}
        structures = {}
        for lang, fragment in texts.items():
            cleaned, removed = rich_html.clean(fragment)
            lang_path = f"{path}.{lang}" if isinstance(value, dict) else path
            if removed:
                ctx.note(lang_path, "removed " + ", ".join(removed))
            structures[lang] = rich_html.block_structure(cleaned)
        source = structures.get(ctx.source_language)
        for lang, structure in structures.items():
            if source is not None and lang != ctx.source_language and structure != source:
                ctx.problem(
                    f"{path}.{lang}",
                    f"has a different block structure from the source language '{ctx.source_language}' "
                    f"(source: {_describe(source)}; this: {_describe(structure)})",
                )

    def clean(self, text):
        return rich_html.normalise(text)

    def read(self, obj, ctx):
        return rich_html.normalise(getattr(obj, self.attr) or "")


def _describe(structure):
    return ", ".join(f"{tag}×{items}" if items else tag for tag, items in structure) or "empty"


class Plain(Spec):
    """A language-neutral string (acronym, phone, credit)."""

    def __init__(self, key, attr=None, required=False, max_length=255):
        super().__init__(key, attr, required, default="")
        self.max_length = max_length

    def schema(self):
        return {"type": "string", "maxLength": self.max_length}

    def pick(self, value, lang, ctx):
        return value.strip()

    def read(self, obj, ctx):
        return getattr(obj, self.attr) or ""

    def export(self, values_by_lang, source_lang):
        return values_by_lang[source_lang] or None


class Email(Plain):
    def check(self, value, path, ctx):
        try:
            validate_email(value)
        except ValidationError:
            ctx.problem(path, f"'{value}' is not an email address")


class Url(Plain):
    def __init__(self, key, attr=None, required=False):
        super().__init__(key, attr, required, max_length=500)

    def schema(self):
        return {"$ref": "#/$defs/url"}


class Choice(Spec):
    def __init__(self, key, choices, attr=None, required=False, default=None):
        super().__init__(key, attr, required, default)
        self.choices = [value for value, _label in choices]

    def schema(self):
        return {"enum": self.choices}

    def read(self, obj, ctx):
        return getattr(obj, self.attr) or self.default

    def export(self, values_by_lang, source_lang):
        # A blank choice (a category without an icon, an organisation of no stated kind) is left out:
        # "" is none of the format's values, and the file would not import again.
        return values_by_lang[source_lang] or None


class PDate(Spec):
    def schema(self):
        return {"$ref": "#/$defs/pdate"}

    def check(self, value, path, ctx):
        try:
            PartialDate.parse(value)
        except ValueError as error:
            ctx.problem(path, str(error))

    def pick(self, value, lang, ctx):
        return PartialDate.parse(value)

    def export(self, values_by_lang, source_lang):
        value = values_by_lang[source_lang]
        return value.isoformat() if value else None


# The largest integer a bigint column holds, in SQLite and PostgreSQL alike.
BIG_INTEGER_MAX = 2**63 - 1


class Integer(Spec):
    """A count: a whole number from 0 to what a bigint column holds."""

    def schema(self):
        return {"type": "integer", "minimum": 0, "maximum": BIG_INTEGER_MAX}


class Number(Spec):
    """A JSON number that a decimal column of `max_digits` and `decimal_places` holds; kept exactly as a Decimal."""

    def __init__(self, key, attr=None, required=False, max_digits=16, decimal_places=2):
        super().__init__(key, attr, required)
        self.decimal_places = decimal_places
        self.bound = 10 ** (max_digits - decimal_places)

    def schema(self):
        return {"type": "number", "exclusiveMinimum": -self.bound, "exclusiveMaximum": self.bound}

    def check(self, value, path, ctx):
        if (
            isinstance(value, int | float)
            and -decimal.Decimal(str(value)).as_tuple().exponent > self.decimal_places
        ):
            ctx.problem(path, f"{value} has more than {self.decimal_places} decimal places")

    def pick(self, value, lang, ctx):
        return decimal.Decimal(str(value))

    def read(self, obj, ctx):
        value = getattr(obj, self.attr)
        return None if value is None else decimal.Decimal(value).normalize()

    def export(self, values_by_lang, source_lang):
        value = values_by_lang[source_lang]
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)


class Flag(Spec):
    def __init__(self, key, attr=None):
        super().__init__(key, attr, default=False)

    def schema(self):
        return {"type": "boolean"}

    def export(self, values_by_lang, source_lang):
        return True if values_by_lang[source_lang] else None


class Ref(Spec):
    """A reference by id to a record of another kind (a snippet)."""

    def __init__(self, key, kind, attr=None, required=False):
        super().__init__(key, attr, required)
        self.kind = kind

    def schema(self):
        return {"$ref": "#/$defs/id"}

    def check(self, value, path, ctx):
        ctx.check_reference(self.kind, value, path)

    def assign(self, obj, value, ctx):
        setattr(obj, self.attr, ctx.resolve(self.kind, value) if value else None)

    def read(self, obj, ctx):
        related = getattr(obj, self.attr)
        return related.catalogue_id if related else None

    def select_related(self):
        return [self.attr]


class RefList(Ref):
    """An ordered list of references, stored one per inline row in the file's order.

    `attr` is the record's relation to its rows (`category_links`), `rows` the
    rows' model and `target` the row's foreign key to the referenced record.
    The order is the editors' (the first category is the practice's main
    one), so it is compared, kept and exported as given.
    """

    def __init__(self, key, kind, rows, attr, target="term", required=False, min_items=0):
        super().__init__(key, kind, attr, required)
        self.rows = rows
        self.target = target
        self.min_items = min_items

    def schema(self):
        return {"type": "array", "items": {"$ref": "#/$defs/id"}, "minItems": self.min_items}

    def check(self, value, path, ctx):
        seen = set()
        for index, item in enumerate(value):
            ctx.check_reference(self.kind, item, f"{path}[{index}]")
            if item in seen:
                ctx.problem(f"{path}[{index}]", f"lists '{item}' a second time")
            seen.add(item)

    def absent(self):
        return []

    def pick(self, value, lang, ctx):
        return list(value)

    def assign(self, obj, value, ctx):
        setattr(
            obj,
            self.attr,
            [
                self.rows(sort_order=index, **{self.target: ctx.resolve(self.kind, item)})
                for index, item in enumerate(value)
            ],
        )

    def read(self, obj, ctx):
        return [getattr(row, self.target).catalogue_id for row in getattr(obj, self.attr).all()]

    def select_related(self):
        return []

    def fetch_related(self, instances, owners):
        if not instances:
            return
        parent_key = type(instances[0])._meta.get_field(self.attr).field.attname
        groups = group_rows(self.rows.objects.select_related(self.target), parent_key, owners)
        for instance in instances:
            # In memory only (modelcluster): read() then lists them without a query.
            getattr(instance, self.attr).set(groups.get(instance.pk, []))

    def export(self, values_by_lang, source_lang):
        return values_by_lang[source_lang] or None


def joined(queryset, fields):
    """`queryset` joined to the foreign keys the fields' read() follows.

    Only those: select_related() without arguments would join every
    non-null foreign key, the parent page of every inline row among them.
    """
    lookups = [lookup for field in fields for lookup in field.select_related()]
    return queryset.select_related(*lookups) if lookups else queryset


def group_rows(queryset, key, owners):
    """`queryset`'s rows whose `key` is among `owners` (a subquery of ids), grouped by it, in one query.

    A subquery, not a list of ids: thousands of query parameters cost more
    to build than the rows themselves, and would meet SQLite's limit.
    """
    groups = {}
    for row in queryset.filter(**{f"{key}__in": owners}):
        groups.setdefault(getattr(row, key), []).append(row)
    return groups


class Location(Spec):
    """{"lat", "lon"} stored in two decimal fields."""

    def schema(self):
        return {
            "type": "object",
            "properties": {
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lon": {"type": "number", "minimum": -180, "maximum": 180},
            },
            "required": ["lat", "lon"],
            "additionalProperties": False,
        }

    def pick(self, value, lang, ctx):
        return (
            decimal.Decimal(str(value["lat"])).quantize(decimal.Decimal("0.000001")),
            decimal.Decimal(str(value["lon"])).quantize(decimal.Decimal("0.000001")),
        )

    def absent(self):
        return (None, None)

    def assign(self, obj, value, ctx):
        obj.latitude, obj.longitude = value

    def read(self, obj, ctx):
        return (obj.latitude, obj.longitude)

    def export(self, values_by_lang, source_lang):
        lat, lon = values_by_lang[source_lang]
        if lat is None or lon is None:
            return None
        return {"lat": float(lat.normalize()), "lon": float(lon.normalize())}


class ImageFile(Spec):
    """A `path` to a JPEG, PNG or WebP file beside the catalogue, stored as a Wagtail image."""

    def schema(self):
        return {"$ref": "#/$defs/path"}

    def check(self, value, path, ctx):
        ctx.check_image_path(value, path)

    def pick(self, value, lang, ctx):
        return ctx.file_hash(value)

    def assign(self, obj, value, ctx):
        setattr(obj, self.attr, ctx.image_with_hash(value) if value else None)

    def read(self, obj, ctx):
        image = getattr(obj, self.attr)
        return image.get_file_hash() if image else None

    def select_related(self):
        return [self.attr]

    def export(self, values_by_lang, source_lang):
        file_hash = values_by_lang[source_lang]
        return exported_image_path(file_hash) if file_hash else None


def exported_image_path(file_hash):
    """Where an export folder keeps an image: named by content, so names never clash."""
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(file_hash=file_hash).first()
    prefix = f"{file_hash[:12]}-"
    name = Path(image.file.name).name if image else "image"
    return f"images/{name if name.startswith(prefix) else prefix + name}"
