"""Import writes every field; reading the site back gives the file again."""

import copy
import json

import pytest

from django.core.management import call_command
from django.db import transaction

from wagtail.models import Revision

from catalogue.format.exporter import dumps, export_catalogue
from catalogue.format.importer import import_document
from practices.models import Category, Organisation, PracticePage
from tests.catalogue.conftest import row_counts

pytestmark = pytest.mark.django_db

DEFAULTS = {"status": "unknown", "evidence": "described"}


def canonical_text(value):
    """Texts equal in every language are the same as one bare string."""
    if isinstance(value, dict) and len(set(value.values())) == 1:
        return next(iter(value.values()))
    return value


def canonical(value):
    if isinstance(value, dict):
        if (
            value
            and all(isinstance(k, str) and len(k) == 2 for k in value)
            and all(isinstance(v, str) for v in value.values())
        ):
            return canonical_text(value)
        return {k: canonical(v) for k, v in value.items() if v not in (False, None)}
    if isinstance(value, list):
        # Lists keep their order: categories and target groups too, in their editors' order.
        return [canonical(item) for item in value]
    return value


def canonical_record(record, kind):
    record = canonical(record)
    if kind == "practices":
        for field, default in DEFAULTS.items():
            record.setdefault(field, default)
    return record


def test_every_field_round_trips(demo_document):
    import_document(copy.deepcopy(demo_document), publish=True)
    exported = export_catalogue()
    for kind in ("categories", "target_groups", "organisations", "cities", "practices"):
        expected = {record["id"]: canonical_record(record, kind) for record in demo_document[kind]}
        actual = {record["id"]: canonical_record(record, kind) for record in exported[kind]}
        assert actual.keys() == expected.keys(), kind
        for record_id, record in expected.items():
            assert actual[record_id] == record, f"{kind}[{record_id}]"


def test_a_new_order_of_categories_is_an_update_and_is_exported(accmr_document):
    import_document(copy.deepcopy(accmr_document), publish=True)
    record = accmr_document["practices"][0]
    record["categories"] = list(reversed(record["categories"]))
    record["target_groups"] = record["target_groups"][1:] + record["target_groups"][:1]
    report = import_document(copy.deepcopy(accmr_document), publish=True)
    assert report.tallies["practices"].updated == ["accmr"]
    exported = next(item for item in export_catalogue()["practices"] if item["id"] == "accmr")
    assert exported["categories"] == record["categories"]
    assert exported["target_groups"] == record["target_groups"]
    greek = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    assert [term.catalogue_id for term in greek.chosen_categories()] == record["categories"]


def test_pages_hold_the_file_values(accmr_document):
    import_document(accmr_document, publish=True)
    greek = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    english = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    assert english.translation_key == greek.translation_key
    assert english.title == "Athens Coordination Center for Migrant & Refugee issues"
    assert str(greek.started) == "2017-06" and greek.started.precision == "month"
    athens_partnership = greek.organisations.get(role="design_management")
    assert athens_partnership.organisation.catalogue_id == "athens-partnership"
    assert str(athens_partnership.period_until) == "2018-11"
    assert [o.value for o in greek.outcomes.all()] == [143, 151, 362, 31000]
    figures = list(greek.figures.all())
    assert (figures[0].value, figures[0].approximate, str(figures[0].date)) == (8000, True, "2019-10")
    assert (figures[1].value, figures[1].date, figures[1].source) == (1680, None, "")
    assert [t.name for t in english.testimonials.all()] == [
        "Dedousis Diaourtas",
        "Sotiria Kyriakopoulou",
        "Eleni Myrivili",
    ]
    assert [r.by.catalogue_id for r in greek.recognitions.all()] == ["oecd", "world-economic-forum"]
    assert greek.live and english.live


def test_second_import_changes_nothing(demo_document, write_catalogue, capsys):
    path = write_catalogue(demo_document)
    call_command("import_catalogue", str(path), "--publish")
    capsys.readouterr()
    counts = row_counts()
    revisions = Revision.objects.count()
    call_command("import_catalogue", str(path), "--publish")
    output = capsys.readouterr().out
    assert "practices: 0 created, 0 updated, 11 unchanged" in output
    assert "categories: 0 created, 0 updated, 12 unchanged" in output
    assert Revision.objects.count() == revisions
    assert row_counts() == counts


def test_update_replaces_given_keys_and_keeps_the_rest(accmr_document):
    import_document(copy.deepcopy(accmr_document), publish=True)
    accmr = accmr_document["practices"][0]
    accmr["title"]["en"] = "ACCMR: Athens coordination centre"
    accmr["links"] = accmr["links"][:1]
    del accmr["subtitle"]
    result = import_document(accmr_document, publish=True)
    assert result.tallies["practices"].updated == ["accmr"]
    english = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    assert english.title == "ACCMR: Athens coordination centre"
    assert english.subtitle == "A collaborative approach to the refugee issue"
    assert english.links.count() == 1


def test_without_publish_new_pages_are_drafts(accmr_document):
    import_document(accmr_document, publish=False)
    page = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    assert not page.live
    assert page.get_latest_revision() is not None


def test_dry_run_reports_and_writes_nothing(accmr_document, write_catalogue, capsys):
    before = row_counts()
    call_command("import_catalogue", str(write_catalogue(accmr_document)), "--dry-run")
    output = capsys.readouterr().out
    assert "practices: 1 created, 0 updated, 0 unchanged" in output
    assert "dry run" in output
    assert row_counts() == before


def test_snippets_exist_in_every_language(accmr_document):
    import_document(accmr_document, publish=True)
    assert Category.objects.filter(catalogue_id="coordination-governance").count() == 2
    english = Organisation.objects.get(catalogue_id="stavros-niarchos-foundation", locale__language_code="en")
    assert english.name == "Stavros Niarchos Foundation"
    assert english.live


def test_export_import_export_is_identical(demo_document, tmp_path):
    with transaction.atomic():
        import_document(copy.deepcopy(demo_document), publish=True)
        first = dumps(export_catalogue())
        transaction.set_rollback(True)
    assert PracticePage.objects.count() == 0
    import_document(json.loads(first), publish=True)
    assert dumps(export_catalogue()) == first
