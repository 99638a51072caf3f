"""`setup_network`, `demo_admin` and the language choice at `/`, as `make run` uses them."""

import io
import re

import pytest

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import translation

from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import LocaleSynchronization

from cities.models import CityIndexPage
from home.models import HomePage
from home.site_tree import ensure_site_tree
from practices.models import PracticeIndexPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def run(command, *args, **options):
    out = io.StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Locale, Page, Site, LocaleSynchronization, Revision)
    }


# setup_network ----------------------------------------------------------------


def test_setup_network_builds_the_tree_and_says_so():
    output = run("setup_network")

    el, en = Locale.objects.get(language_code="el"), Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=el)
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    assert HomePage.objects.get(locale=en).translation_key == home.translation_key
    for model, slug in ((CityIndexPage, "cities"), (PracticeIndexPage, "practices")):
        for locale in (el, en):
            page = model.objects.get(locale=locale)
            assert page.slug == slug
            assert page.live
            assert page.get_parent().specific == HomePage.objects.get(locale=locale)
    assert LocaleSynchronization.objects.get(locale=en).sync_from == el
    # Wagtail's "Welcome" placeholder is gone: the only pages are the skeleton, its
    # two legal pages (accessibility statement, privacy notice) in each language, and the root.
    assert Page.objects.count() == 11

    assert "+ language en" in output
    for url in (
        *("/el/", "/el/cities/", "/el/practices/", "/el/accessibility/", "/el/privacy/"),
        *("/en/", "/en/cities/", "/en/practices/", "/en/accessibility/", "/en/privacy/"),
    ):
        assert f" at {url}\n" in output
    assert "Welcome" in output
    assert "en kept in step with el" in output


def test_setup_network_a_second_time_creates_nothing():
    run("setup_network")
    before = counts()
    output = run("setup_network")
    assert counts() == before
    assert "nothing was created" in output
    assert "+" not in output


def test_setup_network_completes_a_partial_tree():
    run("setup_network")
    PracticeIndexPage.objects.get(locale__language_code="en").delete()
    output = run("setup_network")
    assert PracticeIndexPage.objects.filter(locale__language_code="en").count() == 1
    # The command speaks the site's default language; page titles are as created.
    with translation.override(settings.LANGUAGE_CODE):
        kind = str(PracticeIndexPage._meta.verbose_name)
    assert re.findall(r"^\s*\+ .*$", output, flags=re.MULTILINE) == [
        f"  + {kind} “Good practices” [en] at /en/practices/"
    ]


def test_setup_network_gives_the_site_its_public_address(settings, client):
    settings.SITE_URL = "https://cities-network.example"
    run("setup_network")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("cities-network.example", 443)
    # The sitemap's absolute links follow it.
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://cities-network.example/el/</loc>" in sitemap

    settings.SITE_URL = "http://127.0.0.1:8000"
    run("setup_network")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


def test_setup_network_refuses_an_address_that_is_not_http(settings):
    settings.SITE_URL = "cities-network.example"
    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        run("setup_network")


def test_pages_returned_by_ensure_site_tree_are_current():
    trees = ensure_site_tree()
    for tree in trees.values():
        assert tree.home.numchild == 2
        assert {page.specific for page in tree.home.get_children()} == {tree.cities, tree.practices}


# demo_admin ------------------------------------------------------------------


def admin():
    return get_user_model().objects.get(username="admin")


def test_demo_admin_generates_a_password_and_prints_it_once(monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    output = run("demo_admin")

    user = admin()
    assert user.is_superuser and user.is_staff and user.is_active
    password = re.search(r"password is: (\S+)", output).group(1)
    assert len(password) >= 16
    assert output.count(password) == 1
    assert authenticate(username="admin", password=password) == user

    # Later runs leave it alone, and say so without showing anything secret.
    output = run("demo_admin")
    assert "unchanged" in output
    assert password not in output
    assert authenticate(username="admin", password=password) == admin()


def test_demo_admin_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "δοκιμή-κωδικός-1")
    output = run("demo_admin")
    assert "δοκιμή-κωδικός-1" not in output
    assert "DEMO_ADMIN_PASSWORD" in output
    assert authenticate(username="admin", password="δοκιμή-κωδικός-1") == admin()

    # Changing the variable changes the password of the existing account.
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "another-password-2")
    run("demo_admin")
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert authenticate(username="admin", password="another-password-2") == admin()
    assert authenticate(username="admin", password="δοκιμή-κωδικός-1") is None


def test_demo_admin_keeps_an_existing_password_without_the_variable(monkeypatch):
    UserFactory(username="admin", password="kept-password-3")
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "")
    output = run("demo_admin")
    assert "unchanged" in output
    user = admin()
    assert user.is_superuser and user.is_staff
    assert authenticate(username="admin", password="kept-password-3") == user


# The language choice at / ----------------------------------------------------


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("en", "/en/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR, fr;q=0.9, en;q=0.5", "/en/"),
        ("el-GR,el;q=0.9,en;q=0.8", "/el/"),
        ("el", "/el/"),
        ("fr", "/el/"),
        ("de, *;q=0.5", "/el/"),
        ("", "/el/"),
        (None, "/el/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, target):
    headers = {} if accept_language is None else {"HTTP_ACCEPT_LANGUAGE": accept_language}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("language", ["el", "en"])
def test_each_language_prefix_serves_its_own_home_page(client, site_tree, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = response.context["page"]
    assert isinstance(page, HomePage)
    assert page.locale.language_code == language
