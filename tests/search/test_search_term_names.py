"""Category and target group names are indexed in each page's own language.

Relations store the default language's (Greek) term (decision 0003), so an
English practice points at «Στέγαση»; its index text must say "Housing"
(decision 0013). Run on both databases, like the other search tests.
"""

import pytest

from django.http import QueryDict

from modelsearch import index

from practices.models import Category, TargetGroup
from search.practice_query import search_practices
from tests.factories import CategoryFactory, translate_snippet
from tests.factories.snippets import FACTORY_OF

pytestmark = pytest.mark.django_db

TERMS = {
    "categories": (Category, "housing", "Στέγαση", "Housing"),
    "target_groups": (TargetGroup, "asylum-seekers", "Αιτούντες άσυλο", "Asylum seekers"),
}


@pytest.fixture(params=list(TERMS))
def term(request, cities):
    """(relation, Greek name, English name), the term translated into English."""
    model, catalogue_id, greek, english = TERMS[request.param]
    source = FACTORY_OF[model](catalogue_id=catalogue_id, name=greek, locale=cities["el"].locale)
    translate_snippet(source, "en", name=english)
    return request.param, greek, english


@pytest.fixture
def tagged(add_practice, term):
    """{language: a practice of that language linked to the Greek term}."""
    relation, _greek, _english = term
    source = TERMS[relation][0].objects.get(catalogue_id=TERMS[relation][1], locale__language_code="el")
    practices = {}
    for language in ("el", "en"):
        page = add_practice(f"Πρακτική {language}", language=language)
        getattr(page, relation).add(source)
        page.save()
        # The relation is written after the page's own row, so saving
        # indexed the page before it had the term; index it again, as the
        # next publish or update_index would.
        index.insert_or_update_object(page)
        practices[language] = page
    return practices


def found(query, locale):
    return set(search_practices(QueryDict(f"q={query}"), locale).ordered_ids[0:])


def test_an_english_page_is_found_by_the_english_name_only(tagged, term):
    _relation, greek, english = term
    locale = tagged["en"].locale

    assert found(english, locale) == {tagged["en"].pk}
    assert found(greek, locale) == set()


@pytest.mark.parametrize("spelling", [str, str.upper, str.lower])
def test_a_greek_page_is_found_by_the_greek_name_whatever_the_accents(tagged, term, spelling):
    _relation, greek, english = term
    locale = tagged["el"].locale
    accent_free = greek.replace("έ", "ε").replace("ά", "α").replace("ύ", "υ")

    assert found(spelling(accent_free), locale) == {tagged["el"].pk}
    assert found(english, locale) == set()


def test_an_untranslated_term_is_indexed_by_its_own_name(add_practice, cities):
    greek = cities["el"].locale
    term = CategoryFactory(catalogue_id="mediation", name="Διαμεσολάβηση", locale=greek)
    page = add_practice("Community mediation", language="en")
    page.categories.add(term)
    page.save()
    index.insert_or_update_object(page)

    assert found("διαμεσολαβηση", page.locale) == {page.pk}
