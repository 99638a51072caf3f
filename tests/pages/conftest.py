from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from tests.factories.brochure import accmr, athens, translate_accmr
from tests.factories.network import Network


@pytest.fixture
def network(db):
    return Network()


@pytest.fixture
def brochure(network):
    """The ACCMR practice in Greek only, under Athens, with one image."""
    city = athens(network)
    return SimpleNamespace(city=city, practice=accmr(network, city, images=1))


@pytest.fixture
def translated(network, brochure):
    """The brochure with English translations of Athens and the practice."""

    def english_figure(item):
        item.source = "2011 census"

    city = network.translate(
        brochure.city, title="Municipality of Athens", region="Attica", figures=english_figure
    )
    practice = translate_accmr(network, brochure.practice)
    return SimpleNamespace(el=brochure, city=city, practice=practice)


def get_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def soup_of(html):
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def fetch(client):
    """GET a URL and return (html, soup), asserting the status."""

    def fetch(url, status=200):
        html = get_html(client, url, status)
        return html, soup_of(html)

    return fetch
