"""Account security: login throttling, two-factor login, and production's session cookies."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.test import Client, override_settings
from django.urls import reverse

from catalogue.municipalities import add_municipality
from cities.onboarding import add_editor

pytestmark = pytest.mark.django_db

PASSWORD = "Ένας-καλός-κωδικός-42"


@pytest.fixture
def reviewer(site_tree):
    user = add_editor("reviewer@iom.example", reviewer=True, send_email=False).user
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def city_editor(site_tree):
    add_municipality("patra", {"el": "Πάτρα"})
    user = add_editor("editor@patra.example", city_id="patra", send_email=False).user
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client, user, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": user.get_username(), "password": password})


def test_logins_are_throttled_after_repeated_failures(reviewer, settings):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, reviewer, "λάθος")
        assert response.status_code == 200  # the form again, with an error
    assert _login(client, reviewer, "λάθος").status_code == 429
    response = _login(client, reviewer)  # the right password, too late
    assert response.status_code == 429
    assert reverse("wagtailadmin_password_reset") in response.content.decode()  # home/account_locked.html
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # not logged in
    # Another address is not locked out of the same account.
    other = Client(REMOTE_ADDR="192.0.2.44")
    assert _login(other, reviewer).status_code == 302


def test_a_successful_login_resets_the_count(reviewer, settings):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, reviewer, "λάθος")
    assert _login(client, reviewer).status_code == 302
    client.logout()
    _login(client, reviewer, "λάθος")
    assert _login(client, reviewer).status_code == 302


def _token(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    # The code as an authenticator app shows it: a leading zero is a digit, not dropped.
    return f"{totp.token():0{device.digits}d}"


@override_settings(TWO_FACTOR_LOGIN=True)
def test_reviewers_set_up_and_then_use_a_second_factor(reviewer):
    client = Client()
    assert _login(client, reviewer).status_code == 302
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor_setup"))
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    assert client.post(reverse("two_factor_setup"), {"token": "000000"}).status_code == 200
    # A wrong code slows further tries down (django-otp's throttling); a moment later:
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(reverse("two_factor_setup"), {"token": _token(device), "next": "/admin/"})
    assert response.status_code == 302, response.context["form"].errors
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # The next login asks for a code.
    client.logout()
    _login(client, reviewer)
    response = client.get(reverse("wagtailadmin_pages:search"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor_verify"))
    device.refresh_from_db()
    response = client.post(reverse("two_factor_verify"), {"token": "123456"})
    assert response.status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    # django-otp accepts each time step once and follows the phone's clock drift;
    # start from a fresh window so that the test does not depend on the clock.
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, drift=0, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()
    response = client.post(reverse("two_factor_verify"), {"token": _token(device)})
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@override_settings(TWO_FACTOR_LOGIN=True)
def test_editors_need_no_second_factor_unless_they_set_one_up(city_editor):
    client = Client()
    _login(client, city_editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    device = TOTPDevice.objects.create(user=city_editor, name="authenticator", confirmed=True)
    client.logout()
    _login(client, city_editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert device.pk


@override_settings(TWO_FACTOR_LOGIN=True)
def test_public_pages_do_not_ask_for_a_second_factor(reviewer):
    client = Client()
    _login(client, reviewer)
    assert client.get("/el/").status_code == 200


def test_without_the_setting_no_second_factor_is_asked(reviewer):
    client = Client()
    _login(client, reviewer)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_production_session_cookies_are_secure():
    from tests.test_production import production_settings

    shown = production_settings()
    assert "django.contrib.sessions.middleware.SessionMiddleware" in shown["MIDDLEWARE"]

    from tests.test_production import run_production

    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_AGE, s.AUTHENTICATION_BACKENDS[0], s.MIDDLEWARE[-1]]))"
    )
    result = run_production(["-c", code])
    assert result.returncode == 0, result.stderr
    import json

    secure, httponly, samesite, csrf_secure, age, backend, last = json.loads(result.stdout)
    assert (secure, httponly, samesite, csrf_secure) == (True, True, "Lax", True)
    assert age <= 24 * 3600
    assert backend == "cities.rights.login_throttling.LoginThrottlingBackend"
    assert last == "axes.middleware.AxesMiddleware"
