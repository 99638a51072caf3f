"""The demo catalogue: the real content, loaded the way `make run` loads it."""

import json
from pathlib import Path

from catalogue.format.importer import import_document

DEMO = Path(__file__).resolve().parents[2] / "catalogue" / "demo" / "catalogue.json"


def demo_document():
    """A fresh copy of the demo's `cni-catalogue/1` document, free for a test to change."""
    return json.loads(DEMO.read_text(encoding="utf-8"))


def import_demo(**options):
    """Import the demo, published (and so indexed) unless `publish=False` is given."""
    options.setdefault("publish", True)
    return import_document(demo_document(), **options)
