"""Issue 12, finding 5: hostile JSON in the upload gets a message naming the field, never a server error.

Each file goes through the real upload screen as Athens' editor; each is
refused with its problem at the field's path, and nothing is written.
"""

import json

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.catalogue.conftest import row_counts
from tests.security.test_takeover import UPLOAD, practice_record, problems

pytestmark = pytest.mark.django_db

NUMBER = "__NUMBER__"


def practice_with(field):
    """A valid Athens practice whose `field` ("outcome" or "figure") value is the placeholder NUMBER."""
    record = practice_record("hostile-numbers", "athens")
    if field == "outcome":
        record["outcomes"] = [{"label": "ωφελούμενοι", "value": NUMBER}]
    else:
        record["figures"] = [{"kind": "population", "value": NUMBER}]
    return record


def document_text(record, number):
    text = json.dumps({"format": "cni-catalogue/1", "practices": [record]}, ensure_ascii=False)
    return text.replace(json.dumps(NUMBER), number)


def post(client, text):
    return client.post(
        UPLOAD,
        {"city": "athens", "file": SimpleUploadedFile("catalogue.json", text.encode(), "application/json")},
    )


HOSTILE_NUMBERS = {
    "5,000 digits": ("outcome", "9" * 5000, "is a number of 5000 digits"),
    "1e400": ("outcome", "1e400", "is too large a number to be stored"),
    "NaN": ("outcome", "NaN", "is NaN, not a number that can be stored"),
    "-Infinity": ("figure", "-Infinity", "is -Infinity, not a number that can be stored"),
    "beyond a bigint": ("figure", "99999999999999999999999999", "is greater than the maximum"),
    "beyond the decimal column": ("outcome", "123456789012345678", "is greater than or equal to the maximum"),
    "three decimal places": ("outcome", "1.125", "has more than 2 decimal places"),
}


@pytest.mark.parametrize("case", list(HOSTILE_NUMBERS))
def test_a_number_no_column_can_hold_is_named_at_its_field(network, editor_a, login, case):
    field, number, reason = HOSTILE_NUMBERS[case]
    client = login(editor_a)
    before = row_counts()
    response = post(client, document_text(practice_with(field), number))
    found = problems(response)
    path = "practices[hostile-numbers]." + ("outcomes[0].value" if field == "outcome" else "figures[0].value")
    assert [found_path for found_path, _reason in found] == [path], found
    assert reason in found[0][1]
    assert row_counts() == before


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deep_nesting_is_refused_before_parsing(network, editor_a, login, opening):
    client = login(editor_a)
    before = row_counts()
    closing = "]" if opening == "[" else "}"
    text = '{"format": "cni-catalogue/1", "practices": ' + opening * 2000 + "1" + closing * 2000 + "}"
    found = problems(post(client, text))
    assert len(found) == 1
    assert found[0][0] == ""
    assert "nests deeper than 12 levels" in found[0][1]
    assert row_counts() == before


def test_a_deep_bracket_inside_a_string_is_text(network, editor_a, login):
    """Brackets in a text are not nesting: a summary full of them is read, and imported."""
    record = practice_record("brackets-in-text", "athens", summary="[" * 500 + "{" * 50)
    response = post(login(editor_a), json.dumps({"format": "cni-catalogue/1", "practices": [record]}))
    assert problems(response) == []
