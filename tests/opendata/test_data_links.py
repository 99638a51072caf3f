"""Every page leads to its data: feeds in the page head, a city's downloads and feed, a practice's record."""

import csv
import io
import re

import pytest

from practices.models import PracticePage
from tests.search.demo_data import demo_fixture

demo = demo_fixture()
pytestmark = pytest.mark.django_db


def links(html, rel_type):
    return re.findall(rf'<link rel="alternate" type="{re.escape(rel_type)}" href="([^"]+)"', html)


@pytest.mark.parametrize("language", ["el", "en"])
def test_every_page_announces_the_network_feed(client, demo, language):
    html = client.get(f"/{language}/").content.decode()
    assert links(html, "application/atom+xml") == [f"/{language}/feed/"]


def test_a_city_page_announces_and_links_its_own_feed(client, demo):
    html = client.get("/en/cities/athens/").content.decode()
    assert links(html, "application/atom+xml") == ["/en/feed/", "/en/cities/athens/feed/"]
    assert 'href="/en/cities/athens/feed/" type="application/atom+xml"' in html
    assert client.get("/en/cities/athens/feed/").status_code == 200


def test_a_city_page_downloads_exactly_its_practices(client, demo):
    html = client.get("/en/cities/athens/").content.decode()
    csv_url = re.search(r'href="([^"]*export\.csv[^"]*)"', html).group(1)
    assert csv_url == "/en/search/export.csv?city=athens"
    assert "/en/search/export.json?city=athens" in html

    body = b"".join(client.get(csv_url).streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["id"] for row in rows] == ["accmr"]
    assert rows[0]["city"] == "Municipality of Athens"


def test_a_practice_page_links_its_record_in_the_api(client, demo):
    page = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    html = client.get("/en/cities/athens/accmr/").content.decode()
    api_url = f"/api/v2/practices/{page.pk}/"
    assert f'href="{api_url}" type="application/json"' in html

    record = client.get(api_url).json()
    assert record["title"] == "Athens Coordination Center for Migrant & Refugee issues"
