"""Partial dates: "2017", "2017-06" or "2017-06-14", keeping their precision.

The brochures say «Ιούνιος 2017», not a day; inventing a day would be a lie on
the page and in exports. A partial date is therefore stored as the ISO text it
was given (which also sorts chronologically) and parsed into `PartialDate`.
"""

import calendar
import datetime
import functools
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text):
        """Parse ISO text; raise ValueError with a reader-facing reason."""
        match = PATTERN.match(text or "")
        if not match:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        if year < 1:
            raise ValueError(f"{text!r} has no valid year")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"{text!r} has no day {day}")
        return cls(year, month, day)

    def _sort_key(self):
        # A less precise date sorts before the more precise ones it contains,
        # as its ISO text does ("2017" < "2017-06").
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other):
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def is_before(self, other):
        """Wholly before `other`: "2017" is not before "2017-06", since it may mean December."""
        return self.last_day() < other.first_day()

    @property
    def precision(self):
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self):
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self):
        """The latest day the date can mean: `2019` counts as 31 December 2019."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    def isoformat(self):
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self):
        return self.isoformat()


class PartialDateField(models.Field):
    """A PartialDate stored as ISO text.

    It deliberately is not a CharField subclass, so wagtail-localize treats it
    as a synchronised value rather than a translatable string.
    """

    description = _("Partial date (year, year and month, or full date)")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(*args, **kwargs)
        # Wagtail lets a draft leave text fields empty; an empty date is NULL,
        # which a required date's column refuses, so a draft must give it too.
        self.required_on_save = not self.null

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs

    def get_internal_type(self):
        return "CharField"

    def to_python(self, value):
        if value is None or isinstance(value, PartialDate):
            return value
        if value == "":
            return None
        try:
            return PartialDate.parse(str(value))
        except ValueError as error:
            raise ValidationError(
                _("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD."), code="invalid"
            ) from error

    def from_db_value(self, value, expression, connection):
        return PartialDate.parse(value) if value else None

    def get_prep_value(self, value):
        value = self.to_python(value)
        return value.isoformat() if value else None

    def value_to_string(self, obj):
        value = self.to_python(self.value_from_object(obj))
        return value.isoformat() if value else ""

    def formfield(self, **kwargs):
        from django import forms

        defaults = {
            "form_class": forms.CharField,
            "max_length": 10,
            "widget": forms.TextInput(attrs={"placeholder": "YYYY-MM"}),
        }
        defaults.update(kwargs)
        return super().formfield(**defaults)
