"""How long each page type takes to render without the page cache, against the privacy notice.

    .venv/bin/python benchmarks/render_time.py [--rounds 60] [--profile URL]

Issue #14 asks for a practice page (and a city page, the catalogue and the
home page) within 1.5× the render time of the privacy notice, a page with the
same header and footer and one rich-text field, in at most 12 queries. This
builds the demo catalogue in an in-memory SQLite database (as page_weight.py
does), turns the page cache off, and asks each page in turn through Django's
test client, round after round, so every page sees the same process state.
It prints the median time, the ratio to the privacy notice and the query count.
`--profile URL` prints where one page's time goes instead (cProfile, 200 renders).
"""

import argparse
import cProfile
import pstats
import statistics
import time

from page_weight import load_demo

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

PAGES = {
    "Privacy notice (el)": "/el/privacy/",
    "Privacy notice (en)": "/en/privacy/",
    "Practice, ACCMR (el)": "/el/cities/athens/accmr/",
    "Practice, ACCMR (en)": "/en/cities/athens/accmr/",
    "City, Athens (el)": "/el/cities/athens/",
    "City, Athens (en)": "/en/cities/athens/",
    "Catalogue (el)": "/el/practices/",
    "Catalogue (en)": "/en/practices/",
    "Home (el)": "/el/",
    "Home (en)": "/en/",
}


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response.get("X-Page-Cache") != "hit", url
    return response


def measure(rounds):
    client = Client()
    timings = {url: [] for url in PAGES.values()}
    queries = {}
    for url in PAGES.values():
        get(client, url)  # renditions and lazy imports happen once, before timing
        with CaptureQueriesContext(connection) as captured:
            get(client, url)
        queries[url] = len(captured.captured_queries)
    for _round in range(rounds):
        for url in PAGES.values():
            start = time.perf_counter()
            get(client, url)
            timings[url].append((time.perf_counter() - start) * 1000)
    return {url: statistics.median(times) for url, times in timings.items()}, queries


def table(medians, queries):
    lines = ["| Page | median ms | × privacy notice | SQL queries |", "| --- | ---: | ---: | ---: |"]
    for name, url in PAGES.items():
        notice = medians["/en/privacy/" if "(en)" in name else "/el/privacy/"]
        lines.append(
            f"| {name} `{url}` | {medians[url]:.1f} | {medians[url] / notice:.2f} | {queries[url]} |"
        )
    return "\n".join(lines)


def profile(url):
    client = Client()
    get(client, url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(200):
        get(client, url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--profile", metavar="URL")
    args = parser.parse_args()
    settings.PAGE_CACHE_ENABLED = False
    settings.DEBUG = False
    load_demo()
    if args.profile:
        profile(args.profile)
        return
    medians, queries = measure(args.rounds)
    print(table(medians, queries))  # noqa: T201


if __name__ == "__main__":
    main()
