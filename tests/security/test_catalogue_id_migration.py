"""The migration's fill: every existing page gets its source-language page's slug as its catalogue id.

Run with the real app registry over real pages whose ids were blanked, as
the pages stood before the field existed.
"""

import pytest

from django.apps import apps
from django.conf import settings

from wagtail.models import Locale

from cities.models import CityPage
from practices.models import PracticePage
from sitewide.catalogue_id import fill_catalogue_ids
from tests.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def refill(model):
    model.objects.update(catalogue_id="")
    fill_catalogue_ids(apps, model._meta.app_label, model._meta.model_name, settings.LANGUAGE_CODE)


def test_ids_come_from_the_source_language_slug_in_every_language(network):
    practice = network["A"].practice
    english = practice.get_translation(Locale.objects.get(language_code="en"))
    # An English slug an editor changed does not become the id.
    PracticePage.objects.filter(pk=english.pk).update(slug="renamed-in-english")
    refill(PracticePage)
    refill(CityPage)
    assert PracticePage.objects.get(pk=practice.pk).catalogue_id == practice.slug
    assert PracticePage.objects.get(pk=english.pk).catalogue_id == practice.slug
    assert {
        page.catalogue_id
        for page in CityPage.objects.filter(translation_key=network["A"].page.translation_key)
    } == {"athens"}


def test_two_practices_sharing_a_slug_keep_unique_ids_the_older_first(network):
    older = network["A"].practice
    younger = PracticePageFactory(parent=network["B"].page, title="Άλλη", slug="other")
    PracticePage.objects.filter(translation_key=younger.translation_key).update(slug=older.slug)
    refill(PracticePage)
    assert PracticePage.objects.get(pk=older.pk).catalogue_id == older.slug
    assert PracticePage.objects.get(pk=younger.pk).catalogue_id == f"{older.slug}-2"
