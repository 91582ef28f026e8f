"""The timeline's date filter accepts a year, a month or a day, in Latin or Arabic-Indic digits."""

from datetime import date

import pytest
from django import forms

from analysis.web.forms import partial_date_clean


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-02-01", date(2024, 2, 1), date(2024, 2, 1)),
        ("٢٠٢٢/٥", date(2022, 5, 1), date(2022, 5, 31)),
    ],
)
def test_partial_dates(text, start, end):
    value = partial_date_clean(text)
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize("text", ["24", "2024-13", "2023-02-29", "شباط"])
def test_invalid_dates_say_how_to_write_them(text):
    with pytest.raises(forms.ValidationError):
        partial_date_clean(text)
