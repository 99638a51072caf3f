"""The site's structure is remembered until content changes (sitewide.structure)."""

import re

import pytest

from django.test import RequestFactory

from wagtail.models import Site

from sitewide.content_version import content_changed
from sitewide.structure import remembered, site_for


@pytest.mark.django_db
def test_a_remembered_value_lasts_until_content_changes():
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return computed[-1]

    assert [remembered("count", compute), remembered("count", compute)] == [1, 1]
    content_changed()
    assert remembered("count", compute) == 2


@pytest.mark.django_db
def test_none_is_remembered_too():
    computed = []
    for _ in range(2):
        assert remembered("nothing", lambda: computed.append(1)) is None
    assert computed == [1]


@pytest.mark.django_db
def test_without_a_cache_the_value_is_read_afresh(settings):
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    settings.PAGE_CACHE_ALIAS = "unreachable"
    computed = []
    for _ in range(2):
        remembered("afresh", lambda: computed.append(1))
    assert computed == [1, 1]


@pytest.mark.django_db
def test_a_site_is_remembered_per_host_and_forgotten_when_sites_change(network):
    default = Site.objects.get(is_default_site=True)
    other = Site.objects.create(
        hostname="volos.example", port=80, root_page=default.root_page, site_name="Βόλος"
    )
    factory = RequestFactory()
    assert site_for(factory.get("/", HTTP_HOST="volos.example")) == other
    assert site_for(factory.get("/", HTTP_HOST="elsewhere.example")) == default
    other.hostname = "volos.example.org"
    other.save()
    assert site_for(factory.get("/", HTTP_HOST="volos.example")) == default
    assert site_for(factory.get("/", HTTP_HOST="volos.example.org")) == other


@pytest.mark.django_db
def test_the_home_page_counts_a_practice_as_soon_as_it_is_published(network, client, settings):
    settings.PAGE_CACHE_ENABLED = False
    city = network.city("volos", "Δήμος Βόλου")
    housing = network.category("housing", "Στέγαση", "Housing")
    network.practice(city, "one", "Πρώτη", categories=[housing])

    def count_shown():
        html = client.get("/el/").content.decode()
        return re.search(r'entry-point__count">(\d+) ', html).group(1)

    assert [count_shown(), count_shown()] == ["1", "1"]
    network.practice(city, "two", "Δεύτερη", categories=[housing])
    assert count_shown() == "2"
