"""A query as groups of alternative index terms: what the database backends match and rank.

Each meaningful word a reader types is one `Group` (stop words are left out,
search.analysis). A group is satisfied by any of its `Alternative`s:

- the word's stem, and for Greek a shorter stem as a prefix (the stemmer
  gives «διερμηνέας» διερμηνε but «διερμηνέων» διερμην);
- its Latin keys (search.transliteration): "Volos" finds «Βόλου»;
- the word joined with its neighbour ("Action Aid" finds "ActionAid"); such
  an alternative satisfies both words' groups;
- the synonyms of the thesaurus (search.thesaurus), a phrase of stems each,
  which satisfy every group of the words they stand for.

With `prefix=True` (suggestions) every word is a prefix of a title word, or
of its key, and words are not stemmed.

The backends match the groups with AND (every word), or with OR and rank by
how many groups each object satisfies (search.matching decides which); they
rank first the objects whose place a word names (search.places) and those
that hold the typed words as a phrase.
"""

from dataclasses import dataclass

from search.analysis import STOPWORDS, is_greek, key_term, prefix_stem, stem
from search.text import MAX_QUERY_TERMS, WORD, clean_query, fold
from search.transliteration import latin_keys

# A Latin key shorter than this is not tried as a prefix in suggestions.
MIN_PREFIX_KEY = 4
MIN_KEY = 3


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Alternative:
    """One term, or several that stand together (a phrase)."""

    terms: tuple


@dataclass(frozen=True)
class Group:
    label: str
    alternatives: tuple
    names_place: bool = False


@dataclass(frozen=True)
class QueryTerms:
    groups: tuple = ()
    # The typed words as one phrase, for ranking an exact phrase first (two words or more).
    phrase: Alternative | None = None
    # Words to mark in results: the typed ones and the synonyms they brought in.
    words: tuple = ()
    prefix: bool = False

    def __bool__(self):
        return bool(self.groups)

    @property
    def labels(self):
        return [group.label for group in self.groups]

    @property
    def place_alternatives(self):
        """The alternatives of the words that name a city (their own terms, not synonyms)."""
        return tuple(
            alternative
            for group in self.groups
            if group.names_place
            for alternative in group.alternatives
            if len(alternative.terms) == 1
        )

    @classmethod
    def parse(cls, text, *, prefix=False, thesaurus=None, places=frozenset()):
        typed = [(word, fold(word)) for word in WORD.findall(clean_query(text))[:MAX_QUERY_TERMS]]
        typed = [(word, folded) for word, folded in typed if folded]
        last = len(typed) - 1
        # While typing, the last word may be the start of a longer one («για» of «γιατρός»).
        words = [
            (word, folded)
            for index, (word, folded) in enumerate(typed)
            if folded not in STOPWORDS or (prefix and index == last)
        ]
        if not words:
            return cls(prefix=prefix)
        alternatives = [_own_alternatives(folded, prefix) for _word, folded in words]
        for index in range(len(words) - 1):
            joined = words[index][1] + words[index + 1][1]
            alternative = Alternative((Term(joined, True) if prefix else Term(stem(joined)),))
            alternatives[index].append(alternative)
            alternatives[index + 1].append(alternative)
        marked = [word for word, _folded in words]
        if thesaurus and not prefix:
            stems = [stem(folded) for _word, folded in words]
            for start, length, phrases in thesaurus.matches(stems):
                for phrase in phrases:
                    alternative = _phrase(phrase)
                    for index in range(start, start + length):
                        alternatives[index].append(alternative)
                    marked.append(thesaurus.surface.get(phrase, ""))
        groups = tuple(
            Group(word, tuple(dict.fromkeys(group)), _names_place(group, places))
            for (word, _folded), group in zip(words, alternatives, strict=True)
        )
        phrase = None
        if len(words) > 1 and not prefix:
            phrase = _phrase(tuple(stem(folded) for _word, folded in words))
        return cls(groups, phrase, tuple(word for word in dict.fromkeys(marked) if word), prefix)


def _own_alternatives(folded, prefix):
    """The word itself as index terms: stem (or prefix), shorter stem, Latin keys."""
    if prefix:
        found = [Alternative((Term(folded, True),))]
        found += [
            Alternative((Term(key_term(key), True),))
            for key in latin_keys(folded, whole=False)
            if len(key) >= MIN_PREFIX_KEY
        ]
        return found
    word_stem = stem(folded)
    found = [Alternative((Term(word_stem),))]
    shorter = prefix_stem(word_stem)
    if shorter and shorter != word_stem:
        found.append(Alternative((Term(shorter, True),)))
    found += [Alternative((Term(key_term(key)),)) for key in latin_keys(folded) if len(key) >= MIN_KEY]
    return found


def _phrase(stems):
    """Stems that stand together; a Greek one also as its shorter prefix (see _own_alternatives)."""
    terms = []
    for word_stem in stems:
        shorter = prefix_stem(word_stem) if is_greek(word_stem) else None
        terms.append(Term(shorter, True) if shorter else Term(word_stem))
    return Alternative(tuple(terms))


def _names_place(alternatives, places):
    if not places:
        return False
    for alternative in alternatives:
        if len(alternative.terms) != 1:
            continue
        term = alternative.terms[0]
        if term.text in places or (term.prefix and any(place.startswith(term.text) for place in places)):
            return True
    return False
