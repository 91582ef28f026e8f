"""Arabic date expressions: find them in running text and resolve them to prefix dates.

Matching runs on a folded copy of the text (digits to ASCII, alef/yeh/teh-marbuta variants
unified, diacritics and tatweel dropped) and maps offsets back, so every mention slices the
original text. Values carry their precision; what the text does not give stays unknown.
This module finds the candidates (Gregorian here, Hijri and Solar Hijri in `calendars.py`);
`date_resolution.py` joins the parts of one phrase and resolves them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from datetime import date, timedelta

from analysis.arabic import DIGIT_FOLD
from analysis.extraction.calendars import find_calendar_dates
from analysis.extraction.date_resolution import (
    Candidate,
    Relative,
    Resolver,
    covering,
    day_ok,
    explicit_day,
    relative_phrases,
    select,
    weekday_anchors,
)
from analysis.extraction.results import DateMention

__all__ = ["find_dates", "fold", "parse_date", "stated_publication"]


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (`ﻫ`, `ﺍ` ...) as the letters they draw: one character each way."""
    table = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        letter = unicodedata.normalize("NFKC", chr(code))
        if len(letter) == 1 and letter != chr(code):
            table[chr(code)] = letter
    return table


_LETTER_FOLD = {
    **DIGIT_FOLD,
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    "ة": "ه",
    "ۀ": "ه",
    "،": ",",
    "٫": ".",
    "٬": ",",
    "\u2013": "-",
    "\u2014": "-",
}
_LETTER_FOLD.update(
    {form: _LETTER_FOLD.get(letter, letter) for form, letter in _presentation_forms().items()}
)
_FOLD = str.maketrans(
    {**_LETTER_FOLD, **{chr(code): chr(code + 32) for code in range(ord("A"), ord("Z") + 1)}}
)
_PATTERN_FOLD = str.maketrans(_LETTER_FOLD)  # regex syntax (`(?P<`, `\S`) keeps its case
_IGNORABLE = "\u064b-\u065f\u0670\u0640\u200c-\u200f\u061c"
_IGNORABLE_RUN_RE = re.compile(f"[{_IGNORABLE}]+")
_TRAILING_MARK_RE = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat and the tatweel of `هـ`


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def fold(text: str) -> str:
    """`text` as the date patterns read it: ASCII digits, one alef, ي for ى, ه for ة, lower-case
    Latin, no diacritics or tatweel (not length-preserving)."""
    return _IGNORABLE_RUN_RE.sub("", _fold(text))


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Patterns are written in plain Arabic and folded like the text they run on."""
    return re.compile(pattern.translate(_PATTERN_FOLD), flags)


_L = "\u0621-\u064a\u0671-\u06d3"  # Arabic letters, for word boundaries

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "جانفيه"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "نيسان", "أفريل"),
    5: ("مايو", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("أغسطس", "آب", "أوت", "غشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "تشرين الأول"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "دجنبر"),
}
# Pages stamped in English (`17 August 2023`, `Friday 3rd August 2012`).
_ENGLISH_MONTHS = (
    "january february march april may june july august september october november december".split()
)
for _number, _name in enumerate(_ENGLISH_MONTHS, start=1):
    _MONTH_NAMES[_number] += (_name, _name[:3]) if _number != 5 else (_name,)  # `Jan 23, 2024`
_MONTH_NAMES[9] += ("sept",)


def _month_key(name: str) -> str:
    return re.sub(r"\s+(?:ال)?", "", _fold(name))


_MONTH_BY_KEY = {_month_key(n): m for m, names in _MONTH_NAMES.items() for n in names}


def _month_pattern(name: str) -> str:
    words = _fold(name).split()
    if len(words) == 1:
        return words[0]
    return words[0] + r"\s+(?:ال)?" + words[1].removeprefix("ال")


_MONTH = (
    "(?:"
    + "|".join(sorted((_month_pattern(n) for ns in _MONTH_NAMES.values() for n in ns), key=len, reverse=True))
    + f")(?![{_L}a-z])"
)
# `شباط/فبراير`, `حزيران (يونيو)`, `حزيران (يونيو - جوان)`, `نوفمبر تشرين الثاني`
_MONTH_PAIR = rf"{_MONTH}(?:\s*[/\\]\s*{_MONTH}|\s*\(\s*{_MONTH}(?:\s*[-/,]\s*{_MONTH})?\s*\)|\s+{_MONTH})?"
_MONTH_RE = _compile(_MONTH)

_WEEKDAYS = {  # date.weekday(): Monday == 0
    "اثنين": 0,
    "ثلاثاء": 1,
    "ثلثاء": 1,
    "اربعاء": 2,
    "خميس": 3,
    "جمعه": 4,
    "سبت": 5,
    "احد": 6,
}
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"

_ORDINAL_UNITS = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_ORDINALS = {"الاول": 1, "العاشر": 10, "العشرين": 20, "الثلاثين": 30}
for _n, _unit in enumerate(_ORDINAL_UNITS, start=1):
    if _n > 1:
        _ORDINALS[_unit] = _n
    _ORDINALS[f"{_unit} عشر"] = 10 + _n
    _ORDINALS[f"{_unit} والعشرين"] = 20 + _n
_ORDINALS["الحادي والثلاثين"] = 31
_ORDINAL = "(?:" + "|".join(w.replace(" ", r"\s+") for w in sorted(_ORDINALS, key=len, reverse=True)) + ")"

_QUALIFIER = "(?:مطلع|اوائل|اواخر|اواسط|منتصف|نهايه|بدايه|مستهل|اخر)"
_DIRECTION = (
    "(?P<dir>الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|المقبل|المقبله|القادم|القادمه"
    "|الجاري|الجاريه|الحالي|الحاليه)"
)
_CLITIC = "(?:و?[بلف]|و)"
_YEAR_WORD = "(?:لل|ال|ل)?(?:عام|سنه)(?:ي|ين)?"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:19|20)[0-9]{{2}})(?![0-9])(?!\s*ه(?![{_L}]))"


_YEAR_DIRECTION = (
    r"\s+(?:من\s+)?(?:ال)?(?:عام|سنه)\s+(?P<ydir>الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|المقبل|المقبله"
    r"|القادم|القادمه|الجاري|الجاريه|الحالي|الحاليه)"
)
_YEAR_TAIL = (
    rf"(?:\s*,?\s*(?:(?:من\s+)?{_YEAR_WORD}\s*)?{_year('year')}(?:\s?م(?![{_L}]))?"
    rf"|{_YEAR_DIRECTION}|\s+{_DIRECTION})"
)

_DAY_MONTH_RE = _compile(
    rf"""(?:
            (?:(?<![0-9:/.\-])|(?<=[0-9]:[0-9][0-9]-))  # `19:42-30 مايو 2024`: a clock glued before the day
            (?:(?P<day0>[0-3]?[0-9])\s*(?:-|و|الى)\s*)?(?P<day>[0-3]?[0-9])(?![0-9])(?:(?:st|nd|rd|th)\s*,?)?\s*(?:من\s+)?
          | (?<![{_L}])(?P<ordinal>{_ORDINAL})\s+من\s+
        )(?:شهر\s+)?(?P<month>{_MONTH_PAIR}){_YEAR_TAIL}?""",
    re.VERBOSE,
)
_MONTH_DAY_YEAR_RE = _compile(
    rf"(?<![{_L}a-z]){_CLITIC}?(?P<month>{_MONTH_PAIR})\s*(?P<day>[0-3]?[0-9])(?![0-9])\s*,?\s*{_year('year')}"
)
_MONTH_YEAR_RE = _compile(
    rf"(?<![{_L}a-z]){_CLITIC}?(?P<qual>{_QUALIFIER}\s+)?(?P<shahr>شهر(?:ي)?\s+)?(?P<month>{_MONTH_PAIR}){_YEAR_TAIL}?"
)
_NUMERIC_RE = _compile(
    r"(?<![0-9./\-])(?<![0-9]:)(?:"  # `تاريخ النشر:05.08.2024`, not the minutes of `13:05.08`
    r"(?P<iy>(?:19|20)[0-9]{2})(?P<isep>[-/.])(?P<im>[01]?[0-9])(?P=isep)(?P<id>[0-3]?[0-9])"
    r"|(?P<d>[0-3]?[0-9])\s?(?P<sep>[-/.])\s?(?P<m>[0-3]?[0-9])\s?(?P=sep)\s?(?P<y>(?:19|20)[0-9]{2})"
    r")(?![0-9])(?![./\-][0-9])"
)
_YEAR_RE = _compile(
    rf"""(?:
            (?<![{_L}0-9]){_CLITIC}?(?P<yw>{_YEAR_WORD})\s*
          | (?<![{_L}]){_CLITIC}?(?P<qual>{_QUALIFIER})\s+
          | (?<![{_L}])(?P<prep>في|منذ|حتى|خلال|بحلول|قبل|بعد|الى|وحتى|ومنذ|وفي|وخلال|طوال|طيله)\s+
          | (?<![{_L}])(?P<span_prep>من|بين|ما\s+بين)\s+
        )?(?<![0-9:/.\-]){_year("year")}(?P<marker>\s?م(?![{_L}]))?""",
    re.VERBOSE,
)
_YEAR_NEXT_RE = _compile(rf"\s*(?:[-/]|و?(?:الى|حتى)|و|او)\s*{_year('year')}")
# `الربع الثاني من عام 2012`, `خلال الفصل الأول من 2020`, `النصف الثاني من 2019`: a range, given by its start.
_PART_OF_YEAR_RE = _compile(
    rf"(?<![{_L}])(?:و?[بل]?)(?P<unit>الربع|الفصل|النصف)\s+(?P<nth>الاول|الثاني|الثالث|الرابع|الاخير)"
    rf"\s+(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s*)?{_year('year')}"
)
_NTH = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}
_COUNTED_RE = _compile(
    r"\s*(?:[وبل]?ال)?(?:جندي|عسكري|مقاتل|عنصر|شخص|قتيل|جريح|اسير|دولار|يورو|دينار|ريال|طن|كيلو|كم|متر|ميل"
    r"|عام|اعوام|سنه|سنوات|سنين|يوم|ايام|ساعه|ساعات|شهر|اشهر|دقيقه|الف|مليون|مليار|صاروخ|طائره|دبابه"
    r"|مدرعه|عربه|قطعه|نسمه|مواطن|لاجئ|طالب|عائله|منزل|موقع|هدف|غاره|مره|قرار)"
)
_BARE_MONTH_CONTEXT_RE = _compile(
    rf"(?<![{_L}])(?:و?(?:في|خلال|منذ|حتى|بحلول|قبل|بعد|الى|من|مع|طوال|طيله|اوائل|اواخر|نهايه|بدايه))\s+$"
)

_WEEKDAY_RE = _compile(
    rf"(?<![{_L}])(?:و?[بف]|و)?(?P<pre>(?:(?:صباح|مساء|ظهر|فجر|ليله|عصر|ظهيره)\s+)?(?:يوم\s+)?)"
    rf"ال(?P<wd>{_WEEKDAY})(?![{_L}])(?:\s+(?P<dir>(?:الماضي|المنصرم|الفائت|المقبل|القادم)ه?))?"
)
# A day and month that name a bloc or an uprising (`قوى 14 آذار`, `ثورة 25 يناير`), not a date.
_NAMED_EVENT_BEFORE_RE = _compile(
    rf"(?<![{_L}])(?:و?[بل]?|ل?ل)(?:ال)?(?:قوى|تحالف|فريق|حركه|ثوره|انتفاضه|حراك|كتله|تيار|معسكر|ائتلاف|تجمع|جبهه)"
    r"\s*[\"«“']?\s*$"
)


_RELATIVES = {_fold(phrase): relative for phrase, relative in relative_phrases().items()}
_RELATIVE_RE = _compile(
    rf"(?<![{_L}])(?:و?[بف]|و)?(?P<pre>(?:(?:صباح|مساء|ظهر|فجر|ليله|عصر|ظهيره)\s+)?(?:{_QUALIFIER}\s+)?)"
    r"(?P<rel>"
    + "|".join(p.replace(" ", r"\s+") for p in sorted(_RELATIVES, key=len, reverse=True))
    + rf"|(?:قبل|منذ)\s+(?P<n>[0-9]{{1,2}})\s*(?:ايام|يوما))(?![{_L}])"
)
_MONTH_DAY_RELATIVE_RE = _compile(
    rf"(?<![0-9:/.\-])(?P<day>[0-3]?[0-9])(?![0-9])\s*(?:من\s+)?(?:(?P<month>الشهر)\s+)?"
    rf"(?P<dir>الجاري|الحالي|الماضي|المنصرم|الفائت|المقبل|القادم)(?![{_L}])"
)
_MONTH_SHIFTS = {
    "الجاري": 0,
    "الحالي": 0,
    "الماضي": -1,
    "المنصرم": -1,
    "الفائت": -1,
    "المقبل": 1,
    "القادم": 1,
}
_YEAR_SHIFTS = {
    **{word + tail: shift for word, shift in _MONTH_SHIFTS.items() for tail in ("", "ه")},
    "الماضي": -1,
    "الماضيه": -1,
}
# اليوم الوطني، غدا العراق ساحة; not `إلى`/`إلا`, which fold to the same letters
_DEFINITE_NOUN_RE = _compile(rf"\s+ال(?!(?:{_WEEKDAY}|ي|ا)(?![{_L}]))[{_L}]")
_AUXILIARY_BEFORE_RE = _compile(r"(?:قد|لقد|حتى)\s+$")  # قد غدا: "became"
_NEED_RE = _compile(r"\s+(?:ال)?حاجه")  # بأمس الحاجة: "in direst need"


_DIGIT_RE = re.compile("[0-9]")


def _calendar_candidate(start: int, m: re.Match[str], day: int | None, direction: str | None) -> Candidate:
    """A date written with month names; a slash pair of two different months keeps only the year."""
    names = list(_MONTH_RE.finditer(m.group("month")))
    months = {_MONTH_BY_KEY[_month_key(name.group())] for name in names}
    year = int(m.group("year")) if m.group("year") else None
    end = m.end()
    if len(months) > 1:
        if "/" in m.group("month") or "(" in m.group("month"):
            return Candidate(start, end, "calendar", year)
        year, direction, end = None, None, m.start("month") + names[0].end()
    month = _MONTH_BY_KEY[_month_key(names[0].group())]
    if day is not None and not day_ok(year, month, day):
        day = None
    year_shift = _YEAR_SHIFTS[m.group("ydir")] if m.groupdict().get("ydir") and end == m.end() else None
    return Candidate(
        start, end, "calendar", year, month, day, direction=None if year else direction, year_shift=year_shift
    )


def _scan_numeric(folded: str, found: list[Candidate]) -> None:
    for m in _NUMERIC_RE.finditer(folded):
        if m.group("iy"):
            readings = [(int(m.group("iy")), int(m.group("im")), int(m.group("id")))]
        else:
            year, first, second = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            readings = [(year, first, second), (year, second, first)]
        valid = [r for r in readings if 1 <= r[1] <= 12 and day_ok(*r)]
        if valid:
            swapped = valid[1] if len(valid) > 1 else None
            found.append(Candidate(m.start(), m.end(), "calendar", *valid[0], swapped=swapped))


def _scan_month_names(folded: str, found: list[Candidate]) -> None:
    for m in _DAY_MONTH_RE.finditer(folded):
        if m.group("ordinal"):
            day: int | None = _ORDINALS[re.sub(r"\s+", " ", m.group("ordinal"))]
        else:
            day = None if m.group("day0") else int(m.group("day"))
            if not m.group("year") and _NAMED_EVENT_BEFORE_RE.search(
                folded, max(0, m.start() - 16), m.start()
            ):
                continue
        found.append(_calendar_candidate(m.start(), m, day, m.group("dir")))
    for m in _MONTH_DAY_YEAR_RE.finditer(folded):
        found.append(_calendar_candidate(m.start("month"), m, int(m.group("day")), None))
    for m in _MONTH_YEAR_RE.finditer(folded):
        start = (
            m.start("qual") if m.group("qual") else m.start("shahr") if m.group("shahr") else m.start("month")
        )
        if not (
            m.group("year")
            or m.group("qual")
            or m.group("shahr")
            or m.group("dir")
            or len(_MONTH_RE.findall(m.group("month"))) > 1
            or _BARE_MONTH_CONTEXT_RE.search(folded, max(0, start - 16), start)
        ):
            continue
        found.append(_calendar_candidate(start, m, None, m.group("dir")))


def _scan_years(folded: str, found: list[Candidate]) -> None:
    for m in _YEAR_RE.finditer(folded):
        if m.group("prep") and not m.group("marker") and _COUNTED_RE.match(folded, m.end()):
            continue
        if m.group("span_prep") and not _YEAR_NEXT_RE.match(folded, m.end()):
            continue
        if not any(m.group(context) for context in ("yw", "qual", "prep", "span_prep", "marker")):
            if not _YEAR_NEXT_RE.match(folded, m.end()):
                continue
        start = m.start("yw") if m.group("yw") else m.start("qual") if m.group("qual") else m.start("year")
        found.append(Candidate(start, m.end(), "year", int(m.group("year"))))
        end = m.end()
        while following := _YEAR_NEXT_RE.match(folded, end):
            found.append(Candidate(following.start("year"), following.end(), "year", int(following["year"])))
            end = following.end()


def _scan_parts_of_years(folded: str, found: list[Candidate]) -> None:
    for m in _PART_OF_YEAR_RE.finditer(folded):
        months = 6 if m.group("unit") == "النصف" else 3
        nth = _NTH.get(m.group("nth"), 12 // months)
        if nth * months > 12:
            continue  # `النصف الثالث` is no part of a year
        start = m.start("unit")
        found.append(Candidate(start, m.end(), "calendar", int(m.group("year")), 1 + (nth - 1) * months))


def _scan_weekdays(folded: str, found: list[Candidate]) -> None:
    for m in _WEEKDAY_RE.finditer(folded):
        if m.group("wd") == "اثنين" and folded.endswith("كلا ", 0, m.start()):
            continue
        start = m.start("pre") if m.group("pre") else m.start("wd") - 2
        weekday = _WEEKDAYS[m.group("wd")]
        found.append(Candidate(start, m.end(), "weekday", weekday=weekday, direction=m.group("dir")))


def _scan_relatives(folded: str, found: list[Candidate], has_digit: bool) -> None:
    for m in _MONTH_DAY_RELATIVE_RE.finditer(folded) if has_digit else ():
        shift = _MONTH_SHIFTS[m.group("dir")]
        if shift and not m.group("month"):
            continue
        relative = Relative("monthday", shift, int(m.group("day")))
        found.append(Candidate(m.start(), m.end(), "relative", relative=relative))
    for m in _RELATIVE_RE.finditer(folded):
        phrase = re.sub(r"\s+", " ", m.group("rel"))
        if m.group("n"):
            n = int(m.group("n"))
            if not 1 <= n <= 31:
                continue
            relative = Relative("day", -n)
        else:
            relative = _RELATIVES[phrase]
            if phrase in ("اليوم", "غدا") and _DEFINITE_NOUN_RE.match(folded, m.end()):
                continue
            if phrase == "غدا" and _AUXILIARY_BEFORE_RE.search(folded, max(0, m.start() - 8), m.start()):
                continue
            if phrase == "امس" and _NEED_RE.match(folded, m.end()):
                continue
        start = m.start("pre") if m.group("pre") else m.start("rel")
        found.append(Candidate(start, m.end(), "relative", relative=relative))


def _scan_other_calendars(folded: str, found: list[Candidate]) -> None:
    """Hijri and Solar Hijri dates, as the Gregorian days (or the finest prefix) they cover."""
    for other in find_calendar_dates(folded):
        value = covering(other.first, other.last)
        found.append(
            Candidate(other.start, other.end, "calendar", value.year, value.month, value.day, converted=True)
        )


def _scan(folded: str) -> list[Candidate]:
    found: list[Candidate] = []
    has_digit = _DIGIT_RE.search(folded) is not None
    if has_digit:
        _scan_numeric(folded, found)
        _scan_years(folded, found)
        _scan_parts_of_years(folded, found)
        _scan_other_calendars(folded, found)
    if _MONTH_RE.search(folded):
        _scan_month_names(folded, found)
    _scan_weekdays(folded, found)
    _scan_relatives(folded, found, has_digit)
    return found


def _mentions(text: str, published: date | None, year_hint: int | None) -> list[DateMention]:
    folded = _fold(text)
    # Diacritics, tatweel and invisible marks are dropped before scanning; `shifts[k]` characters
    # were dropped before the k-th kept stretch, which starts at `stretch_starts[k]` in the result.
    stretch_starts, shifts = [0], [0]
    for run in _IGNORABLE_RUN_RE.finditer(folded):
        shifts.append(shifts[-1] + run.end() - run.start())
        stretch_starts.append(run.end() - shifts[-1])
    if len(shifts) > 1:
        folded = _IGNORABLE_RUN_RE.sub("", folded)

    def original(index: int) -> int:
        return index + shifts[bisect_right(stretch_starts, index) - 1]

    cands = select(_scan(folded), folded)
    resolver = Resolver(folded, published, year_hint, weekday_anchors(cands))
    mentions = []
    for cand in cands:
        value, source = resolver.value(cand)
        start, end = cand.start, cand.end
        if len(shifts) > 1:
            start, end = original(start), original(end - 1) + 1
            while end < len(text) and _TRAILING_MARK_RE.match(text, end):
                end += 1
        mentions.append(DateMention(text[start:end], start, end, value, source))
    return mentions


def find_dates(text: str, *, published: date | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, with resolved values.

    Offsets point into `text`: `mention.text == text[mention.start:mention.end]`.
    """
    return _mentions(text, published, None)


_TODAY_RE = _compile(r"(?<![\u0621-\u064a])(?:اليوم|امس)(?![\u0621-\u064a])")


def stated_publication(text: str) -> date | None:
    """The day the text says it was written: `اليوم الثلاثاء الموافق 2023/12/19` gives that day,
    `أمس الاثنين (18 كانون الثاني 2021)` the day after. The first such phrase counts."""
    folded = fold(text)
    for today in _TODAY_RE.finditer(folded):
        window = folded[max(0, today.start() - 12) : today.end() + 60]  # `وصباح اليوم ... 2023/12/19`
        for cand in select(_scan(window), window):
            day = explicit_day(cand) if cand.offset is not None else None
            if day is not None and cand.weekday in (None, day.weekday()):
                return day - timedelta(days=cand.offset)
    return None


def parse_date(
    phrase: str, *, published: date | None = None, year_hint: int | None = None
) -> DateMention | None:
    """The single date expression in a short phrase (the first one if several).

    `year_hint` is the year of the surrounding text: it completes a day and month written without one.
    """
    mentions = _mentions(phrase, published, year_hint)
    return mentions[0] if mentions else None
