"""The JSON download: the catalogue format, all languages, for exactly the practices found."""

import json

import pytest
from jsonschema import Draft202012Validator

from catalogue.format.schema import SCHEMA_FILE
from tests.search.demo_data import PRACTICES, demo_fixture, expected_ids

demo = demo_fixture()
pytestmark = pytest.mark.django_db

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def read_json(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="cni-practices-')
    document = json.loads(response.content.decode("utf-8"))
    assert list(Draft202012Validator(SCHEMA).iter_errors(document)) == []
    return document


def ids(document, kind="practices"):
    return {record["id"] for record in document[kind]}


@pytest.mark.parametrize("language", ["el", "en"])
def test_a_filtered_listing_downloads_its_practices_in_every_language(client, demo, language):
    document = read_json(client.get(f"/{language}/search/export.json", {"city": "heraklion"}))

    assert document["format"] == "cni-catalogue/1"
    assert ids(document) == expected_ids({"city": ["heraklion"]})
    assert ids(document, "cities") == {"heraklion"}
    housing = next(p for p in document["practices"] if p["id"] == "heraklion-housing-support")
    assert set(housing["title"]) == {"el", "en"}


def test_it_holds_what_its_practices_reference_and_nothing_else(client, demo):
    document = read_json(client.get("/en/search/export.json", {"city": "athens"}))
    (accmr,) = document["practices"]

    assert ids(document, "categories") == set(accmr["categories"])
    assert ids(document, "target_groups") == set(accmr["target_groups"])
    referenced = {item["organisation"] for item in accmr["organisations"]}
    referenced |= {item["organisation"] for item in accmr["testimonials"] if "organisation" in item}
    referenced |= {item["by"] for item in accmr["recognitions"]}
    assert ids(document, "organisations") == referenced


def test_the_practice_records_are_those_of_the_full_export(client, demo):
    from catalogue.format.exporter import export_catalogue

    full = {record["id"]: record for record in export_catalogue()["practices"]}
    document = read_json(client.get("/en/search/export.json", {"category": "health"}))

    assert document["practices"] and all(record == full[record["id"]] for record in document["practices"])


def test_adaptations_outside_the_file_are_left_out(client, demo):
    alone = read_json(client.get("/en/search/export.json", {"city": "ioannina"}))
    together = read_json(client.get("/en/search/export.json", {"city": ["ioannina", "thessaloniki"]}))

    remote = "ioannina-remote-interpreting"
    assert PRACTICES[remote]["adapted_from"] == ["thessaloniki-community-interpreting"]
    assert "adapted_from" not in next(p for p in alone["practices"] if p["id"] == remote)
    assert next(p for p in together["practices"] if p["id"] == remote)["adapted_from"] == [
        "thessaloniki-community-interpreting"
    ]


@pytest.mark.parametrize(
    ("language", "params"),
    [
        ("en", {"q": "interpreting"}),
        ("el", {"q": "στέγαση"}),
        ("en", {"status": "ongoing", "evidence": ["monitored", "evaluated"]}),
        ("en", {"q": "refugees", "year": "2017"}),
    ],
)
def test_query_and_facets_restrict_the_download(client, demo, listed_ids, language, params):
    document = read_json(client.get(f"/{language}/search/export.json", params))

    assert document["practices"]
    assert ids(document) == set(listed_ids(language, **params))


def test_without_filters_every_practice(client, demo):
    assert ids(read_json(client.get("/el/search/export.json"))) == set(PRACTICES)
