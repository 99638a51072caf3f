"""Numbers and partial dates are written the way each language writes them."""

from decimal import Decimal

import pytest

from django.utils import translation

from sitewide.formatting import format_number, format_partial_date
from sitewide.partial_date import PartialDate


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (664046, "el", "664.046"),
        (664046, "en", "664,046"),
        (Decimal("664046.00"), "el", "664.046"),
        (Decimal("664046.00"), "en", "664,046"),
        (Decimal("12.5"), "el", "12,5"),
        (Decimal("12.5"), "en", "12.5"),
        (1234567, "el", "1.234.567"),
        (1234567, "en", "1,234,567"),
        (0, "el", "0"),
    ],
)
def test_numbers_follow_the_language(value, language, expected):
    assert format_number(value, language) == expected


def test_a_whole_decimal_loses_its_decimal_places():
    # Outcomes are stored with two decimal places; a count must not read "664.046,00".
    assert format_number(Decimal("664046.00"), "el") == "664.046"
    assert format_number(Decimal("664046.50"), "el") == "664.046,5"


def test_no_number_is_an_empty_string():
    assert format_number(None, "el") == ""
    assert format_partial_date(None, "el") == ""


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("2017", "el", "2017"),
        ("2017", "en", "2017"),
        # A month on its own takes the nominative in Greek, capitalised as in the brochures.
        ("2017-06", "el", "Ιούνιος 2017"),
        ("2017-06", "en", "June 2017"),
        ("2020-05", "el", "Μάιος 2020"),
        # A full date takes the genitive.
        ("2017-06-14", "el", "14 Ιουνίου 2017"),
        ("2017-06-14", "en", "June 14, 2017"),
    ],
)
def test_partial_dates_keep_their_precision(text, language, expected):
    assert format_partial_date(PartialDate.parse(text), language) == expected


def test_the_active_language_is_used_when_none_is_given():
    with translation.override("en"):
        assert format_number(664046) == "664,046"
        assert format_partial_date(PartialDate(2017, 6)) == "June 2017"
    with translation.override("el"):
        assert format_number(664046) == "664.046"
        assert format_partial_date(PartialDate(2017, 6)) == "Ιούνιος 2017"


def test_a_regional_variant_uses_its_language():
    assert format_number(664046, "en-gb") == "664,046"
    assert format_partial_date(PartialDate(2017, 6), "en-gb") == "June 2017"


def test_an_unknown_language_falls_back_to_greek():
    assert format_number(664046, "xx") == "664.046"
    assert format_partial_date(PartialDate(2017, 6), "xx") == "Ιούνιος 2017"
