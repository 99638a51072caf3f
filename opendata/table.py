"""The CSV download: one row per practice, in the reader's language.

The columns are fixed (COLUMNS) and named as in the catalogue format, so a
script reads the Greek and the English files alike. Names of the city and the
categories, the title and the summary are in the reader's language (falling
back to the source text, as the pages do); status, evidence and dates are the
format's own values, which do not change with the language
(docs/decisions/0050-open-data-downloads.md).
"""

import csv
from itertools import islice

from practices.presenters import practice_cards

COLUMNS = ["id", "title", "city", "categories", "status", "started", "ended", "evidence", "summary", "url"]
CATEGORY_SEPARATOR = "; "
# Practices read per round of queries: rows stream out while the rest is read.
CHUNK_SIZE = 500
# Excel reads a UTF-8 file as the local code page unless it starts with a BOM.
BOM = "\ufeff"
# A spreadsheet runs a cell that starts with one of these as a formula; the
# texts come from many editors and file imports, so they are defused.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(text):
    """Text a spreadsheet shows as text: a leading apostrophe before a formula character."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def chunks(items, size=CHUNK_SIZE):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def practice_rows(search, request=None):
    """Rows (lists in COLUMNS order) for every result of a search (search.practice_query), in its order.

    A few queries per CHUNK_SIZE practices. The `url` is the page's full
    address on the Wagtail Site (SITE_URL), as its canonical link gives it.
    """
    for ids in chunks(search.ordered_ids):
        pages = search.pages(ids)
        for page, card in zip(pages, practice_cards(search.reader, pages), strict=True):
            yield [
                page.catalogue_id,
                defuse(card.title),
                defuse(card.city.title if card.city else ""),
                defuse(CATEGORY_SEPARATOR.join(category.name for category in card.categories)),
                page.status,
                page.started.isoformat() if page.started else "",
                page.ended.isoformat() if page.ended else "",
                page.evidence,
                defuse(card.summary),
                page.get_full_url(request=request),
            ]


class _Line:
    """A file-like object whose `write` hands back what it was given (for csv.writer)."""

    def write(self, text):
        return text


def csv_lines(rows):
    """The CSV text, piece by piece: a BOM and the header, then one line per row."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(COLUMNS)
    for row in rows:
        yield writer.writerow(row)
