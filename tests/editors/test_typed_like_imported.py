"""A practice typed into the admin's form exports exactly like the same practice imported.

The admin is where the network lives, the import file is for migrations: the two
must be able to say the same things. The practice below uses every field a
practice has in `cni-catalogue/1` except images (which have their own test);
it is imported under one id and typed under another, and the two exports must
differ in nothing but that id.
"""

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from catalogue.format.exporter import export_catalogue
from catalogue.format.importer import import_document
from cities.models import CityPage
from practices.models import Category, Organisation, PracticePage, TargetGroup
from tests.editors.admin import add_form, client_for

pytestmark = pytest.mark.django_db

DESCRIPTION = "<p>Το κέντρο <b>συντονίζει</b> τους φορείς.</p><ul><li>Στέγαση</li><li>Υγεία</li></ul>"
LESSONS = "<p>Χρειάζονται διερμηνείς από την αρχή.</p>"

VOCABULARY = {
    "format": "cni-catalogue/1",
    "source_language": "el",
    "categories": [{"id": "housing", "name": "Στέγαση"}, {"id": "health", "name": "Υγεία"}],
    "target_groups": [{"id": "refugees", "name": "Πρόσφυγες"}],
    "organisations": [
        {"id": "municipality-of-karditsa", "name": "Δήμος Καρδίτσας", "kind": "municipal"},
        {"id": "unhcr", "name": "Ύπατη Αρμοστεία του ΟΗΕ για τους Πρόσφυγες", "acronym": "UNHCR"},
    ],
    "cities": [{"id": "karditsa", "name": "Δήμος Καρδίτσας"}],
    "practices": [],
}

PRACTICE = {
    "city": "karditsa",
    "title": "Κέντρο Ένταξης Καρδίτσας",
    "subtitle": "Ένα σημείο για όλες τις υπηρεσίες",
    "acronym": "ΚΕΚ",
    "summary": "Ενημέρωση, συμβουλευτική και μαθήματα ελληνικών για πρόσφυγες.",
    "description": DESCRIPTION,
    "categories": ["health", "housing"],
    "target_groups": ["refugees"],
    "status": "completed",
    "evidence": "monitored",
    "started": "2017-06",
    "ended": "2019-12",
    "organisations": [
        {"organisation": "municipality-of-karditsa", "role": "lead"},
        {"organisation": "unhcr", "role": "funder", "from": "2017", "until": "2018-06"},
    ],
    "figures": [
        {
            "kind": "other",
            "label": "στο πρόγραμμα ΕΣΤΙΑ",
            "value": 2100,
            "approximate": True,
            "date": "2018-03",
            "source": "Ύπατη Αρμοστεία",
        }
    ],
    "outcomes": [{"label": "επισκέψεις", "value": 664046, "date": "2019-12"}],
    "achievements": ["Πιστοποιήθηκε το 2018."],
    "recognitions": [{"by": "unhcr", "date": "2018", "text": "Καλή πρακτική"}],
    "testimonials": [{"quote": "Με βοήθησαν να βρω σπίτι.", "name": "Α."}],
    "lessons": LESSONS,
    "links": [{"url": "https://example.org/kek", "label": "Ιστότοπος"}],
}


FIGURE = PRACTICE["figures"][0]


def pk(model, catalogue_id):
    return str(model.objects.get(catalogue_id=catalogue_id, locale__language_code="el").pk)


def _typed_form():
    """The add form as an editor fills it in: every field, and every list with one or two rows."""
    data = nested_form_data(
        {
            "title": PRACTICE["title"],
            "slug": "kek-typed",
            "subtitle": PRACTICE["subtitle"],
            "acronym": PRACTICE["acronym"],
            "summary": PRACTICE["summary"],
            "description": rich_text(DESCRIPTION),
            "status": "completed",
            "evidence": "monitored",
            "started": "2017-06",
            "ended": "2019-12",
            "lessons": rich_text(LESSONS),
            "organisations": inline_formset(
                [
                    {"organisation": pk(Organisation, "municipality-of-karditsa"), "role": "lead"},
                    {
                        "organisation": pk(Organisation, "unhcr"),
                        "role": "funder",
                        "period_from": "2017",
                        "period_until": "2018-06",
                    },
                ]
            ),
            # The form's fields carry the format's names; a checkbox posts "on".
            "figures": inline_formset([{**FIGURE, "value": str(FIGURE["value"]), "approximate": "on"}]),
            "outcomes": inline_formset([{"label": "επισκέψεις", "value": "664046", "date": "2019-12"}]),
            "achievements": inline_formset([{"text": "Πιστοποιήθηκε το 2018."}]),
            "recognitions": inline_formset(
                [{"by": pk(Organisation, "unhcr"), "date": "2018", "text": "Καλή πρακτική"}]
            ),
            "testimonials": inline_formset(
                [{"quote": "Με βοήθησαν να βρω σπίτι.", "name": "Α.", "consent_given": "on"}]
            ),
            "links": inline_formset([{"label": "Ιστότοπος", "url": "https://example.org/kek"}]),
            # In the editors' order, which is not the alphabetical one: the export keeps it.
            "category_links": inline_formset(
                [{"term": pk(Category, "health")}, {"term": pk(Category, "housing")}]
            ),
            "target_group_links": inline_formset([{"term": pk(TargetGroup, "refugees")}]),
        }
    )
    # What Draftail posts for an editor left empty (the form's rendered value is one empty block).
    data["transferability"] = "null"
    data["action-publish"] = "action-publish"
    return data


def _exported(practice_id):
    records = {record["id"]: record for record in export_catalogue(city="karditsa")["practices"]}
    return records[practice_id]


def test_a_practice_typed_in_the_admin_exports_like_the_same_practice_imported(site_tree, superuser):
    import_document({**VOCABULARY, "practices": [{"id": "kek-imported", **PRACTICE}]}, publish=True)
    city = CityPage.objects.get(catalogue_id="karditsa", locale__language_code="el")
    client = client_for(superuser)
    url, defaults = add_form(client, city)
    response = client.post(url, {**defaults, **_typed_form()})
    assert response.status_code == 302, response.context["form"].errors.as_data()

    typed = PracticePage.objects.get(slug="kek-typed", locale__language_code="el")
    # The catalogue id comes from the first slug.
    assert typed.catalogue_id == "kek-typed"
    imported = _exported("kek-imported")
    assert {**_exported("kek-typed"), "id": "kek-imported"} == imported
    assert imported["organisations"][1] == PRACTICE["organisations"][1]
