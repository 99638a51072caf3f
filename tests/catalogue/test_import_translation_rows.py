"""New records are written directly; the result is what wagtail-localize itself would have made.

The importer saves a new record's pages once each and writes
wagtail-localize's rows in bulk (catalogue/format/new_pages.py and
translation_rows.py). These tests hold that shortcut to the real thing: the
translated pages equal what wagtail-localize builds from the stored strings,
the segments equal what its own refresh makes, and its editor opens them.
"""

import copy

import pytest

from django.urls import reverse

from wagtail.models import PageLogEntry
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationContext,
    TranslationLog,
    TranslationSource,
)

from catalogue.format.importer import import_document
from catalogue.format.kinds import CITIES, PRACTICES
from cities.models import CityPage
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


class _ReadContext:
    pass


def _values(kind, instance):
    ctx = _ReadContext()
    return {spec.key: spec.read(instance, ctx) for spec in kind.fields}


def _segment_rows(source):
    return {
        "strings": sorted(
            StringSegment.objects.filter(source=source).values_list(
                "context__path", "context__field_path", "order", "string__data", "attrs"
            )
        ),
        "templates": sorted(
            TemplateSegment.objects.filter(source=source).values_list(
                "context__path", "order", "template__template"
            )
        ),
        "overridable": sorted(
            OverridableSegment.objects.filter(source=source).values_list(
                "context__path", "order", "data_json"
            )
        ),
        "contexts": TranslationContext.objects.filter(object_id=source.object_id).count(),
    }


@pytest.fixture
def imported(demo_document):
    import_document(copy.deepcopy(demo_document), publish=True)
    return demo_document


@pytest.mark.parametrize("kind", [PRACTICES, CITIES], ids=lambda kind: kind.key)
def test_translated_pages_are_what_wagtail_localize_builds(imported, kind):
    translations = Translation.objects.filter(
        source__specific_content_type__model=kind.model._meta.model_name
    ).select_related("source", "target_locale")
    assert translations.count() > 0
    for translation in translations:
        stored = kind.model.objects.get(
            translation_key=translation.source.object_id, locale=translation.target_locale
        )
        built = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
        assert _values(kind, stored) == _values(kind, built), stored.slug


def test_segments_are_what_wagtail_localize_extracts(imported):
    for source in TranslationSource.objects.all():
        written = _segment_rows(source)
        source.refresh_segments()
        assert _segment_rows(source) == written, source.object_repr


def test_every_translated_segment_has_the_files_text(imported):
    english = Translation.objects.filter(target_locale__language_code="en").select_related("source")
    for translation in english:
        total, done = translation.get_progress()
        page = PracticePage.objects.filter(
            translation_key=translation.source.object_id, locale__language_code="en"
        ).first()
        if page is None:
            continue
        assert 0 < done <= total
        flagged = StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id, has_error=True
        )
        assert not flagged.exists()


def test_new_pages_are_published_once_with_a_log_and_one_revision(imported):
    for page in PracticePage.objects.filter(alias_of__isnull=True):
        assert page.live and not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id
        assert page.revisions.count() == 1
        assert page.first_published_at is not None
        actions = list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
        assert sorted(actions) == ["wagtail.create", "wagtail.publish"], page.slug
    translated = PracticePage.objects.filter(locale__language_code="en", alias_of__isnull=True)
    assert TranslationLog.objects.filter(locale__language_code="en").count() >= translated.count()


def test_wagtail_localize_editor_opens_an_imported_translation(admin_client, imported):
    english = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    # wagtail-localize replaces the page editor of a translation with its own.
    assert b"translation-editor" in response.content


def test_a_city_with_practices_keeps_a_valid_tree(imported):
    """Children added under a kept parent instance get distinct paths (treebeard counts them)."""
    for city in CityPage.objects.all():
        paths = [page.path for page in city.get_children()]
        assert len(paths) == len(set(paths)) == city.numchild
