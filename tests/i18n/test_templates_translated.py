"""Every word a template shows is a translation string."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [
    "config/templates",
    "home/templates",
    "cities/templates",
    "practices/templates",
    "search/templates",
    "contact/templates",
]
LETTERS = re.compile(r"[A-Za-z\u0370-\u03ff\u1f00-\u1fff]{2,}")
VISIBLE_ATTRIBUTES = re.compile(r'\b(alt|title|aria-label|placeholder|aria-description)="([^"]*)"')
REMOVALS = [
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{%\s*blocktrans(late)?\b.*?{%\s*endblocktrans(late)?\s*%}", re.S),
    re.compile(r"<(script|style)\b.*?</\1>", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
]


def templates():
    for folder in TEMPLATE_DIRS:
        yield from sorted((ROOT / folder).rglob("*.html"))


def untranslated_text(source):
    for pattern in REMOVALS[:4]:
        source = pattern.sub(" ", source)
    # Template tags and variables become a neutral mark, so quotes inside them
    # cannot end an attribute early.
    for pattern in REMOVALS[4:]:
        source = pattern.sub("§", source)
    found = [
        f'{name}="{value}"' for name, value in VISIBLE_ATTRIBUTES.findall(source) if LETTERS.search(value)
    ]
    text = re.sub(r"<[^>]*>", " ", source)
    # Includes that hold only attributes for a tag written elsewhere.
    text = re.sub(r'[\w:-]+="[^"]*"', " ", text)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    return found + LETTERS.findall(text)


@pytest.mark.parametrize("path", list(templates()), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_visible_text_outside_translation_tags(path):
    assert untranslated_text(path.read_text(encoding="utf-8")) == []


def test_the_check_catches_plain_text_and_attributes():
    assert untranslated_text("<p>Hello {{ name }}</p>") == ["Hello"]
    assert untranslated_text('<img alt="A photo" src="{{ url }}">') == ['alt="A photo"']
    assert (
        untranslated_text('<p>{% translate "Hello" %} {{ x }}</p><img alt="{% translate "Photo" %}">') == []
    )
    assert untranslated_text("{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}") == []
