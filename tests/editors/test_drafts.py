"""A new practice's draft, saved as the editor first fills it in."""

import pytest

from practices.models import PracticePage
from tests.editors.admin import add_form, client_for, post_form

pytestmark = pytest.mark.django_db


def test_a_draft_without_its_start_is_refused_at_the_field_not_with_a_500(network, editor_a):
    client = client_for(editor_a)
    url, data = add_form(client, network["A"].page)
    response = post_form(client, url, data, title="Κέντρο Συντονισμού", slug="")
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert {"categories", "started"} <= set(errors), errors
    assert all(error.code == "required" for field in ("categories", "started") for error in errors[field])
    assert not PracticePage.objects.filter(title="Κέντρο Συντονισμού").exists()
