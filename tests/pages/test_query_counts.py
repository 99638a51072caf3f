"""A page's query count must not depend on the length of its lists."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import Adaptation
from tests.factories.brochure import accmr, athens, translate_accmr

# Issue #14's ceiling for every page type, whatever the length of its lists.
PAGE_CEILING = 12
# A practice that adapts others, is adapted, and has pictures and logos needs 9
# (decision 0100): routing 1, its city 1, its lists with its terms and organisations
# 1, untranslated texts 1, pictures 2, linked practices 2, versions and breadcrumbs 1.
PRACTICE_QUERIES = 9


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Count what rendering costs: a page from the page cache costs no query at all."""
    settings.PAGE_CACHE_ENABLED = False


def count_queries(client, url):
    client.get(url)  # first render creates image renditions; count the steady state
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "hit"
    return len(queries.captured_queries)


def test_practice_page_queries_do_not_grow_with_its_lists(network, client, django_assert_max_num_queries):
    city = athens(network)
    sources = [network.practice(city, f"source-{i}", f"Πηγή {i}") for i in range(4)]
    small = accmr(network, city, size=1, images=1, adapted_from=sources[:1])
    large = accmr(network, city, size=8, images=6, adapted_from=sources)
    elsewhere = network.city("volos", "Δήμος Βόλου")
    for i, adapted in enumerate([small, large, large, large]):
        network.practice(
            elsewhere,
            f"adopter-{i}",
            f"Προσαρμογή {i}",
            inlines={"adapted_from": [Adaptation(source=adapted)]},
        )
    for source in sources:
        network.translate(source, title=f"Source {source.slug}")
    english_small = translate_accmr(network, small)
    english_large = translate_accmr(network, large)

    assert (small.organisations.count(), large.organisations.count()) == (3, 10)
    assert (small.images.count(), large.images.count()) == (1, 6)
    assert (small.testimonials.count(), large.testimonials.count()) == (1, 8)
    assert (small.adaptations.count(), large.adaptations.count()) == (1, 3)

    assert client.get(english_large.url).content.count(b'class="logos__image"') == 8
    greek_small, greek_large = count_queries(client, small.url), count_queries(client, large.url)
    assert greek_small == greek_large <= PRACTICE_QUERIES
    english_small_count = count_queries(client, english_small.url)
    assert english_small_count == count_queries(client, english_large.url) <= PRACTICE_QUERIES

    with django_assert_max_num_queries(PAGE_CEILING):
        client.get(english_large.url)


def test_catalogue_and_cities_queries_do_not_grow_with_the_number_of_pages(network, client):
    city = athens(network)
    category = network.category("coordination", "Συντονισμός", "Coordination")
    first = network.practice(city, "p-0", "Πρακτική 0", categories=[category])
    network.translate(first, title="Practice 0")

    counts_before = {
        url: count_queries(client, url)
        for url in ("/en/practices/", "/en/cities/", "/en/", "/en/cities/athens/")
    }

    for i in range(1, 7):
        other_city = network.city(f"city-{i}", f"Πόλη {i}")
        page = network.practice(
            other_city, f"p-{i}", f"Πρακτική {i}", categories=[network.category(f"c-{i}", f"Κ {i}", f"C {i}")]
        )
        if i % 2:
            network.translate(page, title=f"Practice {i}")
        else:
            network.alias(page)
        network.practice(city, f"athens-{i}", f"Αθήνα {i}", categories=[category])

    counts_after = {url: count_queries(client, url) for url in counts_before}
    assert counts_after == counts_before
    assert max(counts_after.values()) <= PAGE_CEILING, counts_after
