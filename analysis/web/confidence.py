"""How the dashboard states an engagement's confidence (issue 18): a percentage on its card and in its
detail pane, with one Arabic line that says what it rests on (the independent sources and the
extractor's cues, `Evidence.cues`). An engagement with no computed confidence states none.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis.models import Engagement, Evidence
from analysis.web.formats import arabic_count

CUE_LABELS = {
    "found:rule": "وجدته قاعدة من قواعد المستخرِج",
    "found:pair": "اقترحه النموذج المتعلِّم من طرفين في جملة واحدة",
    "found:visit": "اقترحه النموذج المتعلِّم من فاعل ومكان في جملة واحدة",
    "trigger:verb": "بفعل دالّ على الحدث",
    "trigger:noun": "باسم دالّ على الحدث",
    "trigger:none": "دون كلمة دالّة على الحدث",
    "title_only": "أحد الأطراف مذكور بمنصبه فقط",
    "mentioned_again": "الأطراف مذكورون أكثر من مرة في الوثيقة",
    "marker:hedge": "في الجملة ما يفيد الشك",
    "marker:negation": "في الجملة نفي",
    "marker:planned_marker": "في الجملة ما يفيد التخطيط",
}


def percent(confidence: float) -> str:
    return f"{round(confidence * 100)}٪"


def card_badge_html(confidence: float | None) -> str:
    """The card's confidence badge, or nothing when none was computed."""
    if confidence is None:
        return ""
    return f'<span class="badge confidence" title="ثقة معايَرة على مدوَّنة مُراجَعة">الثقة {percent(confidence)}</span>'


def _cue_phrase(code: str) -> str | None:
    if code.startswith("named:"):
        named, _, total = code.removeprefix("named:").partition("/")
        if named == total:
            return "الأطراف مسمَّون في الجملة"
        return "بعض الأطراف من جملة سابقة"
    return CUE_LABELS.get(code)


def cues_sentence(codes: Iterable[str]) -> str:
    return "، ".join(phrase for code in codes if code and (phrase := _cue_phrase(code)))


def sources_phrase(outlets: list[str]) -> str:
    count = arabic_count(len(outlets), "مصدر واحد", "مصدرين مستقلين", "مصادر مستقلة", "مصدرًا مستقلًا")
    return f"من {count} ({'، '.join(outlets)})" if outlets else ""


def confidence_note(engagement: Engagement, evidence: Iterable[Evidence]) -> str:
    """One line: the stated confidence, its independent sources and the cues of its best sentence
    (`evidence` with their documents)."""
    if engagement.confidence is None:
        return ""
    rows = [row for row in evidence if row.confidence is not None]
    outlets = list(dict.fromkeys(row.document.outlet.strip() or "مصدر غير مسمّى" for row in rows))
    best = max(rows, key=lambda row: row.confidence, default=None)
    parts = [percent(engagement.confidence)]  # after the pane's own "الثقة" label
    if outlets:
        parts.append(sources_phrase(outlets))
    if best is not None and (cues := cues_sentence(best.cues.split(","))):
        parts.append(cues)
    return "؛ ".join(parts) + "."
