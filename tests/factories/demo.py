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

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "tests" / "content" / "catalogue.json"
# What `make run` loads: the researched practices (tests/catalogue/test_demo_catalogue.py).
SITE_DEMO = ROOT / "catalogue" / "demo" / "catalogue.json"


def demo_document():
    """A fresh copy of the demo's `cni-catalogue/1` document, free for a test to change."""
    return json.loads(DEMO.read_text(encoding="utf-8"))


def site_demo_document():
    """A fresh copy of the site's own demo, the one `make run` loads."""
    return json.loads(SITE_DEMO.read_text(encoding="utf-8"))


def import_demo(**options):
    """Import the demo, published (and so indexed) unless `publish=False` is given."""
    options.setdefault("publish", True)
    return import_document(demo_document(), **options)
