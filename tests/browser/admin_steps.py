"""Steps an editor or a reviewer takes in the Greek admin, as a person does them in the browser.

Each is a small function so a journey reads as its steps, and so a step can
change in one place.
"""

import re

from playwright.sync_api import expect

from django.db import connection

from tests.browser.conftest import screenshot

PASSWORD = "a long browser password 7"


class Journey:
    """A person's browser session: every response is kept, and each step leaves a numbered screenshot."""

    def __init__(self, site, name):
        self.site = site
        self.name = name
        # A Greek editor's browser: the admin answers in Greek.
        self.page = site(None, locale="el-GR")
        self.responses = []
        self.page.context.on(
            "response", lambda response: self.responses.append((response.status, response.url))
        )
        self.step = 0

    def goto(self, path):
        return self.page.goto(self.site.url + path)

    def shot(self, what):
        self.step += 1
        screenshot(self.page, f"editors-{connection.vendor}-{self.name}-{self.step:02d}-{what}")

    def server_errors(self):
        return [(status, url) for status, url in self.responses if status >= 500]


def log_in(journey, user):
    journey.goto("/admin/login/")
    journey.page.locator("input[name=username]").fill(user.username)
    journey.page.locator("input[name=password]").fill(PASSWORD)
    journey.shot("login")
    journey.page.locator("form button[type=submit]").first.click()
    journey.page.wait_for_url(re.compile(r".*/admin/$"))


def open_add_practice(journey, city):
    """The add form for a practice under `city`, from the "Add a practice" button of the editor's dashboard."""
    journey.goto("/admin/")
    journey.page.locator("[data-cni-add-practice]").click()
    journey.page.wait_for_url(re.compile(rf".*/admin/pages/add/practices/practicepage/{city.pk}/$"))
    journey.page.locator("#id_title").wait_for()


def type_title(journey, title):
    box = journey.page.locator("#id_title")
    box.click()
    box.press_sequentially(title, delay=15)
    box.blur()


def slug(journey):
    return journey.page.locator("#id_slug").input_value()


def slug_becomes(journey, expected):
    """The slug the admin's script settles on (it follows the title a moment after the last key)."""
    expect(journey.page.locator("#id_slug")).to_have_value(expected, timeout=5000)


def choose_categories(journey, names):
    """Choose categories by their Greek names, in this order: the form opens with one row (at least
    one category is required), and each next one is added with the panel's button."""
    page = journey.page
    for index, name in enumerate(names):
        if index:
            page.locator("#id_category_links-ADD").click()
        page.locator(f"#id_category_links-{index}-term").select_option(label=name)


def move_up(journey, relation, index):
    """Move the `index`-th row of an ordered panel one place up, with its arrow."""
    journey.page.locator(f"#inline_child_{relation}-{index} [data-inline-panel-child-move-up]").click()


def fill_required_fields(
    journey, title, summary, description, started="2019", categories=("Συντονισμός | Διακυβέρνηση",)
):
    page = journey.page
    type_title(journey, title)
    page.locator("#id_summary").fill(summary)
    editor = page.locator("[data-contentpath='description'] [contenteditable='true']")
    editor.click()
    page.keyboard.type(description, delay=5)
    # Draftail writes its hidden input a quarter second after the last key; a person takes longer than that.
    expect(page.locator("input[name=description]")).to_have_value(re.compile(re.escape(description[-20:])))
    choose_categories(journey, categories)
    page.locator("#id_started").fill(started)


def footer_action(journey, selector, navigates=True):
    """Press a button of the editor's footer (the main one, or one from its "more actions" menu)
    and, unless it opens a dialog, wait for the page it leads to."""
    page = journey.page
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator("footer .w-dropdown__toggle").first.click()
    if not navigates:
        button.click()
        return
    with page.expect_navigation():
        button.click()
    page.wait_for_load_state()


def save_draft(journey):
    # A person sees Wagtail's autosave at work («Αποθήκευση…») and presses "Save draft" after it;
    # pressed during it, on the add form, the two could both create the page (tests/editors/test_concurrent_saves.py).
    expect(journey.page.locator(".w-autosave-indicator__state--saving")).to_be_hidden(timeout=15_000)
    journey.page.locator("footer button.action-save").first.click()
    journey.page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    journey.page.wait_for_load_state()


