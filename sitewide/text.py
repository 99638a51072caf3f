"""Small text helpers for presenting names."""

import unicodedata

from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info


def collation_key(text):
    """Sort key that ignores case and accents, so «Άσυλο» sorts with «Ασφάλεια»."""
    decomposed = unicodedata.normalize("NFD", str(text or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


# Languages written in a script of their own: a word in that script is in that language.
OWN_SCRIPTS = {"el": "GREEK", "ar": "ARABIC"}


def has_letters_of(text, language):
    """Whether `text` has a letter of `language`'s own script (OWN_SCRIPTS)."""
    script = OWN_SCRIPTS[language]
    return any(char.isalpha() and script in unicodedata.name(char, "") for char in text or "")


def script_language(text):
    """The language whose own script `text` is written in («ΚΕΔΗΛ»: "el"); "" for Latin letters."""
    return next((language for language in OWN_SCRIPTS if has_letters_of(text, language)), "")


def direction(language):
    """The direction `language` is written in: "rtl" or "ltr"."""
    try:
        return "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def lang_attribute(code, surrounding):
    """` lang="code"` when `code` differs from the surrounding text's language `surrounding`.

    ` dir` follows when the two are written in different directions (Greek
    inside an Arabic page), since `lang` alone does not change the direction.
    """
    if not code or code == surrounding:
        return ""
    if direction(code) != direction(surrounding):
        return format_html(' lang="{}" dir="{}"', code, direction(code))
    return format_html(' lang="{}"', code)


def surrounding_language(context):
    """The language of the text a template is writing: `content_lang` where the
    template sets it (the language a page's own text is in), else the reader's."""
    return context.get("content_lang") or context.get("LANGUAGE_CODE") or get_language()
