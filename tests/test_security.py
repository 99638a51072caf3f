"""Hostile input and hostile requests: XSS through the catalogue, CSRF, open redirects, path
traversal, oversized requests, dangerous uploads, and the Content Security Policy.
"""

import copy
import io
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from django.core.exceptions import SuspiciousOperation
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client, RequestFactory
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.static import serve

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from catalogue.format.errors import CatalogueInvalid
from catalogue.format.importer import import_document
from cities.models import CityPage
from practices.models import PracticePage
from tests.catalogue.every_field import every_field_document, write_png
from tests.factories import DocumentFactory

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><svg onload=alert(2)>'
RICH = (
    '<p>ok</p><script>alert(3)</script><p><a href="javascript:alert(4)">x</a><img src=x onerror=alert(5)></p>'
)
# Keys whose values are ids, codes, addresses, numbers or dates, not text a reader sees.
NOT_TEXT = {
    "format",
    "source_language",
    "id",
    "city",
    "categories",
    "target_groups",
    "organisation",
    "by",
    "status",
    "evidence",
    "kind",
    "role",
    "started",
    "ended",
    "documented",
    "date",
    "from",
    "until",
    "url",
    "website",
    "email",
    "file",
    "logo",
    "emblem",
    "adapted_from",
    "location",
    "value",
    "approximate",
    "phone",
}
RICH_TEXT = {"description", "lessons", "transferability", "intro"}


