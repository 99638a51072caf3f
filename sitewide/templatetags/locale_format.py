"""Numbers and partial dates in the reader's language.

    {% load locale_format %}
    {{ figure.value|number }}      664.046 (el), 664,046 (en)
    {{ page.started|pdate }}       Ιούνιος 2017 (el), June 2017 (en)
    {% period start end %}         Νοέμβριος 2016 – Δεκέμβριος 2020; «από τον Ιανουάριο του 2021»
    {% quantity value unit as q %} q.text "4.999.748,80 €" (el), "€4,999,748.80" (en); q.unit what is left to show

Both follow the language active while the template renders, through Babel's
CLDR data (sitewide/formatting.py), so a new language needs no code.
"""

from django import template

from sitewide.formatting import (
    format_number,
    format_partial_date,
    format_period,
    format_quantity,
    format_since,
    format_until,
)
from sitewide.partial_date import PartialDate

register = template.Library()


@register.filter
def number(value):
    """A number with the reader's digit grouping and decimal sign; "" for None or non-numbers."""
    if value is None or value == "":
        return ""
    try:
        return format_number(value)
    except (TypeError, ValueError, ArithmeticError):
        return ""


@register.filter
def pdate(value):
    """A partial date ("2017", "2017-06", "2017-06-14" or a PartialDate), as precise as it was given."""
    if not value:
        return ""
    if not isinstance(value, PartialDate):
        try:
            value = PartialDate.parse(str(value))
        except ValueError:
            return ""
    return format_partial_date(value)


def _partial_date(value):
    if not value or isinstance(value, PartialDate):
        return value or None
    try:
        return PartialDate.parse(str(value))
    except ValueError:
        return None


@register.simple_tag
def period(start, end):
    """A period with a start, an end or both, as the reader's language writes it."""
    start, end = _partial_date(start), _partial_date(end)
    if start and end:
        return format_period(start, end)
    if start:
        return format_since(start)
    if end:
        return format_until(end)
    return ""


@register.simple_tag
def quantity(value, unit=""):
    """{"text": the value (with its unit where the locale places it), "unit": the unit left to show}."""
    try:
        text, unit_left = format_quantity(value, unit)
    except (TypeError, ValueError, ArithmeticError):
        return {"text": "", "unit": ""}
    return {"text": text, "unit": unit_left}
