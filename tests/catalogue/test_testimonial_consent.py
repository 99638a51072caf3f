"""Testimonials from a catalogue file come with consent; one whose consent is withdrawn is not exported."""

import pytest

from django.core.management import call_command

from catalogue.format.exporter import export_catalogue
from practices import models
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_imported_testimonials_are_published_with_consent(accmr_document, write_catalogue, client):
    call_command(
        "import_catalogue", str(write_catalogue(accmr_document)), "--publish", stdout=open("/dev/null", "w")
    )  # noqa: SIM115
    assert models.Testimonial.objects.count() == 6  # three, in Greek and in English
    assert set(models.Testimonial.objects.values_list("consent_given", flat=True)) == {True}
    html = client.get("/el/cities/athens/accmr/").content.decode()
    assert html.count('class="testimonial"') == 3


def test_withdrawn_consent_hides_and_is_not_exported(accmr_document, write_catalogue, client):
    call_command(
        "import_catalogue", str(write_catalogue(accmr_document)), "--publish", stdout=open("/dev/null", "w")
    )  # noqa: SIM115
    names = [t["name"]["el"] for t in accmr_document["practices"][0]["testimonials"]]
    withdrawn = names[0]
    for page in PracticePage.objects.all():
        page.testimonials.filter(sort_order=0).update(consent_given=False)

    html = client.get("/el/cities/athens/accmr/").content.decode()
    assert withdrawn not in html and names[1] in html
    exported = export_catalogue()["practices"][0]["testimonials"]
    assert [t["name"]["el"] for t in exported] == names[1:]
