"""The day an article gives for itself: its stamp, its dateline, its lead, its footer.

Pure Python, on the page's lines. A page carries several dates: the site's current-date line at the
top, the article's stamp under the headline (`نشر في: ...`, often beside an update stamp), an agency
dateline opening the first paragraph (`الرياض 12 رجب 1445 هـ الموافق 24 يناير 2024 م واس`), a lead
that says which day "today" is (`اليوم الثلاثاء الموافق 2023/12/19`), a stamp under the article
(`28.01.2025 16:25`), and the dates of teasers for other articles. `publication_date` takes them in
that order of trust; an update stamp is used only when the page gives nothing else.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from analysis.arabic import Precision
from analysis.extraction.dates import find_dates, fold, stated_publication
from analysis.extraction.lexical import reading
from analysis.extraction.results import DateSource

__all__ = ["PUBLISHED_MARKERS", "STAMP_MARKERS", "dateline", "is_date_line", "publication_date"]

# Letters and digits with their harakat and tatweel; not the Arabic comma, semicolon or question mark
# (`،`, `؛`, `؟`), which sit in the same Unicode block and are no words.
_WORD_RE = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")


def _words(line: str) -> list[str]:
    return _WORD_RE.findall(line)


def _markers(*phrases: str) -> tuple[str, ...]:
    return tuple(fold(p) for p in phrases)


# Folded like `clean.normalize` folds a line (one alef, ه for ة, no diacritics, lower case).
STAMP_MARKERS = _markers("التحديث الاخير", "آخر تحديث", "اخر تحديث", "تم التحديث", "last update", "updated")
PUBLISHED_MARKERS = _markers(
    "نشر في",
    "نشر بتاريخ",
    "تاريخ النشر",
    "نُشر",
    "تاريخ الإضافة",
    "تاريخ الخبر",
    "أضيف في",
    "أضيف بتاريخ",
    "published",
)
_DATED_MARKERS = (*PUBLISHED_MARKERS, *_markers("الموافق", "بتاريخ"))
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}:\d{2}")  # a site clock shows seconds; an article stamp does not
_DATE_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")
_CELL_RE = re.compile(r"\s*\|\s*")
# The time of day beside a stamp's date: `م`/`ص`, `pm`/`am`, and the words (`الساعة ٩:٤٠ مساءً`).
_MERIDIEM_RE = re.compile(r"(?<!\w)(?:م|ص|pm|am|الساعة|مساء|مساءً|صباحا|صباحاً|ظهرا|ظهراً)(?!\w)")
_REST_WORD_RE = re.compile(r"[\u0621-\u064aA-Za-z]{2,}")

# Words of a dateline that are neither the place nor the agency: Hijri months, `هـ`, `الموافق`, `م`.
_DATELINE_FILLER = frozenset(
    _markers(
        *"محرم صفر ربيع الأول الآخر الثاني جمادى الأولى الآخرة رجب شعبان رمضان شوال ذو ذي القعدة الحجة"
        " هـ ه الموافق م".split()
    )
)
# A day told after these is the event's (`في 12 يناير استقبل`), not a dateline's.
_NOT_A_PLACE = frozenset(
    _markers(*"في وفي يوم ويوم منذ خلال حتى إلى قبل بعد صباح مساء أمس اليوم وقال قال".split())
)
# After a dateline's day (and maybe a comma): the agency (one or two words) in slashes or brackets,
# or a dash, then the item (`بغداد، 26 فبراير 2014، أخبار الآن – ...`).
_DATELINE_END_RE = re.compile(
    r"\s*(?:م\s+)?[,،]?\s*(?:[-–—/:(]|[«\"]?\w{2,8}(?:\s\w{2,8})?[»\"]?\s*[-–—/:)])"
)


def _explicit_days(line: str):
    for mention in find_dates(line):
        if mention.precision == Precision.DAY and mention.source == DateSource.EXPLICIT:
            yield mention


def dateline(line: str) -> tuple[date, int] | None:
    """`الرياض 12 رجب 1445 هـ الموافق 24 يناير 2024 م واس`: a place (up to three words), the day
    (a Hijri date may come first), then the item. Returns the day and where it ends in `line`."""
    head = line[:200]
    for mention in find_dates(head):
        if mention.precision != Precision.DAY:
            continue
        if mention.source != DateSource.EXPLICIT or mention.value.start is None:
            return None
        before = [
            w for w in _words(fold(head[: mention.start])) if not w.isdigit() and w not in _DATELINE_FILLER
        ]
        if before and before[-1] == "في":  # `أبوظبي في 14 مايو / وام /`
            before.pop()
        placed = 1 <= len(before) <= 3 and not any(w in _NOT_A_PLACE or w.startswith("و") for w in before)
        return (mention.value.start, mention.end) if placed else None
    return None


def _only_a_date(line: str) -> bool:
    """A date, maybe with a clock, a bullet and one more word (the dateline's place, `date`)."""
    rest = line
    for m in reversed(find_dates(line)):
        rest = rest[: m.start] + rest[m.end :]
    words = _REST_WORD_RE.findall(_MERIDIEM_RE.sub(" ", _DATE_TIME_RE.sub(" ", rest)))
    return len(words) <= 1 and rest != line


# A clock right after a day (`يوليو 24, 2014, 09:08:25`, `27 كانون الأول , 2020 07:14`): a stamp.
_CLOCK_AFTER_RE = re.compile(r"\s*[,،-]?\s*(?:الساعة\s*)?\d{1,2}:\d{2}(?!\d)")


def _clocked_stamp(line: str) -> bool:
    """A short line whose day is followed by the time of day: a post's or an article's stamp, with
    maybe its poster or its time zone around it (`بدء بواسطة ...، يوليو 24, 2014, 09:08:25 مساءً`,
    `الأحد 27 كانون الأول , 2020 07:14 توقيت بيروت`). A headline gives no clock."""
    if len(_REST_WORD_RE.findall(line)) > 10:
        return False
    return any(_CLOCK_AFTER_RE.match(line, m.end) for m in _explicit_days(line))


@lru_cache(maxsize=4096)
def is_date_line(line: str) -> bool:
    """A line that is nothing but a date (and maybe a time, a bullet, or short cells beside it:
    `الخميس 05-12-2013 21:50 | كتب: الأناضول |`).

    Cached: the headline search, the body walk and the teaser check ask about the same lines."""
    if _only_a_date(line):
        return True
    if _clocked_stamp(line):
        return True
    found = dateline(line)  # a place, a Hijri and a Gregorian day, an agency tag, nothing more
    if found is not None and len(_words(line[found[1] :])) <= 2:
        return True
    cells = [cell for cell in _CELL_RE.split(line.strip()) if cell]
    return (
        len(cells) >= 2
        and sum(_only_a_date(cell) for cell in cells) == 1
        and all(_only_a_date(cell) or len(_words(cell)) <= 4 for cell in cells)
    )


def _stamped(line: str) -> date | None:
    """The first explicit day of a stamp line that no update label precedes
    (`نشر في: الأحد 17 سبتمبر 2017 | آخر تحديث: ...`)."""
    for mention in _explicit_days(line):
        if not any(m in fold(line[: mention.start]) for m in STAMP_MARKERS):
            return mention.value.start
    return None


def _updated(line: str) -> date | None:
    """The day of an update stamp (`آخر تحديث 2020-12-17 00:00:00`)."""
    folded = fold(line).strip(" \t•-–—|:")
    if not folded.startswith(STAMP_MARKERS):
        return None
    return next((m.value.start for m in _explicit_days(line)), None)


def _head_lines(lines: list[str], first_paragraph: int, title_index: int) -> tuple[list[str], list[str]]:
    """The stamp lines between the headline and the body, and those above the headline (where a
    site prints today's date), each nearest the body first. With no headline found, all are the first."""
    head_end = min(max(first_paragraph, title_index + 1), len(lines))
    stamps = [i for i in range(head_end) if is_date_line(lines[i].strip()) or _labelled(lines[i])]
    below = [lines[i] for i in reversed(stamps) if i > title_index]
    return below, [lines[i] for i in reversed(stamps) if i < title_index]


def _under_lead(lines: list[str], first_paragraph: int) -> list[str]:
    """Date lines just below the first paragraph (a standfirst, then the stamp)."""
    after = [line.strip() for line in lines[first_paragraph + 1 :] if line.strip()][:2]
    return [line for line in after if is_date_line(line)]


def _labelled(line: str) -> bool:
    return any(m in fold(line) for m in PUBLISHED_MARKERS)


def _rank(line: str) -> int:
    """0 for a labelled stamp (`نشر في`, `الموافق`), 1 for a plain date line, 2 for a site clock
    (it shows seconds; an article's stamp does not)."""
    return 0 if any(m in fold(line) for m in _DATED_MARKERS) else 2 if _CLOCK_RE.search(line) else 1


def _first_stamped(lines: list[str]) -> date | None:
    return next((day for line in lines if (day := _stamped(line)) is not None), None)


def _footer(lines: list[str], body_end: int) -> list[str]:
    """Stamp lines under the article, among the first three after the body: a date line
    (`سيريانيوز` / `28.01.2025 16:25`) or a short labelled line (`... الموافق 06 فبراير 2024`)."""
    tail = [line.strip() for line in lines[body_end:] if line.strip()][:3]
    return [
        line
        for line in tail
        if is_date_line(line) or (any(m in fold(line) for m in _DATED_MARKERS) and len(_words(line)) <= 14)
    ]


def _lead_dateline(lines: list[str], first_paragraph: int) -> date | None:
    """`الرياض 12 رجب 1445 هـ الموافق 24 يناير 2024 م (واس) - استقبل ...`: an agency item's dateline."""
    if first_paragraph >= len(lines):
        return None
    lead = lines[first_paragraph].strip()
    found = dateline(lead)
    if found and (_DATELINE_END_RE.match(lead, found[1]) or _verb_follows(lead, found[1])):
        return found[0]
    return None


def _verb_follows(line: str, at: int) -> bool:
    """`الخرطوم 26 ديسمبر 2017 كشف رئيس البرلمان ...`: the item's verb right after the day."""
    words = _words(line[at : at + 40])
    return bool(words) and not words[0].startswith("ال") and "V" in reading(words[0])


def publication_date(
    lines: list[str], *, first_paragraph: int, title_index: int, body_end: int
) -> date | None:
    """The article's own date, in this order: a labelled stamp above or under it, a plain date line
    between its headline and its body (nearest the body first), its dateline, the day its lead calls
    today, a plain date line above the headline (a site prints today's date there), a date line under
    its first paragraph or under the article, a site clock, and last an update stamp between the
    headline and the body or under the article (one above the headline is the site's). None when
    the page gives no date.

    `lines` end where the article does (before teasers and comments); the body is
    `lines[first_paragraph:body_end]`."""
    below, above = _head_lines(lines, first_paragraph, title_index)
    footer = _footer(lines, body_end)
    found = _first_stamped([line for line in (*below, *above, *footer) if _rank(line) == 0])
    found = found or _first_stamped([line for line in below if _rank(line) == 1])
    found = found or _lead_dateline(lines, first_paragraph)
    if found is None:
        body = "\n".join(line for line in lines[first_paragraph:body_end] if line.strip())
        found = stated_publication(body[:3000])
    found = found or _first_stamped([line for line in above if _rank(line) == 1])
    found = found or _first_stamped([*_under_lead(lines, first_paragraph), *footer, *below, *above])
    if found is None and title_index >= 0:
        stamps = [*lines[title_index + 1 : first_paragraph], *lines[body_end : body_end + 3]]
        found = next((day for line in stamps if (day := _updated(line)) is not None), None)
    return found
