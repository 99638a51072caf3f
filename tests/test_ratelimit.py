"""Rate limits (sitewide/ratelimit.py) on search and autocomplete: counted per client in the shared cache."""

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from sitewide import ratelimit
from sitewide.ratelimit import Rate


@pytest.fixture
def tight(settings, one_rate_window):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMITS = {"search": "3/m", "suggest": "2/m"}
    return settings


def test_search_answers_429_with_a_page_once_over_the_limit(client, site_tree, tight):
    for _ in range(3):
        assert client.get("/el/search/?q=στέγαση").status_code == 200
    response = client.get("/el/search/?q=στέγαση")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert f" {response['Retry-After']} " in html  # "try again in N seconds", in the reader's language
    assert 'name="robots" content="noindex"' in html


def test_autocomplete_answers_429_in_json(client, site_tree, tight):
    for _ in range(2):
        assert client.get("/el/search/suggest/?q=στ").status_code == 200
    response = client.get("/el/search/suggest/?q=στ")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "too_many_requests"
    assert "Retry-After" in response


def test_each_client_has_its_own_count(client, site_tree, tight):
    for _ in range(3):
        client.get("/el/search/?q=x", REMOTE_ADDR="192.0.2.1")
    assert client.get("/el/search/?q=x", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/el/search/?q=x", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_a_proxy_the_address_it_saw_counts_not_what_the_client_claims(tight):
    tight.TRUSTED_PROXY_COUNT = 1
    factory = RequestFactory()
    request = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert ratelimit.client_ip(request) == "203.0.113.9"
    tight.TRUSTED_PROXY_COUNT = 2
    request = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9, 10.0.0.2")
    assert ratelimit.client_ip(request) == "203.0.113.9"
    tight.TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_ip(request) == "127.0.0.1"


def test_the_limit_can_be_lifted_for_a_benchmark(client, site_tree, tight):
    tight.RATELIMIT_ENABLED = False
    for _ in range(6):
        assert client.get("/el/search/suggest/?q=στ").status_code == 200


def test_a_window_ends(tight):
    request = RequestFactory().get("/")
    now = 999_980.0  # 20 s into a minute (999,960 = 16,666 × 60)
    assert [ratelimit.hit(request, "suggest", now=now) for _ in range(2)] == [None, None]
    assert ratelimit.hit(request, "suggest", now=now) == 40
    assert ratelimit.hit(request, "suggest", now=now + 40) is None


def test_a_broken_cache_lets_requests_through(tight, monkeypatch):
    class Broken:
        def add(self, *args, **kwargs):
            raise ConnectionError("redis is down")

    monkeypatch.setattr(ratelimit, "caches", {"default": Broken()})
    assert ratelimit.hit(RequestFactory().get("/"), "search") is None


def test_rates_are_read_strictly():
    assert Rate.parse("60/m") == Rate(60, 60)
    assert Rate.parse("5/h") == Rate(5, 3600)
    assert Rate.parse("100/10m") == Rate(100, 600)
    for bad in ("60", "x/m", "10/w", "0/m", "-1/s"):
        with pytest.raises(ImproperlyConfigured):
            Rate.parse(bad)


def test_an_unknown_limit_is_a_configuration_error(tight):
    with pytest.raises(ImproperlyConfigured):
        ratelimit.hit(RequestFactory().get("/"), "nonexistent")