def poisoned(document, payload):
    """The document with `payload` in every text a reader can see (rich text gets RICH too)."""

    def walk(node, key=None):
        if isinstance(node, dict):
            if node and set(node) <= {"el", "en"}:  # a text in several languages
                return {lang: walk(text, key) for lang, text in node.items()}
            return {k: (v if k in NOT_TEXT else walk(v, k)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(item, key) for item in node]
        if isinstance(node, str):
            return payload + RICH if key in RICH_TEXT else payload
        return node

    return walk(copy.deepcopy(document))


def text_paths(document):
    """How many texts `poisoned` replaces: the test must not pass by poisoning nothing."""
    return len(re.findall(re.escape(SCRIPT), str(poisoned(document, SCRIPT))))


def assert_inert(html, where):
    """No script can run from this HTML: only same-origin script files and JSON-LD data blocks."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            assert "</" not in (script.string or ""), where  # nothing can close the element early
            continue
        assert script.get("src", "").startswith("/static/"), (where, str(script)[:200])
        assert not (script.string or "").strip(), (where, "inline script")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (where, str(element)[:200])
            if name in ("href", "src", "action", "formaction"):
                assert not str(value).strip().lower().startswith("javascript:"), (where, str(element)[:200])
    assert soup.find("svg", attrs={"onload": True}) is None, where
    for raw in (SCRIPT, "<svg onload", "onerror=", "<img src=x"):
        assert raw not in html, (where, raw)


@pytest.fixture
def poisoned_site(db, tmp_path):
    document = every_field_document(tmp_path)
    assert text_paths(document) > 30
    return document, tmp_path


def public_urls():
    urls = []
    for page in PracticePage.objects.live():
        urls += [page.url, page.url + page.reverse_subpage("contact")]
    for page in CityPage.objects.live():
        urls.append(page.url)
    for code in ("el", "en"):
        urls += [f"/{code}/", f"/{code}/cities/", f"/{code}/practices/", f"/{code}/search/?q=alert"]
        urls += [f"/{code}/search/?q=svg&category=housing", f"/{code}/search/suggest/?q=scr"]
    return urls


@pytest.mark.parametrize("payload", [SCRIPT, ATTRIBUTE])
def test_xss_in_every_text_of_the_catalogue_stays_text(client, poisoned_site, payload):
    document, folder = poisoned_site
    import_document(poisoned(document, payload), folder=folder, publish=True)
    checked = 0
    for url in public_urls():
        response = client.get(url)
        if response.status_code == 404:  # e.g. no contact form for a city without an address
            continue
        assert response.status_code == 200, url
        body = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            # Data, not markup: never sniffed as HTML, and the site's scripts only ever put it
            # in the page as text (test_front_end_scripts_never_write_markup).
            assert response["X-Content-Type-Options"] == "nosniff", url
        else:
            assert_inert(body, url)
            checked += 1
    assert checked >= 10
    # The payload did reach the pages, as text.
    practice = client.get(PracticePage.objects.live().filter(locale__language_code="el").last().url)
    assert payload in BeautifulSoup(practice.content.decode(), "html.parser").get_text()


def test_front_end_scripts_put_json_data_in_the_page_as_text():
    """Texts from JSON (suggestions, map labels) reach the page through textContent only.

    (search.js does set innerHTML, to the search region that Django rendered and escaped.)
    """
    scripts = sorted((Path(__file__).resolve().parent.parent / "static" / "js").rglob("*.js"))
    readers = [script for script in scripts if ".json()" in script.read_text(encoding="utf-8")]
    assert readers
    for script in readers:
        source = script.read_text(encoding="utf-8")
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert sink not in source, (script.name, sink)


def test_script_addresses_are_refused_by_the_importer(poisoned_site):
    document, folder = poisoned_site
    document["practices"][1]["links"][0]["url"] = "javascript:alert(1)"
    document["organisations"][0]["website"] = "javascript:alert(1)//https://x"
    with pytest.raises(CatalogueInvalid) as error:
        import_document(document, folder=folder, publish=True)
    assert len(error.value.problems) == 2


# -- CSRF ---------------------------------------------------------------------------------


def test_every_form_that_posts_needs_a_csrf_token(poisoned_site):
    document, folder = poisoned_site
    import_document(document, folder=folder, publish=True)
    client = Client(enforce_csrf_checks=True)
    forms = 0
    for url in [*public_urls(), "/admin/login/"]:
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for form in BeautifulSoup(response.content.decode(), "html.parser").find_all("form"):
            if form.get("method", "get").lower() != "post":
                continue
            forms += 1
            assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}), url
            action = form.get("action") or url
            fields = {
                field["name"]: field.get("value", "x")
                for field in form.find_all("input")
                if field.get("name")
            }
            fields.pop("csrfmiddlewaretoken")
            assert client.post(action, fields).status_code == 403, (url, action)
    assert forms >= 2  # the admin's login and the contact form at least


def test_the_private_page_password_form_needs_a_csrf_token(db, poisoned_site):
    document, folder = poisoned_site
    import_document(document, folder=folder, publish=True)
    page = PracticePage.objects.live().first()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="s3cret")
    client = Client(enforce_csrf_checks=True)
    html = client.get(page.url).content.decode()
    form = BeautifulSoup(html, "html.parser").find(
        "form", method=lambda method: (method or "").lower() == "post"
    )
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    response = client.post(form["action"], {"password": "s3cret", "return_url": page.url})
    assert response.status_code == 403


# -- Open redirects ------------------------------------------------------------------------

EVIL = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "\\\\evil.example",
]


def assert_local(response):
    location = response.get("Location")
    if location:
        assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}), location
        assert "evil.example" not in location.split("?")[0].lstrip("/").split("/")[0], location


@pytest.mark.parametrize("target", EVIL)
def test_admin_login_never_redirects_off_site(client, superuser, target):
    response = client.post(
        "/admin/login/?next=" + target,
        {"username": "superuser", "password": "correct horse battery staple", "next": target},
    )
    assert response.status_code in (200, 302)
    assert_local(response)
    # Already logged in, the login page with a hostile `next`.
    assert_local(client.get("/admin/login/", {"next": target}))


@pytest.mark.parametrize(
    "path",
    [
        "//evil.example/",
        "//evil.example",
        "/%2F%2Fevil.example/",
        "/el//evil.example",
        "/\\evil.example/",
        "/el/%5Cevil.example",
    ],
)
def test_language_redirects_stay_on_the_site(client, site_tree, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert_local(response)


@pytest.mark.parametrize("language", ["https://evil.example", "//evil.example", "el, en;q=0.5, *"])
def test_the_language_choice_only_goes_to_a_language_home(client, db, language):
    response = client.get("/", {"next": "https://evil.example/"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    assert response["Location"] in ("/el/", "/en/")


def test_private_page_password_form_does_not_redirect_off_site(client, poisoned_site):
    document, folder = poisoned_site
    import_document(document, folder=folder, publish=True)
    page = PracticePage.objects.live().first()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="s3cret")
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    action = soup.find("form", method=lambda method: (method or "").lower() == "post")["action"]
    for target in EVIL:
        response = client.post(action, {"password": "s3cret", "return_url": target})
        assert response.status_code == 302
        assert_local(response)


# -- Path traversal ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/media/../config/settings/base.py", "/media/..%2f..%2fREADME.md", "/media/%2e%2e/%2e%2e/etc/passwd"],
)
def test_media_paths_cannot_leave_the_media_folder(client, db, path):
    response = client.get(path)
    assert response.status_code in (301, 302, 400, 404)
    assert b"SECRET_KEY" not in response.content and b"root:" not in response.content


@pytest.mark.parametrize("path", ["../README.md", "../../etc/passwd", "/etc/passwd", "..\\README.md"])
def test_the_debug_media_view_refuses_traversal(settings, path):
    with pytest.raises((Http404, SuspiciousOperation)):  # a 404, or a 400 for a path that leaves the folder
        serve(RequestFactory().get("/media/x"), path, document_root=settings.BASE_DIR / "media")


@pytest.fixture
def disk_media(settings, tmp_path):
    """Documents on disk, as in production: Wagtail's document view serves files by their path."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return settings.MEDIA_ROOT


def test_documents_are_served_by_their_own_name_only(client, db, disk_media):
    document = DocumentFactory(title="Report", filename="report.pdf")
    for name in ("..%2F..%2Fconfig%2Fsettings%2Fbase.py", "../../README.md", "report.pdf%00.html"):
        response = client.get(f"/documents/{document.pk}/{name}")
        assert response.status_code in (301, 302, 404), name
        assert b"SECRET_KEY" not in b"".join(getattr(response, "streaming_content", [response.content]))


@pytest.mark.parametrize(
    "hostile", ["../outside.png", "/etc/passwd", "files/../../outside.png", "files/../../../etc/hostname"]
)
def test_catalogue_image_paths_cannot_leave_the_catalogue_folder(poisoned_site, hostile):
    document, folder = poisoned_site
    write_png(folder.parent / "outside.png", (0, 0, 0))
    document["organisations"][0]["logo"] = hostile
    with pytest.raises(CatalogueInvalid) as error:
        import_document(document, folder=folder, publish=True)
    assert "leaves the catalogue file's folder" in str(error.value.problems[0])


def test_a_symlink_out_of_the_catalogue_folder_is_refused(poisoned_site):
    document, folder = poisoned_site
    write_png(folder.parent / "outside.png", (0, 0, 0))
    (folder / "files" / "link.png").symlink_to(folder.parent / "outside.png")
    document["organisations"][0]["logo"] = "files/link.png"
    with pytest.raises(CatalogueInvalid):
        import_document(document, folder=folder, publish=True)


# -- Oversized requests ------------------------------------------------------------------------------


def test_an_oversized_form_is_refused(client, db, settings):
    body = "username=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_too_many_fields_are_refused(client, db, settings):
    body = "&".join(f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_a_huge_search_query_is_not_an_error(client, site_tree):
    response = client.get("/el/search/", {"q": "στέγαση " * 2000})
    assert response.status_code in (200, 400)


# -- Uploads -----------------------------------------------------------------------------------------

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def png_bytes(size=(8, 8)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (10, 20, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("drawing.svg", SVG),
        ("drawing.png", SVG),  # an SVG calling itself a PNG
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("photo.png", b"<html><script>alert(1)</script></html>"),
        ("photo.gif", b"GIF89a" + b"\0" * 20),
    ],
)
def test_the_admin_refuses_images_that_are_not_images_of_the_allowed_kinds(superuser_client, name, content):
    Image = get_image_model()
    response = superuser_client.post(
        "/admin/images/add/", {"title": "x", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200  # the form again, with its error
    assert not Image.objects.exists()
    response = superuser_client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, content)}
    )
    assert response.json()["success"] is False
    assert not Image.objects.exists()


def test_the_admin_refuses_an_oversized_image(superuser_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    content = png_bytes((200, 200)) + b"\0" * 2000
    superuser_client.post(
        "/admin/images/add/", {"title": "x", "file": SimpleUploadedFile("big.png", content)}
    )
    assert not get_image_model().objects.exists()


def test_the_admin_accepts_a_real_png(superuser_client):
    response = superuser_client.post(
        "/admin/images/add/", {"title": "ok", "file": SimpleUploadedFile("ok.png", png_bytes())}
    )
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "tool.exe", "script.js", "page.htm"])
def test_the_admin_refuses_documents_of_other_kinds(superuser_client, name):
    superuser_client.post("/admin/documents/add/", {"title": "x", "file": SimpleUploadedFile(name, SVG)})
    assert not get_document_model().objects.exists()


