"""Page chrome removal and document metadata.

Pure Python. `clean_document` turns a saved page into the article body (every offset the
pipeline produces points into that body) plus its metadata. Arabic folding for comparison
(`normalize`, `name_key`, ...) lives in `analysis.arabic`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from analysis.arabic import Precision, normalize, strip_bidi
from analysis.extraction.dates import find_dates
from analysis.extraction.results import DateSource, DocumentMetadata

__all__ = [
    "CleanedDocument",
    "clean_document",
]

# ---------------------------------------------------------------------------------------------
# Page chrome

_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufff0-\uffff]")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_WORD_RE = re.compile(r"[\w\u0600-\u06ff]+")
_BULLET_RE = re.compile(r"^\s*(?:[•●▪►◄■□◦‣∙·*]|-\s|–\s|\d{1,2}[.)]\s)")
_BREADCRUMB_RE = re.compile(r"\S\s*[>»›]\s*\S.*[>»›]")
_NAV_BAR_RE = re.compile(r"^[^|]{1,30}(?:\|[^|]{1,30}){2,}$")  # `آخر الأخبار | أمني | سياسي`
# `الرئيسية / أمنية / <headline>`: short section names joined by a spaced separator.
_HOME = normalize("الرئيسية")
_CRUMB_TRAIL_RE = re.compile(r"^(?:[^/|›>»]{1,30}\s[/|›>»]\s){2,}[^/|›>»]+$")
_DATE_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")

_TAIL_MARKERS = tuple(
    normalize(m)
    for m in (
        "الأكثر متابعة",
        "الأكثر قراءة",
        "الأكثر مشاهدة",
        "الأكثر تداولا",
        "الأكثر تداولاً",
        "مقالات ذات صلة",
        "أخبار ذات صلة",
        "مواضيع ذات صلة",
        "اخبار ذات صلة",
        "مواد ذات صلة",
        "اقرأ أيضا",
        "اقرأ أيضاً",
        "إقرأ أيضا",
        "اقرأ المزيد",
        "انضم الى المحادثة",
        "انضم إلى المحادثة",
        "جميع التعليقات",
        "اضافة تعليق",
        "أضف تعليق",
        "التعليقات",
        "اترك تعليقا",
        "اترك تعليقاً",
        "طباعة الخبر",
        "ارسال الخبر",
        "إرسال الخبر",
        "شارك الخبر",
        "شارك المقال",
        "شارك هذا",
        "تابعونا",
        "تابعنا على",
        "الأقسام",
        "روابط مهمة",
        "روابط سريعة",
        "جميع الحقوق محفوظة",
        "كلمات مفتاحية",
        "الوسوم",
        "ملاحق",
    )
)
# Headings of teaser and reference blocks that are common words: a tail marker only as a whole line.
_TAIL_LINES = frozenset(
    normalize(m)
    for m in (
        "المزيد",
        "مراجع",
        "المراجع",
        "المصادر",
        "نبذة عن الكاتب",
        "عن الكاتب",
        "انتهى",
        "الكلمات المفتاحية",
        "الكلمات الدالة",
        "اقرأ أيضا",
        "اقرأ أيضاً",
        "اقرأ أيضًا",
    )
)
# A teaser line inside the body: `اقرأ أيضًا: <headline>` (only that line goes).
_READ_ALSO = tuple(normalize(m) for m in ("اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ كذلك", "شاهد أيضا"))
_CHROME_LINES = tuple(
    normalize(m) for m in ("اعلان ممول", "إعلان ممول", "اعلان", "إعلان", "الرئيسية", "القائمة", "بحث", "الكل")
)
_STAMP_MARKERS = tuple(normalize(m) for m in ("التحديث الاخير", "آخر تحديث", "اخر تحديث", "تم التحديث"))
_PUBLISHED_MARKERS = tuple(normalize(m) for m in ("نشر في", "نشر بتاريخ", "تاريخ النشر", "نُشر"))

_BYLINE_RE = re.compile(
    r"^\s*(?P<kind>كتب|بقلم|ترجمة|ترجمه|اعداد|إعداد|تحرير|المصدر|عن)\s*[:/\-–]\s*(?P<value>.+?)\s*$"
)
_BYLINE_BARE_RE = re.compile(r"^\s*(?P<kind>بقلم)\s+(?P<value>.+?)\s*$")
_OUTLET_PREFIX_RE = re.compile(r"^(?:جريدة|صحيفة|موقع|وكالة|مجلة|قناة)\s+")
_GENERIC_LATIN = {"edition", "top", "menu", "home", "search", "login", "share", "more", "anonymous", "rss"}


@dataclass(slots=True)
class CleanedDocument:
    text: str
    metadata: DocumentMetadata
    source_agency: str | None = None
    removed_lines: int = 0
    notes: list[str] = field(default_factory=list)


def _words(line: str) -> list[str]:
    return _WORD_RE.findall(line)


def _is_latin_only(line: str) -> bool:
    return bool(_LATIN_RE.search(line)) and not _ARABIC_LETTER_RE.search(line)


def _is_paragraph(line: str) -> bool:
    words = _words(line)
    return len(words) >= 25 or (len(words) >= 8 and bool(re.search(r"[.!][\"”»)’']*\s*$", line)))


# Words of a dateline that are neither the place nor the agency: Hijri months, `هـ`, `الموافق`, `م`.
_DATELINE_FILLER = frozenset(
    normalize(w)
    for w in "محرم صفر ربيع الأول الآخر الثاني جمادى الأولى الآخرة رجب شعبان رمضان شوال ذو ذي القعدة الحجة"
    " هـ ه الموافق م".split()
)

# A day told after these is the event's (`في 12 يناير استقبل`), not a dateline's.
_NOT_A_PLACE = frozenset(
    normalize(w) for w in "في وفي يوم ويوم منذ خلال حتى إلى قبل بعد صباح مساء أمس اليوم وقال قال".split()
)


def _dateline(line: str) -> tuple[date, int] | None:
    """`الرياض 12 رجب 1445 هـ الموافق 24 يناير 2024 م واس`: a place (up to three words), the day
    (a Hijri date may come first), then the item. Returns the day and where it ends in `line`."""
    head = line[:200]
    for mention in find_dates(head):
        if mention.precision != Precision.DAY:
            continue
        if mention.source != DateSource.EXPLICIT or mention.value.start is None:
            return None
        before = [
            w
            for w in _words(normalize(head[: mention.start]))
            if not w.isdigit() and w not in _DATELINE_FILLER
        ]
        if before and before[-1] == "في":  # `أبوظبي في 14 مايو / وام /`
            before.pop()
        placed = 1 <= len(before) <= 3 and not any(w in _NOT_A_PLACE or w.startswith("و") for w in before)
        return (mention.value.start, mention.end) if placed else None
    return None


# After a dateline's day: the agency in slashes or brackets, or a dash, then the item.
_DATELINE_END_RE = re.compile(r"\s*(?:م\s+)?(?:[-–—/:(]|[«\"]?[\w\u0600-\u06ff]{2,8}[»\"]?\s*[-–—/:)])")


@lru_cache(maxsize=4096)
def _is_date_line(line: str) -> bool:
    """A line that is nothing but a date (and maybe a time or a bullet).

    Cached: the headline search, the body walk and the teaser check ask about the same lines."""
    rest = line
    for m in reversed(find_dates(line)):
        rest = rest[: m.start] + rest[m.end :]
    rest = _DATE_TIME_RE.sub(" ", rest)
    words = re.findall(r"[\u0621-\u064aA-Za-z]{2,}", re.sub(r"\b(?:م|ص|pm|am)\b", " ", rest))
    if len(words) <= 1 and rest != line:
        return True  # a date, maybe with the dateline's place
    dateline = _dateline(line)  # a place, a Hijri and a Gregorian day, an agency tag, nothing more
    return dateline is not None and len(_words(line[dateline[1] :])) <= 2


def _is_breadcrumb(line: str) -> bool:
    """`الرئيسية > لبنان > سياسة`; a sentence quoting `«إرنا»` and `«...»` is not one."""
    return bool(_BREADCRUMB_RE.search(line)) and not _is_paragraph(line) and len(_words(line)) <= 15


def _is_chrome(line: str, folded: str) -> bool:
    stripped = folded.strip(" \t•-–—|")
    if not stripped:
        return True
    if any(stripped.startswith(m) for m in _STAMP_MARKERS):
        return True
    if stripped in _CHROME_LINES:
        return True
    if _is_latin_only(line):
        return True
    if _is_breadcrumb(line) or _NAV_BAR_RE.match(line.strip()) or _CRUMB_TRAIL_RE.match(line.strip()):
        return True
    if stripped.startswith(_HOME) and not _is_paragraph(line):
        return True  # `الرئيسية   مصر   عربي وعالم`: a menu that starts at the home link
    cells = re.split(r"\s{2,}|\t", line.strip())
    if len(cells) >= 4 and all(len(_words(c)) <= 3 for c in cells):
        return True
    if _BULLET_RE.match(line) and len(_words(line)) <= 8 and not _is_paragraph(line):
        return True
    if re.fullmatch(r"[\d\s]+\s*(?:حرف|حرفا|حروف)\s*متبقي\w*", stripped):
        return True
    return False


def _teaser_run(lines: list[str], i: int) -> bool:
    """Lines from `i` are a list of other articles: two headlines, each followed by its date."""
    rest = [line.strip() for line in lines[i : i + 12] if line.strip()][:4]
    if len(rest) < 4:
        return False
    return all(
        3 <= len(_words(rest[k])) <= 20 and not _is_date_line(rest[k]) and _is_date_line(rest[k + 1])
        for k in (0, 2)
    )


def _title_index(lines: list[str], folded: list[str], first_paragraph: int) -> int:
    """The headline: the longest plain line (3+ words) before the first paragraph.

    Chrome, bylines, date lines and lines repeated far apart on the page (a site name in
    the header and the footer) are skipped.
    """
    where: dict[str, list[int]] = {}
    for i, f in enumerate(folded):
        if f.strip():
            where.setdefault(f.strip(), []).append(i)
    best, best_words = -1, 0
    for i in range(min(first_paragraph, len(lines))):
        line = lines[i].strip()
        words = len(_words(line))
        if words < 3 or _is_chrome(line, folded[i]) or _byline(line) or _is_date_line(line):
            continue
        if any(m in folded[i] for m in _PUBLISHED_MARKERS):
            continue
        if any(k > first_paragraph for k in where[folded[i].strip()]):
            continue
        if words > best_words:
            best, best_words = i, words
    return best


def _byline(line: str) -> tuple[str, str] | None:
    if len(_words(line)) > 10:
        return None
    m = _BYLINE_RE.match(line) or _BYLINE_BARE_RE.match(line)
    if not m:
        return None
    value = m.group("value").strip(" .،:/")
    if not value:
        return None
    return normalize(m.group("kind")), value


_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}:\d{2}")  # a site clock shows seconds; an article stamp does not
_DATED_MARKERS = (*_PUBLISHED_MARKERS, normalize("الموافق"), normalize("بتاريخ"))
_JALALI_MONTHS = {
    normalize(m): i + 1
    for i, m in enumerate("فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split())
}
_JALALI_RE = re.compile(
    r"(?<![0-9])([0-3]?[0-9])\s+(" + "|".join(_JALALI_MONTHS) + r")\s+(1[34][0-9]{2})(?![0-9])"
)


def _jalali_to_gregorian(jy: int, jm: int, jd: int) -> date | None:
    """The Gregorian day of a Solar Hijri date (the arithmetic Iranian outlets' stamps need)."""
    try:
        jy += 1595
        days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
        days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
        gy = 400 * (days // 146097)
        days %= 146097
        if days > 36524:
            days -= 1
            gy += 100 * (days // 36524)
            days %= 36524
            if days >= 365:
                days += 1
        gy += 4 * (days // 1461)
        days %= 1461
        if days > 365:
            gy += (days - 1) // 365
            days = (days - 1) % 365
        leap = gy % 4 == 0 and gy % 100 != 0 or gy % 400 == 0
        month_days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        gm = 0
        while gm < 12 and days >= month_days[gm]:
            days -= month_days[gm]
            gm += 1
        return date(gy, gm + 1, days + 1)
    except (ValueError, IndexError):
        return None


def _published_from(lines: list[str]) -> date | None:
    """The first explicit day on the page's stamp lines: a labelled one (`نشر في`, `الموافق`)
    first, then plain date lines, a site clock (with seconds) last."""
    ranked = sorted(
        lines,
        key=lambda line: (
            0 if any(m in normalize(line) for m in _DATED_MARKERS) else 2 if _CLOCK_RE.search(line) else 1
        ),
    )
    for line in ranked:
        found = _published_in(line)
        if found is not None:
            return found
    return None


def _published_in(line: str) -> date | None:
    folded = normalize(line)
    if any(m in folded for m in _STAMP_MARKERS):
        return None
    jalali = _JALALI_RE.search(folded)
    if jalali:
        day, month, year = int(jalali.group(1)), _JALALI_MONTHS[jalali.group(2)], int(jalali.group(3))
        return _jalali_to_gregorian(year, month, day)
    for mention in find_dates(line):
        if (
            mention.precision == Precision.DAY
            and mention.source == DateSource.EXPLICIT
            and mention.value.start is not None
        ):
            return mention.value.start
    return None


def _outlet_from(lines: list[str], bylines: list[tuple[str, str]]) -> str | None:
    for line in lines:
        if _is_breadcrumb(line):
            first = re.split(r"\s*[>»›]\s*", line.strip())[0].strip()
            if first and _ARABIC_LETTER_RE.search(first) and not normalize(first).startswith(_HOME):
                return _OUTLET_PREFIX_RE.sub("", first).strip() or None
    counts: dict[str, int] = {}
    for line in lines:
        s = line.strip()
        if _is_latin_only(s) and 1 <= len(s.split()) <= 3 and s.lower() not in _GENERIC_LATIN:
            counts[s] = counts.get(s, 0) + 1
    repeated = [s for s, n in counts.items() if n >= 2]
    if repeated:
        return repeated[0]
    for kind, value in bylines:
        if kind == normalize("المصدر"):
            return _OUTLET_PREFIX_RE.sub("", value).strip(" \"“”«»'") or None
    for line in reversed(lines):
        if _RIGHTS_RE.search(line):
            return _outlet_in_rights(line)
    return None


_RIGHTS_RE = re.compile(r"(?:جميع\s+)?حقوق(?:\s+النشر)?\s+محفوظة|جميع\s+الحقوق\s+محفوظة")
_OWNER_PREFIX_RE = re.compile(r"^ل(?:ـ)?(?:صحيفة|جريدة|موقع|وكالة|مؤسسة|مجلة|قناة|شبكة)\s+")


def _outlet_in_rights(line: str) -> str | None:
    """`© جميع الحقوق محفوظة لصحيفة عكاظ 2024` -> `عكاظ`; `الخبر © 2024 - جميع الحقوق محفوظة` -> `الخبر`."""
    rest = _RIGHTS_RE.sub("|", line)
    rest = re.sub(r"[©\"“”«»]|(?<![0-9])(?:19|20)[0-9]{2}(?:\s*-\s*(?:19|20)[0-9]{2})?", " ", rest)
    for part in re.split(r"[|.]|\s[\-–—]\s|^[\-–—]|[\-–—]$", rest.strip()):
        part = _OWNER_PREFIX_RE.sub("", part.strip()).strip(" ،,:-–—")
        if part and 1 <= len(part.split()) <= 5 and re.search(r"[^\W\d_]", part):
            return part
    return None


def clean_document(raw: str) -> CleanedDocument:
    """Keep the article (title and body), drop the page around it, read the metadata."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = strip_bidi(_CONTROL_RE.sub(" ", raw))  # bidi controls go before anything reads the text
    lines = [line.rstrip() for line in raw.split("\n")]
    folded_lines = [normalize(line) for line in lines]

    # A line that ends in an ellipsis is a truncated teaser, not the article's first paragraph.
    first_paragraph = next(
        (i for i, line in enumerate(lines) if _is_paragraph(line) and not line.endswith(("...", "…"))),
        len(lines),
    )
    title_choice = _title_index(lines, folded_lines, first_paragraph)
    title_key = folded_lines[title_choice].strip() if title_choice >= 0 else None
    bylines: list[tuple[str, str]] = []
    title: str | None = None
    title_index = -1
    author: str | None = None
    agency: str | None = None
    kept: list[str] = []
    seen: set[str] = set()
    removed = 0
    body_chars = 0

    for i, (line, folded) in enumerate(zip(lines, folded_lines, strict=True)):
        stripped = line.strip()
        if not stripped:
            continue
        marker = folded.strip(" \t•-–—|:")
        # Teaser blocks and comments end the article; on a page with no paragraph, nothing follows them.
        no_article = first_paragraph == len(lines)
        if body_chars > 0 and not _is_paragraph(stripped) and _teaser_run(lines, i):
            removed += len([x for x in lines[i:] if x.strip()])
            break
        if any(marker.startswith(m) for m in _READ_ALSO) and len(_words(marker)) > 3:
            removed += 1
            continue
        if (body_chars > 0 or no_article) and (
            any(marker.startswith(m) for m in _TAIL_MARKERS) or marker.strip(" :") in _TAIL_LINES
        ):
            removed += len([x for x in lines[i:] if x.strip()])
            break
        by = _byline(stripped)
        if by is not None:
            bylines.append(by)
            kind, value = by
            if (
                kind
                in (
                    normalize("كتب"),
                    normalize("بقلم"),
                    normalize("ترجمة"),
                    normalize("ترجمه"),
                    normalize("اعداد"),
                    normalize("تحرير"),
                )
                and author is None
            ):
                author = value
            elif kind == normalize("عن") and agency is None:
                agency = value
            removed += 1
            continue
        if (
            _is_chrome(stripped, folded)
            or any(m in folded for m in _PUBLISHED_MARKERS)
            and i < first_paragraph
        ):
            removed += 1
            continue
        if i < first_paragraph:
            if _is_date_line(stripped):
                removed += 1
                continue
            if i == title_choice:
                title, title_index = stripped, i
            elif len(_words(stripped)) < 8 or i < title_choice or folded.strip() == title_key:
                removed += 1  # site names, section labels, the headline's other copies
                continue
        key = folded.strip()
        if key in seen:
            removed += 1
            continue
        seen.add(key)
        kept.append(stripped)
        if i >= first_paragraph:
            body_chars += len(stripped)

    head_end = max(first_paragraph, title_index + 1)
    published = _published_from(
        [
            line
            for line, folded in zip(lines[:head_end], folded_lines[:head_end], strict=True)
            if _is_date_line(line.strip()) or any(m in folded for m in _PUBLISHED_MARKERS)
        ]
        + [
            line  # `الثلاثاء 25 رجب 1445هـ الموافق 06 فبراير 2024` under the article
            for line, folded in zip(lines[head_end:], folded_lines[head_end:], strict=True)
            if any(m in folded for m in _DATED_MARKERS) and len(_words(line)) <= 14
        ]
    )
    if published is None and first_paragraph < len(lines):
        # `الرياض 12 رجب 1445 هـ الموافق 24 يناير 2024 م (واس) - استقبل ...`: an agency item's dateline
        lead = lines[first_paragraph].strip()
        dateline = _dateline(lead)
        if dateline and _DATELINE_END_RE.match(lead, dateline[1]):
            published = dateline[0]
    metadata = DocumentMetadata(
        title=title,
        outlet=_outlet_from(lines, bylines),
        author=author,
        published=published,
    )
    return CleanedDocument(
        text="\n".join(kept), metadata=metadata, source_agency=agency, removed_lines=removed
    )
