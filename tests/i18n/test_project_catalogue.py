"""The project's own message catalogues: complete, compiled, and what the public pages show.

The catalogues checked here are the ones `manage.py makemessages` writes for the
project's own strings (``locale/<language>/LC_MESSAGES/*.po``). The admin
catalogues under ``locale/wagtail/`` have their own tool and checks.
"""

import gettext as gnu_gettext
import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from django.utils import translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext

from tests.search.demo_data import demo_fixture

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
CATALOGUES = sorted(
    path for path in LOCALE.glob("*/LC_MESSAGES/*.po") if path.relative_to(LOCALE).parts[0] != "wagtail"
)
GREEK = LOCALE / "el" / "LC_MESSAGES" / "django.po"

# What a translation must keep exactly as the msgid has it.
PYTHON_FORMAT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE_FORMAT = re.compile(r"\{[^{}\s]*\}")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# static/js/autocomplete.js puts the number of suggestions in place of this word.
SCRIPT_TOKEN = re.compile(r"\bCOUNT\b")


def catalogue_id(path):
    return str(path.relative_to(ROOT))


def language_of(path):
    return path.relative_to(LOCALE).parts[0]


def placeholders(text, python_format):
    found = BRACE_FORMAT.findall(text) + HTML_TAG.findall(text) + SCRIPT_TOKEN.findall(text)
    if python_format:
        found += PYTHON_FORMAT.findall(text)
    return Counter(found)


def placeholder_errors(entry):
    """The forms of `entry`'s translation whose placeholders differ from the msgid's."""
    python_format = "python-format" in entry.flags
    if not entry.msgid_plural:
        if entry.msgstr and placeholders(entry.msgstr, python_format) != placeholders(
            entry.msgid, python_format
        ):
            return [entry.msgstr]
        return []
    # Any plural form may read like the English singular or like the English plural.
    allowed = [placeholders(entry.msgid, python_format), placeholders(entry.msgid_plural, python_format)]
    return [
        form
        for form in entry.msgstr_plural.values()
        if form and placeholders(form, python_format) not in allowed
    ]


def describe(entry):
    where = " ".join(f"{path}:{line}" for path, line in entry.occurrences[:2])
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{where} {context}{entry.msgid!r}"


def test_the_project_catalogues_are_found():
    assert GREEK in CATALOGUES
    assert len(polib.pofile(str(GREEK))) > 100


# (a) Complete: every entry translated, none fuzzy, placeholders kept.


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_catalogue_header(path):
    po = polib.pofile(str(path))
    assert not po.metadata_is_fuzzy
    assert po.metadata.get("Language") == language_of(path)
    assert "charset=UTF-8" in po.metadata.get("Content-Type", "")
    assert po.metadata.get("Plural-Forms", "").startswith("nplurals=")


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_every_entry_is_translated(path):
    po = polib.pofile(str(path))
    assert [describe(entry) for entry in po.untranslated_entries()] == []


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_no_entry_is_fuzzy(path):
    po = polib.pofile(str(path))
    assert [describe(entry) for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_translations_keep_the_placeholders(path):
    po = polib.pofile(str(path))
    wrong = {describe(entry): placeholder_errors(entry) for entry in po if not entry.obsolete}
    assert {where: forms for where, forms in wrong.items() if forms} == {}


def test_the_placeholder_check_catches_mistakes():
    def entry(msgid, msgstr, plural=None, forms=None):
        return polib.POEntry(
            msgid=msgid,
            msgstr=msgstr,
            msgid_plural=plural or "",
            msgstr_plural=forms or {},
            flags=["python-format"],
        )

    assert placeholder_errors(entry("Hello %(name)s", "Γεια σας %(name)s")) == []
    assert placeholder_errors(entry("Hello %(name)s", "Γεια σας %(όνομα)s")) == ["Γεια σας %(όνομα)s"]
    assert placeholder_errors(entry("Hello %(name)s", "Γεια σας")) == ["Γεια σας"]
    assert placeholder_errors(entry("%(p)s%% done", "%(p)s% έτοιμο")) == ["%(p)s% έτοιμο"]
    assert placeholder_errors(entry('<a href="%(url)s">x</a>', "<a href=%(url)s>χ</a>")) != []
    assert placeholder_errors(entry("COUNT found", "Βρέθηκαν ΚΑΠΟΙΑ")) != []
    plural = entry("%(n)s city", "", "%(n)s cities", {0: "%(n)s πόλη", 1: "πόλεις"})
    assert placeholder_errors(plural) == ["πόλεις"]


# (b) Compiled: what gettext returns with the language active is what the .po says.


def plural_examples(po):
    """{plural form index: a count that selects it}, from the catalogue's Plural-Forms."""
    rule = po.metadata["Plural-Forms"].split("plural=", 1)[1].rstrip(";").strip()
    select = gnu_gettext.c2py(rule)
    examples = {}
    for count in range(1000):
        examples.setdefault(select(count), count)
    return examples


def expected_and_found(entry, examples):
    """(msgstr, what the active catalogue returns) for each form of `entry`."""
    if not entry.msgid_plural:
        if entry.msgctxt is not None:
            return [(entry.msgstr, pgettext(entry.msgctxt, entry.msgid))]
        return [(entry.msgstr, gettext(entry.msgid))]
    pairs = []
    for index, form in sorted(entry.msgstr_plural.items()):
        count = examples[int(index)]
        if entry.msgctxt is not None:
            found = npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
        else:
            found = ngettext(entry.msgid, entry.msgid_plural, count)
        pairs.append((form, found))
    return pairs


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_the_compiled_catalogue_matches_the_po_file(path):
    po = polib.pofile(str(path))
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), f"{catalogue_id(compiled)} is missing: run `make messages`"
    mo = polib.mofile(str(compiled))

    def translations(entries):
        return {
            (entry.msgctxt, entry.msgid): (
                tuple(sorted((int(index), form) for index, form in entry.msgstr_plural.items()))
                if entry.msgid_plural
                else entry.msgstr
            )
            for entry in entries
        }

    # A compiled catalogue holds the translated entries only, and its header as msgid "".
    source = translations(po.translated_entries())
    built = translations(entry for entry in mo if entry.msgid)
    stale = {key: (value, built.get(key)) for key, value in source.items() if built.get(key) != value}
    stale.update({key: (None, value) for key, value in built.items() if key not in source})
    assert stale == {}, f"{catalogue_id(compiled)} is older than its .po: run `make messages`"