def test_the_admin_refuses_an_oversized_document(superuser_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    superuser_client.post(
        "/admin/documents/add/", {"title": "x", "file": SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * 2000)}
    )
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    "name, content", [("report.pdf", b"%PDF-1.4"), ("notes.txt", b"<script>alert(1)</script>")]
)
def test_documents_are_always_downloaded_never_shown_inline(client, db, disk_media, name, content):
    document = DocumentFactory(title="d", file=SimpleUploadedFile(name, content))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


# -- Content Security Policy ---------------------------------------------------------------------------


def test_public_pages_have_a_strict_policy_and_no_inline_script(client, poisoned_site):
    document, folder = poisoned_site
    import_document(document, folder=folder, publish=True)
    for url in public_urls():
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if " " in part.strip())
        assert directives["script-src"] == "'self'", url
        assert directives["style-src"] == "'self'", url
        assert directives["frame-ancestors"] == "'none'", url
        assert directives["object-src"] == "'none'", url
        html = response.content.decode()
        assert_inert(html, url)
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find("style"), url
        assert not soup.find(attrs={"style": True}), (url, str(soup.find(attrs={"style": True}))[:200])


def test_the_admin_has_its_own_policy(superuser_client):
    response = superuser_client.get("/admin/")
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy


def test_feeds_are_well_formed_and_inert(client, poisoned_site):
    document, folder = poisoned_site
    import_document(poisoned(document, SCRIPT), folder=folder, publish=True)
    response = client.get("/el/feed/")
    if response.status_code == 404:
        pytest.skip("no feed")
    root = ElementTree.fromstring(response.content)
    assert root is not None
    assert SCRIPT.encode() not in response.content
