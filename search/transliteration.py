"""A Latin key for any word, so that a name written in either script, or in
Greeklish, finds the other: «Βόλου», "Volos" and "volou" share the key `vol`.

The key is built in three steps, on folded text (search.text.fold):

1. Greek letters become Latin by ELOT 743 (the standard of Greek passports
   and road signs): «θ» th, «χ» ch, «ξ» x, «ψ» ps, «η» i, «υ» y, «ου» ou,
   «αυ» av, «μπ» mp, «ντ» nt, «γγ» ng, «γκ» gk…
2. The Latin spelling is reduced to a coarse skeleton in which the common
   Greeklish variants coincide: ou/u, b/v/mp, i/h/y/ei/oi, ch/x/ks/kh, th/8,
   w/o, ai/e, doubled letters single.
3. A short inflection ending is dropped (-os, -ou, -on, -is, -es, -a, -i…),
   so «Βόλος», «Βόλου» and "Volos" meet at one key.

Both the index and the query go through the same steps, so the key only has
to be consistent, not a good spelling. It is not a translation: "Athens" and
«Αθήνα» do not meet here (the city's names in every language are indexed for
that, search.backends.documents). The rules are plain data, shared with the
Elasticsearch analysers (search.backends.elasticsearch_settings), which
apply them as pattern_replace token filters; keep them to literal strings
and simple classes that Java and Python regular expressions read alike.
"""

import re
from functools import lru_cache

# ELOT 743, digraphs first. A letter's tonos and dialytika are already folded away.
GREEK_DIGRAPHS = (
    ("αυ", "av"),
    ("ευ", "ev"),
    ("ηυ", "iv"),
    ("ου", "ou"),
    ("μπ", "mp"),
    ("ντ", "nt"),
    ("γγ", "ng"),
    ("γκ", "gk"),
    ("γξ", "nx"),
    ("γχ", "nch"),
)
GREEK_LETTERS = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}

# The skeleton: (pattern, replacement), applied in this order to the Latin spelling.
SKELETON = (
    ("ch", "x"),
    ("kh", "x"),
    ("ks", "x"),
    ("th", "8"),
    ("ph", "f"),
    ("ou", "u"),
    ("h", "i"),
    ("y", "i"),
    ("w", "o"),
    ("ai", "e"),
    ("ei", "i"),
    ("oi", "i"),
    ("af", "av"),
    ("ef", "ev"),
    ("mp", "v"),
    ("b", "v"),
    ("nt", "d"),
    ("gk", "g"),
    ("ng", "g"),
    ("gg", "g"),
    ("c", "k"),
    ("q", "k"),
    # Doubled letters: «Θεσσαλονίκη», "Thessaloniki" and "Thesaloniki" alike.
    ("([a-z])\\1+", "\\1"),
)
# Inflection endings, longest first; one is dropped when at least MIN_STEM letters remain.
ENDINGS = (
    "aton",
    "atos",
    "ata",
    "ion",
    "ias",
    "ies",
    "eon",
    "is",
    "es",
    "as",
    "os",
    "us",
    "on",
    "ia",
    "io",
    "iu",
)
VOWEL_ENDINGS = ("a", "e", "i", "o", "u", "s")
MIN_STEM = 3
# Greeklish writes «η» and «χ» both as "h": a typed "h" may stand for either.
AMBIGUOUS_H = re.compile("(?<![cktps])h")

_DIGRAPH = re.compile("|".join(greek for greek, _latin in GREEK_DIGRAPHS))
_DIGRAPHS = dict(GREEK_DIGRAPHS)
_SKELETON = tuple((re.compile(pattern), replacement) for pattern, replacement in SKELETON)


def elot(word):
    """`word` (folded) with its Greek letters spelled in Latin by ELOT 743."""
    word = _DIGRAPH.sub(lambda match: _DIGRAPHS[match.group()], word)
    return "".join(GREEK_LETTERS.get(char, char) for char in word)


def skeleton(latin):
    for pattern, replacement in _SKELETON:
        latin = pattern.sub(replacement, latin)
    return latin


def without_ending(key):
    for ending in (*ENDINGS, *VOWEL_ENDINGS):
        if key.endswith(ending) and len(key) - len(ending) >= MIN_STEM:
            return key[: -len(ending)]
    return key


@lru_cache(maxsize=65536)
def latin_spelling(word):
    """The skeleton of one folded word, ending kept: what a typed prefix is compared with."""
    return skeleton(elot(word))


@lru_cache(maxsize=65536)
def latin_key(word):
    """The key of one folded word (letters and digits), e.g. «βολου» → "vol"."""
    return without_ending(latin_spelling(word))


def latin_keys(word, *, whole=True):
    """The keys a typed word may stand for: its own, and, where a Greeklish "h"
    could be «χ» rather than «η», that reading's too. `whole=False` keeps the
    endings, for a word still being typed (a prefix)."""
    readings = [word]
    if word.isascii() and AMBIGUOUS_H.search(word):
        readings.append(AMBIGUOUS_H.sub("x", word))
    spell = latin_key if whole else latin_spelling
    return list(dict.fromkeys(spell(reading) for reading in readings))