@pytest.mark.parametrize("path", [path for path in CATALOGUES if path.stem == "django"], ids=catalogue_id)
def test_gettext_returns_the_po_translations(path):
    po = polib.pofile(str(path))
    examples = plural_examples(po)
    wrong = []
    with translation.override(language_of(path)):
        for entry in po.translated_entries():
            for expected, found in expected_and_found(entry, examples):
                if found != expected:
                    wrong.append((describe(entry), expected, found))
    assert wrong == []


# (c) The public pages: Greek interface text on Greek pages, English on English ones.

demo = demo_fixture()

STATUS = "practice status"
EVERY_PAGE = [
    (None, "Skip to main content"),
    (None, "Cities Network for Integration"),
    (None, "Main"),
    (None, "Search"),
    (None, "Suggested practices"),
    (None, "Member cities"),
    (None, "Good practices"),
    (None, "The good practices in this catalogue are recorded by the network's member municipalities."),
    (
        None,
        "Greek municipalities working together for the inclusion of migrants and refugees, with the support of IOM, the UN Migration agency.",
    ),
]
PAGES = {
    "": [
        (None, "The network in figures"),
        (None, "Featured practices"),
        (None, "Latest practices"),
        (None, "Show the map"),
        (STATUS, "Ongoing"),
        (STATUS, "Completed"),
        (STATUS, "Discontinued"),
    ],
    "practices/": [
        (None, "Breadcrumb"),
        (None, "Home"),
        (None, "Search the catalogue"),
        (STATUS, "Planned"),
        (STATUS, "Ongoing"),
        (STATUS, "Completed"),
        (STATUS, "Discontinued"),
    ],
    "cities/": [
        (None, "Breadcrumb"),
        (None, "The cities on the map"),
        (None, "Show the map"),
    ],
    "cities/athens/": [
        (None, "Website"),
        (None, "Official email"),
        (None, "Figures over time"),
        (None, "On the map"),
        (None, "Source:"),
        (None, "General population"),
    ],
    "cities/athens/accmr/": [
        (None, "Key facts"),
        (None, "Status"),
        (None, "Status:"),
        (STATUS, "Ongoing"),
        (None, "Started"),
        (None, "Evidence"),
        (None, "Described"),
        (None, "Lead"),
        (None, "Founding donor"),
        (None, "Design and management"),
        (None, "Supporter"),
        (None, "Target groups"),
        (None, "About the practice"),
        (None, "Context in numbers"),
        (None, "Achievements"),
        (None, "In their words"),
        (None, "Contact the city"),
        (None, "Download PDF"),
        (None, "Asylum seekers and beneficiaries of international protection"),
    ],
    "search/?category=housing": [
        (None, "Search the good practices"),
        (None, "Words to look for"),
        (None, "Filter the practices"),
        (None, "Apply the filters"),
        (None, "Evidence level"),
        (None, "Start year"),
        (None, "Target group"),
        ("practice", "Status"),
        (STATUS, "Completed"),
        (None, "Evaluated"),
        (None, "Results in numbers"),
    ],
}
READABLE_ATTRIBUTES = {"aria-label", "aria-description", "title", "alt", "placeholder", "content"}


@pytest.fixture(scope="module")
def greek_catalogue():
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.pofile(str(GREEK))}


def readable_text(html):
    """The page's text and the attributes people read or hear, without scripts and styles."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    parts = [soup.get_text(" ")]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name in READABLE_ATTRIBUTES or name.startswith("data-msg-") or name.endswith("-label"):
                parts.append(value if isinstance(value, str) else " ".join(value))
    return re.sub(r"\s+", " ", " ".join(parts))


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Language"] == url.split("/")[1]
    return readable_text(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES, ids=lambda path: f"/{path}")
def test_interface_text_follows_the_page_language(client, demo, greek_catalogue, path):
    strings = EVERY_PAGE + PAGES[path]
    assert all(key in greek_catalogue for key in strings), "a string listed here left the catalogue"
    greek = page_text(client, f"/el/{path}")
    english = page_text(client, f"/en/{path}")

    missing_greek = [greek_catalogue[key] for key in strings if greek_catalogue[key] not in greek]
    missing_english = [msgid for _context, msgid in strings if msgid not in english]
    greek_on_english = [greek_catalogue[key] for key in strings if greek_catalogue[key] in english]
    assert missing_greek == []
    assert missing_english == []
    assert greek_on_english == []


def test_the_page_text_includes_what_people_read_and_hear():
    html = (
        '<a href="#main">Skip</a><nav aria-label="Main"></nav>'
        '<input data-msg-none="No suggestions." data-autocomplete-label="Suggested">'
        "<script>var Hidden = 1;</script>"
    )
    text = readable_text(html)
    assert "Skip" in text and "Main" in text and "No suggestions." in text and "Suggested" in text
    assert "Hidden" not in text and "#main" not in text
