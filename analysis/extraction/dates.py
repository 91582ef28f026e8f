"""Arabic date expressions: find them in running text and resolve them to prefix dates.

Matching runs on a folded copy of the text (digits to ASCII, alef/yeh/teh-marbuta variants
unified, diacritics and tatweel dropped) and maps offsets back, so every mention slices the
original text. Values carry their precision; what the text does not give stays unknown.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from analysis.arabic import DIGIT_FOLD, DateValue
from analysis.extraction.results import DateMention, DateSource

__all__ = ["find_dates", "parse_date"]

_FOLD = str.maketrans(
    {
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
)
_IGNORABLE = "\u064b-\u065f\u0670\u0640\u200c-\u200f\u061c"
_IGNORABLE_RUN_RE = re.compile(f"[{_IGNORABLE}]+")
_COMBINING_RE = re.compile("[\u064b-\u065f\u0670]")


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Patterns are written in plain Arabic and folded like the text they run on."""
    return re.compile(_fold(pattern), flags)


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
    + f")(?![{_L}])"
)
_MONTH_PAIR = rf"{_MONTH}(?:\s*[/\\]\s*{_MONTH}|\s*\(\s*{_MONTH}\s*\)|\s+{_MONTH})?"
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


_YEAR_TAIL = rf"(?:\s*,?\s*(?:(?:من\s+)?{_YEAR_WORD}\s*)?{_year('year')}(?:\s?م(?![{_L}]))?|\s+{_DIRECTION})"

