"""Upstream menu labels follow each editor's language, whoever opened the admin first."""

import json
import re

import pytest

from django.test import Client
from django.utils import translation

from wagtail.admin.menu import help_menu, reports_menu
from wagtail.users.models import UserProfile

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def admin_in(language):
    user = UserFactory(is_staff=True, is_superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def sidebar_labels(client):
    """Every text in the sidebar's data, where the menu labels are."""
    html = client.get("/admin/").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    return set(_strings(json.loads(props.group(1))))


@pytest.fixture
def menus_built_in_english(site_tree):
    # Wagtail keeps each menu's items per process; start as a fresh process would.
    for menu in (help_menu, reports_menu):
        menu.__dict__.pop("registered_menu_items", None)
    sidebar_labels(admin_in("en"))
    yield
    for menu in (help_menu, reports_menu):
        menu.__dict__.pop("registered_menu_items", None)


def test_an_english_first_visit_leaves_greek_editors_greek_labels(menus_built_in_english):
    labels = sidebar_labels(admin_in("el"))
    with translation.override("el"):
        greek = {
            translation.gettext("Translations"),
            translation.gettext("What's new in Wagtail %(version)s"),
        }
    assert "Translations" not in labels
    assert not any(label.startswith("What's new in Wagtail") for label in labels)
    assert {label for label in greek if "%(" not in label} <= labels


def test_english_editors_keep_english_labels(menus_built_in_english):
    labels = sidebar_labels(admin_in("en"))
    assert "Translations" in labels
    assert any(label.startswith("What's new in Wagtail") for label in labels)
