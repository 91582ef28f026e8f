"""Page chrome removal and document metadata.

Pure Python. `clean_document` turns a saved page into the article body (every offset the
pipeline produces points into that body) plus its metadata. Arabic folding for comparison
(`normalize`, `name_key`, ...) lives in `analysis.arabic`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.arabic import normalize, strip_bidi
from analysis.arabic.months import EGYPTIAN, LEVANTINE, MAGHREBI
from analysis.extraction.published import PUBLISHED_MARKERS, STAMP_MARKERS, is_date_line, publication_date
from analysis.extraction.results import DocumentMetadata

__all__ = ["CleanedDocument", "clean_document"]

# ---------------------------------------------------------------------------------------------
# Page chrome

# A year glued to the day of the next date (`2 حزيران، 201827 حزيران، 2017`): a page's line break
# lost in the copy, between a teaser's stamp and the article's.
_GLUED_DATES_RE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})([0-3]?[0-9]\s+(?:"
    + "|".join(sorted({m for m in (*LEVANTINE, *EGYPTIAN, *MAGHREBI)}, key=len, reverse=True))
    + "))"
)
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


def _is_breadcrumb(line: str) -> bool:
    """`الرئيسية > لبنان > سياسة`; a sentence quoting `«إرنا»` and `«...»` is not one."""
    return bool(_BREADCRUMB_RE.search(line)) and not _is_paragraph(line) and len(_words(line)) <= 15


def _is_chrome(line: str, folded: str) -> bool:
    stripped = folded.strip(" \t•-–—|")
    if not stripped:
        return True
    if any(stripped.startswith(m) for m in STAMP_MARKERS):
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
        3 <= len(_words(rest[k])) <= 20 and not is_date_line(rest[k]) and is_date_line(rest[k + 1])
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
        if words < 3 or _is_chrome(line, folded[i]) or _byline(line) or is_date_line(line):
            continue
        if any(m in folded[i] for m in PUBLISHED_MARKERS):
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


_AUTHOR_KINDS = frozenset(normalize(k) for k in ("كتب", "بقلم", "ترجمة", "ترجمه", "اعداد", "تحرير"))


@dataclass(slots=True)
class _Walk:
    """What a walk down the page keeps and learns."""

    lines: int  # how many lines the page has: where the article ends unless teasers or comments come first
    kept: list[str] = field(default_factory=list)
    bylines: list[tuple[str, str]] = field(default_factory=list)
    title: str | None = None
    title_index: int = -1
    author: str | None = None
    agency: str | None = None
    removed: int = 0
    body_chars: int = 0
    article_end: int = 0

    def byline(self, kind: str, value: str) -> None:
        self.bylines.append((kind, value))
        if kind in _AUTHOR_KINDS and self.author is None:
            self.author = value
        elif kind == normalize("عن") and self.agency is None:
            self.agency = value
        self.removed += 1


def _is_teaser_start(lines: list[str], i: int, walk: _Walk) -> bool:
    """A list of other articles after the body ends the article."""
    return walk.body_chars > 0 and not _is_paragraph(lines[i].strip()) and _teaser_run(lines, i)


def _is_tail(marker: str, walk: _Walk, no_article: bool) -> bool:
    """Related articles, comments, share links end the article; on a page with no paragraph, nothing
    follows them."""
    return (walk.body_chars > 0 or no_article) and (
        any(marker.startswith(m) for m in _TAIL_MARKERS) or marker.strip(" :") in _TAIL_LINES
    )


def _walk(lines: list[str], folded_lines: list[str], first_paragraph: int) -> _Walk:
    """Keep the headline and the body's lines, drop chrome, bylines, stamps and repeated lines."""
    title_choice = _title_index(lines, folded_lines, first_paragraph)
    title_key = folded_lines[title_choice].strip() if title_choice >= 0 else None
    walk = _Walk(lines=len(lines), article_end=len(lines))
    seen: set[str] = set()
    for i, (line, folded) in enumerate(zip(lines, folded_lines, strict=True)):
        stripped = line.strip()
        if not stripped:
            continue
        marker = folded.strip(" \t•-–—|:")
        read_also = any(marker.startswith(m) for m in _READ_ALSO) and len(_words(marker)) > 3
        if _is_teaser_start(lines, i, walk) or (
            not read_also and _is_tail(marker, walk, first_paragraph == len(lines))
        ):
            walk.removed += len([x for x in lines[i:] if x.strip()])
            walk.article_end = i
            break
        if read_also:
            walk.removed += 1
            continue
        if (by := _byline(stripped)) is not None:
            walk.byline(*by)
            continue
        if (
            _is_chrome(stripped, folded)
            or any(m in folded for m in PUBLISHED_MARKERS)
            and i < first_paragraph
        ):
            walk.removed += 1
            continue
        if i < first_paragraph:
            if is_date_line(stripped):
                walk.removed += 1
                continue
            if i == title_choice:
                walk.title, walk.title_index = stripped, i
            elif len(_words(stripped)) < 8 or i < title_choice or folded.strip() == title_key:
                walk.removed += 1  # site names, section labels, the headline's other copies
                continue
        if folded.strip() in seen:
            walk.removed += 1
            continue
        seen.add(folded.strip())
        walk.kept.append(stripped)
        if i >= first_paragraph:
            walk.body_chars += len(stripped)
    return walk


def clean_document(raw: str) -> CleanedDocument:
    """Keep the article (title and body), drop the page around it, read the metadata."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = strip_bidi(_CONTROL_RE.sub(" ", raw))  # bidi controls go before anything reads the text
    raw = _GLUED_DATES_RE.sub(r"\1\n\2", raw)
    lines = [line.rstrip() for line in raw.split("\n")]
    folded_lines = [normalize(line) for line in lines]

    # A line that ends in an ellipsis is a truncated teaser, not the article's first paragraph.
    first_paragraph = next(
        (i for i, line in enumerate(lines) if _is_paragraph(line) and not line.endswith(("...", "…"))),
        len(lines),
    )
    walk = _walk(lines, folded_lines, first_paragraph)
    article = lines[: walk.article_end]
    body_end = max((i + 1 for i, line in enumerate(article) if _is_paragraph(line)), default=0)
    published = publication_date(
        article, first_paragraph=first_paragraph, title_index=walk.title_index, body_end=body_end
    )
    metadata = DocumentMetadata(
        title=walk.title,
        outlet=_outlet_from(lines, walk.bylines),
        author=walk.author,
        published=published,
    )
    return CleanedDocument(
        text="\n".join(walk.kept), metadata=metadata, source_agency=walk.agency, removed_lines=walk.removed
    )
