"""Dates and counts as the dashboard writes them in Arabic: one function each, for views and tags.

Dates show at their precision with the Levantine/Iraqi month names (the readership's); the
Egyptian/Gulf names go in a tooltip. Counts agree with their number (`حدثان`, `3 أحداث`, `11 حدثًا`).
"""

from __future__ import annotations

import html
from datetime import date

from django.utils.safestring import SafeString

from analysis.arabic import Precision, months

LEVANTINE_MONTHS = months.LEVANTINE
EGYPTIAN_MONTHS = months.EGYPTIAN
SITE_NAME = "رصد العلاقات الأمنية"
UNKNOWN_DATE = "تاريخ غير معروف"
NO_PARTICIPANTS = "لا مشاركين مسجَّلين"


def html_escape(value: object) -> str:
    """`value` escaped for HTML text or a quoted attribute: what `django.utils.html.escape` does, as a
    plain str (the cards, links and hit lists are written in Python, ~130 links a page)."""
    return html.escape(str(value))


def format_partial_date(day: date | None, precision: str, months: tuple[str, ...] = LEVANTINE_MONTHS) -> str:
    """`1 شباط 2024`, `أيار 2022`, `2016` or `تاريخ غير معروف`."""
    if day is None or precision == Precision.UNKNOWN:
        return UNKNOWN_DATE
    if precision == Precision.YEAR:
        return str(day.year)
    if precision == Precision.MONTH:
        return f"{months[day.month - 1]} {day.year}"
    return f"{day.day} {months[day.month - 1]} {day.year}"


def iso_partial_date(day: date | None, precision: str) -> str:
    if day is None or precision == Precision.UNKNOWN:
        return ""
    if precision == Precision.YEAR:
        return f"{day:%Y}"
    return f"{day:%Y-%m}" if precision == Precision.MONTH else day.isoformat()


def partial_date_html(day: date | None, precision: str = Precision.DAY) -> SafeString:
    """A <time> element: Levantine month names, the Egyptian ones in its title."""
    # Digits and the month tables' names only: nothing to escape.
    text = format_partial_date(day, precision)
    if text == UNKNOWN_DATE:
        return SafeString(f'<span class="date unknown">{text}</span>')
    return SafeString(
        f'<time class="date" datetime="{iso_partial_date(day, precision)}" '
        f'title="{format_partial_date(day, precision, EGYPTIAN_MONTHS)}">{text}</time>'
    )


def arabic_count(number: int, one: str, two: str, few: str, many: str) -> str:
    """`حدث واحد`, `حدثان`, `3 أحداث`, `11 حدثًا` (few is 3–10, many is 11 and up)."""
    if number == 1:
        return one
    if number == 2:
        return two
    if 3 <= number % 100 <= 10:
        return f"{number} {few}"
    if number == 0:
        return f"لا {few}"
    return f"{number} {many}"


def sources_count(number: int) -> str:
    return arabic_count(number or 0, "مصدر واحد", "مصدران", "مصادر", "مصدرًا")


def engagements_count(number: int) -> str:
    return arabic_count(number or 0, "حدث واحد", "حدثان", "أحداث", "حدثًا")


def mentions_count(number: int) -> str:
    return arabic_count(number or 0, "إشارة واحدة", "إشارتان", "إشارات", "إشارة")


def documents_count(number: int) -> str:
    return arabic_count(number or 0, "وثيقة واحدة", "وثيقتان", "وثائق", "وثيقة")
