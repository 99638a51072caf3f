"""Writing a validated catalogue into the site: snippets, then cities, then practices."""

import copy
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.images import ImageFile as DjangoImageFile

from modelcluster.models import ClusterableModel
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page

from catalogue.format.composite import Group, Items, TextItems
from catalogue.format.errors import CatalogueInvalid, Problem
from catalogue.format.kinds import ALL_KINDS, CITIES, PRACTICES, SNIPPET_KINDS
from catalogue.format.new_pages import NewPages
from catalogue.format.ownership import ID_TAKEN, practice_owners
from catalogue.format.translation_rows import NewSource, NewTarget, TranslationRows
from catalogue.format.translations import save_translation, source_for, store_strings
from catalogue.format.values import Text, child_key
from home.site_tree import ensure_site_tree


@dataclass
class Tally:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    def line(self, label):
        return f"{label}: {len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged"


def record_languages(kind, record):
    found = set()
    for spec in kind.fields:
        if spec.key in record:
            found |= spec.languages(record[spec.key])
    return found


def fallback_paths(kind, record, lang, translation_key):
    """wagtail-localize segment paths of texts the record has no `lang` version of."""
    paths = set()
    for spec in kind.fields:
        if spec.key not in record:
            continue
        value = record[spec.key]
        if isinstance(spec, TextItems):
            for index, item in enumerate(value):
                if not spec.fields[0].provides(item, lang):
                    paths.add(f"{spec.attr}.{child_key(translation_key, spec.attr, index)}.text")
        elif isinstance(spec, Items):
            for index, item in enumerate(value):
                key = child_key(translation_key, spec.attr, index)
                for sub in spec.fields:
                    if isinstance(sub, Text) and sub.key in item and not sub.provides(item[sub.key], lang):
                        paths.add(f"{spec.attr}.{key}.{sub.attr}")
        elif isinstance(spec, Group):
            for sub in spec.fields:
                if isinstance(sub, Text) and sub.key in value and not sub.provides(value[sub.key], lang):
                    paths.add(sub.attr)
        elif isinstance(spec, Text) and not spec.provides(value, lang):
            paths.add(spec.attr)
    return paths


def touched_attrs(kind, record):
    attrs = set()
    for spec in kind.fields:
        if spec.key in record:
            attrs |= {sub.attr for sub in spec.fields} if isinstance(spec, Group) else {spec.attr}
    return attrs


def _clone(instance):
    if isinstance(instance, ClusterableModel):
        return instance.__class__.from_json(instance.to_json(), check_fks=False)
    return copy.copy(instance)


def _latest(instance):
    """The newest content: the latest revision (a draft, perhaps) or the row itself."""
    if isinstance(instance, Page | DraftStateMixin) and instance.get_latest_revision():
        return instance.get_latest_revision_as_object()
    return instance


