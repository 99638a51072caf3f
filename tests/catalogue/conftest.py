import copy
import json

import pytest

from django.apps import apps

from tests.factories.demo import demo_document as fresh_demo_document


@pytest.fixture(scope="session")
def demo_document():
    return fresh_demo_document()


@pytest.fixture
def accmr_document(demo_document):
    """The demo's Athens records only: the brochure's facts, small enough to mutate."""
    document = copy.deepcopy(demo_document)
    practice = next(p for p in document["practices"] if p["id"] == "accmr")
    document["practices"] = [practice]
    document["cities"] = [c for c in document["cities"] if c["id"] == "athens"]
    return document


@pytest.fixture
def write_catalogue(tmp_path):
    def write(document, name="catalogue.json"):
        path = tmp_path / name
        text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}
