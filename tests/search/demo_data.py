"""The demo catalogue, loaded once per test module, and the answers it should give.

Importing the demo takes seconds, so each search test module loads it once,
inside a transaction that is rolled back when the module is done; every
test still runs in its own savepoint (pytest-django's `db`), so a test's own
changes are undone as usual. The expected results are computed from the
JSON document itself, independently of the site's code.
"""

from urllib.parse import urlsplit

from tests.factories.demo import demo_document, import_demo
from tests.module_content import built_once_per_module

DOCUMENT = demo_document()
PRACTICES = {practice["id"]: practice for practice in DOCUMENT["practices"]}


def demo_fixture():
    """A module-scoped fixture that loads the demo catalogue (published, indexed)."""

    def load(trees):
        import_demo()
        return trees

    return built_once_per_module(load)


def text(value, language):
    """An `ltext` of the catalogue format in `language`, falling back to its source."""
    if isinstance(value, str):
        return value
    return value.get(language) or value[DOCUMENT.get("source_language", "el")]


def facet_values(practice):
    """{facet: the practice's values}, read straight from the document."""
    return {
        "category": set(practice["categories"]),
        "target_group": set(practice.get("target_groups", [])),
        "city": {practice["city"]},
        "status": {practice.get("status", "unknown")},
        "evidence": {practice.get("evidence", "described")},
        "year": {practice["started"][:4]},
        "has_outcomes": {"1" if practice.get("outcomes") else "0"},
    }


def expected_ids(selection, ids=None):
    """The practice ids matching `selection` ({facet: [values]}): OR within a facet, AND across."""
    ids = PRACTICES if ids is None else ids
    return {
        practice_id
        for practice_id in ids
        if all(
            not values or facet_values(PRACTICES[practice_id])[facet] & set(values)
            for facet, values in selection.items()
        )
    }


def expected_counts(selection, facet, ids=None):
    """{value: count} for `facet`, with every other facet of `selection` applied."""
    others = {name: values for name, values in selection.items() if name != facet}
    counts = {}
    for practice_id in expected_ids(others, ids):
        for value in facet_values(PRACTICES[practice_id])[facet]:
            counts[value] = counts.get(value, 0) + 1
    return counts


def slug_of(url):
    """The practice id (its slug) at the end of a page URL."""
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
