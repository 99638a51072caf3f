"""Tests build content one way: through `tests.factories`.

Four ways had grown up (factories, a page builder, the rights network's own
helpers, and each module reading the demo file), and a change to a model had
to be made in each. This keeps new tests on the one path.
"""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
FACTORIES = TESTS / "factories"

RULES = {
    "reads the demo catalogue itself (use tests.factories.demo)": re.compile(
        r"catalogue\W+demo\W+catalogue\.json"
    ),
    "adds a page by hand (use the page factories)": re.compile(r"\.add_child\(\s*instance="),
    "defines a factory outside tests.factories": re.compile(r"^class \w+Factory\b", re.M),
    "creates an image or document by hand (use the media factories)": re.compile(
        r"get_(image|document)_model\(\)(\.objects\.create)?\("
    ),
}

# A line that exercises one of these paths on purpose says so.
ON_PURPOSE = "the path under test"


def offences(text):
    lines = text.splitlines()
    for rule, pattern in RULES.items():
        for match in pattern.finditer(text):
            number = text.count("\n", 0, match.start()) + 1
            if ON_PURPOSE not in lines[number - 1]:
                yield number, rule


def test_only_the_factories_build_content():
    found = [
        f"{path.relative_to(TESTS.parent)}:{number}: {rule}"
        for path in sorted(TESTS.rglob("*.py"))
        if FACTORIES not in path.parents and path != Path(__file__).resolve()
        for number, rule in offences(path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)


def test_the_check_sees_a_hand_made_page():
    assert [rule for _n, rule in offences("city.add_child(instance=PracticePage(title='x'))\n")] == [
        "adds a page by hand (use the page factories)"
    ]
    assert not list(offences("city.add_child(  # the path under test\n    instance=page)\n"))
