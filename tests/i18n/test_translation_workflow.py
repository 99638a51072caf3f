"""Translators' workflow: PO files, syncing, imports updating translations, the status report."""

import copy
import csv
import html
import io

import polib
import pytest
from bs4 import BeautifulSoup

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from catalogue.format.importer import import_document
from practices.models import PracticePage
from practices.translation_report import needs_translation
from tests.factories.demo import demo_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def accmr_document():
    document = demo_document()
    document["practices"] = [p for p in document["practices"] if p["id"] == "accmr"]
    document["cities"] = [c for c in document["cities"] if c["id"] == "athens"]
    return document


@pytest.fixture
def accmr(accmr_document):
    import_document(copy.deepcopy(accmr_document), publish=True)
    greek = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    english = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    return greek, english


def english_translation(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code="en")


def test_po_file_download_and_upload_round_trip(admin_client, accmr):
    greek, english = accmr
    translation = english_translation(greek)
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    title_entry = next(entry for entry in po if entry.msgctxt == "title")
    # wagtail-localize keeps strings as HTML, so "&" travels as "&amp;".
    assert title_entry.msgid == html.escape(greek.title, quote=False)
    assert title_entry.msgstr == "Athens Coordination Center for Migrant &amp; Refugee issues"

    title_entry.msgstr = "Athens Coordination Centre for Migrant and Refugee Issues"
    upload = SimpleUploadedFile("accmr-en.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302
    translation.save_target(publish=True)
    english.refresh_from_db()
    english = english.get_latest_revision_as_object()
    assert english.title == "Athens Coordination Centre for Migrant and Refugee Issues"


def test_import_updates_the_translations_it_carries(accmr, accmr_document):
    accmr_document["practices"][0]["summary"]["en"] = "A new English summary."
    import_document(accmr_document, publish=True)
    english = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    assert english.summary == "A new English summary."


def only_greek(value):
    if isinstance(value, dict):
        if "el" in value and all(len(key) == 2 for key in value):
            return {"el": value["el"]}
        return {key: only_greek(item) for key, item in value.items()}
    if isinstance(value, list):
        return [only_greek(item) for item in value]
    return value


def test_a_language_missing_from_the_file_is_left_as_it_was(accmr, accmr_document):
    record = only_greek(accmr_document["practices"][0])
    record["title"]["el"] += " (νέο)"
    accmr_document["practices"][0] = record
    import_document(accmr_document, publish=True)
    greek = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    english = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    assert greek.title.endswith("(νέο)")
    assert english.title == "Athens Coordination Center for Migrant & Refugee issues"
    assert english.description.startswith("<p>The Athens Coordination Center")


def test_a_text_missing_in_one_language_falls_back_to_the_source(accmr, accmr_document):
    accmr_document["practices"][0]["subtitle"] = {"el": "Νέος υπότιτλος"}
    import_document(accmr_document, publish=True)
    english = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    assert english.subtitle == "Νέος υπότιτλος"
    assert english.title == "Athens Coordination Center for Migrant & Refugee issues"


@pytest.fixture
def english_admin(admin_client, admin_user):
    """The report's wording is checked in English; its Greek is checked with the admin's translations."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


def report_rows(client, **params):
    # The spreadsheet is written while the response streams, after the admin's
    # own language override has ended, so the request's language applies.
    response = client.get(
        reverse("translation_report"), {"export": "csv", **params}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_translation_report_counts_and_outdated_after_a_source_edit(english_admin, accmr):
    greek, english = accmr
    [row] = report_rows(english_admin)
    translation = english_translation(greek)
    total, done = translation.get_progress()
    # wagtail-localize counts the Facebook link's label, a bare (Greek-source) string, as untranslated;
    # the report knows that a name in Latin letters reads the same in English, and leaves out both
    # that label and the acronym ACCMR (the same in every language, so translated as itself).
    assert total - done == 1
    needing_translation = total - 2
    assert (row["Status"], row["Translated strings"], row["Strings"]) == (
        "Complete",
        str(needing_translation),
        str(needing_translation),
    )

    greek.subtitle = "Νέος υπότιτλος"
    greek.save_revision().publish()
    [row] = report_rows(english_admin)
    assert row["Status"] == "Outdated"


def test_translation_report_shows_missing_translations_and_filters(english_admin, accmr_document):
    accmr_document["practices"][0] = {
        key: (value["el"] if isinstance(value, dict) and "el" in value else value)
        for key, value in accmr_document["practices"][0].items()
        if key
        not in ("description", "outcomes", "testimonials", "recognitions", "achievements", "figures", "links")
    }
    accmr_document["practices"][0]["description"] = "<p>Μόνο ελληνικά.</p>"
    import_document(accmr_document, publish=True)
    rows = report_rows(english_admin)
    assert [(row["Practice"], row["Status"]) for row in rows] == [
        ("Κέντρο Συντονισμού για θέματα Μεταναστών & Προσφύγων", "Missing")
    ]
    assert report_rows(english_admin, city="athens") == rows
    greek_locale = Locale.objects.get(language_code="el")
    assert report_rows(english_admin, locale=greek_locale.pk) == []


def test_translation_report_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x")
    client.force_login(user)
    response = client.get(reverse("translation_report"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    ("text", "language", "needed"),
    [
        ("https://www.facebook.com/ACCMR.gr/", "el", False),
        ("Facebook", "el", False),
        ("UNHCR", "el", False),
        ("info@accmr.gr", "el", False),
        ("664.046", "el", False),
        ("Ιστότοπος", "el", True),
        ("Η ομάδα του ACCMR", "el", True),
        ("Facebook", "en", True),  # English is written in Latin letters: nothing to tell names by
        ("https://www.accmr.gr", "en", False),
    ],
)
def test_what_needs_translating(text, language, needed):
    assert needs_translation(text, language) is needed


def test_a_freshly_imported_practice_is_complete_and_titled_in_the_admins_language(
    admin_client, admin_user, accmr
):
    greek, english = accmr
    for language, title, city in (
        ("el", greek.title, "Δήμος Αθηναίων"),
        ("en", english.title, "Municipality of Athens"),
    ):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = language
        profile.save()
        response = admin_client.get(reverse("translation_report"))
        assert response.status_code == 200
        [row] = BeautifulSoup(response.content.decode(), "html.parser").select("table.listing tbody tr")
        cells = [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        assert cells[:2] == [title, city]
        assert cells[4].startswith("100%")
