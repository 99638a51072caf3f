"""The tests' catalogue, loaded the way `make run` loads the demo.

`tests/content/catalogue.json` holds the eleven records the demo held until
3 December 2026: ACCMR and ten invented practices marked as examples. The
tests and the judged search queries (benchmarks/relevance) were written over
them, and they stay fixed, whatever the site's demo becomes. The demo itself
(`catalogue/demo/catalogue.json`, researched practices of the member cities)
is checked by tests/catalogue/test_demo_catalogue.py.
"""

import json
from pathlib import Path

from catalogue.format.importer import import_document

DEMO = Path(__file__).resolve().parents[2] / "tests" / "content" / "catalogue.json"


def demo_document():
    """A fresh copy of the demo's `cni-catalogue/1` document, free for a test to change."""
    return json.loads(DEMO.read_text(encoding="utf-8"))


def import_demo(**options):
    """Import the demo, published (and so indexed) unless `publish=False` is given."""
    options.setdefault("publish", True)
    return import_document(demo_document(), **options)
