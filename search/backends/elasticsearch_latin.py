"""search.transliteration's Latin key as Elasticsearch token filters.

The database backends compute a word's Latin key in Python
(search.transliteration.latin_key); Elasticsearch computes the same key in
its analysers, from the same rules, as a chain of `pattern_replace` token
filters: ELOT 743 digraphs, then letters, then the Greeklish skeleton, then
one inflection ending dropped. Only what ships with Elasticsearch is used
(no ICU plugin). tests/search/test_search_elasticsearch.py runs the chain
with Python's `re` over many words and checks it gives `latin_key`'s keys.

Plain data, free of Django imports: the settings module reaches it through
search.backends.elasticsearch_settings.
"""

from search.transliteration import (
    AMBIGUOUS_H,
    ENDINGS,
    GREEK_DIGRAPHS,
    GREEK_LETTERS,
    MIN_STEM,
    SKELETON,
    VOWEL_ENDINGS,
)

# A key this short says too little to match on (search.analysis.MIN_KEY).
MIN_KEY_LENGTH = 3


def _replace(pattern, replacement):
    # Java writes a group in a replacement as $1, Python as \1.
    return {"type": "pattern_replace", "pattern": pattern, "replacement": replacement.replace("\\1", "$1")}


def _ending_pattern():
    # The shortest stem of at least MIN_STEM letters is the longest ending,
    # which is the one latin_key drops (its endings are tried longest first).
    endings = "|".join((*ENDINGS, *VOWEL_ENDINGS))
    return f"^(.{{{MIN_STEM},}}?)(?:{endings})$"


def _named(prefix, rules):
    return {
        f"{prefix}_{number:02d}": _replace(pattern, replacement)
        for number, (pattern, replacement) in enumerate(rules)
    }


ELOT_FILTERS = _named("latin_elot", [*GREEK_DIGRAPHS, *GREEK_LETTERS.items()])
SKELETON_FILTERS = _named("latin_skeleton", SKELETON)
ENDING_FILTER = {"latin_ending": _replace(_ending_pattern(), "\\1")}
LENGTH_FILTER = {"latin_min_length": {"type": "length", "min": MIN_KEY_LENGTH}}
# A Greeklish "h" may be «χ» as well as «η»: a query word is read both ways.
H_AS_CHI_FILTER = {"latin_h_as_chi": _replace(AMBIGUOUS_H.pattern, "x")}

# From a folded word to its key, in order. The length filter runs after the
# multiplexer, outside its branches, so that no branch drops a token.
KEY_CHAIN = [*ELOT_FILTERS, *SKELETON_FILTERS, *ENDING_FILTER]
KEY_BRANCHES_FILTER = {
    "latin_key_readings": {
        "type": "multiplexer",
        "filters": [", ".join(KEY_CHAIN), ", ".join(["latin_h_as_chi", *KEY_CHAIN])],
        "preserve_original": False,
    }
}

TOKEN_FILTERS = (
    ELOT_FILTERS | SKELETON_FILTERS | ENDING_FILTER | LENGTH_FILTER | H_AS_CHI_FILTER | KEY_BRANCHES_FILTER
)
