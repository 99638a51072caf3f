"""Each practice page shows its catalogue id and a "cite this practice" line in the page's language."""

import re

import pytest

from django.conf import settings

from tests.factories import CityPageFactory, PracticePageFactory
from tests.search.demo_data import demo_fixture

demo = demo_fixture()
pytestmark = pytest.mark.django_db


def citation_block(response):
    assert response.status_code == 200
    content = response.content.decode()
    return re.search(r'<section class="section citation".*?</section>', content, re.S).group(0)


def test_the_english_page_cites_in_english(client, demo):
    block = citation_block(client.get("/en/cities/athens/accmr/"))
    url = f"{settings.SITE_URL}/en/cities/athens/accmr/"

    assert '<h2 id="citation-heading">Cite this practice</h2>' in block
    assert (
        "Municipality of Athens. Athens Coordination Center for Migrant &amp; Refugee issues (2017). "
        f'<a href="{url}">{url}</a>'
    ) in block
    assert "Catalogue id: <code>accmr</code>" in block


def test_the_greek_page_cites_in_greek(client, demo):
    block = citation_block(client.get("/el/cities/athens/accmr/"))
    url = f"{settings.SITE_URL}/el/cities/athens/accmr/"

    # The heading is checked on /en/; its Greek comes with the next catalogue.
    assert (
        "Δήμος Αθηναίων. Κέντρο Συντονισμού για θέματα Μεταναστών &amp; Προσφύγων (2017). "
        f'<a href="{url}">{url}</a>'
    ) in block
    assert "Αναγνωριστικό καταλόγου: <code>accmr</code>" in block
    assert "lang=" not in block.split(">", 1)[1], "everything in it is Greek"


def test_the_year_is_the_start_year_and_never_grouped(client, demo):
    block = citation_block(client.get("/el/cities/heraklion/heraklion-housing-support/"))

    assert "(2017)." in block  # started 2017-04; documented 2022


def test_an_untranslated_practice_is_cited_in_its_own_language(client, site_tree):
    city = CityPageFactory(parent=site_tree["el"].cities, title="Δήμος Δοκιμών", slug="dokimes")
    PracticePageFactory(parent=city, title="Μόνο στα ελληνικά", slug="only-greek")

    block = citation_block(client.get("/en/cities/dokimes/only-greek/"))

    assert '<span lang="el">Δήμος Δοκιμών</span>. <span lang="el">Μόνο στα ελληνικά</span>' in block
    assert "Catalogue id: <code>only-greek</code>" in block
