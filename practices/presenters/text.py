"""Small text helpers for presenting names."""

import unicodedata


def collation_key(text):
    """Sort key that ignores case and accents, so «Άσυλο» sorts with «Ασφάλεια»."""
    decomposed = unicodedata.normalize("NFD", str(text or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
