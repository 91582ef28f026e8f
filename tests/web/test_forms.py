"""The timeline's filter form: dates as a year, a month or a day (Latin or Arabic-Indic digits), and its selects."""

import re
from datetime import date

import pytest
from django import forms

from analysis.web.forms import QuickSelect, partial_date_clean


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


def test_filter_selects_have_the_markup_of_django_select():
    """`QuickSelect` writes what `forms.Select` renders from its templates, selection and escaping included."""
    choices = [
        ("", "الكل <x>"),
        ("الوسائل & غيرها", [("outlet:أ", 'أ "ب"'), ("outlet:ج", "ج")]),
        (3, "ثلاثة"),
    ]

    class Pair(forms.Form):
        stock = forms.ChoiceField(choices=choices, required=False)
        quick = forms.ChoiceField(choices=choices, required=False, widget=QuickSelect)

    def markup(form, name: str) -> str:
        return re.sub(r"\s*\n\s*", "", str(form[name])).replace(f'name="{name}" id="id_{name}"', "")

    for value in ("", "outlet:ج", "3"):
        form = Pair({"stock": value, "quick": value})
        assert markup(form, "quick") == markup(form, "stock")
    assert '<option value="outlet:ج" selected>' in markup(Pair({"quick": "outlet:ج"}), "quick")
