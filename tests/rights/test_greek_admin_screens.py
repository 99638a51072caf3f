"""The screens an editor and a reviewer meet, in the Greek admin, with the project's real pages and people.

Each English string the issue found on these screens (KNOWN_ENGLISH) is looked
for in what the screen shows and says: its text, the attributes read aloud and
the data its React parts draw from.
"""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from catalogue.format.translations import TOOL_NAME
from catalogue.management.commands.demo_accounts import genitive_of_city
from cities.review import submit_for_review
from home.upstream_words import translation_note
from tests.factories import with_admin_language

pytestmark = pytest.mark.django_db

KNOWN_ENGLISH = [
    "Password",
    "More actions",
    " to ",
    "translations",
    "English",
    "December",
    "import_catalogue",
    "IOM review",
    "Editor ",
    "Source locale",
    "Root",  # the tree's root, in the breadcrumbs of every page
]
READ_ALOUD = ("aria-label", "title", "placeholder", "alt")
# Keys of the React apps' props whose values are shown.
SHOWN_KEYS = {
    "label",
    "title",
    "text",
    "heading",
    "helpText",
    "placeholder",
    "description",
    "displayName",
    "comment",
}


def _shown_values(data, key=None):
    if isinstance(data, dict):
        for child_key, value in data.items():
            yield from _shown_values(value, child_key)
    elif isinstance(data, list):
        for value in data:
            yield from _shown_values(value, key)
    elif isinstance(data, str) and key in SHOWN_KEYS:
        yield data


def shown(html):
    """What a person reads or hears on the page: text, read-aloud attributes, and the React props' JSON."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup(["script", "style"]):
        if script.get("type") != "application/json":
            script.decompose()
    parts = [soup.get_text(" ")]
    parts += [element[name] for name in READ_ALOUD for element in soup.find_all(attrs={name: True})]
    for element in soup.find_all(attrs={"data-props": True}):
        parts += _shown_values(json.loads(element["data-props"]))
    return " ".join(" ".join(parts).split())


def english_on(html):
    text = shown(html)
    return [english for english in KNOWN_ENGLISH if english in text]


def client_for(user):
    client = Client()
    client.force_login(with_admin_language(user, "el"))
    return client


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


@pytest.fixture
def in_review(network, editor_a):
    draft = network["A"].draft
    draft.save_revision(user=editor_a)
    submit_for_review(draft, editor_a)
    return draft


@pytest.fixture
def translated(network):
    """Athens's practice translated into English, its strings brought in by the catalogue import."""
    practice = network["A"].practice
    english = Locale.objects.get(language_code="en")
    translate_object(practice, [english])
    translation_record = Translation.objects.get(
        source__object_id=practice.translation_key, target_locale=english
    )
    for segment in StringSegment.objects.filter(source=translation_record.source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data=f"EN {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=TOOL_NAME,
        )
    return practice.get_translation(english)


def test_login_is_greek(client):
    html = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="el").content.decode()
    assert "Κωδικός πρόσβασης" in shown(html)
    assert english_on(html) == []


def test_the_workflow_has_one_greek_name_for_the_editor_and_the_reviewer(in_review, editor_a, iom_reviewer):
    editor_page = _get(client_for(editor_a), reverse("wagtailadmin_pages:edit", args=[in_review.pk]))
    assert "«Έλεγχος ΔΟΜ»" in shown(editor_page) or "Έλεγχος ΔΟΜ" in shown(editor_page)
    reviewer = client_for(iom_reviewer)
    assert english_on(_get(reviewer, reverse("wagtailadmin_home"))) == []
    for url in (
        reverse("wagtailadmin_pages:edit", args=[in_review.pk]),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
    ):
        html = _get(reviewer, url)
        assert "Έλεγχος ΔΟΜ" in shown(html), url
        assert english_on(html) == [], url


def test_the_editors_own_screens_are_greek(network, in_review, editor_a):
    client = client_for(editor_a)
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[network["A"].page.pk]),
        reverse("wagtailadmin_pages:edit", args=[network["A"].practice.pk]),
        reverse("wagtailadmin_pages:add", args=["practices", "practicepage", network["A"].page.pk]),
    ):
        html = _get(client, url)
        assert english_on(html) == [], url
    listing = shown(_get(client, reverse("wagtailadmin_explore", args=[network["A"].page.pk])))
    assert "Αγγλικά" in listing


def test_the_translation_editor_is_greek(translated, editor_a):
    html = _get(client_for(editor_a), reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    editor = BeautifulSoup(html, "html.parser").select_one(".js-translation-editor")
    props = json.loads(editor["data-props"])
    assert (props["sourceLocale"]["displayName"], props["locale"]["displayName"]) == ("Ελληνικά", "Αγγλικά")
    notes = {string["comment"] for string in props["initialStringTranslations"]}
    assert notes and all(note.startswith("Ήρθε με την εισαγωγή του καταλόγου στις ") for note in notes)
    # The words that the script puts in place of the React app's English.
    words = json.loads(BeautifulSoup(html, "html.parser").find(id="cni-translation-editor-words").string)
    assert words == {
        "heading": "Μετάφραση από τα {1} στα {2}",
        "moreActions": "Περισσότερες ενέργειες",
    }
    assert english_on(html) == []


def test_a_translation_note_is_dated_in_the_admins_language():
    note = StringTranslation(
        tool_name=TOOL_NAME,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        updated_at=datetime.datetime(2026, 12, 2, 10, tzinfo=datetime.UTC),
    )
    with translation.override("el"):
        assert translation_note(note) == "Ήρθε με την εισαγωγή του καταλόγου στις 2 Δεκεμβρίου 2026"
    with translation.override("en"):
        assert translation_note(note) == "Came with the catalogue import on 2 December 2026"
    note.tool_name = ""
    with translation.override("el"):
        assert translation_note(note) == "Μεταφράστηκε από άνθρωπο στις 2 Δεκεμβρίου 2026"


def test_the_reports_are_greek(translated, iom_reviewer):
    client = client_for(iom_reviewer)
    report = _get(client, reverse("wagtail_localize:translations_report"))
    text = shown(report)
    assert "Γλώσσα πηγής" in text and "Γλώσσα-στόχος" in text
    assert english_on(report) == []
    for url in (reverse("translation_report"), reverse("wagtailadmin_reports:aging_pages")):
        assert english_on(_get(client, url)) == [], url


def test_the_demo_accounts_have_greek_names(network):
    assert genitive_of_city("Δήμος Αθηναίων") == "Δήμου Αθηναίων"
    assert genitive_of_city("Αθήνα") == "Αθήνα"
    call_command("demo_accounts", stdout=io.StringIO())
    names = {user.email: user.get_full_name() for user in get_user_model().objects.all()}
    assert names["reviewer@cities-network.example"] == "Ελεγκτής ΔΟΜ"
    assert names["editor-athens@cities-network.example"] == "Συντάκτης Αθήνα"
