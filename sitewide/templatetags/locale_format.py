"""Numbers and partial dates in the reader's language.

    {% load locale_format %}
    {{ figure.value|number }}      664.046 (el), 664,046 (en)
    {{ page.started|pdate }}       Ιούνιος 2017 (el), June 2017 (en)

Both follow the language active while the template renders, through Babel's
CLDR data (sitewide/formatting.py), so a new language needs no code.
"""

from django import template

from sitewide.formatting import format_number, format_partial_date
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
