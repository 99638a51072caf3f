"""Issue 12, finding 9: production asks reviewers and administrators for a second factor unless told not to.

The production settings are read in a subprocess, as a deployment reads
them; the login itself goes through the real admin views with the value
production gives.
"""

import json

import pytest

from django.test import Client
from django.urls import reverse

from tests.rights.test_account_security import _login, reviewer  # noqa: F401  (a reviewer with a password)
from tests.test_production import run_production

READ = "import django; django.setup(); from django.conf import settings; print(settings.TWO_FACTOR_LOGIN)"


def production_two_factor(**environment):
    result = run_production(["-c", READ], **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().lower())


@pytest.mark.django_db
def test_a_reviewer_logging_in_to_production_is_asked_for_a_code(reviewer, settings):  # noqa: F811
    settings.TWO_FACTOR_LOGIN = production_two_factor()
    client = Client()
    assert _login(client, reviewer).status_code == 302
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_only_an_explicit_setting_turns_it_off():
    assert production_two_factor() is True
    assert production_two_factor(TWO_FACTOR_LOGIN="false") is False
    assert production_two_factor(TWO_FACTOR_LOGIN="true") is True


def test_check_deploy_warns_when_it_is_off():
    result = run_production(["manage.py", "check", "--deploy"], TWO_FACTOR_LOGIN="false")
    output = result.stdout + result.stderr
    assert "cities.W001" in output
    assert "Two-factor login is off" in output
    quiet = run_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert "cities.W001" not in quiet.stdout + quiet.stderr
