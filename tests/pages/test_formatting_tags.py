"""The `number` and `pdate` filters follow the language the template renders in."""

from decimal import Decimal

import pytest

from django.template import Context, Template
from django.utils import translation

from sitewide.partial_date import PartialDate


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load locale_format %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("value", "el", "en"),
    [
        (664046, "664.046", "664,046"),
        (8000, "8.000", "8,000"),
        (143, "143", "143"),
        (Decimal("31000.00"), "31.000", "31,000"),
        (Decimal("2.50"), "2,5", "2.5"),
        (None, "", ""),
        ("not a number", "", ""),
    ],
)
def test_number(value, el, en):
    assert render("{{ value|number }}", "el", value=value) == el
    assert render("{{ value|number }}", "en", value=value) == en


@pytest.mark.parametrize(
    ("value", "el", "en"),
    [
        (PartialDate.parse("2017-06"), "Ιούνιος 2017", "June 2017"),
        ("2018-11", "Νοέμβριος 2018", "November 2018"),
        (PartialDate.parse("2011"), "2011", "2011"),
        ("2017-06-14", "14 Ιουνίου 2017", "14 June 2017"),
        (None, "", ""),
        ("June", "", ""),
    ],
)
def test_pdate(value, el, en):
    assert render("{{ value|pdate }}", "el", value=value) == el
    assert render("{{ value|pdate }}", "en", value=value) == en