def submit_for_review(journey):
    footer_action(journey, 'button[name="action-submit"]')
    refused = form_errors(journey)
    assert not refused, f"the form was refused: {refused}"


def form_errors(journey):
    """What the admin says is wrong with the form, field by field, as the editor reads it."""
    page = journey.page
    errors = []
    for field in page.locator("[data-field-wrapper]:has(.error-message)").all():
        named = field.locator("[name]").first
        name = named.get_attribute("name") if named.count() else "?"
        errors.append(f"{name}: {field.locator('.error-message').first.inner_text().strip()}")
    if not errors and page.locator(".messages .error").count():
        errors = page.locator(".messages .error").all_inner_texts()
    return errors


def page_id(journey):
    return int(re.search(r"/admin/pages/(\d+)/", journey.page.url).group(1))


def approve(journey, page_pk):
    journey.goto(f"/admin/pages/{page_pk}/edit/")
    footer_action(journey, 'button[data-workflow-action-name="approve"]')


def request_changes(journey, page_pk, comment):
    journey.goto(f"/admin/pages/{page_pk}/edit/")
    footer_action(journey, 'button[data-workflow-action-name="reject"]', navigates=False)
    box = journey.page.locator(".modal textarea[name=comment]")
    box.fill(comment)
    journey.shot("request-changes")
    with journey.page.expect_navigation():
        journey.page.locator(".modal form button[type=submit]").click()
    journey.page.wait_for_load_state()


def see_review_comment(journey, page_slug):
    """Where the editor reads the reviewer's comment: beside the practice, on their dashboard."""
    journey.goto("/admin/")
    return journey.page.locator(f'[data-cni-practice="{page_slug}"] [data-cni-review-comment]').inner_text()


def dashboard_state(journey, page_slug):
    """The state the editor's dashboard gives a practice of their city."""
    journey.goto("/admin/")
    return journey.page.locator(f'[data-cni-practice="{page_slug}"]').get_attribute("data-cni-state")


def messages(journey):
    return journey.page.locator(".messages li").all_inner_texts()


def translate_page(journey, page_pk):
    """Press "Translate" on a page: the only other language is ticked already."""
    journey.goto(f"/admin/localize/submit/page/{page_pk}/")
    boxes = journey.page.locator("input[name=locales]")
    ticked = [boxes.nth(i).is_checked() for i in range(boxes.count())]
    journey.shot("translate")
    journey.page.get_by_role("button", name=re.compile(r"^(Submit|Υποβολή)$")).click()
    journey.page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    return ticked


def translate_first_string(journey, text):
    """In the translation editor: translate the first text (the title) and save it."""
    editor = journey.page.locator(".js-translation-editor")
    editor.get_by_role("button", name=re.compile(r"^(Translate|Μετάφραση)$")).first.click()
    editor.locator("textarea").first.fill(text)
    editor.get_by_role("button", name=re.compile(r"^(Save|Αποθήκευση)$")).first.click()
    editor.locator("textarea").first.wait_for(state="detached")


def translation_footer(journey, name, page_pk=None):
    """Press a button of the translation editor's footer (opening the page's editor first if given)."""
    if page_pk is not None:
        journey.goto(f"/admin/pages/{page_pk}/edit/")
    footer_action(journey, f'button[name="{name}"]')


def read_as_visitor(site, path, name=None):
    """What an anonymous reader gets: the status, the title, the language it is marked in, the hreflang links."""
    page = site(None)
    response = page.goto(site.url + path)
    if name is not None:
        screenshot(page, f"editors-{connection.vendor}-{name}")
    heading = page.locator("h1").first
    return {
        "status": response.status,
        "title": heading.inner_text() if response.ok else None,
        "lang": heading.evaluate("h => h.closest('[lang]').getAttribute('lang')") if response.ok else None,
        "hreflang": set(
            page.locator("link[rel=alternate][hreflang]").evaluate_all("ls => ls.map(l => l.hreflang)")
        ),
        "text": page.locator("main").inner_text() if response.ok else "",
    }
