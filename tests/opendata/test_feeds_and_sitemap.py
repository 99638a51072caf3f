"""Feeds per language and per city, a sitemap with hreflang alternates, and robots.txt."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories.demo import import_demo

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def demo():
    import_demo()


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]


def test_language_feeds_list_practices_in_their_language(client, demo):
    english = entries(client.get("/en/feed/"))
    greek = entries(client.get("/el/feed/"))
    assert len(english) == len(greek) == 11
    assert "Athens Coordination Center for Migrant & Refugee issues" in english
    assert "Κέντρο Συντονισμού για θέματα Μεταναστών & Προσφύγων" in greek


def test_city_feed_lists_only_that_city(client, demo):
    athens = entries(client.get("/en/cities/athens/feed/"))
    assert athens == ["Athens Coordination Center for Migrant & Refugee issues"]
    assert client.get("/en/cities/atlantis/feed/").status_code == 404


def test_sitemap_lists_pages_with_their_translations(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    greek = next(loc for loc in urls if loc.endswith("/el/cities/athens/accmr/"))
    alternates = {link.get("hreflang"): link.get("href") for link in urls[greek].findall("x:link", ns)}
    assert set(alternates) == {"el", "en"}
    assert alternates["en"].endswith("/en/cities/athens/accmr/")
    assert not any("/admin/" in loc for loc in urls)


def test_robots_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
