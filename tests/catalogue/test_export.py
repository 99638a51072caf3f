"""Export is lossless: export, import into an empty site, export again gives the same bytes."""

import json

import pytest

from django.core.management import call_command
from django.db import transaction

from catalogue.format.exporter import dumps, export_catalogue
from catalogue.format.importer import import_document, import_file
from practices.models import PracticePage
from tests.catalogue.every_field import every_field_document

pytestmark = pytest.mark.django_db


def test_every_optional_field_survives_export_and_reimport(tmp_path, write_catalogue):
    source = tmp_path / "source"
    document = every_field_document(source)
    (source / "catalogue.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with transaction.atomic():
        import_file(source / "catalogue.json", publish=True)
        call_command("export_catalogue", "--output", str(tmp_path / "export"))
        first = (tmp_path / "export" / "catalogue.json").read_text(encoding="utf-8")
        transaction.set_rollback(True)

    assert PracticePage.objects.count() == 0
    exported = json.loads(first)
    practice = next(p for p in exported["practices"] if p["id"] == "karditsa-everything")
    assert set(practice) == set(document["practices"][1]) | {"id"}
    image_path = practice["images"][0]["file"]
    assert (tmp_path / "export" / image_path).read_bytes() == (source / "files" / "photo.png").read_bytes()

    import_file(tmp_path / "export" / "catalogue.json", publish=True)
    assert dumps(export_catalogue()) == first


def test_export_to_stdout_is_the_format(capsys, accmr_document, write_catalogue):
    call_command("import_catalogue", str(write_catalogue(accmr_document)), "--publish")
    capsys.readouterr()
    call_command("export_catalogue", "--city", "athens")
    exported = json.loads(capsys.readouterr().out)
    assert exported["format"] == "cni-catalogue/1"
    assert [p["id"] for p in exported["practices"]] == ["accmr"]
    assert (
        exported["practices"][0]["title"]["en"] == "Athens Coordination Center for Migrant & Refugee issues"
    )


def test_drafts_are_exported_only_on_request(capsys, accmr_document, write_catalogue):
    call_command("import_catalogue", str(write_catalogue(accmr_document)))
    capsys.readouterr()
    call_command("export_catalogue")
    assert json.loads(capsys.readouterr().out)["practices"] == []
    call_command("export_catalogue", "--include-drafts")
    assert [p["id"] for p in json.loads(capsys.readouterr().out)["practices"]] == ["accmr"]


def test_an_export_of_some_practices_gives_their_full_records(demo_document, site_tree):
    import_document(demo_document, publish=True)
    whole = {record["id"]: record for record in export_catalogue()["practices"]}
    some = export_catalogue(practices=["accmr", "no-such-practice"])
    assert some["practices"] == [whole["accmr"]]
    assert export_catalogue(practices=[])["practices"] == []


def test_the_shipped_schema_is_current_and_served(client):
    from catalogue.format.schema import SCHEMA_FILE, schema_text

    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run manage.py write_catalogue_schema"
    response = client.get("/api/schema/catalogue-1.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    assert response.json() == json.loads(schema_text())


def test_the_demo_catalogue_is_valid_against_the_shipped_schema(demo_document):
    from jsonschema import Draft202012Validator

    from catalogue.format.schema import SCHEMA_FILE

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(demo_document)) == []