_DAY_MONTH_RE = _compile(
    rf"""(?:
            (?:(?<![0-9:/.\-])|(?<=[0-9]:[0-9][0-9]-))  # `19:42-30 مايو 2024`: a clock glued before the day
            (?:(?P<day0>[0-3]?[0-9])\s*(?:-|و|الى)\s*)?(?P<day>[0-3]?[0-9])(?![0-9])\s*(?:من\s+)?
          | (?<![{_L}])(?P<ordinal>{_ORDINAL})\s+من\s+
        )(?:شهر\s+)?(?P<month>{_MONTH_PAIR}){_YEAR_TAIL}?""",
    re.VERBOSE,
)
_MONTH_DAY_YEAR_RE = _compile(
    rf"(?<![{_L}]){_CLITIC}?(?P<month>{_MONTH_PAIR})\s*(?P<day>[0-3]?[0-9])(?![0-9])\s*,?\s*{_year('year')}"
)
_MONTH_YEAR_RE = _compile(
    rf"(?<![{_L}]){_CLITIC}?(?P<qual>{_QUALIFIER}\s+)?(?P<shahr>شهر(?:ي)?\s+)?(?P<month>{_MONTH_PAIR}){_YEAR_TAIL}?"
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
_FUTURE_CONTEXT_RE = _compile(r"(?:من المقرر|من المنتظر|من المتوقع|المزمع|سوف)[^.!?\n]{0,60}$")


@dataclass(frozen=True, slots=True)
class _Relative:
    kind: str  # "day", "window", "week", "month", "year", "monthday", "anaphoric", "unknown"
    low: int = 0
    high: int = 0


_COUNT_WORDS = {
    "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10,
}  # fmt: skip


def _relative_phrases() -> dict[str, _Relative]:
    phrases = {
        "اليوم": _Relative("day", 0),
        "امس": _Relative("day", -1),
        "البارحه": _Relative("day", -1),
        "الامس": _Relative("day", -1),
        "اول امس": _Relative("day", -2),
        "اول من امس": _Relative("day", -2),
        "امس الاول": _Relative("day", -2),
        "غدا": _Relative("day", 1),
        "يوم غد": _Relative("day", 1),
        "بعد غد": _Relative("day", 2),
        "قبل يومين": _Relative("day", -2),
        "منذ يومين": _Relative("day", -2),
        "قبل اسبوع": _Relative("window", -9, -5),
        "منذ اسبوع": _Relative("window", -9, -5),
        "قبل اسبوعين": _Relative("window", -16, -12),
        "منذ اسبوعين": _Relative("window", -16, -12),
        "مؤخرا": _Relative("unknown"),
        "في الاونه الاخيره": _Relative("unknown"),
        "اليوم التالي": _Relative("anaphoric", 1),
        "اليوم الذي تلاه": _Relative("anaphoric", 1),
        "اليوم السابق": _Relative("anaphoric", -1),
        "ذلك اليوم": _Relative("anaphoric", 0),
        "اليوم نفسه": _Relative("anaphoric", 0),
        "اليوم ذاته": _Relative("anaphoric", 0),
        "نفس اليوم": _Relative("anaphoric", 0),
    }
    for since in ("قبل", "منذ"):
        for few in ("", "بضعه ", "عده ", "بضع "):
            phrases[f"{since} {few}ايام"] = _Relative("window", -7, -1)
        for word, n in _COUNT_WORDS.items():
            phrases[f"{since} {word} ايام"] = _Relative("day", -n)
    past = ("الماضي", "المنصرم", "الفائت")
    future = ("المقبل", "القادم")
    current = ("الجاري", "الحالي")
    for noun, kind, this in (("الاسبوع", "week", "هذا"), ("الشهر", "month", "هذا"), ("العام", "year", "هذا")):
        for shift, words in ((-1, past), (1, future), (0, current)):
            for word in words:
                phrases[f"{noun} {word}"] = _Relative(kind, shift)
        phrases[f"{this} {noun}"] = _Relative(kind, 0)
    for shift, words in ((-1, past), (1, future), (0, current)):
        for word in words:
            phrases[f"السنه {word}ه"] = _Relative("year", shift)
    phrases["هذه السنه"] = _Relative("year", 0)
    return phrases


_RELATIVES = {_fold(phrase): relative for phrase, relative in _relative_phrases().items()}
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
_DEFINITE_NOUN_RE = _compile(rf"\s+ال(?!{_WEEKDAY}(?![{_L}]))[{_L}]")  # اليوم الوطني، غدا العراق ساحة
_AUXILIARY_BEFORE_RE = _compile(r"(?:قد|لقد|حتى)\s+$")  # قد غدا: "became"
_NEED_RE = _compile(r"\s+(?:ال)?حاجه")  # بأمس الحاجة: "in direst need"
_MERGE_GAP_RE = _compile(r"[\s,\-(|:]*(?:(?:الموافق|المصادف|الموافقه)[\s,\-(|:]*)?")
_RELATIVE_WEEKDAY_GAP_RE = _compile(r"[\s,]*")


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: str  # "calendar", "year", "weekday", "relative"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    swapped: tuple[int, int, int] | None = None  # m/d/y reading of a numeric date
    weekday: int | None = None
    direction: str | None = None
    relative: _Relative | None = None


_DIGIT_RE = re.compile("[0-9]")


def _day_ok(year: int | None, month: int, day: int) -> bool:
    return 1 <= day <= (calendar.monthrange(year or 2000, month)[1])


def _calendar_candidate(start: int, m: re.Match[str], day: int | None, direction: str | None) -> _Candidate:
    """A date written with month names; a slash pair of two different months keeps only the year."""
    names = list(_MONTH_RE.finditer(m.group("month")))
    months = {_MONTH_BY_KEY[_month_key(name.group())] for name in names}
    year = int(m.group("year")) if m.group("year") else None
    end = m.end()
    if len(months) > 1:
        if "/" in m.group("month") or "(" in m.group("month"):
            return _Candidate(start, end, "calendar", year)
        year, direction, end = None, None, m.start("month") + names[0].end()
    month = _MONTH_BY_KEY[_month_key(names[0].group())]
    if day is not None and not _day_ok(year, month, day):
        day = None
    return _Candidate(start, end, "calendar", year, month, day, direction=None if year else direction)


def _scan_numeric(folded: str, found: list[_Candidate]) -> None:
    for m in _NUMERIC_RE.finditer(folded):
        if m.group("iy"):
            readings = [(int(m.group("iy")), int(m.group("im")), int(m.group("id")))]
        else:
            year, first, second = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            readings = [(year, first, second), (year, second, first)]
        valid = [r for r in readings if 1 <= r[1] <= 12 and _day_ok(*r)]
        if valid:
            swapped = valid[1] if len(valid) > 1 else None
            found.append(_Candidate(m.start(), m.end(), "calendar", *valid[0], swapped=swapped))


def _scan_month_names(folded: str, found: list[_Candidate]) -> None:
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


def _scan_years(folded: str, found: list[_Candidate]) -> None:
    for m in _YEAR_RE.finditer(folded):
        if m.group("prep") and not m.group("marker") and _COUNTED_RE.match(folded, m.end()):
            continue
        if m.group("span_prep") and not _YEAR_NEXT_RE.match(folded, m.end()):
            continue
        if not any(m.group(context) for context in ("yw", "qual", "prep", "span_prep", "marker")):
            if not _YEAR_NEXT_RE.match(folded, m.end()):
                continue
        start = m.start("yw") if m.group("yw") else m.start("qual") if m.group("qual") else m.start("year")
        found.append(_Candidate(start, m.end(), "year", int(m.group("year"))))
        end = m.end()
        while following := _YEAR_NEXT_RE.match(folded, end):
            found.append(_Candidate(following.start("year"), following.end(), "year", int(following["year"])))
            end = following.end()


def _scan_weekdays(folded: str, found: list[_Candidate]) -> None:
    for m in _WEEKDAY_RE.finditer(folded):
        if m.group("wd") == "اثنين" and folded.endswith("كلا ", 0, m.start()):
            continue
        start = m.start("pre") if m.group("pre") else m.start("wd") - 2
        weekday = _WEEKDAYS[m.group("wd")]
        found.append(_Candidate(start, m.end(), "weekday", weekday=weekday, direction=m.group("dir")))


def _scan_relatives(folded: str, found: list[_Candidate], has_digit: bool) -> None:
    for m in _MONTH_DAY_RELATIVE_RE.finditer(folded) if has_digit else ():
        shift = _MONTH_SHIFTS[m.group("dir")]
        if shift and not m.group("month"):
            continue
        relative = _Relative("monthday", shift, int(m.group("day")))
        found.append(_Candidate(m.start(), m.end(), "relative", relative=relative))
    for m in _RELATIVE_RE.finditer(folded):
        phrase = re.sub(r"\s+", " ", m.group("rel"))
        if m.group("n"):
            n = int(m.group("n"))
            if not 1 <= n <= 31:
                continue
            relative = _Relative("day", -n)
        else:
            relative = _RELATIVES[phrase]
            if phrase in ("اليوم", "غدا") and _DEFINITE_NOUN_RE.match(folded, m.end()):
                continue
            if phrase == "غدا" and _AUXILIARY_BEFORE_RE.search(folded, max(0, m.start() - 8), m.start()):
                continue
            if phrase == "امس" and _NEED_RE.match(folded, m.end()):
                continue
        start = m.start("pre") if m.group("pre") else m.start("rel")
        found.append(_Candidate(start, m.end(), "relative", relative=relative))


def _scan(folded: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    has_digit = _DIGIT_RE.search(folded) is not None
    if has_digit:
        _scan_numeric(folded, found)
        _scan_years(folded, found)
    if _MONTH_RE.search(folded):
        _scan_month_names(folded, found)
    _scan_weekdays(folded, found)
    _scan_relatives(folded, found, has_digit)
    return found


def _select(found: list[_Candidate], folded: str) -> list[_Candidate]:
    """Drop overlapping candidates (earliest, then longest wins) and join weekday+date phrases."""
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[_Candidate] = []
    for cand in found:
        if kept and cand.start < kept[-1].end:
            continue
        if kept:
            prev = kept[-1]
            if (
                prev.kind == "weekday"
                and cand.kind == "calendar"
                and cand.day is not None
                and _MERGE_GAP_RE.fullmatch(folded, prev.end, cand.start)
            ):
                if "(" in folded[prev.end : cand.start] and folded.startswith(")", cand.end):
                    cand.end += 1
                cand.start, cand.weekday = prev.start, prev.weekday
                kept[-1] = cand
                continue
            if (
                prev.kind == "relative"
                and cand.kind == "weekday"
                and prev.relative is not None
                and prev.relative.kind == "day"
                and _RELATIVE_WEEKDAY_GAP_RE.fullmatch(folded, prev.end, cand.start)
            ):
                prev.end, prev.weekday = cand.end, cand.weekday
                continue
        kept.append(cand)
    return kept


def _covering(low: date, high: date) -> DateValue:
    """The finest prefix date that covers the whole window."""
    if low == high:
        return DateValue.of(low)
    if (low.year, low.month) == (high.year, high.month):
        return DateValue(low.year, low.month)
    if low.year == high.year:
        return DateValue(low.year)
    return DateValue()


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _resolve_relative(relative: _Relative, published: date) -> DateValue:
    if relative.kind == "day":
        return DateValue.of(published + timedelta(days=relative.low))
    if relative.kind == "window":
        return _covering(published + timedelta(days=relative.low), published + timedelta(days=relative.high))
    if relative.kind == "week":
        week_start = published - timedelta(days=(published.weekday() - 5) % 7) + timedelta(weeks=relative.low)
        return _covering(week_start, week_start + timedelta(days=6))
    if relative.kind == "month":
        return DateValue(*_shift_month(published.year, published.month, relative.low))
    if relative.kind == "monthday":
        year, month = _shift_month(published.year, published.month, relative.low)
        return DateValue(year, month, relative.high) if _day_ok(year, month, relative.high) else DateValue()
    if relative.kind == "year":
        return DateValue(published.year + relative.low)
    return DateValue()


def _resolve_weekday(weekday: int, direction: str | None, future: bool, published: date) -> date:
    if (direction or "").startswith(("المقبل", "القادم")) or future:
        ahead = (weekday - published.weekday()) % 7
        if ahead == 0 and direction:
            ahead = 7
        return published + timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if back == 0 and direction:
        back = 7
    return published - timedelta(days=back)


def _year_from_publication(month: int, day: int | None, direction: str | None, published: date) -> int:
    """The year of a day/month (or month) read against the publication date."""
    year = published.year
    written, now = (month, day or 0), (published.month, published.day if day else 0)
    if direction in ("الجاري", "الجاريه", "الحالي", "الحاليه"):
        return year
    if direction in ("المقبل", "المقبله", "القادم", "القادمه"):
        return year if written > now else year + 1
    if direction is not None:
        return year if written < now else year - 1
    return year - 1 if date(year, month, day or 1) > published else year


class _Resolver:
    """Turns candidates into mentions in text order, carrying explicit years forward."""

    def __init__(self, folded: str, published: date | None, year_hint: int | None) -> None:
        self.folded = folded
        self.published = published
        self.last_year = year_hint
        self.last_year_end = 0 if year_hint is not None else -1
        self.last_month: int | None = None
        self.last_day: date | None = None  # the last day the text gave: `في اليوم التالي` counts from it

    def value(self, cand: _Candidate) -> tuple[DateValue, DateSource]:
        value, source = self._value(cand)
        if value.day is not None:
            self.last_day = date(value.year, value.month, value.day)
        return value, source

    def _value(self, cand: _Candidate) -> tuple[DateValue, DateSource]:
        published = self.published
        if cand.kind == "relative" and cand.relative.kind == "anaphoric":
            if self.last_day is None:
                return DateValue(), DateSource.UNRESOLVED
            return DateValue.of(self.last_day + timedelta(days=cand.relative.low)), DateSource.RELATIVE
        if cand.kind == "year":
            self._saw_year(cand)
            return DateValue(cand.year), DateSource.EXPLICIT
        if cand.kind == "calendar":
            if cand.year is not None:
                self._saw_year(cand)
                if (
                    cand.weekday is not None
                    and cand.swapped is not None
                    and date(cand.year, cand.month, cand.day).weekday() != cand.weekday
                    and date(*cand.swapped).weekday() == cand.weekday
                ):
                    return DateValue(*cand.swapped), DateSource.EXPLICIT
                return DateValue(cand.year, cand.month, cand.day), DateSource.EXPLICIT
            if cand.month is None:
                return DateValue(), DateSource.UNRESOLVED
            year = self._carried_year(cand)
            if year is None:
                return DateValue(), DateSource.UNRESOLVED
            day = cand.day if cand.day is not None and _day_ok(year, cand.month, cand.day) else None
            return DateValue(year, cand.month, day), DateSource.CARRIED_YEAR
        if published is None:
            return DateValue(), DateSource.UNRESOLVED
        if cand.kind == "weekday":
            future = cand.direction is None and bool(
                _FUTURE_CONTEXT_RE.search(self.folded, max(0, cand.start - 90), cand.start)
            )
            day = _resolve_weekday(cand.weekday, cand.direction, future, published)
            return DateValue.of(day), DateSource.WEEKDAY
        value = _resolve_relative(cand.relative, published)
        return value, DateSource.RELATIVE if value.year is not None else DateSource.UNRESOLVED

    def _saw_year(self, cand: _Candidate) -> None:
        self.last_year, self.last_year_end, self.last_month = cand.year, cand.end, cand.month

    def _carried_year(self, cand: _Candidate) -> int | None:
        same_paragraph = (
            self.last_year is not None and "\n" not in self.folded[self.last_year_end : cand.start]
        )
        if same_paragraph and cand.direction is None:
            return self._nearest_year(self.last_year, cand)
        if self.published is not None:
            return _year_from_publication(cand.month, cand.day, cand.direction, self.published)
        return self.last_year

    def _nearest_year(self, year: int, cand: _Candidate) -> int:
        """The carried year, or the one next to it when the month wraps past the year's end:
        `20 ديسمبر 2023 ... في 5 يناير` is January 2024 unless that is after publication."""
        if self.last_month is None or cand.month is None:
            return year
        published, step = self.published, cand.month - self.last_month
        day = cand.day if cand.day is not None and _day_ok(year, cand.month, cand.day) else 1
        if step <= -6 and (published is None or date(year + 1, cand.month, day) <= published):
            return year + 1
        if step >= 6 and published is not None and date(year, cand.month, day) > published:
            return year - 1
        return year


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

    resolver = _Resolver(folded, published, year_hint)
    mentions = []
    for cand in _select(_scan(folded), folded):
        value, source = resolver.value(cand)
        start, end = cand.start, cand.end
        if len(shifts) > 1:
            start, end = original(start), original(end - 1) + 1
            while end < len(text) and _COMBINING_RE.match(text, end):
                end += 1
        mentions.append(DateMention(text[start:end], start, end, value, source))
    return mentions


def find_dates(text: str, *, published: date | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, with resolved values.

    Offsets point into `text`: `mention.text == text[mention.start:mention.end]`.
    """
    return _mentions(text, published, None)


def parse_date(
    phrase: str, *, published: date | None = None, year_hint: int | None = None
) -> DateMention | None:
    """The single date expression in a short phrase (the first one if several).

    `year_hint` is the year of the surrounding text: it completes a day and month written without one.
    """
    mentions = _mentions(phrase, published, year_hint)
    return mentions[0] if mentions else None
