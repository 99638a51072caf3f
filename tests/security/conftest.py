"""Two member cities and their people, as in tests/rights (the same fixtures), and admin-form helpers."""

import pytest

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from practices.models import Category, PracticePage
from tests.rights.conftest import City, editor_a, editor_b, iom_reviewer, network  # noqa: F401
from tests.rights.forms import form_data, single

__all__ = ["City"]


def in_admin_language(message):
    """`message` as the admin shows it to the test's users: in the site's language, Greek."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(message)


@pytest.fixture
def login():
    """A fresh client logged in as `user` (None: an anonymous visitor)."""

    def make(user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


def add_page_form(client, model, parent):
    """The admin's "add page" form under `parent`, as the browser would post it back."""
    opts = model._meta
    url = reverse("wagtailadmin_pages:add", args=[opts.app_label, opts.model_name, parent.pk])
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return url, form_data(response.content.decode(), "page-edit-form")


def create_page(client, model, parent, **fields):
    """Post the add form under `parent` as a draft with `fields` changed; return the response.

    A practice needs a category and a start even as a draft: the first
    category and 2020 unless `fields` says.
    """
    url, data = add_page_form(client, model, parent)
    if model is PracticePage:
        # The add form opens with one row for a category.
        fields.setdefault(
            "category_links-0-term", str(Category.objects.filter(locale=Locale.get_default()).first().pk)
        )
        fields.setdefault("started", "2020")
    return client.post(url, single(data, **fields))


def edit_page(client, page, admin_client=None, **fields):
    """Post the edit form of `page` (read by `admin_client`, or by `client`) with `fields` changed."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = (admin_client or client).get(url).content.decode()
    return client.post(url, single(form_data(html, "page-edit-form"), **fields))
