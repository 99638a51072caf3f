"""The whole catalogue's facet counts are remembered until content changes; counts over a
query or a filter are counted every time (search.practice_query)."""

import pytest

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from search.practice_query import search_practices
from tests.factories.brochure import athens
from tests.factories.network import Network


@pytest.fixture
def network(db):
    return Network()


def counts_and_queries(network, query_string=""):
    with CaptureQueriesContext(connection) as captured:
        counts = search_practices(QueryDict(query_string), network.el).facet_counts
    return counts, len(captured.captured_queries)


@pytest.fixture
def housing(network):
    return network.category("housing", "Στέγαση", "Housing")


@pytest.mark.django_db
def test_the_whole_catalogue_is_counted_once_until_a_practice_is_published(network, housing):
    city = athens(network)
    network.practice(city, "one", "Πρώτη πρακτική", categories=[housing])

    first, first_queries = counts_and_queries(network)
    again, again_queries = counts_and_queries(network)
    assert first["category"] == again["category"] == {"housing": 1}
    assert first_queries > 0
    assert again_queries == 0

    network.practice(city, "two", "Δεύτερη πρακτική", categories=[housing])
    after, _queries = counts_and_queries(network)
    assert after["category"] == {"housing": 2}
    assert list(after["city"].values()) == [2]


@pytest.mark.django_db
@pytest.mark.parametrize("query_string", ["q=πρακτική", "category=housing", "city=athens"])
def test_counts_over_a_query_or_a_filter_are_counted_each_time(network, housing, query_string):
    network.practice(athens(network), "one", "Πρώτη πρακτική", categories=[housing])
    counts_and_queries(network)  # the whole catalogue's counts are remembered

    first, _queries = counts_and_queries(network, query_string)
    again, again_queries = counts_and_queries(network, query_string)
    assert first == again
    assert first["category"] == {"housing": 1}
    assert again_queries > 0
