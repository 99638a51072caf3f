"""What the database backends index for one object: its text in four parts.

- `title`: the title and the fields boosted above the rest (a practice's
  acronym): a hit here outranks a hit in the body;
- `body`: every other search field, and, for a practice, the names and
  acronyms of the organisations involved (in every language: names are
  searched as they are known);
- `place`: for a page under a city, that city's titles in every language and
  its slug, so "Volos", «Βόλος» or «Βόλου» find the city's practices even
  when their text does not name it, and rank them first (search.terms);
- `other`: the text of the object's translations (live, not aliases), so a
  reader on /el/ who types English finds the Greek page, ranked below
  pages that match in their own language.

Every object that shares a translation key with another is indexed with the
others' text, so indexing one object rewrites its translations' entries too
(`Family`). Text is analysed by search.analysis (stems, Latin keys, joined
names), the same way for SQLite and PostgreSQL; rich text is indexed
without its markup.
"""

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Manager, prefetch_related_objects
from django.utils.encoding import force_str

from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from wagtail.models import Page

from cities.models import CityPage
from practices.models import Organisation, PracticeOrganisation, PracticePage

TAG = re.compile(r"<[^>]*>")
# A field boosted this much or more is indexed with the title.
TITLE_BOOST = 2


def plain(value):
    """Text of a prepared value: lists and dicts flattened, markup and entities removed."""
    if isinstance(value, list | tuple):
        return " ".join(plain(item) for item in value)
    if isinstance(value, dict):
        return " ".join(plain(item) for item in value.values())
    text = force_str(value) if value is not None else ""
    if "<" in text or "&" in text:
        text = html.unescape(TAG.sub(" ", text))
    return text


@dataclass
class Parts:
    title: list = field(default_factory=list)
    body: list = field(default_factory=list)
    autocomplete: list = field(default_factory=list)

    def add(self, search_field, value):
        text = plain(value).strip()
        if not text:
            return
        if isinstance(search_field, AutocompleteField):
            self.autocomplete.append(text)
        elif search_field.field_name == "title" or (search_field.boost or 1) >= TITLE_BOOST:
            self.title.append(text)
        else:
            self.body.append(text)


@dataclass
class Document:
    """The four parts of one object's entry, as lists of texts."""

    own: Parts
    place: list = field(default_factory=list)
    other: Parts = field(default_factory=Parts)

    @property
    def title_text(self):
        return " ".join(self.own.title)

    @property
    def body_text(self):
        return " ".join(self.own.body)


def own_parts(obj):
    """The object's own search fields, sorted into title, body and autocomplete."""
    parts = Parts()
    for search_field in obj.get_search_fields():
        for found_field, value in _walk(obj, search_field):
            parts.add(found_field, value)
    return parts


def _walk(obj, search_field):
    if isinstance(search_field, SearchField | AutocompleteField):
        yield search_field, search_field.get_value(obj)
    elif isinstance(search_field, RelatedFields):
        related = search_field.get_value(obj)
        if related is None:
            return
        if isinstance(related, Manager):
            related = related.all()
        elif callable(related):
            related = [related()]
        else:
            related = [related]
        for sub_obj in related:
            for sub_field in search_field.fields:
                yield from _walk(sub_obj, sub_field)


class Family:
    """`objs` and every object that shares a translation key with one of them.

    `entries()` gives the Document of each, each with the others' text as
    its `other` part: the objects whose entries must be written together.
    """

    def __init__(self, model, objs):
        self.model = model
        self.objs = list(objs)
        keys = {obj.translation_key for obj in self.objs if getattr(obj, "translation_key", None)}
        known = {obj.pk for obj in self.objs}
        members = list(self.objs)
        if keys:
            members += list(model._default_manager.filter(translation_key__in=keys).exclude(pk__in=known))
        # One query per relation for the whole batch, not one per object and relation.
        prefetch_related_objects(members, *relations_read_by_search_fields(model))
        self.members = members

    def entries(self):
        """[(object, Document)] for every member."""
        parts = {member.pk: own_parts(member) for member in self.members}
        places = places_of([member for member in self.members if isinstance(member, Page)])
        organisations = organisation_names([m for m in self.members if isinstance(m, PracticePage)])
        siblings = defaultdict(list)
        for member in self.members:
            key = getattr(member, "translation_key", None)
            if key is not None:
                siblings[key].append(member)
        documents = []
        for member in self.members:
            own = parts[member.pk]
            own.body += organisations.get(member.pk, [])
            other = Parts()
            for sibling in siblings.get(getattr(member, "translation_key", None), []):
                if sibling.pk != member.pk and _lends_text(sibling, member):
                    other.title += parts[sibling.pk].title
                    other.body += parts[sibling.pk].body
                    other.autocomplete += parts[sibling.pk].autocomplete
            documents.append((member, Document(own=own, place=places.get(member.pk, []), other=other)))
        return documents


