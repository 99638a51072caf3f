"""Posting the admin's page forms as a browser would, from the forms the admin renders."""

from django.test import Client
from django.urls import reverse

from tests.rights.forms import form_data, single


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def add_form(client, parent, model="practicepage", app="practices"):
    url = reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return url, form_data(response.content.decode(), "page-edit-form")


def edit_form(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return url, response.content.decode()


def post_form(client, url, data, **changes):
    return client.post(url, single(data, **changes))
