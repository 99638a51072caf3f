"""The ACCMR brochure, fact by fact, on its page in Greek and in English (imported from the demo)."""

import html
import re

import pytest

from catalogue.format.importer import import_document
from tests.factories.demo import demo_document

pytestmark = pytest.mark.django_db


FACTS = {
    "el": [
        "Δήμος Αθηναίων",
        "Συντονισμός | Διακυβέρνηση",
        "Προώθηση θεσμικών αλλαγών",
        "Ενδυνάμωση δημοτικών δομών",
        "664.046",
        "Απογραφή 2011",
        "≈8.000",
        "Οκτώβριος 2019",
        "Πρόγραμμα ESTIA - UNHCR",
        "1.680",
        "Ιούνιος 2017",
        "Ίδρυμα Σταύρος Νιάρχος",
        "Athens Partnership",
        "έως τον Νοέμβριο του 2018",  # the partnership ended then (after «έως», the accusative)
        "Ύπατη Αρμοστεία του ΟΗΕ για τους Πρόσφυγες",
        "International Rescue Committee",
        "ActionAid Hellas",
        "Ανέπτυξε το 1ο Στρατηγικό Σχέδιο Δράσης",
        "143",
        "151",
        "362",
        "31.000",
        "Οργανισμός Οικονομικής Συνεργασίας και Ανάπτυξης",
        "Παγκόσμιο Οικονομικό Φόρουμ",
        "Δεδούσης Διαούρτας",
        "Σωτηρία Κυριακοπούλου",
        "Συντονίστρια Επιτροπής Υγείας και Ευημερίας",
        "Ελένη Μυριβήλη",
        "https://www.accmr.gr",
        "https://www.facebook.com/ACCMR.gr/",
    ],
    "en": [
        "Municipality of Athens",
        "Coordination | Governance",
        "Promoting institutional change",
        "Strengthening municipal structures",
        "664,046",
        "2011 census",
        "≈8,000",
        "October 2019",
        "ESTIA programme - UNHCR",
        "1,680",
        "June 2017",
        "Stavros Niarchos Foundation",
        "Athens Partnership",
        "November 2018",
        "United Nations High Commissioner for Refugees",
        "International Rescue Committee",
        "ActionAid Hellas",
        "Developed the first Strategic Action Plan",
        "143",
        "151",
        "362",
        "31,000",
        "Organisation for Economic Co-operation and Development",
        "World Economic Forum",
        "Dedousis Diaourtas",
        "Sotiria Kyriakopoulou",
        "Coordinator, Health and Wellbeing Committee",
        "Eleni Myrivili",
        "https://www.accmr.gr",
        "https://www.facebook.com/ACCMR.gr/",
    ],
}
GREEK_ONLY = [
    "Ίδρυμα Σταύρος Νιάρχος",
    "Συντονισμός | Διακυβέρνηση",
    "Οκτώβριος 2019",
    "664.046",
    "Απογραφή 2011",
]


@pytest.fixture
def accmr_pages(client):
    document = demo_document()
    document["practices"] = [p for p in document["practices"] if p["id"] == "accmr"]
    document["cities"] = [c for c in document["cities"] if c["id"] == "athens"]
    import_document(document, publish=True)
    return {language: client.get(f"/{language}/cities/athens/accmr/") for language in ("el", "en")}


def visible_text(response):
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


@pytest.mark.parametrize("language", ["el", "en"])
def test_every_brochure_fact_is_on_the_page(accmr_pages, language):
    response = accmr_pages[language]
    assert response.status_code == 200
    text = visible_text(response)
    page = response.content.decode()
    missing = [fact for fact in FACTS[language] if fact not in text and f'href="{fact}"' not in page]
    assert missing == []


def test_the_eleonas_figure_has_no_invented_source_or_date(accmr_pages):
    text = visible_text(accmr_pages["en"])
    eleonas = text[text.index("1,680") : text.index("1,680") + 250]
    assert "date not stated" in eleonas and "source not stated" in eleonas


def test_the_english_page_shows_no_greek_vocabulary(accmr_pages):
    text = visible_text(accmr_pages["en"])
    assert [fact for fact in GREEK_ONLY if fact in text] == []
