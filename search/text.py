"""Greek and English text folding, shared by the database search backends.

Readers type Greek without accents, in capitals, or with a final sigma where
the text has none («ΣΤΕΓΑΣΗ», «στεγαση», «στέγαση»). Neither SQLite's FTS5
(not even with ``remove_diacritics 2``) nor PostgreSQL's ``greek`` stemmer
folds all of that the same way on both sides (PostgreSQL turns «ϊ» into «η»),
so the backends fold text themselves, identically at index time and at query
time, with `fold`.

User input is untrusted: `clean_query` makes any string safe to hand to a
backend, and `query_terms` reduces it to plain words, so no full-text query
syntax (``AND``, ``NEAR(``, quotes, ``*``) can ever reach the engine.
"""

import re
import unicodedata

# Queries longer than this are cut at a word boundary: nobody types more, and
# a bounded query keeps the cost of a hostile one bounded too.
MAX_QUERY_LENGTH = 256
MAX_QUERY_TERMS = 32

# The combining diacritical blocks: Greek tonos (U+0301), dialytika (U+0308),
# dialytika with tonos (U+0344), polytonic breathings and iota subscript, and
# the Latin accents. Other scripts' marks (Indic vowel signs, Hebrew points)
# carry meaning, so they are left alone. Soft hyphens and zero-width
# characters sit inside words pasted from documents and go too, or «στέ­γαση»
# would be indexed as two words.
INVISIBLE = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u200b-\u200d\u2060\ufeff]"
)

# A word is a run of letters and digits, which is also what FTS5's unicode61
# tokenizer and PostgreSQL's parser treat as one token.
WORD = re.compile(r"[^\W_]+")

# Control characters (NUL, escapes), format characters (soft hyphen, zero-width
# joiners, byte-order marks), lone surrogates and private-use characters are
# never part of a word; PostgreSQL rejects NUL and UTF-8 rejects surrogates.
UNWANTED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def fold(text):
    """Lower-case `text` and strip its accents and dialytika, with σ for ς.

    NFKD splits «ά» into «α» plus a combining tonos (and compatibility forms
    such as «ϐ» or full-width letters into their plain letters), the marks are
    dropped, and ``casefold`` lowers case, turning the final «ς» into «σ».
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = INVISIBLE.sub("", decomposed)
    return unicodedata.normalize("NFC", stripped).casefold()


def clean_query(text):
    """Return user input as safe plain text: printable, single-spaced, bounded."""
    if not isinstance(text, str):
        return ""
    if not text.isprintable():
        text = "".join(_printable(char) for char in text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        cut = text.rfind(" ", 0, MAX_QUERY_LENGTH + 1)
        text = text[: cut if cut > 0 else MAX_QUERY_LENGTH]
    return text


def _printable(char):
    category = unicodedata.category(char)
    if category == "Cc":
        # Control characters (tabs, NUL, escapes) separate words.
        return " "
    if category in UNWANTED_CATEGORIES:
        # Format characters (a soft hyphen inside «στέ\u00adγαση») sit inside a word.
        return ""
    return char


def query_terms(text):
    """The folded words of user input, at most MAX_QUERY_TERMS of them."""
    return WORD.findall(fold(clean_query(text)))[:MAX_QUERY_TERMS]
