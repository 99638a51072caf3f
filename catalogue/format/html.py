"""Rich text of the catalogue format: the allowed elements, and only those.

Imports clean fragments with nh3 (the Ammonia sanitiser) instead of trusting
them, and report what they removed, because a municipality's file may come
from a word processor or, worse, from someone hostile.
"""

import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
BLOCK_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote"}
URL_SCHEMES = {"http", "https", "mailto"}
# Wagtail's editor stores bold and italic as <b> and <i>; the format says strong and em.
RENAMED_TAGS = {"b": "strong", "i": "em"}


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


class _Structure(HTMLParser):
    """Records the top-level blocks and the items of each list."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.blocks = []
        self.stray_text = False

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.blocks.append([tag, 0])
        elif self.depth == 1 and tag == "li" and self.blocks:
            self.blocks[-1][1] += 1
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth = max(self.depth - 1, 0)

    def handle_data(self, data):
        if self.depth == 0 and data.strip():
            self.stray_text = True


def _rename_tags(html):
    for old, new in RENAMED_TAGS.items():
        html = html.replace(f"<{old}>", f"<{new}>").replace(f"</{old}>", f"</{new}>")
    return html


def _allowed_href(href):
    return urlsplit(href.strip()).scheme.lower() in URL_SCHEMES


def _keep_allowed_href(tag, attribute, value):
    if tag == "a" and attribute == "href" and not _allowed_href(value):
        return None
    return value


def clean(html):
    """Return (clean fragment, sorted list of what was removed)."""
    html = _rename_tags(html)
    return _sanitise(html), _removed(html)


def _removed(html):
    collector = _TagCollector()
    collector.feed(html)
    removed = set()
    for tag, attrs in collector.tags:
        if tag not in ALLOWED_TAGS:
            removed.add(f"<{tag}>")
            continue
        for name, value in attrs.items():
            if not (tag == "a" and name == "href"):
                removed.add(f"{tag}[{name}]")
            elif not _allowed_href(value or ""):
                removed.add("a[href] that is not http, https or mailto")
    return sorted(removed)


def _sanitise(html):
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        attribute_filter=_keep_allowed_href,
        link_rel=None,
        strip_comments=True,
    )
    return _wrap_stray_text(cleaned.strip())


class _StrayRuns(HTMLParser):
    """Finds top-level text and inline elements, which must sit inside a block."""

    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.depth = 0
        self.runs = []
        self.run_start = None

    def _offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _inline_at_top(self):
        if self.depth == 0 and self.run_start is None:
            self.run_start = self._offset()

    def _close_run(self):
        if self.run_start is not None:
            self.runs.append((self.run_start, self._offset()))
            self.run_start = None

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            if tag in BLOCK_TAGS:
                self._close_run()
            else:
                self._inline_at_top()
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth = max(self.depth - 1, 0)

    def handle_data(self, data):
        if data.strip():
            self._inline_at_top()

    def handle_entityref(self, name):
        self._inline_at_top()

    def handle_charref(self, name):
        self._inline_at_top()


def _wrap_stray_text(html):
    finder = _StrayRuns(html)
    finder.feed(html)
    finder.close()
    if finder.run_start is not None:
        finder.runs.append((finder.run_start, len(html)))
    for start, end in reversed(finder.runs):
        run = html[start:end].strip()
        html = html[:start] + (f"<p>{run}</p>" if run else "") + html[end:]
    return html


def block_structure(html):
    """The top-level elements in order, with the number of items of each list."""
    structure = _Structure()
    structure.feed(html)
    return [(tag, items) for tag, items in structure.blocks]


@lru_cache(maxsize=4096)
def normalise(html):
    """The form in which rich text is compared and exported.

    Import and export normalise every rich text of every record, often the
    same fragment more than once (checked, then compared, then written), so
    the last few thousand results are kept: the function is pure.
    """
    return _sanitise(_rename_tags(html or ""))
