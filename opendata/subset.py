"""The catalogue format for some practices only: the JSON download of a filtered list.

It is cut out of the catalogue's own export (catalogue.format.exporter),
so each practice record is the one the full export gives. The file holds
what those practices reference (their cities, categories, target groups
and organisations) and stands alone: it validates against the schema and
imports into an empty site. To stand alone it leaves out two things
(docs/decisions/0050-open-data-downloads.md):

- file references (practice images, organisation logos, city emblems): a
  path must name a file beside the JSON, and a download is one file. Leaving
  a key out means "unchanged" on import, so nothing is lost by re-importing;
- `adapted_from` entries naming practices outside the file, which an empty
  site could not resolve.
"""

from catalogue.format.exporter import export_catalogue

FILE_KEYS = {"practices": ("images",), "organisations": ("logo",), "cities": ("emblem",)}
TERM_KINDS = ("categories", "target_groups")


def referenced_organisations(practice):
    yield from (item["organisation"] for item in practice.get("organisations", []))
    yield from (item["organisation"] for item in practice.get("testimonials", []) if "organisation" in item)
    yield from (item["by"] for item in practice.get("recognitions", []))


def without_files(records, kind):
    keys = FILE_KEYS.get(kind, ())
    return [{key: value for key, value in record.items() if key not in keys} for record in records]


def catalogue_subset(practice_ids, city=None):
    """A `cni-catalogue/1` document with the live practices `practice_ids` and what they reference.

    `city` (a city id) narrows the export the subset is cut from, when every
    practice is known to be that city's.
    """
    wanted = set(practice_ids)
    document = export_catalogue(city=city, practices=wanted)
    practices = [practice for practice in document.get("practices", []) if practice["id"] in wanted]
    for practice in practices:
        if "adapted_from" in practice:
            kept = [other for other in practice["adapted_from"] if other in wanted]
            if kept:
                practice["adapted_from"] = kept
            else:
                del practice["adapted_from"]
    used = {
        "cities": {practice["city"] for practice in practices},
        "organisations": {ref for practice in practices for ref in referenced_organisations(practice)},
        **{kind: {ref for practice in practices for ref in practice.get(kind, [])} for kind in TERM_KINDS},
    }
    subset = {}
    for key, value in document.items():
        if not isinstance(value, list):
            subset[key] = value  # "format", "source_language"
            continue
        records = practices if key == "practices" else [item for item in value if item["id"] in used[key]]
        subset[key] = without_files(records, key)
    return subset
