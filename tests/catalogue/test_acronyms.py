"""Acronyms are translatable: ΑΠΘ is AUTh in English, UNHCR is UNHCR everywhere, and ΚΕΔΗΛ, which has
no English form, is marked as Greek on the English page."""

import copy
import re

import pytest
from bs4 import BeautifulSoup

from catalogue.format.exporter import export_catalogue
from catalogue.format.importer import import_document
from practices.models import Organisation, PracticePage
from sitewide.text import script_language

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, language",
    [("ΚΕΔΗΛ", "el"), ("ΑΠΘ-2", "el"), ("AUTh", ""), ("UNHCR", ""), ("2020", ""), ("", "")],
)
def test_the_script_of_an_acronym_says_its_language(text, language):
    assert script_language(text) == language


@pytest.fixture
def acronyms(accmr_document):
    document = copy.deepcopy(accmr_document)
    organisations = {organisation["id"]: organisation for organisation in document["organisations"]}
    organisations["athens-partnership"]["acronym"] = {"el": "ΑΣ", "en": "AP"}
    organisations["actionaid-hellas"]["acronym"] = {"el": "ΚΕΔΗΛ"}  # no English form
    organisations["unhcr"]["acronym"] = "UNHCR"  # the same in every language, as before
    document["practices"][0]["acronym"] = {"el": "ΚΣΜΠ", "en": "ACCMR"}
    import_document(document, publish=True)
    return document


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def acronym_spans(soup, text):
    return [span for span in soup.find_all("span") if span.get_text(strip=True) == f"({text})"]


def test_each_language_shows_its_own_acronym_and_greek_letters_are_marked(client, acronyms):
    english = html_of(client, "/en/cities/athens/accmr/")
    assert english.select_one(".practice__acronym").get_text() == "(ACCMR)"
    assert english.select_one(".practice__acronym").get("lang") is None
    [partnership] = acronym_spans(english, "AP")[:1]
    assert partnership.get("lang") is None
    kedhl = acronym_spans(english, "ΚΕΔΗΛ")
    assert kedhl and all(span.get("lang") == "el" for span in kedhl)
    assert all(span.get("lang") is None for span in acronym_spans(english, "UNHCR"))
    # A space between a name and its acronym, after a linked name too (UNHCR's links to its website).
    text = english.get_text()
    assert "(UNHCR)" in text and not re.search(r"[^\s(]\(UNHCR\)", text)

    greek = html_of(client, "/el/cities/athens/accmr/")
    assert greek.select_one(".practice__acronym").get_text() == "(ΚΣΜΠ)"
    assert not greek.select(".practice__acronym[lang]")
    assert acronym_spans(greek, "ΑΣ") and not [s for s in acronym_spans(greek, "ΚΕΔΗΛ") if s.get("lang")]


def test_the_catalogue_card_marks_a_greek_acronym_on_the_english_listing(client, accmr_document):
    document = copy.deepcopy(accmr_document)
    document["practices"][0]["acronym"] = {"el": "ΚΣΜΠ"}
    import_document(document, publish=True)
    [card_acronym] = [
        span
        for span in html_of(client, "/en/practices/").select(".card__title span")
        if "ΚΣΜΠ" in span.get_text()
    ]
    assert card_acronym["lang"] == "el"


def test_a_translated_acronym_is_stored_per_language_and_exported_as_such(acronyms):
    def acronym(catalogue_id, language):
        return Organisation.objects.get(catalogue_id=catalogue_id, locale__language_code=language).acronym

    assert (acronym("athens-partnership", "el"), acronym("athens-partnership", "en")) == ("ΑΣ", "AP")
    assert acronym("unhcr", "en") == "UNHCR"
    assert acronym("actionaid-hellas", "en") == "ΚΕΔΗΛ"
    assert PracticePage.objects.get(slug="accmr", locale__language_code="en").acronym == "ACCMR"

    exported = export_catalogue()
    organisations = {organisation["id"]: organisation for organisation in exported["organisations"]}
    assert organisations["athens-partnership"]["acronym"] == {"el": "ΑΣ", "en": "AP"}
    assert organisations["unhcr"]["acronym"] == "UNHCR"
    [practice] = exported["practices"]
    assert practice["acronym"] == {"el": "ΚΣΜΠ", "en": "ACCMR"}


def test_an_acronym_too_long_is_refused_at_its_field(accmr_document):
    from catalogue.format.errors import CatalogueInvalid

    document = copy.deepcopy(accmr_document)
    document["practices"][0]["acronym"] = {"el": "ΚΣΜΠ", "en": "A" * 41}
    with pytest.raises(CatalogueInvalid) as error:
        import_document(document, publish=True)
    assert "practices[accmr].acronym.en" in str(error.value)
    assert "at most 40" in str(error.value)
