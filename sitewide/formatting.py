"""Numbers, money, percentages, partial dates and periods in the reader's language.

Babel's CLDR data gives each language its own digit grouping (664.046 in
Greek, 664,046 in English), currency and percent patterns, interval patterns
(«Νοέμβριος 2016 – Δεκέμβριος 2020») and the stand-alone month names Greek
needs for a month on its own («Ιούνιος 2017», not the genitive «Ιουνίου»).

CLDR has no accusative, which Greek needs after «από τον» and «έως τον»
(«από τον Ιανουάριο του 2021»): those phrases and the month names in them are
gettext strings, translated in the message catalogue.

The site's English is British: dates are "28 April 2021".
"""

import decimal

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from babel.dates import format_date, format_interval
from babel.numbers import format_currency, format_decimal, format_percent

from django.utils.translation import get_language, pgettext
from django.utils.translation import override as override_language

DATE_PATTERNS = {"year": "y", "month": "LLLL y", "day": "long"}
INTERVAL_SKELETONS = {"year": "y", "month": "yMMMM"}
# The site's English is British English (README, "Translations").
CLDR_LOCALES = {"en": "en_GB"}
EURO_UNITS = {"€", "eur", "euro", "euros", "ευρώ"}
PERCENT_UNITS = {"%", "percent", "τοις εκατό"}


def babel_locale(language=None):
    code = (language or get_language() or "el").replace("-", "_")
    try:
        return BabelLocale.parse(CLDR_LOCALES.get(code, code))
    except (UnknownLocaleError, ValueError):
        return BabelLocale.parse("el")


def format_number(value, language=None):
    if value is None:
        return ""
    if isinstance(value, decimal.Decimal) and value == value.to_integral_value():
        value = int(value)
    return format_decimal(value, locale=babel_locale(language))


def format_quantity(value, unit="", language=None):
    """A value with its unit: money and percentages by the locale's own patterns, anything else "N unit".

    Returns (text, unit_left): `unit_left` is the unit still to be shown after
    the number ("" when the pattern placed it), so a page can mark its language.
    """
    if value is None:
        return "", ""
    key = (unit or "").strip().casefold()
    locale = babel_locale(language)
    if key in EURO_UNITS:
        return format_currency(value, "EUR", locale=locale), ""
    if key in PERCENT_UNITS:
        fraction = decimal.Decimal(str(value)) / 100
        return format_percent(fraction, locale=locale, decimal_quantization=False), ""
    return format_number(value, language), unit or ""


def format_partial_date(value, language=None):
    if value is None:
        return ""
    pattern = DATE_PATTERNS[value.precision]
    text = format_date(value.first_day(), format=pattern, locale=babel_locale(language))
    # CLDR writes stand-alone months in lower case for Greek; a date on its
    # own starts a phrase, so it is capitalised as the brochure does.
    return text[:1].upper() + text[1:]


def format_period(start, end, language=None):
    """From `start` to `end` (partial dates), as one interval: «Νοέμβριος 2016 – Δεκέμβριος 2020»."""
    skeleton = INTERVAL_SKELETONS.get(start.precision)
    if skeleton and start.precision == end.precision:
        text = format_interval(start.first_day(), end.first_day(), skeleton, locale=babel_locale(language))
        return text[:1].upper() + text[1:]
    return f"{format_partial_date(start, language)} – {format_partial_date(end, language)}"


def _month_after_preposition(month):
    # The month's name as it reads after "from the"/"until the": accusative in Greek.
    names = [
        pgettext("month after from/until", "January"),
        pgettext("month after from/until", "February"),
        pgettext("month after from/until", "March"),
        pgettext("month after from/until", "April"),
        pgettext("month after from/until", "May"),
        pgettext("month after from/until", "June"),
        pgettext("month after from/until", "July"),
        pgettext("month after from/until", "August"),
        pgettext("month after from/until", "September"),
        pgettext("month after from/until", "October"),
        pgettext("month after from/until", "November"),
        pgettext("month after from/until", "December"),
    ]
    return names[month - 1]


def _phrase(value, phrases, language):
    with override_language(language or get_language()):
        if value.precision == "year":
            return phrases["year"]() % {"year": value.year}
        if value.precision == "month":
            return phrases["month"]() % {"month": _month_after_preposition(value.month), "year": value.year}
        date = format_date(value.first_day(), format="long", locale=babel_locale(language))
        return phrases["day"]() % {"date": date}


SINCE = {
    "year": lambda: pgettext("period start", "from %(year)s"),
    "month": lambda: pgettext("period start", "from %(month)s %(year)s"),
    "day": lambda: pgettext("period start", "from %(date)s"),
}
UNTIL = {
    "year": lambda: pgettext("period end", "until %(year)s"),
    "month": lambda: pgettext("period end", "until %(month)s %(year)s"),
    "day": lambda: pgettext("period end", "until %(date)s"),
}


def format_since(start, language=None):
    """«από τον Ιανουάριο του 2021», "from January 2021"."""
    return _phrase(start, SINCE, language)


def format_until(end, language=None):
    """«έως τον Δεκέμβριο του 2020», "until December 2020"."""
    return _phrase(end, UNTIL, language)
