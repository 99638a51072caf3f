"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Each test loads the demo catalogue into its own (transactional) database and
serves it with `live_server`; the browser may reach that server only, so the
map is drawn without tiles, as it would be offline. Tests are skipped, saying
why, only when /usr/bin/chromium is missing outside CI; in CI (which installs it)
a missing Chromium stops the run.

Screenshots of every page type go to tests/screenshots/ (not committed).
"""

import os
import threading
import time
from pathlib import Path

import pytest

from django.core.cache import cache

from tests.factories import site_tree
from tests.factories.demo import import_demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_SOURCE = AXE.read_text(encoding="utf-8")
SCREENSHOTS = ROOT / "tests" / "screenshots"
LANGUAGES = ("el", "en")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Playwright's synchronous API keeps an event loop in this thread; the ORM
# calls the tests make between browser steps are synchronous all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    present = os.access(CHROMIUM, os.X_OK)
    if not present and os.environ.get("CI"):
        # CI installs Chromium; a run without it must fail, not pass by skipping.
        raise pytest.UsageError(f"Debian's Chromium is missing at {CHROMIUM}; .ci/run installs it")
    missing = pytest.mark.skipif(
        not present, reason=f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    )
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(missing)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    """The demo catalogue, published, in this test's database.

    A transactional test's database is emptied after it; tests/migration_rows.py
    makes again what migrations had made.
    """
    cache.clear()
    trees = site_tree()
    from home.legal import ensure_legal_pages

    ensure_legal_pages(trees)
    import_demo()
    cache.clear()
    yield trees
    cache.clear()


# Wagtail's admin tells the server that an editor left an edit page with a beacon sent as the
# page closes, which deletes the editing session. Closing the browser at the end of a test sends
# it, and it once reached the live server after the test's database was gone: the server
# thread's error took a whole xdist worker down. Dropping it in the route did not help (a beacon
# sent as a page closes is not routed), so the test waits for it, briefly, while its database
# is still there.
RELEASE_WAIT_SECONDS = 3.0


def _wait_for_editing_sessions_to_be_released():
    from wagtail.admin.models import EditingSession

    deadline = time.monotonic() + RELEASE_WAIT_SECONDS
    while EditingSession.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    # The release's response is still being finished (Django closes its connections then).
    time.sleep(0.2)


def _one_request_at_a_time(app):
    lock = threading.Lock()

    def serialised(environ, start_response):
        with lock:
            return app(environ, start_response)

    return serialised


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering one request at a time on an in-memory SQLite database.

    There every server thread shares the test's one connection (an in-memory
    database exists only in it), so two requests at once, such as Wagtail's
    editing-session ping arriving while an editor saves, interleave their
    savepoints on it and one fails with "no such savepoint". Real servers give
    each thread its own connection; PostgreSQL's live server keeps its threads.
    """
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    )
    server = LiveServer(addr)
    if server.thread.connections_override:
        httpd = server.thread.httpd
        httpd.set_app(_one_request_at_a_time(httpd.get_app()))
    yield server
    server.stop()


def _offline_but_for(server_url, route):
    if route.request.url.startswith(server_url):
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def site(demo, live_server, browser):
    """open(path, language?, viewport) → a Playwright page on the live server, offline otherwise."""
    contexts = []

    def open_page(path, viewport="desktop", **options):
        context = browser.new_context(viewport=VIEWPORTS[viewport], accept_downloads=True, **options)
        contexts.append(context)
        context.route("**/*", lambda route: _offline_but_for(live_server.url, route))
        page = context.new_page()
        page.set_default_timeout(15_000)
        if path is not None:
            page.goto(live_server.url + path)
        return page

    open_page.url = live_server.url
    yield open_page
    for context in contexts:
        context.close()
    if contexts:
        _wait_for_editing_sessions_to_be_released()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def axe_violations(page):
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now."""
    # Evaluated through the DevTools protocol, which the site's Content
    # Security Policy (script-src 'self') does not apply to, unlike a <script>.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE + "\n;true")
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            if (result.passes.length < 10) {
                throw new Error("axe-core checked almost nothing: " + result.passes.length + " rules passed");
            }
            return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }""",
        WCAG_AA,
    )


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def focus_is_visible(page):
    """The focused element draws an outline or a box shadow (the site's focus ring)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const style = getComputedStyle(el);
            return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
                || (style.boxShadow && style.boxShadow !== "none");
        }"""
    )
