"""Resolving date candidates: relative words against the publication date, weekdays near a day
the text states, a day and month completed with the year told before.

Pure Python. `dates.py` finds the candidates (spans of folded text and what they say); the
`Resolver` turns them into prefix dates in text order. What the text does not give stays unknown:
relative words need a publication date the text states (../shared/gold/CONVENTIONS.md).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from analysis.arabic import DateValue
from analysis.extraction.results import DateSource

__all__ = [
    "COUNT_WORDS",
    "Candidate",
    "Relative",
    "Resolver",
    "covering",
    "day_ok",
    "explicit_day",
    "relative_phrases",
    "select",
    "weekday_anchors",
]

# Between the parts of one date phrase (written folded: no letter here folds).
_MERGE_GAP_RE = re.compile(r"[\s,\-(|:]*(?:(?:الموافق|المصادف|الموافقه)[\s,\-(|:]*)?")
_RELATIVE_WEEKDAY_GAP_RE = re.compile(r"[\s,]*")
# `من المقرر أن يزور ... الخميس`: a weekday after these is ahead (written folded: no letter here folds).
_FUTURE_CONTEXT_RE = re.compile(r"(?:من المقرر|من المنتظر|من المتوقع|المزمع|سوف)[^.!?\n]{0,60}$")


@dataclass(frozen=True, slots=True)
class Relative:
    kind: str  # "day", "window", "week", "month", "year", "monthday", "anaphoric", "unknown"
    low: int = 0
    high: int = 0


COUNT_WORDS = {
    "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10,
}  # fmt: skip


def relative_phrases() -> dict[str, Relative]:
    phrases = {
        "اليوم": Relative("day", 0),
        "امس": Relative("day", -1),
        "البارحه": Relative("day", -1),
        "الامس": Relative("day", -1),
        "اول امس": Relative("day", -2),
        "اول من امس": Relative("day", -2),
        "امس الاول": Relative("day", -2),
        "غدا": Relative("day", 1),
        "يوم غد": Relative("day", 1),
        "بعد غد": Relative("day", 2),
        "قبل يومين": Relative("day", -2),
        "منذ يومين": Relative("day", -2),
        "قبل اسبوع": Relative("window", -9, -5),
        "منذ اسبوع": Relative("window", -9, -5),
        "قبل اسبوعين": Relative("window", -16, -12),
        "منذ اسبوعين": Relative("window", -16, -12),
        "الليله الماضيه": Relative("day", -1),
        "الليله البارحه": Relative("day", -1),
        "الايام الماضيه": Relative("window", -7, -1),
        "الايام الاخيره": Relative("window", -7, -1),
        "الايام القليله الماضيه": Relative("window", -7, -1),
        "الاسابيع الماضيه": Relative("window", -35, -1),
        "الاسابيع الاخيره": Relative("window", -35, -1),
        "الاسابيع القليله الماضيه": Relative("window", -35, -1),
        "مؤخرا": Relative("unknown"),
        "في الاونه الاخيره": Relative("unknown"),
        "اليوم التالي": Relative("anaphoric", 1),
        "اليوم الذي تلاه": Relative("anaphoric", 1),
        "اليوم السابق": Relative("anaphoric", -1),
        "عشيه": Relative("anaphoric", -1),  # `عشية الاجتماع`: the eve of the day just told
        "ذلك اليوم": Relative("anaphoric", 0),
        "اليوم نفسه": Relative("anaphoric", 0),
        "اليوم ذاته": Relative("anaphoric", 0),
        "نفس اليوم": Relative("anaphoric", 0),
    }
    for since in ("قبل", "منذ"):
        for few in ("", "بضعه ", "عده ", "بضع "):
            phrases[f"{since} {few}ايام"] = Relative("window", -7, -1)
        for word, n in COUNT_WORDS.items():
            phrases[f"{since} {word} ايام"] = Relative("day", -n)
    past = ("الماضي", "المنصرم", "الفائت")
    future = ("المقبل", "القادم")
    current = ("الجاري", "الحالي")
    for noun, kind, this in (("الاسبوع", "week", "هذا"), ("الشهر", "month", "هذا"), ("العام", "year", "هذا")):
        for shift, words in ((-1, past), (1, future), (0, current)):
            for word in words:
                phrases[f"{noun} {word}"] = Relative(kind, shift)
        phrases[f"{this} {noun}"] = Relative(kind, 0)
    for shift, words in ((-1, past), (1, future), (0, current)):
        for word in words:
            phrases[f"السنه {word}ه"] = Relative("year", shift)
    phrases["هذه السنه"] = Relative("year", 0)
    return phrases


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str  # "calendar", "year", "weekday", "relative"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    swapped: tuple[int, int, int] | None = None  # m/d/y reading of a numeric date
    weekday: int | None = None
    direction: str | None = None
    relative: Relative | None = None
    year_shift: int | None = None  # `من العام الماضي`: the year counted from publication
    converted: bool = False  # a Hijri or Solar Hijri date
    offset: int | None = None  # `اليوم 5 مايو` (0), `أمس 4 مايو` (-1): the day against publication


def day_ok(year: int | None, month: int, day: int) -> bool:
    return 1 <= day <= (calendar.monthrange(year or 2000, month)[1])


def _absorb(cand: Candidate, prev: Candidate, folded: str) -> None:
    """`cand` (a day) takes in the phrase before it: a weekday, a relative day, the other calendar."""
    if "(" in folded[prev.end : cand.start] and folded.startswith(")", cand.end):
        cand.end += 1
    cand.start = prev.start
    cand.weekday = prev.weekday if prev.weekday is not None else cand.weekday
    if prev.kind == "relative" and prev.relative is not None:
        cand.offset = prev.relative.low


def _joined(prev: Candidate, cand: Candidate, folded: str) -> bool:
    """`prev` and `cand` are one date phrase (`prev` is then absorbed into `cand` or `cand` into `prev`)."""
    if not _MERGE_GAP_RE.fullmatch(folded, prev.end, cand.start):
        return False
    if cand.kind == "calendar" and cand.day is not None:
        if prev.kind == "weekday" or (prev.kind == "calendar" and prev.converted and not cand.converted):
            _absorb(cand, prev, folded)  # `الخميس 5 مايو`, `15 ربيع الأول 1447 هـ - 7 سبتمبر 2025`
            return True
        if prev.kind == "relative" and prev.relative is not None and prev.relative.kind == "day":
            _absorb(cand, prev, folded)  # `اليوم الثلاثاء الموافق 2023/12/19`
            return True
    if prev.kind == "calendar" and prev.day is not None and not prev.converted and cand.converted:
        prev.end = cand.end  # `24 يناير 2024 الموافق 12 رجب 1445 هـ`
        return True
    return False


def select(found: list[Candidate], folded: str) -> list[Candidate]:
    """Drop overlapping candidates (earliest, then longest wins) and join the parts of one date phrase."""
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for cand in found:
        if kept and cand.start < kept[-1].end:
            continue
        if kept:
            prev = kept[-1]
            if _joined(prev, cand, folded):
                if cand.start == prev.start:
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


def covering(low: date, high: date) -> DateValue:
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


def _resolve_relative(relative: Relative, published: date) -> DateValue:
    if relative.kind == "day":
        return DateValue.of(published + timedelta(days=relative.low))
    if relative.kind == "window":
        return covering(published + timedelta(days=relative.low), published + timedelta(days=relative.high))
    if relative.kind == "week":
        week_start = published - timedelta(days=(published.weekday() - 5) % 7) + timedelta(weeks=relative.low)
        return covering(week_start, week_start + timedelta(days=6))
    if relative.kind == "month":
        return DateValue(*_shift_month(published.year, published.month, relative.low))
    if relative.kind == "monthday":
        year, month = _shift_month(published.year, published.month, relative.low)
        return DateValue(year, month, relative.high) if day_ok(year, month, relative.high) else DateValue()
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


def _nearest_weekday(weekday: int, around: date) -> date:
    """The day named `weekday` closest to `around` (at most three days away; ties go back)."""
    ahead = (weekday - around.weekday()) % 7
    return around + timedelta(days=ahead - 7 if ahead > 3 else ahead)


def explicit_day(cand: Candidate) -> date | None:
    """The day a calendar candidate states with its year; a weekday picks the d/m or m/d reading."""
    if cand.kind != "calendar" or cand.year is None or cand.month is None or cand.day is None:
        return None
    day = date(cand.year, cand.month, cand.day)
    if cand.weekday is not None and cand.swapped is not None and day.weekday() != cand.weekday:
        if date(*cand.swapped).weekday() == cand.weekday:
            return date(*cand.swapped)
    return day


def weekday_anchors(cands: list[Candidate]) -> list[tuple[int, date]]:
    """Days the text writes with their weekday (`الأربعاء 21 أكتوبر 2015`): other weekdays are read near them."""
    anchors = []
    for cand in cands:
        day = explicit_day(cand)
        if day is not None and cand.weekday == day.weekday():
            anchors.append((cand.start, day))
    return anchors


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


class Resolver:
    """Turns candidates into mentions in text order, carrying explicit years forward."""

    def __init__(
        self, folded: str, published: date | None, year_hint: int | None, anchors: list[tuple[int, date]]
    ) -> None:
        self.folded = folded
        self.published = published
        self.anchors = anchors
        self.last_year = year_hint
        self.last_year_end = 0 if year_hint is not None else -1
        self.last_month: int | None = None
        self.last_day: date | None = None  # the last day the text gave: `في اليوم التالي` counts from it

    def value(self, cand: Candidate) -> tuple[DateValue, DateSource]:
        value, source = self._value(cand)
        if value.day is not None:
            self.last_day = date(value.year, value.month, value.day)
        return value, source

    def _value(self, cand: Candidate) -> tuple[DateValue, DateSource]:
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
                day = explicit_day(cand)
                if day is not None:
                    return DateValue.of(day), DateSource.EXPLICIT
                return DateValue(cand.year, cand.month, cand.day), DateSource.EXPLICIT
            if cand.month is None:
                return DateValue(), DateSource.UNRESOLVED
            if cand.year_shift is not None:  # `16 تشرين الأول من العام المنصرم`
                if published is None:
                    return DateValue(), DateSource.UNRESOLVED
                year = published.year + cand.year_shift
                day = cand.day if cand.day is not None and day_ok(year, cand.month, cand.day) else None
                return DateValue(year, cand.month, day), DateSource.RELATIVE
            year = self._carried_year(cand)
            if year is None:
                return DateValue(), DateSource.UNRESOLVED
            day = cand.day if cand.day is not None and day_ok(year, cand.month, cand.day) else None
            return DateValue(year, cand.month, day), DateSource.CARRIED_YEAR
        if published is None:
            return self._anchored(cand)
        if cand.kind == "weekday":
            future = cand.direction is None and bool(
                _FUTURE_CONTEXT_RE.search(self.folded, max(0, cand.start - 90), cand.start)
            )
            day = _resolve_weekday(cand.weekday, cand.direction, future, published)
            return DateValue.of(day), DateSource.WEEKDAY
        if cand.weekday is not None and cand.relative.kind == "day":
            # `أمس السبت`: the weekday is what the text states; `أمس` only says which one
            day = _nearest_weekday(cand.weekday, published + timedelta(days=cand.relative.low))
            return DateValue.of(day), DateSource.WEEKDAY
        value = _resolve_relative(cand.relative, published)
        return value, DateSource.RELATIVE if value.year is not None else DateSource.UNRESOLVED

    def _anchored(self, cand: Candidate) -> tuple[DateValue, DateSource]:
        """With no publication date, a weekday is read near the closest day the text writes with its
        weekday (`أمس الثلاثاء ... الأربعاء (21 أكتوبر 2015)`); anything else stays unresolved."""
        if cand.weekday is None or not self.anchors:
            return DateValue(), DateSource.UNRESOLVED
        anchor = min(self.anchors, key=lambda a: abs(a[0] - cand.start))[1]
        if cand.kind != "weekday" and cand.relative.kind == "day":
            # `أمس الثلاثاء`, `اليوم الثلاثاء`: the written day anchors it only when it is that day
            # or the day the text calls today, not a day told of something else (`يوم الأحد 24 مارس`)
            today = (cand.weekday - cand.relative.low) % 7
            if anchor.weekday() not in (cand.weekday, today):
                return DateValue(), DateSource.UNRESOLVED
        if cand.kind == "weekday" and cand.direction is not None:
            return DateValue.of(
                _resolve_weekday(cand.weekday, cand.direction, False, anchor)
            ), DateSource.WEEKDAY
        return DateValue.of(_nearest_weekday(cand.weekday, anchor)), DateSource.WEEKDAY

    def _saw_year(self, cand: Candidate) -> None:
        self.last_year, self.last_year_end, self.last_month = cand.year, cand.end, cand.month

    def _carried_year(self, cand: Candidate) -> int | None:
        same_paragraph = (
            self.last_year is not None and "\n" not in self.folded[self.last_year_end : cand.start]
        )
        if same_paragraph and cand.direction is None:
            return self._nearest_year(self.last_year, cand)
        if self.published is not None:
            return _year_from_publication(cand.month, cand.day, cand.direction, self.published)
        if cand.direction is not None and self.last_day is not None:
            # `الخرطوم 26 ديسمبر 2017 ... خلال يناير القادم`: ahead of or before the day the text told
            return _year_from_publication(cand.month, cand.day, cand.direction, self.last_day)
        return self.last_year

    def _nearest_year(self, year: int, cand: Candidate) -> int:
        """The carried year, or the one next to it when the month wraps past the year's end:
        `20 ديسمبر 2023 ... في 5 يناير` is January 2024 unless that is after publication."""
        if self.last_month is None or cand.month is None:
            return year
        published, step = self.published, cand.month - self.last_month
        day = cand.day if cand.day is not None and day_ok(year, cand.month, cand.day) else 1
        if step <= -6 and (published is None or date(year + 1, cand.month, day) <= published):
            return year + 1
        if step >= 6 and published is not None and date(year, cand.month, day) > published:
            return year - 1
        return year
