"""What the open-data download tests share: the demo catalogue and the search page's answers."""

import csv
import io

import pytest

from django.utils import translation

from tests.search.demo_data import slug_of


@pytest.fixture(autouse=True)
def _isolated(settings):
    """Many downloads from one address (sitewide.ratelimit) and a request's language left active."""
    settings.RATELIMIT_ENABLED = False
    with translation.override(translation.get_language()):
        yield


def read_csv(response):
    """The CSV rows of a download as dicts, after checking it is one."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


@pytest.fixture
def listed_ids(client):
    """Every practice id the search page lists for these parameters, over all its pages, in order."""

    def listed(language, **params):
        ids, page = [], 1
        while True:
            response = client.get(f"/{language}/search/", {**params, "page": page})
            ids += [slug_of(result.card.url) for result in response.context["results"]]
            if not response.context["page_obj"].has_next():
                return ids
            page += 1

    return listed
