"""Every kind of bad file gets a clear error naming the field, and writes nothing."""

import copy

import pytest

from django.core.management import CommandError, call_command

from catalogue.format.importer import import_document
from practices.models import PracticePage
from tests.catalogue.conftest import row_counts

pytestmark = pytest.mark.django_db


def practice(document):
    return document["practices"][0]


def run_import(path, *args):
    call_command("import_catalogue", str(path), *args)


def assert_refused(path, capsys, *expected):
    before = row_counts()
    with pytest.raises(CommandError, match="nothing was imported"):
        run_import(path, "--publish")
    errors = capsys.readouterr().err
    for text in expected:
        assert text in errors, errors
    assert row_counts() == before


def test_broken_json(write_catalogue, capsys):
    assert_refused(
        write_catalogue('{"format": "cni-catalogue/1", "practices": [}'), capsys, "not valid JSON", "line 1"
    )


def test_wrong_format(accmr_document, write_catalogue, capsys):
    accmr_document["format"] = "cni-catalogue/2"
    assert_refused(write_catalogue(accmr_document), capsys, "format: must be 'cni-catalogue/1'")


def test_unknown_reference(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["categories"].append("space-travel")
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[accmr].categories[3]: refers to unknown categories id 'space-travel'",
    )


def test_a_category_listed_twice(accmr_document, write_catalogue, capsys):
    categories = practice(accmr_document)["categories"]
    categories.append(categories[0])
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        f"practices[accmr].categories[3]: lists '{categories[0]}' a second time",
    )


def test_unknown_organisation_in_a_list_item(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["organisations"][2]["organisation"] = "nobody"
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[accmr].organisations[2].organisation: refers to unknown organisations id 'nobody'",
    )


def test_duplicate_id(accmr_document, write_catalogue, capsys):
    accmr_document["practices"].append(copy.deepcopy(practice(accmr_document)))
    assert_refused(write_catalogue(accmr_document), capsys, "practices[accmr]: duplicate id")


def test_bad_slug(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["id"] = "ACCMR Athens"
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[0].id: 'ACCMR Athens' is not lower-case",
    )


def test_missing_source_language_text(accmr_document, write_catalogue, capsys):
    del practice(accmr_document)["title"]["el"]
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[accmr].title: the source language 'el' text is missing",
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2017-13", "is not a date as YYYY"),
        ("2019-02-30", "has no day 30"),
        ("June 2017", "is not a date as YYYY"),
    ],
)
def test_bad_date(accmr_document, write_catalogue, capsys, value, reason):
    practice(accmr_document)["started"] = value
    assert_refused(write_catalogue(accmr_document), capsys, "practices[accmr].started:", reason)


def test_ended_before_started(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["ended"] = "2016-12"
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[accmr].ended: '2016-12' is before started '2017-06'",
    )


def test_completed_needs_an_end(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["status"] = "completed"
    assert_refused(
        write_catalogue(accmr_document), capsys, "practices[accmr].ended: is required when status is"
    )


def test_discontinued_may_leave_its_end_unstated(site_tree, accmr_document):
    """cni-catalogue/1: a practice stopped on a date nobody published is valid without `ended`."""
    practice(accmr_document)["status"] = "discontinued"
    import_document(accmr_document, publish=True)
    page = PracticePage.objects.get(catalogue_id="accmr", locale__language_code="el")
    assert (page.status, page.ended) == ("discontinued", None)


def test_negative_figure(accmr_document, write_catalogue, capsys):
    accmr_document["cities"][0]["figures"][0]["value"] = -664046
    assert_refused(
        write_catalogue(accmr_document), capsys, "cities[athens].figures[0].value: -664046 is less than"
    )


def test_non_http_url(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["links"][0]["url"] = "javascript:alert(1)"
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[accmr].links[0].url: 'javascript:alert(1)' is not an absolute",
    )


def test_path_escaping_the_folder(accmr_document, write_catalogue, capsys, tmp_path):
    (tmp_path.parent / "outside.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    practice(accmr_document)["images"] = [{"file": "../outside.png", "alt": "x"}]
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[accmr].images[0].file: '../outside.png' leaves the catalogue",
    )


def test_image_that_is_not_an_image(accmr_document, write_catalogue, capsys, tmp_path):
    (tmp_path / "drawing.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    practice(accmr_document)["images"] = [{"file": "drawing.svg", "alt": "x"}]
    assert_refused(write_catalogue(accmr_document), capsys, "is not a JPEG, PNG or WebP image")


def test_language_the_site_does_not_have(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["title"]["fr"] = "Centre de coordination"
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[accmr].title.fr: language 'fr' is not enabled on this site",
    )


def test_translation_with_a_different_block_structure(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["description"]["en"] = "<p>One paragraph only.</p>"
    assert_refused(
        write_catalogue(accmr_document),
        capsys,
        "practices[accmr].description.en: has a different block structure",
    )


def test_unknown_key_is_reported_not_dropped(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["budget"] = 100000
    assert_refused(write_catalogue(accmr_document), capsys, "practices[accmr]: unknown key 'budget'")


def test_every_problem_is_listed_at_once(accmr_document, write_catalogue, capsys):
    practice(accmr_document)["started"] = "2017-13"
    practice(accmr_document)["links"][1]["url"] = "ftp://example.org"
    assert_refused(
        write_catalogue(accmr_document), capsys, "practices[accmr].started", "practices[accmr].links[1].url"
    )


def test_a_bad_record_after_good_ones_writes_nothing(accmr_document, write_catalogue, capsys):
    """Validation covers the whole file before the first write."""
    practice(accmr_document)["summary"]["en"] = "x" * 601
    assert_refused(
        write_catalogue(accmr_document), capsys, "practices[accmr].summary.en: is 601 characters long"
    )
