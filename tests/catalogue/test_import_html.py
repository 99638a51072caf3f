"""HTML outside the allowed elements is stripped, reported, and never rendered."""

import pytest

from django.core.management import call_command

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_script_is_stripped_and_reported(accmr_document, write_catalogue, capsys, client):
    accmr = accmr_document["practices"][0]
    accmr["description"]["el"] = accmr["description"]["el"].replace(
        "</p>", '<script>alert("el")</script><img src=x onerror=alert(1)></p>', 1
    )
    accmr["lessons"] = '<p onclick="steal()">Μάθαμε <a href="javascript:alert(1)">πολλά</a>.</p>'
    call_command("import_catalogue", str(write_catalogue(accmr_document)), "--publish")
    output = capsys.readouterr().out
    assert "note: practices[accmr].description.el: removed <img>, <script>" in output
    assert (
        "note: practices[accmr].lessons: removed a[href] that is not http, https or mailto, p[onclick]"
        in output
    )

    page = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    assert "<script" not in page.description
    assert "javascript:" not in page.lessons
    html = client.get(page.url).content.decode()
    assert "alert(" not in html
    assert "onclick" not in html
    assert "Μάθαμε" in html
