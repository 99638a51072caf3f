"""Numbers and partial dates in the reader's language.

Babel's CLDR data gives each language its own digit grouping (664.046 in
Greek, 664,046 in English) and the stand-alone month names Greek needs for a
month on its own («Ιούνιος 2017», not the genitive «Ιουνίου»). Any language
added in settings is covered without code.
"""

import decimal

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from django.utils.translation import get_language

DATE_PATTERNS = {"year": "y", "month": "LLLL y", "day": "long"}


def babel_locale(language=None):
    try:
        return BabelLocale.parse((language or get_language() or "el").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return BabelLocale.parse("el")


def format_number(value, language=None):
    if value is None:
        return ""
    if isinstance(value, decimal.Decimal) and value == value.to_integral_value():
        value = int(value)
    return format_decimal(value, locale=babel_locale(language))


def format_partial_date(value, language=None):
    if value is None:
        return ""
    pattern = DATE_PATTERNS[value.precision]
    text = format_date(value.first_day(), format=pattern, locale=babel_locale(language))
    # CLDR writes stand-alone months in lower case for Greek; a date on its
    # own starts a phrase, so it is capitalised as the brochure does.
    return text[:1].upper() + text[1:]
