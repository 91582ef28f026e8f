"""Dates written in the Hijri (lunar, Umm al-Qura) and Solar Hijri (Iranian) calendars.

Arabic news pages put a Hijri date beside the Gregorian one in headers and agency datelines
(`15 ربيع الأول 1447 هـ - 7 سبتمبر 2025`); Iranian outlets stamp their Arabic pages with a Solar
Hijri date (`۱۹ آذر ۱۳۹۱`). Both are found here on text already folded by `dates._fold` (ASCII
digits, one alef, ي for ى/ی, ه for ة) and converted to Gregorian days.

Conversions come from maintained packages: `hijridate` (Umm al-Qura tables, MIT license) and
`convertdate.persian` (MIT license).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from convertdate import persian
from hijridate import Hijri

__all__ = ["CalendarDate", "find_calendar_dates"]

_L = "\u0621-\u064a\u0671-\u06d3"

# Folded spellings (alef, yeh, teh marbuta unified; `ال` optional where papers drop it).
_HIJRI_MONTHS = (
    ("محرم", "المحرم"),
    ("صفر",),
    ("ربيع الاول", "ربيع اول"),
    ("ربيع الاخر", "ربيع الثاني", "ربيع ثاني", "ربيع اخر"),
    ("جمادي الاولي", "جمادي الاول", "جمادي اولي"),
    ("جمادي الاخره", "جمادي الثانيه", "جمادي الثاني", "جمادي الاخر"),
    ("رجب",),
    ("شعبان",),
    ("رمضان",),
    ("شوال",),
    ("ذو القعده", "ذي القعده"),
    ("ذو الحجه", "ذي الحجه"),
)
_SOLAR_MONTHS = (
    ("فروردين",),
    ("ارديبهشت",),
    ("خرداد",),
    ("تير",),
    ("مرداد",),
    ("شهريور",),
    ("مهر",),
    ("ابان",),
    ("اذر",),
    ("دي",),
    ("بهمن",),
    ("اسفند",),
)


def _month_table(months: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    return {re.sub(r"\s+", " ", name): i for i, names in enumerate(months, start=1) for name in names}


_HIJRI_BY_NAME = _month_table(_HIJRI_MONTHS)
_SOLAR_BY_NAME = _month_table(_SOLAR_MONTHS)


def _alternatives(names: dict[str, int]) -> str:
    return "|".join(n.replace(" ", r"\s+") for n in sorted(names, key=len, reverse=True))


# `هـ` / `ه` / `هجري` / `هجرية` after the year marks the lunar calendar; `ش` / `هـ.ش` the solar one.
_HIJRI_MARK = rf"(?:\s*(?:ه(?:ـ)?|هجري(?:ه)?)(?![{_L}]))"
_SOLAR_MARK = rf"(?:\s*(?:ه(?:ـ)?\s*\.?\s*)?ش(?:مسي)?(?![{_L}]))"
# A lunar year is 1300-1499; an Iranian solar year 1300-1499 too (1404 SH = 2025).
_YEAR = r"(?P<year>1[34][0-9]{2})(?![0-9])"
_ANY_YEAR_RE = re.compile(r"(?<![0-9])1[34][0-9]{2}(?![0-9])")
_HIJRI_RE = re.compile(
    rf"(?<![0-9:/.\-])(?:(?P<day>[0-3]?[0-9])(?![0-9])\s*(?:من\s+)?)?(?:شهر\s+)?"
    rf"(?<![{_L}])(?P<month>{_alternatives(_HIJRI_BY_NAME)})(?![{_L}])\s*,?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?"
    rf"{_YEAR}(?P<mark>{_HIJRI_MARK})?"
)
# `1445/7/12هـ`, `12/07/1445 هـ`: a numeric Hijri date needs its mark.
_HIJRI_NUMERIC_RES = (
    re.compile(
        rf"(?<![0-9/.\-]){_YEAR}(?P<sep>[/.\-])(?P<month>[01]?[0-9])(?P=sep)(?P<day>[0-3]?[0-9])(?![0-9])"
        rf"(?P<mark>{_HIJRI_MARK})"
    ),
    re.compile(
        r"(?<![0-9/.\-])(?P<day>[0-3]?[0-9])(?P<sep>[/.\-])(?P<month>[01]?[0-9])(?P=sep)"
        rf"{_YEAR}(?P<mark>{_HIJRI_MARK})"
    ),
)
_SOLAR_RE = re.compile(
    rf"(?<![0-9:/.\-])(?P<day>[0-3]?[0-9])(?![0-9])\s*(?<![{_L}])(?P<month>{_alternatives(_SOLAR_BY_NAME)})"
    rf"(?![{_L}])\s*,?\s*{_YEAR}(?P<mark>{_SOLAR_MARK})?"
)


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A Hijri or Solar Hijri date found in folded text: its span and the Gregorian days it covers."""

    start: int
    end: int
    first: date  # the Gregorian day it starts on
    last: date  # the Gregorian day it ends on (== first for a day)


