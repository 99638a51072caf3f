"""Numbers and partial dates are written the way each language writes them."""

from decimal import Decimal

import pytest

from django.utils import translation

from sitewide.formatting import (
    format_number,
    format_partial_date,
    format_period,
    format_quantity,
    format_since,
    format_until,
)
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
        # The site's English is British: day before month, no comma.
        ("2017-06-14", "en", "14 June 2017"),
        ("2021-04-28", "en", "28 April 2021"),
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


def pd(text):
    return PartialDate.parse(text)


@pytest.mark.parametrize(
    ("start", "end", "language", "expected"),
    [
        # CLDR's interval patterns: the nominative, with an en dash, no declension needed.
        ("2016-11", "2020-12", "el", "Νοέμβριος 2016 – Δεκέμβριος 2020"),
        # English CLDR sets the dash between thin spaces.
        ("2016-11", "2020-12", "en", "November 2016\u2009–\u2009December 2020"),
        ("2016-11", "2016-12", "el", "Νοέμβριος–Δεκέμβριος 2016"),
        ("2016", "2020", "el", "2016–2020"),
        ("2016", "2020", "en", "2016–2020"),
        # Mixed precision: each end as precise as it was given.
        ("2016-11", "2020", "el", "Νοέμβριος 2016 – 2020"),
        ("2017-06-14", "2018-01-02", "el", "14 Ιουνίου 2017 – 2 Ιανουαρίου 2018"),
        ("2017-06-14", "2018-01-02", "en", "14 June 2017 – 2 January 2018"),
    ],
)
def test_periods_are_cldr_intervals(start, end, language, expected):
    assert format_period(pd(start), pd(end), language) == expected


@pytest.mark.parametrize(
    ("value", "language", "since", "until"),
    [
        # After «από τον» and «έως τον» Greek takes the accusative, which CLDR does not have.
        ("2021-01", "el", "από τον Ιανουάριο του 2021", "έως τον Ιανουάριο του 2021"),
        ("2020-12", "el", "από τον Δεκέμβριο του 2020", "έως τον Δεκέμβριο του 2020"),
        ("2021-01", "en", "from January 2021", "until January 2021"),
        ("2021", "el", "από το 2021", "έως το 2021"),
        ("2021", "en", "from 2021", "until 2021"),
        ("2017-06-14", "el", "από τις 14 Ιουνίου 2017", "έως τις 14 Ιουνίου 2017"),
        ("2017-06-14", "en", "from 14 June 2017", "until 14 June 2017"),
    ],
)
def test_open_periods_read_as_sentences(value, language, since, until):
    assert format_since(pd(value), language) == since
    assert format_until(pd(value), language) == until


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        # Money by CLDR's currency pattern, both decimals kept.
        (Decimal("4999748.80"), "€", "el", ("4.999.748,80\xa0€", "")),
        (Decimal("4999748.80"), "€", "en", ("€4,999,748.80", "")),
        (Decimal("1200"), "EUR", "el", ("1.200,00\xa0€", "")),
        # Percentages: no space in English (nor in CLDR's Greek).
        (Decimal("90"), "%", "en", ("90%", "")),
        (Decimal("90"), "%", "el", ("90%", "")),
        (Decimal("12.5"), "%", "el", ("12,5%", "")),
        # Any other unit stays words after the number.
        (Decimal("350"), "ώρες", "el", ("350", "ώρες")),
        (Decimal("1500.00"), "", "en", ("1,500", "")),
    ],
)
def test_money_and_percentages_follow_the_locale(value, unit, language, expected):
    assert format_quantity(value, unit, language) == expected
