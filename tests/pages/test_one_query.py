"""A practice's lists from one statement compiled once: each page gets its own rows."""

import pytest

from practices.models import Adaptation, PracticeFigure
from practices.presenters.practice import STORED_LISTS, other_pages_lists, own_lists
from sitewide.one_query import CompiledLists, lists_in_one_query
from tests.factories.brochure import accmr, athens


def as_read(lists):
    """Every list as (pk, every column, annotations): what a page could show of it."""
    return {
        name: [
            (
                row.pk,
                tuple(getattr(row, field.attname) for field in row._meta.concrete_fields),
                getattr(row, "source_key", None),
                getattr(row, "adopter_key", None),
            )
            for row in rows
        ]
        for name, rows in lists.items()
    }


def test_each_page_reads_its_own_rows_from_the_compiled_statement(network):
    city = athens(network)
    sources = [network.practice(city, f"source-{i}", f"Πηγή {i}") for i in range(2)]
    small = accmr(network, city, size=1, adapted_from=sources[:1])
    large = accmr(network, city, size=4, adapted_from=sources)
    elsewhere = network.city("volos", "Δήμος Βόλου")
    network.practice(elsewhere, "adopter", "Προσαρμογή", inlines={"adapted_from": [Adaptation(source=small)]})

    stored = {
        page.pk: STORED_LISTS.read(page_id=page.pk, city_id=city.pk, locale_id=page.locale_id)
        for page in (small, large)
    }
    read = {pk: as_read(lists) for pk, lists in stored.items()}

    for page in (small, large):
        one_by_one = {**own_lists(page), **other_pages_lists(page.pk, city.pk)}
        assert {name: read[page.pk][name] for name in one_by_one} == as_read(
            {name: list(rows) for name, rows in one_by_one.items()}
        )
        assert {name: read[page.pk][name] for name in one_by_one} == as_read(lists_in_one_query(one_by_one))
        terms = stored[page.pk]["categories"]
        assert [term.pk for term in sorted(terms, key=lambda term: term.position)] == list(
            page.category_links.values_list("term", flat=True)
        )
        organisations = {row.pk for row in stored[page.pk]["organisations"] if row.is_stored}
        assert organisations == set(page.organisations.values_list("organisation", flat=True)) | {
            item.organisation_id
            for item in page.testimonials.filter(consent_given=True)
            if item.organisation_id
        } | set(page.recognitions.values_list("by", flat=True))
    assert len(read[small.pk]["testimonials"]) < len(read[large.pk]["testimonials"])
    assert [row[3] for row in read[small.pk]["adopters"]] != []
    assert read[large.pk]["adopters"] == []
    assert len(read[large.pk]["adapted_from"]) == 2
    assert read[small.pk]["city_figures"] == read[large.pk]["city_figures"] != []


def test_a_number_the_statement_does_not_use_is_refused(db):
    ignores_city = CompiledLists(
        lambda page_id, city_id: {"figures": PracticeFigure.objects.filter(page_id=page_id)}
    )

    with pytest.raises(ValueError, match="city_id"):
        ignores_city.read(page_id=1, city_id=2)
