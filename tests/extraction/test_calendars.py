"""Hijri and Solar Hijri dates, converted to Gregorian days."""

from __future__ import annotations

from datetime import date

from analysis.extraction.calendars import find_calendar_dates
from analysis.extraction.dates import find_dates, fold


def days(text: str) -> list[tuple[date, date]]:
    return [(found.first, found.last) for found in find_calendar_dates(fold(text))]


def test_a_hijri_day_is_its_umm_al_qura_gregorian_day() -> None:
    assert days("توفي في 15 رمضان 1445 هـ") == [(date(2024, 3, 25), date(2024, 3, 25))]
    assert days("الأحد 1 محرم 1446 هجرية") == [(date(2024, 7, 7), date(2024, 7, 7))]


def test_a_hijri_month_covers_its_days_and_needs_the_mark() -> None:
    assert days("خلال شهر رمضان 1445 هـ") == [(date(2024, 3, 11), date(2024, 4, 9))]
    assert days("بلغ العدد صفر 1400 شخص") == []


def test_a_solar_hijri_day_in_persian_digits() -> None:
    assert days("تاريخ النشر: ۱۹ آذر ۱۳۹۱ - ۱۲:۲۶") == [(date(2012, 12, 9), date(2012, 12, 9))]


def test_an_impossible_day_is_no_date() -> None:
    assert days("في 31 مهر 1402") == []  # the seventh Solar month has 30 days


def test_a_date_in_both_calendars_is_one_mention_with_the_gregorian_day() -> None:
    text = "الأحد 15 ربيع الأول 1447 ﻫ - 7 سبتمبر 2025 | بيروت"
    (mention,) = find_dates(text)
    assert mention.text == "الأحد 15 ربيع الأول 1447 ﻫ - 7 سبتمبر 2025"
    assert mention.value.iso == "2025-09-07"
    (mention,) = find_dates("الرياض 24 يناير 2024 م الموافق 12 رجب 1445 هـ (واس)")
    assert mention.text == "24 يناير 2024 م الموافق 12 رجب 1445 هـ"
    assert mention.value.iso == "2024-01-24"


def test_a_hijri_day_alone_gives_the_converted_day() -> None:
    (mention,) = find_dates("وصل الوفد يوم 3 شوال 1444 هـ إلى جدة")
    assert mention.value.iso == "2023-04-23"


def test_a_hijri_date_in_figures_needs_its_mark() -> None:
    (mention,) = find_dates("الأربعاء 1445/7/12هـ الموافق 2024/1/24م")
    assert mention.value.iso == "2024-01-24"
    assert find_dates("الكتاب رقم 1445/7/12 من الوزارة") == []
