"""What an analyst types as a date: a year, a month or a day."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.arabic import DateValue, NotAPartialDate, Precision, parse_partial_date


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024", DateValue(2024)),
        (" 2024-02 ", DateValue(2024, 2)),
        ("2024/2/1", DateValue(2024, 2, 1)),
        ("٢٠٢٢-٠٥", DateValue(2022, 5)),
    ],
)
def test_partial_dates_keep_their_precision(text, value):
    assert parse_partial_date(text) == value


@pytest.mark.parametrize("text", ["24", "2024-", "شباط", "2024-02-01-03"])
def test_other_forms_are_not_partial_dates(text):
    with pytest.raises(NotAPartialDate):
        parse_partial_date(text)


@pytest.mark.parametrize("text", ["2024-13", "2023-02-29"])
def test_a_day_the_calendar_lacks_is_a_value_error_of_its_own(text):
    with pytest.raises(ValueError) as raised:
        parse_partial_date(text)
    assert not isinstance(raised.value, NotAPartialDate)


def test_a_date_value_covers_its_whole_period():
    value = DateValue(2024, 2)
    assert (value.start, value.end, value.iso, value.precision) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
        "2024-02",
        Precision.MONTH,
    )
