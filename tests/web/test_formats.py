"""Dates at their precision and counts that agree with their number, as the pages print them."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.web.formats import engagements_count, format_partial_date, partial_date_html, sources_count


@pytest.mark.parametrize(
    ("precision", "text"),
    [("day", "1 شباط 2024"), ("month", "شباط 2024"), ("year", "2024"), ("unknown", "تاريخ غير معروف")],
)
def test_a_date_shows_only_what_is_known(precision, text):
    assert format_partial_date(date(2024, 2, 1), precision) == text


def test_the_date_element_gives_the_egyptian_month_in_its_title():
    html = partial_date_html(date(2024, 2, 1), "month")
    assert html == '<time class="date" datetime="2024-02" title="فبراير 2024">شباط 2024</time>'
    assert partial_date_html(None, "day") == '<span class="date unknown">تاريخ غير معروف</span>'


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (0, "لا أحداث"),
        (1, "حدث واحد"),
        (2, "حدثان"),
        (3, "3 أحداث"),
        (10, "10 أحداث"),
        (11, "11 حدثًا"),
        (103, "103 أحداث"),
    ],
)
def test_counts_agree_with_their_number(number, text):
    assert engagements_count(number) == text


def test_a_missing_count_reads_as_none():
    assert sources_count(None) == "لا مصادر"
