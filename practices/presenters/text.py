"""Small text helpers for presenting names."""

import unicodedata

from django.utils.translation import get_language_info


def collation_key(text):
    """Sort key that ignores case and accents, so «Άσυλο» sorts with «Ασφάλεια»."""
    decomposed = unicodedata.normalize("NFD", str(text or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def direction(language):
    """The direction `language` is written in: "rtl" or "ltr"."""
    try:
        return "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