def _hijri_span(year: int, month: int, day: int | None) -> tuple[date, date] | None:
    try:
        if day is not None:
            day_value = Hijri(year, month, day).to_gregorian()
            return date(day_value.year, day_value.month, day_value.day), date(
                day_value.year, day_value.month, day_value.day
            )
        first = Hijri(year, month, 1).to_gregorian()
        month_days = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    start = date(first.year, first.month, first.day)
    return start, start + timedelta(days=month_days - 1)


@lru_cache(maxsize=256)
def _nowruz(year: int) -> date:
    """The Gregorian day a Solar Hijri year starts on (astronomical, slow: once per year and process)."""
    return date(*persian.to_gregorian(year, 1, 1))


def _solar_day(year: int, month: int, day: int) -> date | None:
    if not 1 <= day <= (31 if month <= 6 else 30):
        return None
    before = (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30  # days of the earlier months
    return _nowruz(year) + timedelta(days=before + day - 1)


def _near_years(pattern: re.Pattern[str], folded: str):
    """Matches of `pattern` that end at a 13xx/14xx year: searched only around such years (the
    month alternations are slow to try at every character of an article)."""
    seen: set[int] = set()
    for year in _ANY_YEAR_RE.finditer(folded):
        low = max(0, year.start() - 40)
        for m in pattern.finditer(folded, low, min(len(folded), year.end() + 12)):
            if m.start() not in seen and m.start("year") == year.start():
                seen.add(m.start())
                yield m


def find_calendar_dates(folded: str) -> list[CalendarDate]:
    """Hijri days and months and Solar Hijri days in `folded`, in text order.

    A Hijri month with no day, and a Hijri date in figures, need the `هـ` mark (`رمضان 1445 هـ`,
    `1445/7/12هـ`).
    """
    found: list[CalendarDate] = []
    for m in _near_years(_HIJRI_RE, folded):
        month = _HIJRI_BY_NAME[re.sub(r"\s+", " ", m.group("month"))]
        day = int(m.group("day")) if m.group("day") else None
        if (day is None and not m.group("mark")) or (day is not None and not 1 <= day <= 30):
            continue
        span = _hijri_span(int(m.group("year")), month, day)
        if span is not None:
            found.append(CalendarDate(m.start(), m.end(), *span))
    for pattern in _HIJRI_NUMERIC_RES:
        for m in _near_years(pattern, folded):
            month, day = int(m.group("month")), int(m.group("day"))
            span = (
                _hijri_span(int(m.group("year")), month, day) if 1 <= month <= 12 and 1 <= day <= 30 else None
            )
            if span is not None:
                found.append(CalendarDate(m.start(), m.end(), *span))
    for m in _near_years(_SOLAR_RE, folded):
        month = _SOLAR_BY_NAME[m.group("month")]
        day_value = _solar_day(int(m.group("year")), month, int(m.group("day")))
        if day_value is not None:
            found.append(CalendarDate(m.start(), m.end(), day_value, day_value))
    found.sort(key=lambda c: c.start)
    return found
