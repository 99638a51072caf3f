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
    form = response.context["form"]
    errors = form.errors.as_data()
    assert "started" in errors, errors
    assert [error.code for error in errors["started"]] == ["required"]
    # The form opens with one row for a category, which must be chosen.
    category_errors = form.formsets["category_links"].forms[0].errors.as_data()
    assert [error.code for error in category_errors["term"]] == ["required"], category_errors
    assert not PracticePage.objects.filter(title="Κέντρο Συντονισμού").exists()


def test_a_category_chosen_twice_is_refused_at_its_row(network, editor_a):
    client = client_for(editor_a)
    url, data = add_form(client, network["A"].page)
    category = str(network["A"].practice.chosen_categories()[0].pk)
    response = post_form(
        client,
        url,
        data,
        title="Κέντρο Συντονισμού",
        started="2019",
        **{
            "category_links-TOTAL_FORMS": "2",
            "category_links-0-term": category,
            "category_links-0-ORDER": "0",
            "category_links-1-term": category,
            "category_links-1-ORDER": "1",
        },
    )
    assert response.status_code == 200
    formset = response.context["form"].formsets["category_links"]
    assert formset.non_form_errors() == [
        "Μια κατηγορία έχει επιλεγεί δύο φορές: αφαιρέστε τη μία από τις δύο γραμμές."
    ]
    assert "Μια κατηγορία έχει επιλεγεί δύο φορές" in response.content.decode()
    assert not PracticePage.objects.filter(title="Κέντρο Συντονισμού").exists()
