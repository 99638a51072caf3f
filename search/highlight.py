"""Excerpts with the reader's words marked, for search results.

Words are found in folded text (search.text.fold, the backends' own folding),
so «στεγαση» and «ΣΤΕΓΑΣΗ» mark «Στέγαση»; what is shown is the original
text, escaped, with <mark> around each match. A word of four letters or more
also marks the words it begins, less a short ending for longer words, since
the backends stem (PostgreSQL, Elasticsearch, SQLite's Porter for English):
«refugees» marks «refugee», «στέγαση» marks «στέγασης».
"""

import html
import re
from functools import lru_cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search.text import fold, query_terms

EXCERPT_LENGTH = 240
# At most this much text is shown before the first match.
LEAD = 70
# Words shorter than this only mark themselves, whole.
MIN_PREFIX = 4
# Words of this length or more also match with their last two letters changed.
MIN_STEMMED = 6

BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|ul|ol)\s*>|<br\s*/?>", re.IGNORECASE)
WORD_CHAR = r"[^\W_]"


@lru_cache(maxsize=8192)
def _fold_char(char):
    return fold(char)


def folded_with_positions(text):
    """(folded text, positions): positions[i] is the index in `text` of folded character i.

    Folding one character at a time gives the same text as folding the whole
    (case folding and accent stripping do not look at neighbours), and keeps
    track of where each folded character came from. A final entry maps the
    end of the folded text to the end of `text`.
    """
    pieces = []
    positions = []
    for index, char in enumerate(text):
        piece = char.lower() if char.isascii() else _fold_char(char)
        pieces.append(piece)
        positions.extend([index] * len(piece))
    positions.append(len(text))
    return "".join(pieces), positions


def _alternative(term):
    if len(term) < MIN_PREFIX:
        return f"{re.escape(term)}(?!{WORD_CHAR})"
    stem = term[:-2] if len(term) >= MIN_STEMMED else term
    return f"{re.escape(stem)}{WORD_CHAR}*"


def plain_text(rich_text):
    """The text of a rich text fragment, blocks separated by spaces."""
    text = html.unescape(strip_tags(BLOCK_END.sub(" ", rich_text or "")))
    return " ".join(text.split())


class Highlighter:
    """Marks the words of one query in any text given to it."""

    def __init__(self, query):
        terms = sorted(set(query_terms(query)), key=len, reverse=True)
        self.pattern = (
            re.compile(f"(?<!{WORD_CHAR})(?:{'|'.join(map(_alternative, terms))})") if terms else None
        )

    def __bool__(self):
        return self.pattern is not None

    def spans(self, text):
        """[(start, end)] of the matches in `text`, as indexes into `text` itself."""
        if not self.pattern or not text:
            return []
        folded, positions = folded_with_positions(text)
        spans = []
        for match in self.pattern.finditer(folded):
            start, end = positions[match.start()], positions[match.end()]
            if end > start:
                spans.append((start, end))
        return spans

    def mark(self, text):
        """All of `text`, escaped, with every match marked."""
        text = text or ""
        return _render(text, self.spans(text), 0, len(text))

    def excerpt(self, *texts, length=EXCERPT_LENGTH):
        """A window of about `length` characters around the first match in the first
        text that has one, or None when none of them matches."""
        for text in texts:
            spans = self.spans(text)
            if spans:
                start, end = _window(text, spans[0], length)
                html_text = _render(text, spans, start, end)
                return mark_safe(("… " if start > 0 else "") + html_text + (" …" if end < len(text) else ""))
        return None


def _window(text, first, length):
    first_start, first_end = first
    start = max(0, first_start - LEAD)
    if start > 0:
        # Begin at a word: the first space after `start`, if it comes before the match.
        space = text.find(" ", start, first_start)
        start = space + 1 if space != -1 else first_start
    end = max(min(len(text), start + length), first_end)
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        if space != -1:
            end = space
    return start, end


def _render(text, spans, start, end):
    parts = []
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    return mark_safe("".join(parts))
