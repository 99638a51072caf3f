"""Partial dates keep the precision they were given: a year, a month or a day."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.core.exceptions import ValidationError

from practices.models import PracticePage
from practices.vocabulary import Status
from sitewide.partial_date import PartialDate, PartialDateField
from tests.factories import PracticePageFactory


@pytest.mark.parametrize(
    ("text", "parts", "precision"),
    [
        ("2017", (2017, None, None), "year"),
        ("2017-06", (2017, 6, None), "month"),
        ("2017-06-14", (2017, 6, 14), "day"),
        ("0001", (1, None, None), "year"),
    ],
)
def test_parse_keeps_precision(text, parts, precision):
    date = PartialDate.parse(text)
    assert (date.year, date.month, date.day) == parts
    assert date.precision == precision
    assert date.isoformat() == text
    assert str(date) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "17",
        "2017-6",
        "2017-06-1",
        "2017/06",
        "June 2017",
        "2017-13",
        "2017-00",
        "2017-02-30",
        "2019-02-29",
        "0000",
        " 2017",
        "2017-06-14T00:00",
    ],
)
def test_parse_refuses_what_is_not_a_partial_date(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2019", datetime.date(2019, 1, 1), datetime.date(2019, 12, 31)),
        ("2017-06", datetime.date(2017, 6, 1), datetime.date(2017, 6, 30)),
        ("2016-02", datetime.date(2016, 2, 1), datetime.date(2016, 2, 29)),
        ("2015-02", datetime.date(2015, 2, 1), datetime.date(2015, 2, 28)),
        ("2017-12", datetime.date(2017, 12, 1), datetime.date(2017, 12, 31)),
        ("2017-06-14", datetime.date(2017, 6, 14), datetime.date(2017, 6, 14)),
    ],
)
def test_first_and_last_day(text, first, last):
    date = PartialDate.parse(text)
    assert date.first_day() == first
    assert date.last_day() == last


def test_dates_of_the_same_precision_order_chronologically():
    assert PartialDate.parse("2016-12") < PartialDate.parse("2017-01")
    assert PartialDate.parse("2017-06-14") < PartialDate.parse("2017-06-15")
    assert PartialDate.parse("2016") < PartialDate.parse("2017")


@given(st.dates(min_value=datetime.date(1, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_iso_text_round_trips_and_sorts_like_the_dates(day, precision):
    date = PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    )
    assert PartialDate.parse(date.isoformat()) == date
    assert date.first_day() <= day <= date.last_day()


# The model field -------------------------------------------------------------


def test_field_converts_between_text_and_partial_dates():
    field = PartialDateField(blank=True, null=True)
    assert field.to_python("2017-06") == PartialDate(2017, 6)
    assert field.to_python(PartialDate(2017)) == PartialDate(2017)
    assert field.to_python("") is None
    assert field.to_python(None) is None
    assert field.get_prep_value(PartialDate(2017, 6)) == "2017-06"
    assert field.get_prep_value("2017-06-14") == "2017-06-14"
    assert field.get_prep_value(None) is None


def test_field_reports_bad_text_as_a_validation_error():
    with pytest.raises(ValidationError) as raised:
        PartialDateField().to_python("June 2017")
    assert raised.value.code == "invalid"


def test_form_field_is_plain_text_with_a_hint():
    form_field = PartialDateField(blank=True).formfield()
    assert form_field.max_length == 10
    assert form_field.widget.attrs["placeholder"] == "YYYY-MM"


@pytest.mark.django_db
def test_partial_dates_survive_the_database(site_tree):
    page = PracticePageFactory(started=PartialDate(2017, 6), ended=PartialDate(2019), documented=None)
    page = PracticePage.objects.get(pk=page.pk)
    assert page.started == PartialDate(2017, 6)
    assert page.ended == PartialDate(2019)
    assert page.documented is None
    # Stored as ISO text, so a plain text filter finds it.
    assert PracticePage.objects.filter(started="2017-06", ended="2019").exists()


@pytest.mark.django_db
def test_partial_dates_survive_a_revision(site_tree):
    page = PracticePageFactory(started=PartialDate(2017, 6))
    restored = page.get_latest_revision_as_object()
    assert restored.started == PartialDate(2017, 6)


# Validation on the practice ------------------------------------------------------


def _practice(**fields):
    return PracticePage(title="Δοκιμή", slug="test", summary="…", description="<p>…</p>", **fields)


# A page instance looks up its content type on creation.
@pytest.mark.django_db
def test_an_end_before_the_start_is_refused():
    page = _practice(started=PartialDate(2018, 3), ended=PartialDate(2017, 6), status=Status.COMPLETED)
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert "ended" in raised.value.message_dict


@pytest.mark.django_db
def test_a_completed_practice_needs_an_end():
    page = _practice(started=PartialDate(2018), status=Status.COMPLETED)
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert "ended" in raised.value.message_dict


@pytest.mark.django_db
def test_dates_of_different_precision_can_be_checked_against_each_other():
    # "Started in 2017, ended in June 2017" is possible: 2017 may mean January.
    _practice(started=PartialDate(2017), ended=PartialDate(2017, 6), status=Status.COMPLETED).clean()
    _practice(started=PartialDate(2017, 6), ended=PartialDate(2017), status=Status.COMPLETED).clean()
