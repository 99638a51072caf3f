"""Benchmark: import N practices with their English translations, then export them.

Not a test. It compares, in one run on one database:
- the importer (`catalogue.format.importer.import_document`): whole file,
  one transaction, each object indexed once at the end;
- the obvious path: one practice at a time, each in its own transaction,
  through wagtail-localize's own operations (`translate_object`, a string
  translation per segment, `Translation.save_target`).

Usage:
    .venv/bin/python benchmarks/import_export.py [--practices 1000] [--baseline 100]
        [--database sqlite:////tmp/cni-bench.sqlite3]
"""

import argparse
import copy
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(database_url):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command

    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from django.conf import settings

    # As in production: with DEBUG on, Django keeps a log of every query.
    settings.DEBUG = False


def vocabulary_only(document):
    """The snippets and cities of a document, without its practices."""
    return {**copy.deepcopy(document), "practices": []}


def obvious_path(document, practice_records):
    """One practice at a time through wagtail-localize's public operations."""
    from django.db import transaction

    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation, Translation
    from wagtail_localize.operations import translate_object
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    from catalogue.format.kinds import PRACTICES
    from catalogue.format.validation import Context
    from catalogue.format.writer import Writer, existing_ids
    from cities.models import CityPage

    greek, english = Locale.objects.get(language_code="el"), Locale.objects.get(language_code="en")
    for record in practice_records:
        with transaction.atomic():
            ctx = Context(document, None, existing_ids())
            writer = Writer(ctx, publish=True)
            page = PRACTICES.model(slug=record["id"], locale=greek)
            writer._apply(PRACTICES, page, record, "el", is_new=True)
            CityPage.objects.get(slug=record["city"], locale=greek).add_child(instance=page)
            page.save_revision().publish()
            translate_object(page, [english])
            translation = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=english
            )
            english_copy = PRACTICES.model.from_json(page.to_json(), check_fks=False)
            writer._apply(PRACTICES, english_copy, record, "en", is_new=True)
            values = [v for v in extract_segments(english_copy) if isinstance(v, StringSegmentValue)]
            for segment, value in zip(
                StringSegment.objects.filter(source=translation.source).order_by("order"), values, strict=True
            ):
                StringTranslation.objects.create(
                    translation_of_id=segment.string_id,
                    locale=english,
                    context_id=segment.context_id,
                    data=value.string.data,
                )
            translation.save_target(publish=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=100, help="practices for the obvious path")
    parser.add_argument("--database", default="sqlite:////tmp/cni-bench.sqlite3")
    parser.add_argument("--export-repeats", type=int, default=5)
    args = parser.parse_args()
    setup_django(args.database)

    from django.db import connection

    from benchmarks.catalogue_generator import generate
    from catalogue.format import html
    from catalogue.format.exporter import export_catalogue
    from catalogue.format.importer import import_document
    from practices.models import PracticePage

    document = generate(args.practices + args.baseline)
    ours = {**document, "practices": document["practices"][: args.practices]}
    theirs = document["practices"][args.practices :]

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    import_document(copy.deepcopy(ours), publish=True)
    import_seconds = time.perf_counter() - started
    assert (
        PracticePage.objects.filter(locale__language_code="en", alias_of__isnull=True).count()
        == args.practices
    )

    export_times = []
    for _ in range(args.export_repeats):
        # Each export starts cold: the importer's memo of normalised rich
        # text would otherwise serve every fragment of the repeats.
        html.normalise.cache_clear()
        started = time.perf_counter()
        exported = export_catalogue()
        export_times.append(time.perf_counter() - started)
    assert len(exported["practices"]) == args.practices

    started = time.perf_counter()
    obvious_path(document, theirs)
    baseline_seconds = time.perf_counter() - started
    assert PracticePage.objects.filter(locale__language_code="en", alias_of__isnull=True).count() == len(
        document["practices"]
    )

    import_rate = args.practices / import_seconds
    baseline_rate = args.baseline / baseline_seconds
    export_rate = args.practices / statistics.median(export_times)
    print(f"database: {connection.vendor}; cores: {os.cpu_count()}")
    print(f"1-minute load average: {load_before:.1f} before the import, {os.getloadavg()[0]:.1f} at the end")
    print(
        f"import (importer): {args.practices} practices + English in {import_seconds:.1f} s = {import_rate:.1f} practices/s"
    )
    print(
        f"import (obvious path): {args.baseline} practices + English in {baseline_seconds:.1f} s = {baseline_rate:.1f} practices/s"
    )
    print(f"import ratio, importer / obvious path: {import_rate / baseline_rate:.1f}x")
    print(
        f"export: median of {args.export_repeats} = {statistics.median(export_times):.2f} s = {export_rate:.0f} practices/s"
    )


if __name__ == "__main__":
    main()
