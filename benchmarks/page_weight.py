"""How much each page type weighs: its HTML, and the CSS and JavaScript it loads.

    .venv/bin/python benchmarks/page_weight.py            # print the table
    .venv/bin/python benchmarks/page_weight.py --write    # and put it in benchmarks/RESULTS.md

Builds a throwaway in-memory database with the demo catalogue (test settings),
asks each page type through Django's test client in Greek, and sums the files
its <link rel="stylesheet"> and <script src> name. Sizes are raw and gzipped
(level 6, as a proxy would send them). Leaflet is counted apart: map.js loads
it only when the reader presses “Show the map”.
"""

import argparse
import gzip
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PAGES = {
    "Home": "/el/",
    "Catalogue": "/el/practices/",
    "Search results": "/el/search/?q=%CE%BA%CE%AD%CE%BD%CF%84%CF%81%CE%BF",
    "Practice (ACCMR)": "/el/cities/athens/accmr/",
    "Cities": "/el/cities/",
    "City (Athens)": "/el/cities/athens/",
    "Contact form": "/el/cities/athens/accmr/contact/",
    "Privacy notice": "/el/privacy/",
}
ON_DEMAND = ["vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css"]
HEADING = "## Page weight"
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def gz(data):
    return len(gzip.compress(data, compresslevel=6))


def static_file(url):
    path = url.split("?")[0]
    if not path.startswith(settings.STATIC_URL):
        return None
    found = finders.find(path[len(settings.STATIC_URL) :])
    return Path(found).read_bytes() if found else None


def kb(size):
    return f"{size / 1024:.1f}"


def load_demo():
    from catalogue.format.importer import import_document
    from home.legal import ensure_legal_pages
    from home.site_tree import ensure_site_tree

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    ensure_legal_pages(ensure_site_tree())
    import_document(json.loads((ROOT / "catalogue/demo/catalogue.json").read_text("utf-8")), publish=True)


def measure():
    client = Client()
    rows = []
    for name, url in PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        html = response.content
        css = js = css_gz = js_gz = 0
        for asset in ASSET.findall(html.decode()):
            data = static_file(asset)
            if data is None:
                continue
            if asset.split("?")[0].endswith(".css"):
                css, css_gz = css + len(data), css_gz + gz(data)
            else:
                js, js_gz = js + len(data), js_gz + gz(data)
        rows.append((name, len(html), gz(html), css, css_gz, js, js_gz))
    return rows


def table(rows):
    lines = [
        "| Page | HTML KiB | HTML gzip | CSS KiB | CSS gzip | JS KiB | JS gzip |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, html, html_gz, css, css_gz, js, js_gz in rows:
        lines.append(
            f"| {name} | {kb(html)} | {kb(html_gz)} | {kb(css)} | {kb(css_gz)} | {kb(js)} | {kb(js_gz)} |"
        )
    demand = [(path, static_file(settings.STATIC_URL + path)) for path in ON_DEMAND]
    extra = ", ".join(f"`{path}` {kb(len(data))} KiB ({kb(gz(data))} gzipped)" for path, data in demand)
    return "\n".join(lines) + f"\n\nLoaded only when a map is opened: {extra}.\n"


def section(body):
    return (
        f"{HEADING}\n\n"
        "Each page type of the demo catalogue, in Greek, as the test client gets it; CSS and JS\n"
        "are the files the page links (images are not counted; the CSS includes print.css, which\n"
        "browsers fetch but apply only when printing). Made with:\n\n"
        "```sh\n.venv/bin/python benchmarks/page_weight.py --write\n```\n\n"
        f"{body}"
    )


def write(body):
    path = ROOT / "benchmarks" / "RESULTS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    new = section(body)
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = (
        pattern.sub(lambda _match: new + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + new
    )
    path.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="replace the section in benchmarks/RESULTS.md")
    args = parser.parse_args()
    load_demo()
    body = table(measure())
    print(body)  # noqa: T201
    if args.write:
        write(body)


if __name__ == "__main__":
    main()