class Writer:
    def __init__(self, ctx, publish, user=None):
        self.ctx = ctx
        self.publish = publish
        self.user = user  # whose name revisions are saved in (None: the system)
        ctx.writer = self
        self.trees = ensure_site_tree()
        self.locales = {code: tree.home.locale for code, tree in self.trees.items()}
        self.default_locale = self.locales[settings.LANGUAGE_CODE]
        self.tallies = {kind.key: Tally() for kind in ALL_KINDS}
        self._resolved = {}
        self._cities = {}
        self.new_pages = NewPages(publish, user)
        self.translation_rows = TranslationRows()

    # Lookups used by the field specs
    def resolve(self, kind_key, record_id):
        cache_key = (kind_key, record_id)
        if cache_key not in self._resolved:
            if kind_key == PRACTICES.key:
                found = PRACTICES.model.objects.filter(
                    catalogue_id=record_id, locale=self.default_locale
                ).first()
            else:
                model = next(kind.model for kind in SNIPPET_KINDS if kind.key == kind_key)
                found = model.objects.filter(catalogue_id=record_id, locale=self.default_locale).first()
            self._resolved[cache_key] = found
        return self._resolved[cache_key]

    def image_with_hash(self, file_hash):
        image_model = get_image_model()
        image = image_model.objects.filter(file_hash=file_hash).first()
        if image:
            return image
        relative = next(value for value, known in self.ctx.hashes.items() if known == file_hash)
        path = self.ctx.resolve_path(relative)
        with path.open("rb") as handle:
            image = image_model(title=path.stem, file=DjangoImageFile(handle, name=path.name))
            image.save()
        return image

    # Writing
    def write(self):
        document = self.ctx.document
        for kind in SNIPPET_KINDS:
            for record in document.get(kind.key, []):
                self.write_snippet(kind, record)
        for record in document.get(CITIES.key, []):
            self.write_page(CITIES, record, lambda record, lang: self.trees[lang].cities)
        for record in self._adaptation_order(document.get(PRACTICES.key, [])):
            self.write_page(PRACTICES, record, self._city_page)
        self.new_pages.finish()
        self.translation_rows.write()
        return self.tallies

    def _city_page(self, record, lang):
        # Kept for the import: a city has many practices. (NewPages.save
        # re-reads a kept parent's child count when it could be stale.)
        key = (record["city"], lang)
        if key not in self._cities:
            self._cities[key] = CITIES.model.objects.get(
                catalogue_id=record["city"], locale=self.locales[lang]
            )
        return self._cities[key]

    def _adaptation_order(self, records):
        """Practices a record adapts are written before it, so the link can be stored."""
        by_id = {record["id"]: record for record in records}
        ordered, placed = [], set()

        def place(record, trail=()):
            if record["id"] in placed or record["id"] in trail:
                return
            for other in record.get("adapted_from", []):
                if other in by_id:
                    place(by_id[other], (*trail, record["id"]))
            placed.add(record["id"])
            ordered.append(record)

        for record in records:
            place(record)
        return ordered

    def _apply(self, kind, instance, record, lang, is_new):
        """Put the record's values on the instance; say whether anything changed."""
        ctx = self.ctx
        specs = [spec for spec in kind.fields if spec.key in record]
        expected = {spec.key: spec.pick(record[spec.key], lang, ctx) for spec in specs}
        if not is_new and {spec.key: spec.read(instance, ctx) for spec in specs} == expected:
            return False
        for spec in specs:
            spec.assign(instance, expected[spec.key], ctx)
        return True

    def _source_language(self, record):
        return record.get("source_language", self.ctx.default_source)

    def write_snippet(self, kind, record):
        lang = self._source_language(record)
        self.ctx.source_language = lang
        locale = self.locales[lang]
        stored = kind.model.objects.filter(catalogue_id=record["id"], locale=locale).first()
        is_new = stored is None
        instance = kind.model(catalogue_id=record["id"], locale=locale) if is_new else _latest(stored)
        changed = self._apply(kind, instance, record, lang, is_new)
        if changed:
            if isinstance(instance, DraftStateMixin):
                # An existing snippet's changes wait in a revision, like a page's.
                if is_new:
                    instance.live = self.publish
                    instance.save()
                revision = instance.save_revision(user=self.user)
                if self.publish:
                    revision.publish()
            else:
                instance.save()
            self._resolved.pop((kind.key, record["id"]), None)
        self._tally(kind, record, is_new, changed)
        self.write_translations(kind, instance, record, lang, source_changed=changed)

    def write_page(self, kind, record, parent_for):
        lang = self._source_language(record)
        self.ctx.source_language = lang
        locale = self.locales[lang]
        stored = kind.model.objects.filter(
            catalogue_id=record["id"], locale=locale, alias_of__isnull=True
        ).first()
        if stored is None:
            self.create_page(kind, record, lang, parent_for)
            return
        if not stored.path.startswith(parent_for(record, lang).path):
            # Validation refuses a record of a practice another city owns
            # (validation.py); an import never moves a page.
            raise CatalogueInvalid([Problem(f"{kind.key}[{record['id']}]", ID_TAKEN)])
        page = _latest(stored)
        changed = self._apply(kind, page, record, lang, is_new=False)
        if changed:
            revision = page.save_revision(user=self.user, clean=True)
            if self.publish:
                revision.publish()
        elif self.publish and (not stored.live or stored.has_unpublished_changes):
            stored.get_latest_revision().publish()
        self._tally(kind, record, False, changed)
        self.write_translations(kind, page, record, lang, source_changed=changed)

    def create_page(self, kind, record, lang, parent_for):
        """A record new to the site: its page and translated pages, each saved once.

        The pages are written from the record's own texts; wagtail-localize's
        rows for them (source, segments, string translations) are written in
        bulk at the end of the import (translation_rows.py).
        """
        page = new_page(kind, record, locale=self.locales[lang])
        self._apply(kind, page, record, lang, is_new=True)
        self.new_pages.save(parent_for(record, lang), page)
        self._tally(kind, record, True, True)
        languages = record_languages(kind, record)
        targets = []
        for other, locale in self.locales.items():
            if other == lang:
                continue
            if other not in languages:
                page.copy_for_translation(locale, copy_parents=True, alias=True)
                continue
            translated = new_page(kind, record, locale=locale, translation_key=page.translation_key)
            self._apply(kind, translated, record, other, is_new=True)
            revision = self.new_pages.save(parent_for(record, other), translated)
            fallback = fallback_paths(kind, record, other, page.translation_key)
            targets.append(NewTarget(locale, translated, revision, fallback))
        self.translation_rows.add(
            NewSource(page, targets, touched=touched_attrs(kind, record), path=f"{kind.key}[{record['id']}]")
        )

    def _tally(self, kind, record, is_new, changed):
        tally = self.tallies[kind.key]
        (tally.created if is_new else tally.updated if changed else tally.unchanged).append(record["id"])

    def write_translations(self, kind, instance, record, source_lang, source_changed):
        languages = record_languages(kind, record)
        source = None
        for lang, locale in self.locales.items():
            if lang == source_lang:
                continue
            target = instance.get_translation_or_none(locale)
            if lang not in languages:
                if target is None:
                    source = source or source_for(instance)
                    self._untranslated_copy(kind, instance, locale, source)
                continue
            if target is not None and not source_changed and not getattr(target, "alias_of_id", None):
                if not self._apply(kind, _latest(target), record, lang, is_new=False):
                    continue
            source = source or source_for(instance)
            translated = _clone(instance)
            translated.locale = locale
            self.ctx.source_language = source_lang
            self._apply(kind, translated, record, lang, is_new=True)
            store_strings(
                source,
                locale,
                translated,
                touched=touched_attrs(kind, record),
                fallback=fallback_paths(kind, record, lang, instance.translation_key),
                path=f"{kind.key}[{record['id']}]",
            )
            save_translation(source, locale, self.publish, user=self.user)

    def _untranslated_copy(self, kind, instance, locale, source):
        """Every record exists in every language: an alias for pages, the source text for snippets."""
        if kind.is_page:
            instance.copy_for_translation(locale, copy_parents=True, alias=True)
        else:
            # A draft (an organisation proposed by a city) stays a draft in every language.
            live = self.publish or getattr(instance, "live", True)
            save_translation(source, locale, publish=live, user=self.user)


def new_page(kind, record, **fields):
    """An unsaved page for a record: its slug and its catalogue id are the record's id.

    The whole file's ids were checked against the site's at once
    (validation.py), so the page need not check its own again.
    """
    page = kind.model(slug=record["id"], catalogue_id=record["id"], **fields)
    page.catalogue_id_checked = True
    return page


def existing_ids(referable_drafts=True):
    """Ids already on the site, per kind, for validating references.

    `practice_cities` maps each practice's id to the id of the city that
    owns it: the city of its source-language page (ownership.py). Without
    `referable_drafts` (an import for one city), a practice that is nowhere
    live is left out of the ids a record may refer to (`adapted_from`), so a
    city's file learns nothing of another city's drafts.
    """
    found = defaultdict(set)
    for kind in SNIPPET_KINDS:
        found[kind.key] = set(kind.model.objects.values_list("catalogue_id", flat=True))
    found[CITIES.key] = set(CITIES.model.objects.values_list("catalogue_id", flat=True))
    found["practice_cities"] = practice_owners()
    practices = PRACTICES.model.objects.all() if referable_drafts else PRACTICES.model.objects.live()
    found[PRACTICES.key] = set(practices.values_list("catalogue_id", flat=True))
    return found
