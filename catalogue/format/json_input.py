"""Reading a catalogue file's JSON without letting a hostile file crash the reader (decision 0081).

`json.loads` recurses once per nesting level, so 2,000 nested `[` raise
RecursionError before any check on the result can run; it turns a
5,000-digit integer into a ValueError (Python's 4,300-digit limit) and
reads `1e400` and `NaN` as floats that no column can store. An editor's
upload got a server error for each (issue 12). Here:

- the nesting depth is measured on the text, in one pass that skips the
  strings, and a file deeper than the format ever nests is refused before
  it is parsed;
- numbers are parsed by hooks that never fail: one too long to be a figure,
  or not finite, becomes an `UnreadableNumber`, which validation reports at
  its field's path (`number_problems`). The range a column can store is the
  schema's (catalogue.format.values).
"""

import json
import math
import re

from catalogue.format.errors import CatalogueInvalid, Problem

MAX_DEPTH = 12
# More digits than any figure or outcome may have, far below Python's limit.
MAX_NUMBER_DIGITS = 40

_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{]|[\]}]')


class UnreadableNumber:
    """A number from the file that no field can hold, kept as text for the message."""

    def __init__(self, text, reason):
        self.text = text
        self.reason = reason

    def __repr__(self):
        shown = self.text if len(self.text) <= 20 else f"{self.text[:12]}…({len(self.text)} characters)"
        return f"UnreadableNumber({shown})"


def _integer(text):
    digits = len(text.lstrip("-"))
    if digits > MAX_NUMBER_DIGITS:
        return UnreadableNumber(
            text, f"is a number of {digits} digits; at most {MAX_NUMBER_DIGITS} are allowed"
        )
    return int(text)


def _float(text):
    if len(text) > MAX_NUMBER_DIGITS + 10:
        return UnreadableNumber(text, f"is a number written with {len(text)} characters; it cannot be stored")
    value = float(text)
    if not math.isfinite(value):
        return UnreadableNumber(text, "is too large a number to be stored")
    return value


def _constant(text):
    return UnreadableNumber(text, f"is {text}, not a number that can be stored")


def _position(text, offset):
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_nesting(text, limit=MAX_DEPTH):
    """Refuse `text` if its arrays and objects nest deeper than `limit`, before anything parses it."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                line, column = _position(text, match.start())
                raise CatalogueInvalid(
                    [
                        Problem(
                            "",
                            f"the document nests deeper than {limit} levels (line {line}, column {column}); "
                            "the format never does",
                        )
                    ]
                )
        elif token in ("]", "}"):
            depth -= 1


def loads(text):
    """The document in `text`, its depth checked first and its numbers read by hooks that never fail."""
    check_nesting(text)
    return json.loads(text, parse_int=_integer, parse_float=_float, parse_constant=_constant)


def unreadable_numbers(document):
    """(path as a list of keys and indexes, UnreadableNumber) for each such number in `document`."""
    stack = [([], document)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, UnreadableNumber):
            yield path, node
        elif isinstance(node, dict):
            stack.extend(([*path, key], value) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend(([*path, index], value) for index, value in enumerate(node))
