"""BENCHMARK DATA ONLY: writes thousands of generated practices straight into the tables.

Not a way to import a catalogue. The real importer
(catalogue.format.importer, `manage.py import_catalogue`) validates every
record, keeps revisions and wagtail-localize's translation sources, and
publishes through Wagtail; it runs at about 3 practices a second, so 10,000
practices in two languages would take about an hour. This loader takes a
document from benchmarks/catalogue_generator.py and:

1. imports everything but the practices (the vocabulary and the cities, in
   both languages) through the real importer, so the site tree, the cities
   and their translations are exactly what an import makes;
2. writes the practices with bulk inserts: each practice as a live Greek page
   under its Greek city and a live English translation (same translation
   key) under the English city, with categories, target groups, an
   organisation and role, outcomes, achievements and links, as the importer
   would store them (relations hold the Greek snippets; decision 0003);
3. leaves the search index to `manage.py update_index`, which the caller
   runs afterwards.

The pages have no revisions and no translation sources: they are for reading
(the public site, search, the API), not for editing in the admin.

Run inside a configured Django process: `load(document)`.
"""

import uuid
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from catalogue.format.importer import import_document
from cities.models import CityPage
from practices.models import (
    Achievement,
    Category,
    Organisation,
    Outcome,
    PracticeCategory,
    PracticeLink,
    PracticeOrganisation,
    PracticePage,
    PracticeTargetGroup,
    TargetGroup,
)
from sitewide.partial_date import PartialDate

BATCH = 500


def _text(value, lang):
    return value.get(lang) or value.get("el") if isinstance(value, dict) else value


def _child_rows(model, rows):
    """INSERT the child table's own columns of a multi-table-inheritance model (bulk_create cannot)."""
    fields = model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
    values = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields] for obj in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def load(document, progress=lambda line: None):
    practices = document["practices"]
    progress(f"importing vocabulary and {len(document['cities'])} cities through the importer")
    import_document(dict(document, practices=[]), publish=True)

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    cities = defaultdict(dict)  # city id → language → CityPage
    for city in CityPage.objects.select_related("locale"):
        cities[city.catalogue_id][city.locale.language_code] = city
    el = locales["el"]
    categories = {c.catalogue_id: c for c in Category.objects.filter(locale=el)}
    target_groups = {t.catalogue_id: t for t in TargetGroup.objects.filter(locale=el)}
    organisations = {o.catalogue_id: o for o in Organisation.objects.filter(locale=el)}
    content_type = ContentType.objects.get_for_model(PracticePage)
    now = timezone.now()

    # Next free child position under each city page (treebeard's materialised path).
    next_child = {city.pk: city.numchild for by_lang in cities.values() for city in by_lang.values()}

    for start in range(0, len(practices), BATCH):
        batch = practices[start : start + BATCH]
        with transaction.atomic():
            pages = []
            for record in batch:
                key = uuid.uuid4()
                for lang in ("el", "en"):
                    city = cities[record["city"]][lang]
                    next_child[city.pk] += 1
                    started = PartialDate.parse(record["started"])
                    documented = PartialDate.parse(record["documented"])
                    page = PracticePage(
                        title=_text(record["title"], lang).rstrip("."),
                        draft_title=_text(record["title"], lang).rstrip("."),
                        slug=record["id"],
                        catalogue_id=record["id"],
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        path=Page._get_path(city.path, city.depth + 1, next_child[city.pk]),
                        depth=city.depth + 1,
                        numchild=0,
                        url_path=f"{city.url_path}{record['id']}/",
                        first_published_at=now,
                        last_published_at=now,
                        locale=locales[lang],
                        translation_key=key,
                        summary=_text(record["summary"], lang),
                        description=_text(record["description"], lang),
                        status=record["status"],
                        started=started,
                        documented=documented,
                    )
                    page._record = record
                    page._lang = lang
                    pages.append(page)
            # The base rows first (bulk_create returns their ids), then the child rows.
            base_rows = Page.objects.bulk_create(
                [
                    Page(**{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields})
                    for p in pages
                ]
            )
            for page, base in zip(pages, base_rows, strict=True):
                page.pk = page.page_ptr_id = base.pk
            _child_rows(PracticePage, pages)

            category_links, group_links = [], []
            organisations_rows, outcomes, achievements, links = [], [], [], []
            item_keys = {}
            for page in pages:
                record, lang = page._record, page._lang
                for index, cid in enumerate(record["categories"]):
                    category_links.append(
                        PracticeCategory(page_id=page.pk, term=categories[cid], sort_order=index)
                    )
                for index, gid in enumerate(record.get("target_groups", [])):
                    group_links.append(
                        PracticeTargetGroup(page_id=page.pk, term=target_groups[gid], sort_order=index)
                    )

                def item_key(kind, index, record=record, keys=item_keys):
                    return keys.setdefault((record["id"], kind, index), uuid.uuid4())

                common = {"page_id": page.pk, "locale": locales[lang]}
                for index, link in enumerate(record.get("organisations", [])):
                    organisations_rows.append(
                        PracticeOrganisation(
                            **common,
                            sort_order=index,
                            translation_key=item_key("org", index),
                            organisation=organisations[link["organisation"]],
                            role=link["role"],
                        )
                    )
                for index, outcome in enumerate(record.get("outcomes", [])):
                    outcomes.append(
                        Outcome(
                            **common,
                            sort_order=index,
                            translation_key=item_key("outcome", index),
                            value=outcome["value"],
                            label=_text(outcome["label"], lang),
                        )
                    )
                for index, text in enumerate(record.get("achievements", [])):
                    achievements.append(
                        Achievement(
                            **common,
                            sort_order=index,
                            translation_key=item_key("ach", index),
                            text=_text(text, lang),
                        )
                    )
                for index, link in enumerate(record.get("links", [])):
                    links.append(
                        PracticeLink(
                            **common,
                            sort_order=index,
                            translation_key=item_key("link", index),
                            url=link["url"],
                            label=_text(link["label"], lang),
                        )
                    )
            PracticeCategory.objects.bulk_create(category_links)
            PracticeTargetGroup.objects.bulk_create(group_links)
            for model, rows in (
                (PracticeOrganisation, organisations_rows),
                (Outcome, outcomes),
                (Achievement, achievements),
                (PracticeLink, links),
            ):
                model.objects.bulk_create(rows)
        progress(f"  {min(start + BATCH, len(practices))} of {len(practices)} practices (×2 languages)")

    for by_lang in cities.values():
        for city in by_lang.values():
            Page.objects.filter(pk=city.pk).update(numchild=Page.objects.child_of(city).count())
