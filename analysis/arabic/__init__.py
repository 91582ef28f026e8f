"""Arabic text helpers, pure Python (no Django): the one home of each.

- `text`: `normalize` (and `normalize_with_map`), `name_key`, `key_variants`, `strip_article`,
  `fold_digits`, `strip_bidi`.
- `months`: the month and weekday names to write (recognition lives in `extraction/dates.py`).
- `partial_date`: `DateValue` and `Precision`, and `parse_partial_date` for what an analyst types.

Callers import from `analysis.arabic`; extraction, services and the web layer share these.
"""

from analysis.arabic import months
from analysis.arabic.partial_date import DateValue, NotAPartialDate, Precision, parse_partial_date
from analysis.arabic.text import (
    DIGIT_FOLD,
    fold_digits,
    key_variants,
    name_key,
    normalize,
    normalize_with_map,
    strip_article,
    strip_bidi,
)

__all__ = [
    "DIGIT_FOLD",
    "DateValue",
    "NotAPartialDate",
    "Precision",
    "fold_digits",
    "key_variants",
    "months",
    "name_key",
    "normalize",
    "normalize_with_map",
    "parse_partial_date",
    "strip_article",
    "strip_bidi",
]
