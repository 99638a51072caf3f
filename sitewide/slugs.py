"""Web addresses (slugs) from Greek titles: one transliteration table for the server and the admin.

A slug is written in Latin letters: «Κέντρο Συντονισμού» becomes
`kentro-syntonismou`, in the style of ELOT 743 / ISO 843 (the Greek state's
transliteration), with its rules for digraphs:

- αυ, ευ, ηυ are `av`, `ev`, `iv` before a vowel or a voiced consonant and
  `af`, `ef`, `if` before a voiceless one or at the end of a word (Ευκαρπία →
  efkarpia, Αύρα → avra); a diaeresis breaks the pair (Μαΐου, Προϋπολογισμός);
- ου is `ou`; γγ, γξ, γχ are `ng`, `nx`, `nch`; θ, χ, ψ are `th`, `ch`, `ps`;
  η, ι, υ (alone) are `i`, `i`, `y`; accents are dropped.

`RULES` is the table, as ordered regular expressions that mean the same in
Python and in JavaScript. The admin's slug field is Wagtail's own `SlugInput`
given these rules as its `formatters` (`TransliteratingSlugInput`), so the
slug that appears while an editor types a title is the slug the server makes
(`slug_from`) whenever a page arrives without one: an import, a translation,
a copy, a draft saved before the slug was filled. After the table only Latin
letters, digits, spaces, hyphens and underscores are left, so Wagtail's older
built-in table (θ→8, η→h) never sees a Greek letter.

No maintained package on PyPI implements these context rules, and none could
also run in the browser; see docs/decisions/0085-greek-slugs.md.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import SlugInput

MAX_LENGTH = 255  # Page.slug's length, and how much Wagtail's script keeps

# Every form of each Greek vowel: lower and upper case, accents, diaeresis.
_A, _E, _H = "αάΑΆ", "εέΕΈ", "ηήΗΉ"
_I, _O, _Y, _W = "ιίϊΐΙΊΪ", "οόΟΌ", "υύϋΰΥΎΫ", "ωώΩΏ"
# υ that can close a diphthong: without a diaeresis.
_Y_IN_PAIR = "υύΥΎ"
_VOICED = _A + _E + _H + _I + _O + _Y + _W + "βΒγΓδΔζΖλΛμΜνΝρΡ"

_GREEK_LETTERS = [
    # Pairs first: they are read before their letters.
    (f"[αΑ][{_Y_IN_PAIR}](?=[{_VOICED}])", "av"),
    (f"[εΕ][{_Y_IN_PAIR}](?=[{_VOICED}])", "ev"),
    (f"[ηΗ][{_Y_IN_PAIR}](?=[{_VOICED}])", "iv"),
    (f"[αΑ][{_Y_IN_PAIR}]", "af"),
    (f"[εΕ][{_Y_IN_PAIR}]", "ef"),
    (f"[ηΗ][{_Y_IN_PAIR}]", "if"),
    (f"[οΟ][{_Y_IN_PAIR}]", "ou"),
    ("[γΓ][γΓ]", "ng"),
    ("[γΓ][ξΞ]", "nx"),
    ("[γΓ][χΧ]", "nch"),
    # Then the letters.
    (f"[{_A}]", "a"),
    ("[βΒ]", "v"),
    ("[γΓ]", "g"),
    ("[δΔ]", "d"),
    (f"[{_E}]", "e"),
    ("[ζΖ]", "z"),
    (f"[{_H}]", "i"),
    ("[θΘ]", "th"),
    (f"[{_I}]", "i"),
    ("[κΚ]", "k"),
    ("[λΛ]", "l"),
    ("[μΜ]", "m"),
    ("[νΝ]", "n"),
    ("[ξΞ]", "x"),
    (f"[{_O}]", "o"),
    ("[πΠ]", "p"),
    ("[ρΡ]", "r"),
    ("[σςΣ]", "s"),
    ("[τΤ]", "t"),
    (f"[{_Y}]", "y"),
    ("[φΦ]", "f"),
    ("[χΧ]", "ch"),
    ("[ψΨ]", "ps"),
    (f"[{_W}]", "o"),
]

# Latin letters with marks, as names of partner organisations and cities carry them.
_LATIN_MARKS = [
    ("[àáâãäåāăąÀÁÂÃÄÅĀĂĄ]", "a"),
    ("[æÆ]", "ae"),
    ("[çćčĉÇĆČĈ]", "c"),
    ("[ďđĎĐ]", "d"),
    ("[èéêëēėęěÈÉÊËĒĖĘĚ]", "e"),
    ("[ğĝģĞĜĢ]", "g"),
    ("[ìíîïīįıÌÍÎÏĪĮİ]", "i"),
    ("[ķĶ]", "k"),
    ("[łľļĺŁĽĻĹ]", "l"),
    ("[ñńňņÑŃŇŅ]", "n"),
    ("[òóôõöøōőÒÓÔÕÖØŌŐ]", "o"),
    ("[œŒ]", "oe"),
    ("[řŕŘŔ]", "r"),
    ("[śšşșŚŠŞȘ]", "s"),
    ("ß", "ss"),
    ("[ťţțŤŢȚ]", "t"),
    ("[ùúûüūůűųÙÚÛÜŪŮŰŲ]", "u"),
    ("[ýÿÝŸ]", "y"),
    ("[źżžŹŻŽ]", "z"),
]

_CLEAN_UP = [
    # An apostrophe joins ("Children's" → childrens); other signs separate words.
    ("['’ʼ]", ""),
    (r"[^A-Za-z0-9\s_-]+", " "),
    (r"^[\s_-]+", ""),
]

RULES = [*_GREEK_LETTERS, *_LATIN_MARKS, *_CLEAN_UP]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in RULES]


def transliterate(text):
    """`text` in Latin letters, digits, spaces, hyphens and underscores, by the table."""
    text = (text or "").strip()
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text


def slug_from(text):
    """The slug Wagtail's slug script makes from `text` with the table: lower case, words joined by hyphens."""
    slug = re.sub(r"[-\s]+", "-", transliterate(text).lower())
    return re.sub(r"-+$", "", slug[:MAX_LENGTH])


