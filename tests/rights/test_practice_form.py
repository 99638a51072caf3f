"""The practice's edit form follows the brochure, explains every field in Greek, and shows errors where they are.

Through the real admin views, as a city editor whose admin is in Greek.
"""

import pytest
from bs4 import BeautifulSoup

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from catalogue.format.kinds import PRACTICES
from practices.models import Category, PracticePage
from tests.factories import CategoryFactory, with_admin_language

pytestmark = pytest.mark.django_db

BROCHURE_TABS = [
    "Πρακτική",
    "Αριθμοί και αποτελέσματα",
    "Φορείς",
    "Μαρτυρίες",
    "Διδάγματα",
    "Σύνδεσμοι και εικόνες",
]
# Wagtail's own tabs come after the practice's.
WAGTAIL_TABS = ["Προώθηση", "Ρυθμίσεις"]
# The help of these two says what to tick, which needs no example.
CHECKBOXES = {"approximate", "consent_given"}


@pytest.fixture
def client_a(editor_a):
    client = Client()
    client.force_login(with_admin_language(editor_a, "el"))
    return client


def _add_url(network):
    return reverse("wagtailadmin_pages:add", args=["practices", "practicepage", network["A"].page.pk])


def _form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").find("form", id="page-edit-form")


def _tab_names(form):
    return [" ".join(tab.find(string=True, recursive=False).split()) for tab in form.select("[role=tab]")]


def _panels_by_tab(form):
    return {
        " ".join(form.find(id=panel["aria-labelledby"]).find(string=True, recursive=False).split()): panel
        for panel in form.select("[role=tabpanel]")
    }


def _fields(panel):
    """The fields of a tab, those of the inline rows' templates too (CSS selectors skip template contents)."""
    yield from panel.select("[data-field][data-contentpath]")
    for template in panel.find_all("template"):
        yield from _fields(BeautifulSoup(template.decode_contents(), "html.parser"))


def test_the_tabs_tell_the_story_in_the_brochures_order(network, client_a):
    tabs = _tab_names(_form(client_a, _add_url(network)))
    assert tabs[: len(BROCHURE_TABS)] == BROCHURE_TABS
    # Editors, who may not publish, have no "Settings" (scheduling) tab.
    assert tabs[len(BROCHURE_TABS) :] == WAGTAIL_TABS[:1]


def test_every_field_of_the_practice_has_greek_help_with_an_example(network, client_a):
    panels = _panels_by_tab(_form(client_a, _add_url(network)))
    seen = set()
    for tab in BROCHURE_TABS:
        for field in _fields(panels[tab]):
            name = field["data-contentpath"]
            seen.add(name)
            help_text = field.select_one("[data-field-help] .help")
            assert help_text is not None, f"{tab} › {name} has no help text"
            text = help_text.get_text(" ")
            assert not any(word in text for word in ("For example", "for example")), f"{name}: {text}"
            if name not in CHECKBOXES:
                assert "π.χ." in text.lower() or "παράδειγμα" in text.lower(), (
                    f"{tab} › {name}: no example in “{text}”"
                )
    assert {"title", "summary", "evidence", "role", "quote", "alt", "url", "source"} <= seen


def test_everything_the_importer_writes_can_be_entered(network):
    form_class = PracticePage.get_edit_handler().get_form_class()
    missing = []
    for spec in PRACTICES.fields:
        children = getattr(spec, "fields", None)
        if spec.attr in form_class.formsets:  # an inline list: each of its fields in each row
            row_fields = form_class.formsets[spec.attr].form.base_fields
            missing += [f"{spec.key}.{child.key}" for child in children or [] if child.attr not in row_fields]
        elif children is None:
            if spec.attr not in form_class.base_fields:
                missing.append(spec.key)
        else:  # a group of the page's own fields (the contact)
            missing += [
                f"{spec.key}.{child.key}" for child in children if child.attr not in form_class.base_fields
            ]
    assert not missing, f"the importer writes these, the admin cannot: {missing}"


def test_an_error_shows_at_its_field_on_its_tab(network, client_a):
    category = Category.objects.filter(locale__language_code="el").first() or CategoryFactory()
    data = nested_form_data(
        {
            "title": "Κέντρο Κοινότητας",
            "slug": "kentro-koinotitas",
            "summary": "Ένα κέντρο για όλους.",
            "description": rich_text("<p>Περιγραφή.</p>"),
            "status": "ongoing",
            "started": "2019",
            "evidence": "described",
            # One outcome without its number: the error belongs to the second tab.
            "outcomes": inline_formset([{"label": "μέλη", "value": "", "unit": "", "about": "", "date": ""}]),
            "category_links": inline_formset([{"term": category.pk}]),
            **{
                relation: inline_formset([])
                for relation in (
                    "organisations",
                    "figures",
                    "achievements",
                    "testimonials",
                    "recognitions",
                    "links",
                    "images",
                    "adapted_from",
                    "target_group_links",
                    "comments",
                )
            },
        }
    )
    response = client_a.post(_add_url(network), data)
    assert response.status_code == 200  # the form again, with its errors; nothing saved
    assert not PracticePage.objects.filter(slug="kentro-koinotitas").exists()
    form = BeautifulSoup(response.content.decode(), "html.parser").find("form", id="page-edit-form")
    panels = _panels_by_tab(form)
    value = panels["Αριθμοί και αποτελέσματα"].find(attrs={"name": "outcomes-0-value"})
    assert value is not None
    field = value.find_parent(attrs={"data-field": True})
    assert "Αυτό το πεδίο είναι υποχρεωτικό" in field.select_one("[data-field-errors]").get_text(" ")
    # The tab's error counter counts the error messages inside its panel (Wagtail's w-count controller).
    counter = form.find(id=panels["Αριθμοί και αποτελέσματα"]["aria-labelledby"]).select_one(
        "[data-controller=w-count]"
    )
    assert counter["data-w-count-container-value"] == "#" + panels["Αριθμοί και αποτελέσματα"]["id"]
    errors = [
        error.find_parent(attrs={"data-contentpath": True})
        for error in panels["Πρακτική"].select(".error-message")
    ]
    assert not errors, [field["data-contentpath"] for field in errors]
