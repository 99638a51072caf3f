"""Any mutation of a valid catalogue imports cleanly or fails with a message naming a field; never a crash."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import transaction

from catalogue.format.errors import CatalogueInvalid
from catalogue.format.importer import import_document
from tests.catalogue.conftest import row_counts
from tests.factories.demo import demo_document

pytestmark = pytest.mark.django_db


def _base_document():
    document = demo_document()
    document["practices"] = [
        p for p in document["practices"] if p["id"] in ("accmr", "ioannina-remote-interpreting")
    ]
    return document


BASE = _base_document()


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


PATHS = [path for path in _paths(BASE) if path]

nested = st.recursive(st.none() | st.integers(), lambda inner: st.lists(inner, max_size=2), max_leaves=3)
replacements = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.just("x" * 120_000),
    st.just("<script>alert(1)</script>"),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
    st.builds(lambda depth: json.loads("[" * depth + "]" * depth), st.integers(min_value=10, max_value=400)),
    nested,
)


def _parent(document, path):
    target = document
    for part in path[:-1]:
        target = target[part]
    return target


@st.composite
def mutations(draw):
    document = copy.deepcopy(BASE)
    path = draw(st.sampled_from(PATHS))
    parent = _parent(document, path)
    action = draw(st.sampled_from(["replace", "delete", "unknown_key"]))
    if action == "replace":
        parent[path[-1]] = draw(replacements)
    elif action == "delete":
        del parent[path[-1]]
    else:
        target = parent[path[-1]] if isinstance(parent[path[-1]], dict) else parent
        if isinstance(target, dict):
            target[draw(st.text(min_size=1, max_size=8))] = draw(replacements)
    return document


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=mutations())
def test_mutated_catalogues_import_or_fail_clearly(document):
    before = row_counts()
    try:
        with transaction.atomic():
            import_document(document, publish=True)
            transaction.set_rollback(True)
    except CatalogueInvalid as error:
        assert error.problems
        for problem in error.problems:
            assert problem.reason
            text = str(problem)
            assert "Traceback" not in text and len(text) < 2_000
            if problem.path:
                assert (
                    problem.path.split("[")[0].split(".")[0]
                    in (
                        "format",
                        "source_language",
                        "categories",
                        "target_groups",
                        "organisations",
                        "cities",
                        "practices",
                    )
                    or problem.path == ""
                )
    assert row_counts() == before
