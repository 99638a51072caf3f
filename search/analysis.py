"""How text becomes index terms, the same way on every database backend and for queries.

A word is folded (search.text.fold: case, accents, final sigma), dropped if
it is a stop word, and stemmed with the Snowball stemmer of its script
(PyStemmer): Greek words with the Greek stemmer, Latin words with the
English one. These are the algorithms of PostgreSQL's `greek` and `english`
dictionaries, so SQLite's index holds the same terms as PostgreSQL's
(«στέγαση», «στέγασης» → στεγασ; "refugees" → refuge).

Beside the stems, each word gives a Latin key (search.transliteration),
marked with KEY_MARK so that it never meets a stem: `~vol` for «Βόλου»,
"Volos" and "volou". Names written as one word or two ("SolidarityNow",
"Solidarity Now") meet through JOINED terms: two neighbouring capitalised
words of a text are also indexed joined, and a query tries neighbouring
words joined.

Stop words are left out of the index and of queries: the English list is
PostgreSQL's (Snowball's); the Greek one is the articles, pronouns,
prepositions and conjunctions, which PostgreSQL keeps but which say nothing
about what a practice is about.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from search.text import WORD, fold
from search.transliteration import latin_key, latin_spelling

KEY_MARK = "~"
# Keys shorter than this ("ed" for "aid") say too little to match on.
MIN_KEY = 3
# A Greek stem shorter than this is not also tried as a prefix.
MIN_PREFIX_STEM = 5
GREEK_VOWELS = "αεηιουω"

ENGLISH_STOPWORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
    her hers herself it its itself they them their theirs themselves what which who whom this that
    these those am is are was were be been being have has had having do does did doing a an the and
    but if or because as until while of at by for with about against between into through during
    before after above below to from up down in out on off over under again further then once here
    there when where why how all any both each few more most other some such no nor not only own
    same so than too very s t can will just don should now
    """.split()
)
GREEK_STOPWORDS = frozenset(
    fold(word)
    for word in """
    ο η το οι τα του της των τον την τη τους τις ένας ένα μια μία ενός μιας έναν
    στο στη στην στον στα στις στους σε με για και κι ή ούτε από ως προς κατά μετά
    που να θα δεν μη μην ότι αν όταν όπως είναι ήταν είναι εκ εξ
    αυτό αυτή αυτός αυτά αυτές αυτούς αυτών μου σου μας σας τους τα
    """.split()
)
STOPWORDS = ENGLISH_STOPWORDS | GREEK_STOPWORDS

_GREEK = Stemmer.Stemmer("greek")
_ENGLISH = Stemmer.Stemmer("english")
CAMEL_CASE = re.compile(r"[^\W\d_]")


def is_greek(word):
    return any("\u0370" <= char <= "\u03ff" or "\u1f00" <= char <= "\u1fff" for char in word)


@lru_cache(maxsize=65536)
def stem(word):
    """The stem of one folded word: Greek or English Snowball, by its script; other words as they are."""
    if is_greek(word):
        # The Greek stemmer can strip a short word to nothing («ίδια»): keep the word then.
        return _GREEK.stemWord(word) or word
    if word.isascii() and not word.isdigit():
        return _ENGLISH.stemWord(word) or word
    return word


def prefix_stem(word_stem):
    """A shorter form of a Greek stem to try as a prefix, or None.

    The Greek stemmer does not always agree with itself: «διερμηνέας» gives
    διερμηνε but «διερμηνέων» διερμην, «συμβούλιο» συμβουλι but «συμβουλίου»
    συμβουλ. The stem without its last vowels, as a prefix, finds them all.
    """
    if not is_greek(word_stem):
        return None
    shorter = word_stem.rstrip(GREEK_VOWELS)
    return shorter if len(shorter) >= MIN_PREFIX_STEM else None


def key_term(key):
    return f"{KEY_MARK}{key}"


def word_keys(folded_word):
    """The index key of a folded word, as a term, or None when it is too short to tell."""
    key = latin_key(folded_word)
    return key_term(key) if len(key) >= MIN_KEY else None


def folded_words(text):
    """The folded words of `text`, stop words included."""
    return WORD.findall(fold(text or ""))


def is_capitalised(word):
    first = CAMEL_CASE.search(word)
    return first is not None and first.group().isupper()


@dataclass(frozen=True)
class Analysed:
    """A text as index terms: `stems` in their order (stop words left out), the
    Latin `keys` of the same words, and the `joined` names, each with the
    position of its first word."""

    stems: tuple
    keys: tuple  # ((position, term), …)
    joined: tuple  # ((position, term), …)

    def fts_text(self):
        """Space-separated terms for an FTS5 column: the stems first, in order, so
        that phrases stay consecutive; then the keys (also in order) and the joined names."""
        return " ".join([*self.stems, *(term for _position, term in (*self.keys, *self.joined))])

    def positioned(self):
        """[(position, term)]: every term at the position of its word (PostgreSQL's tsvector)."""
        return [*enumerate(self.stems), *self.keys, *self.joined]


@dataclass(frozen=True)
class Word:
    folded: str
    stem: str
    key: str | None
    capitalised: bool
    greek: bool


@lru_cache(maxsize=131072)
def word_as_written(written):
    """What analysis needs of one written word, or None for a stop word.

    Remembered: a catalogue repeats its words, and indexing 20,000 pages
    analyses some million of them.
    """
    folded = fold(written)
    if not folded or folded in STOPWORDS:
        return None
    return Word(
        folded=folded,
        stem=stem(folded),
        key=word_keys(folded),
        capitalised=is_capitalised(written) and not folded.isdigit(),
        greek=is_greek(folded),
    )


def analyse(text):
    """Index terms of a text (see Analysed). Keys are in the order of their words
    (a word whose key is too short has none)."""
    text = unicodedata.normalize("NFC", text or "")
    stems, keys, joined = [], [], []
    previous = None  # (position, Word) of the last word kept, if capitalised
    for written in WORD.findall(text):
        word = word_as_written(written)
        if word is None:
            previous = None
            continue
        position = len(stems)
        stems.append(word.stem)
        if word.key:
            keys.append((position, word.key))
        if word.capitalised:
            if previous is not None and previous[1].greek == word.greek:
                joined.append((previous[0], stem(previous[1].folded + word.folded)))
            previous = (position, word)
        else:
            previous = None
    return Analysed(tuple(stems), tuple(keys), tuple(joined))


def autocomplete_terms(text):
    """Terms for prefix matching: folded words, unstemmed (a stemmed prefix is no
    longer a prefix), then their Latin spellings, endings kept for the same reason."""
    words = [word for word in folded_words(text) if word not in STOPWORDS]
    return [
        *words,
        *(key_term(spelling) for spelling in map(latin_spelling, words) if len(spelling) >= MIN_KEY),
    ]
