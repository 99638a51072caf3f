"""The Content Security Policy in a real browser: the public pages and Wagtail's admin work under
their policies, with no violation reported (config/security.py, decision 0043)."""

import pytest

from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PUBLIC = [
    "/el/",
    "/en/practices/",
    "/el/cities/",
    "/el/cities/athens/",
    "/el/cities/athens/accmr/",
    "/en/cities/athens/accmr/contact/",
    "/el/search/?q=κέντρο",
]
ADMIN = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/documents/multiple/add/",
    "/admin/snippets/",
    "/admin/reports/site-history/",
]
# Listens before any page script runs; Playwright injects it outside the page's policy.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " " + event.sourceFile + ":" + event.lineNumber);
});
"""


def violations_on(page, url, paths):
    console = []
    page.on(
        "console",
        lambda message: console.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.add_init_script(LISTEN)
    found = {}
    for path in paths:
        response = page.goto(url + path)
        assert response.status == 200, (path, response.status)
        assert response.headers.get("content-security-policy"), path
        page.wait_for_load_state("networkidle")
        seen = page.evaluate("window.__cspViolations") + console
        console.clear()
        if seen:
            found[path] = seen
    return found


def test_public_pages_break_no_rule_of_their_policy(site):
    page = site(None)
    assert violations_on(page, site.url, PUBLIC) == {}


def test_the_admin_works_under_its_policy(site, settings):
    settings.TWO_FACTOR_LOGIN = False
    user = UserFactory(username="csp-admin", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    page = site(None)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site.url}]
    )
    found = violations_on(page, site.url, [*ADMIN, editor_path()])
    assert found == {}
    # The page editor's own scripts ran: the rich-text editor is drawn by JavaScript.
    page.goto(site.url + editor_path())
    page.wait_for_selector(".Draftail-Editor")
    assert page.evaluate("typeof window.wagtail === 'object'")


def editor_path():
    from practices.models import PracticePage

    return f"/admin/pages/{PracticePage.objects.filter(slug='accmr').first().pk}/edit/"