def has_letter_or_digit(slug):
    return bool(re.search(r"[A-Za-z0-9]", slug or ""))


def validate_slug(slug):
    """Refuse a slug with no Latin letter or digit ("-", "_"), which no reader could use as an address."""
    if not has_letter_or_digit(slug):
        raise ValidationError(
            _(
                "“%(slug)s” cannot be a web address: it has no Latin letter or digit. "
                "Use Latin letters, digits and hyphens, for example kentro-syntonismou."
            ),
            code="slug_without_letters",
            params={"slug": slug},
        )


class TransliteratingSlugInput(SlugInput):
    """Wagtail's slug field, making its slug with `RULES` before its own clean-up."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=formatters or _COMPILED, locale=locale)


class TransliteratedSlugMixin:
    """For page models: an empty slug is made from the title with the table; a slug must have letters.

    Wagtail makes an empty slug from the title itself, with Django's slugify,
    which drops every Greek letter; this runs first, so the page gets
    `kentro-syntonismou` (or `kentro-syntonismou-2` beside a namesake).
    """

    def full_clean(self, *args, **kwargs):
        self._fill_slug_from_title()
        try:
            super().full_clean(*args, **kwargs)
        except ValidationError as error:
            if not self.slug and "slug" in getattr(error, "error_dict", {}):
                # Say why instead of Django's bare "cannot be blank".
                error.error_dict["slug"] = [self._no_slug_error()]
            raise

    def minimal_clean(self):
        self._fill_slug_from_title()
        super().minimal_clean()

    def _fill_slug_from_title(self):
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if not self.slug and parent_is_known:
            base = slug_from(self.title)
            if has_letter_or_digit(base):
                self.slug = self._get_autogenerated_slug(base)

    def _no_slug_error(self):
        return ValidationError(
            _(
                "No web address can be made from the title “%(title)s”: it has no letter or digit "
                "that can be written in Latin letters. Type a web address with Latin letters, "
                "digits and hyphens."
            ),
            code="slug_not_made",
            params={"title": self.title},
        )

    def clean(self):
        super().clean()
        if not self.slug and self.title and not has_letter_or_digit(slug_from(self.title)):
            # The admin's form leaves an empty slug for the model to make: say here why it cannot.
            raise ValidationError({"slug": self._no_slug_error()})
        if self.slug:
            try:
                validate_slug(self.slug)
            except ValidationError as error:
                raise ValidationError({"slug": error.error_list}) from error
