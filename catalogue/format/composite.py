"""Specs made of other specs: nested objects and ordered lists of items."""

from catalogue.format.values import Spec, Text, child_key, group_rows, joined


def object_schema(fields, extra_required=()):
    return {
        "type": "object",
        "properties": {field.key: field.schema() for field in fields},
        "required": [field.key for field in fields if field.required] + list(extra_required),
        "additionalProperties": False,
    }


class Group(Spec):
    """A nested object whose keys are fields of the parent model (`contact`)."""

    translatable = True

    def __init__(self, key, fields):
        super().__init__(key)
        self.fields = fields

    def schema(self):
        return object_schema(self.fields)

    def check(self, value, path, ctx):
        for field in self.fields:
            if field.key in value:
                field.check(value[field.key], f"{path}.{field.key}", ctx)

    def languages(self, value):
        return set().union(
            *(field.languages(value[field.key]) for field in self.fields if field.key in value)
        )

    def pick(self, value, lang, ctx):
        return {
            field.key: field.pick(value[field.key], lang, ctx) if field.key in value else field.absent()
            for field in self.fields
        }

    def absent(self):
        return {field.key: field.absent() for field in self.fields}

    def assign(self, obj, value, ctx):
        for field in self.fields:
            field.assign(obj, value[field.key], ctx)

    def read(self, obj, ctx):
        return {field.key: field.read(obj, ctx) for field in self.fields}

    def select_related(self):
        return [lookup for field in self.fields for lookup in field.select_related()]

    def export(self, values_by_lang, source_lang):
        exported = {
            field.key: field.export(
                {lang: value[field.key] for lang, value in values_by_lang.items()}, source_lang
            )
            for field in self.fields
        }
        exported = {key: value for key, value in exported.items() if value is not None}
        return exported or None


class Items(Spec):
    """An ordered list of objects stored as an inline (child) model."""

    translatable = True

    def __init__(self, key, model, fields, relation=None, check_item=None, defaults=None, keep=None):
        super().__init__(key, relation or key)
        self.model = model
        self.fields = fields
        self.check_item = check_item
        # Model values the format has no key for, set on every imported item,
        # and which stored items a file may carry (the others are not exported).
        self.defaults = defaults or {}
        self.keep = keep

    def schema(self):
        return {"type": "array", "items": object_schema(self.fields)}

    def check(self, value, path, ctx):
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            for field in self.fields:
                if field.key in item:
                    field.check(item[field.key], f"{item_path}.{field.key}", ctx)
            if self.check_item:
                self.check_item(item, item_path, ctx)

    def languages(self, value):
        found = set()
        for item in value:
            for field in self.fields:
                if field.key in item:
                    found |= field.languages(item[field.key])
        return found

    def pick(self, value, lang, ctx):
        return [
            {
                field.key: field.pick(item[field.key], lang, ctx) if field.key in item else field.absent()
                for field in self.fields
            }
            for item in value
        ]

    def absent(self):
        return []

    def assign(self, obj, value, ctx):
        existing = {child.translation_key: child.pk for child in getattr(obj, self.attr).all()}
        children = []
        for index, item in enumerate(value):
            child = self.model(sort_order=index, **self.defaults)
            key = child_key(obj.translation_key, self.attr, index)
            if hasattr(child, "translation_key"):
                child.translation_key = key
                child.locale = obj.locale
                child.pk = existing.get(key)
            for field in self.fields:
                field.assign(child, item[field.key], ctx)
            children.append(child)
        setattr(obj, self.attr, children)

    def read(self, obj, ctx):
        return [
            {field.key: field.read(child, ctx) for field in self.fields}
            for child in getattr(obj, self.attr).all()
            if self.keep is None or self.keep(child)
        ]

    def fetch_related(self, instances, owners, children=None):
        """All the instances' items in one query (per batch), kept on each instance in memory.

        Django's prefetch_related builds a queryset per instance and
        relation, which cost more than reading the records themselves.
        """
        if not instances:
            return
        if children is None:
            children = joined(self.model.objects.all(), self.fields)
        parent_key = type(instances[0])._meta.get_field(self.attr).field.attname
        groups = group_rows(children, parent_key, owners)
        for instance in instances:
            # In memory only (modelcluster): read() then lists them without a query.
            getattr(instance, self.attr).set(groups.get(instance.pk, []))

    def export(self, values_by_lang, source_lang):
        source_items = values_by_lang[source_lang]
        exported = []
        for index, source_item in enumerate(source_items):
            item = {}
            for field in self.fields:
                per_lang = {
                    lang: items[index][field.key] if index < len(items) else source_item[field.key]
                    for lang, items in values_by_lang.items()
                }
                value = field.export(per_lang, source_lang)
                if value is not None:
                    item[field.key] = value
            exported.append(item)
        return exported or None


class TextItems(Items):
    """A list of `ltext` stored one per inline row (`achievements`)."""

    def __init__(self, key, model, attr):
        super().__init__(key, model, [Text("text", attr=attr, required=True)])

    def schema(self):
        return {"type": "array", "items": {"$ref": "#/$defs/ltext"}}

    def check(self, value, path, ctx):
        for index, item in enumerate(value):
            self.fields[0].check(item, f"{path}[{index}]", ctx)

    def languages(self, value):
        return set().union(set(), *(self.fields[0].languages(item) for item in value))

    def pick(self, value, lang, ctx):
        return [{"text": self.fields[0].pick(item, lang, ctx)} for item in value]

    def export(self, values_by_lang, source_lang):
        exported = super().export(values_by_lang, source_lang)
        return [item["text"] for item in exported] if exported else None