def entries_to_write(index, model, objs):
    """What `add_items(model, objs)` writes: the objects' families, each entry once per rebuild.

    A family is written together, so a rebuild, which adds every object in
    turn, would write each translation's entry again with its own batch
    (issue #14). While a rebuilder runs, its index remembers what it has
    written (`WritesEachEntryOnce`), and those entries are neither analysed nor written again.
    """
    if not model.get_search_fields() or not objs:
        return []
    written = getattr(index, "written_in_rebuild", None)
    if written is None:
        return Family(model, objs).entries()
    objs = [obj for obj in objs if (model, obj.pk) not in written]
    if not objs:
        return []
    # Members written before still lend their text to the others.
    entries = [
        (obj, document) for obj, document in Family(model, objs).entries() if (model, obj.pk) not in written
    ]
    written.update((model, obj.pk) for obj, _document in entries)
    return entries


class WritesEachEntryOnce:
    """A rebuilder during which the index remembers the entries it has written (`entries_to_write`)."""

    def start(self):
        index = self.begin()
        index.written_in_rebuild = set()
        return index

    def begin(self):
        """What the rebuild does first (a subclass's `start`); gives the index."""
        return super().start()

    def finish(self):
        try:
            self.complete()
        finally:
            self.index.written_in_rebuild = None

    def complete(self):
        """What the rebuild does last (a subclass's `finish`)."""
        super().finish()


def relations_read_by_search_fields(model):
    """The relations an object's search fields read: its RelatedFields, and
    those its methods read (the model's `search_prefetch`)."""
    related = [field.field_name for field in model.get_search_fields() if isinstance(field, RelatedFields)]
    return [*related, *getattr(model, "search_prefetch", ())]


def translations_of(item):
    """(model, [the other objects sharing `item`'s translation key]), as their own model (a page's specific one)."""
    model = getattr(item, "specific_class", None) or type(item)
    key = getattr(item, "translation_key", None)
    if key is None or not hasattr(model, "get_search_fields"):
        return model, []
    return model, list(model._default_manager.filter(translation_key=key).exclude(pk=item.pk))


def _lends_text(sibling, member):
    """Whether `sibling`'s text is `member`'s other-language text: a live
    translation, not an alias (whose text is its source's) nor `member`'s source."""
    if isinstance(sibling, Page):
        if not sibling.live or sibling.alias_of_id is not None:
            return False
        if getattr(member, "alias_of_id", None) == sibling.pk:
            return False
    return True


def places_of(pages):
    """{page id: the names of the city it is under, in every language, and the city's slug}."""
    parent_paths = {page.pk: page.path[: -Page.steplen] for page in pages if page.depth > 1}
    if not parent_paths:
        return {}
    cities = CityPage.objects.filter(path__in=set(parent_paths.values())).only(
        "path", "slug", "translation_key"
    )
    by_path = {city.path: city for city in cities}
    names = defaultdict(list)
    keys = {city.translation_key for city in by_path.values()}
    for key, title in CityPage.objects.filter(translation_key__in=keys, live=True).values_list(
        "translation_key", "title"
    ):
        names[key].append(title)
    places = {}
    for page_id, path in parent_paths.items():
        city = by_path.get(path)
        if city is not None:
            places[page_id] = [*dict.fromkeys(names[city.translation_key]), city.slug.replace("-", " ")]
    return places


def organisation_names(practices):
    """{practice id: the names and acronyms of the organisations involved, in every language}."""
    if not practices:
        return {}
    rows = PracticeOrganisation.objects.filter(page__in=practices).values_list(
        "page_id", "organisation__translation_key"
    )
    by_practice = defaultdict(set)
    for page_id, key in rows:
        by_practice[page_id].add(key)
    keys = set().union(*by_practice.values()) if by_practice else set()
    names = defaultdict(list)
    for key, name, acronym in Organisation.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "name", "acronym"
    ):
        names[key] += [name, acronym]
    return {
        page_id: [text for key in sorted(keys, key=str) for text in dict.fromkeys(names[key]) if text]
        for page_id, keys in by_practice.items()
    }
