"""Slugs from Greek titles: the table, the admin's add and edit forms, and pages made in code."""

import json

import pytest
from bs4 import BeautifulSoup

from practices.models import PracticePage
from sitewide.slugs import RULES, slug_from
from tests.editors.admin import add_form, client_for, edit_form, post_form
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db

# Real place and body names, with what ELOT 743 makes of them.
NAMES = {
    "Κέντρο Συντονισμού": "kentro-syntonismou",
    "Θεσσαλονίκη": "thessaloniki",
    "Καλαμαριά": "kalamaria",
    "Νεάπολη-Συκιές": "neapoli-sykies",
    "Λιβαδειά": "livadeia",
    "Χαλάνδρι": "chalandri",
    "Ηράκλειο": "irakleio",
    "Πειραιάς": "peiraias",
    "Ψυχικό": "psychiko",
    "Αμπελόκηποι": "ampelokipoi",
    "Γκάζι": "gkazi",
    "Ευαγγελισμός": "evangelismos",
    "Ευκαρπία": "efkarpia",
    "Ναύπλιο": "nafplio",
    "Αύρα": "avra",
    "Ευόσμου": "evosmou",
    "Άγγελος": "angelos",
    "Σφίγξ": "sfinx",
    "Έλεγχος": "elenchos",
    "Μαΐου": "maiou",
    "Προϋπολογισμός": "proypologismos",
    "Δήμος Ηλιούπολης": "dimos-ilioupolis",
    "Αγία Παρασκευή": "agia-paraskevi",
    "ΕΥΖΩΝΩΝ": "evzonon",
    "Κέντρο Συντονισμού για θέματα Μεταναστών & Προσφύγων": (
        "kentro-syntonismou-gia-themata-metanaston-prosfygon"
    ),
    "  - Νέα  Σμύρνη -": "nea-smyrni",
    "Children’s Café 2.0": "childrens-cafe-2-0",
}


@pytest.mark.parametrize(("name", "slug"), NAMES.items())
def test_the_table_writes_greek_names_in_latin_letters(name, slug):
    assert slug_from(name) == slug


def test_nothing_latin_comes_of_symbols():
    assert slug_from("★ ★") == ""
    assert slug_from("—") == ""


@pytest.fixture
def category(network):
    return CategoryFactory()


def required_fields(data, category, **fields):
    """The add form as an editor fills it: only the required fields, in Greek."""
    data = dict(data)
    data.update(
        {
            "summary": ["Δύο προτάσεις για την πρακτική."],
            "description": [json.dumps(_rich_text("Η περιγραφή της πρακτικής."))],
            "category_links-0-term": [str(category.pk)],
            "started": ["2019"],
        }
    )
    data.update({name: [value] for name, value in fields.items()})
    return data


def _rich_text(text):
    return {
        "blocks": [{"key": "aaaaa", "type": "unstyled", "depth": 0, "text": text, "entityRanges": []}],
        "entityMap": {},
    }


def test_the_add_form_fills_the_slug_from_the_title_with_the_table(network, editor_a):
    client = client_for(editor_a)
    _url, _data = add_form(client, network["A"].page)
    html = client.get(_url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    title = soup.find("input", attrs={"name": "title"})
    assert "w-sync#apply" in title["data-action"], "the title fills the slug as the editor types"
    slug = soup.find("input", attrs={"name": "slug"})
    formatters = json.loads(slug["data-w-slug-formatters-value"])
    assert [pattern for (pattern, _flags), _replacement in formatters] == [pattern for pattern, _r in RULES]
    assert not slug.has_attr("required"), "an empty slug is made on the server, never refused as missing"


def test_a_draft_saved_without_a_slug_gets_one_from_its_greek_title(network, editor_a, category):
    client = client_for(editor_a)
    url, data = add_form(client, network["A"].page)
    data = required_fields(data, category, title="Κέντρο Συντονισμού", slug="")
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    page = PracticePage.objects.get(title="Κέντρο Συντονισμού", locale__language_code="el")
    assert page.slug == "kentro-syntonismou"
    assert not page.live
    english = page.get_translations().get()
    assert english.alias_of_id == page.pk and english.slug == page.slug

    # A namesake under the same city gets a number, not an error.
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    greek = PracticePage.objects.filter(title="Κέντρο Συντονισμού", locale__language_code="el")
    assert set(greek.values_list("slug", flat=True)) == {
        "kentro-syntonismou",
        "kentro-syntonismou-2",
    }


def _errors(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [error.get_text(" ", strip=True) for error in soup.select(".error-message, .help-critical")]


def test_a_title_with_nothing_to_transliterate_is_refused_at_the_slug_saying_why(network, editor_a, category):
    client = client_for(editor_a)
    url, data = add_form(client, network["A"].page)
    before = PracticePage.objects.count()
    response = client.post(url, required_fields(data, category, title="★★★", slug=""))
    assert response.status_code == 200
    assert PracticePage.objects.count() == before
    errors = response.context["form"].errors.as_data()
    assert list(errors) == ["slug"], errors
    [error] = errors["slug"]
    assert error.code == "slug_not_made"
    # Said in the Greek admin's language, naming the title.
    assert "«★★★»" in error.messages[0] and "λατινικά γράμματα" in error.messages[0]


@pytest.mark.parametrize("typed", ["-", "--", "_"])
def test_a_slug_without_letters_is_refused_saying_why(network, editor_a, category, typed):
    client = client_for(editor_a)
    url, data = add_form(client, network["A"].page)
    response = client.post(
        url, required_fields(data, category, title="Νέα πρακτική", slug=typed, **{"action-submit": "1"})
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert list(errors) == ["slug"], errors
    [error] = errors["slug"]
    assert error.code == "slug_without_letters"
    assert f"«{typed}»" in error.messages[0] and "λατινικό γράμμα ή ψηφίο" in error.messages[0]
    assert not PracticePage.objects.filter(title="Νέα πρακτική").exists()


def test_a_live_pages_title_no_longer_drives_its_slug(network, editor_a):
    practice = network["A"].practice
    client = client_for(editor_a)
    url, html = edit_form(client, practice)
    title = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "title"})
    assert "w-sync#apply" not in (title.get("data-action") or "")

    from tests.rights.forms import form_data

    response = post_form(client, url, form_data(html, "page-edit-form"), title="Νέος τίτλος")
    assert response.status_code == 302
    latest = PracticePage.objects.get(pk=practice.pk).get_latest_revision_as_object()
    assert (latest.title, latest.slug) == ("Νέος τίτλος", practice.slug)


def test_pages_made_in_code_without_a_slug_get_one_from_the_table(network):
    """Imports, translations and copies save pages without the admin's script."""
    city = network["A"].page
    page = city.add_child(  # the path under test: a page saved in code, not built by a factory
        instance=PracticePage(
            title="Λιβαδειά: στέγαση",
            summary="Σύνοψη.",
            description="<p>Περιγραφή.</p>",
            started="2020",
            live=False,
        )
    )
    assert page.slug == "livadeia-stegasi"

    copy = network["A"].practice.copy(update_attrs={"title": "Χαλάνδρι", "slug": ""})
    assert PracticePage.objects.get(pk=copy.pk).slug == "chalandri"
