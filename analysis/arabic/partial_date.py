"""Dates known to a precision (a year, a month or a day) and the one parser of their written form.

Pure Python. `DateValue` is the partial date every layer passes around (extraction results, the
database's `date_start`/`date_end`/`date_precision`, the filters); `parse_partial_date` reads what an
analyst types: `2024`, `2024-02` or `2024-02-01`, in Arabic-Indic digits too, `/` for `-`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from analysis.arabic.text import fold_digits

__all__ = ["DateValue", "NotAPartialDate", "Precision", "parse_partial_date"]


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date known to some precision: a year, a month or a day (or nothing)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.year is None:
            return Precision.UNKNOWN
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    @property
    def iso(self) -> str | None:
        """FollowTheMoney-style prefix date: `2024`, `2024-02` or `2024-02-01`."""
        if self.year is None:
            return None
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def start(self) -> date | None:
        """The first day the value covers."""
        if self.year is None:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> date | None:
        """The last day the value covers."""
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    @classmethod
    def of(cls, day: date) -> DateValue:
        return cls(day.year, day.month, day.day)

    @classmethod
    def from_iso(cls, text: str | None) -> DateValue:
        if not text:
            return cls()
        parts = [int(p) for p in text.split("-")]
        return cls(*parts)


_PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")


class NotAPartialDate(ValueError):
    """The text is not a year, a month or a day in the form `2024`, `2024-02` or `2024-02-01`."""


def parse_partial_date(text: str) -> DateValue:
    """`2024`, `2024-02` or `2024-02-01` (Arabic-Indic digits and `/` accepted) as a DateValue.

    Raises `NotAPartialDate` for another form, `ValueError` for a month or day the calendar lacks."""
    match = _PARTIAL_DATE_RE.match(fold_digits(text.strip()))
    if not match:
        raise NotAPartialDate(text)
    value = DateValue(*(int(part) if part else None for part in match.groups()))
    value.end  # noqa: B018 - builds the last day, so an impossible month or day fails here
    return value
