"""How the dashboard states a confidence (issue 18): an engagement's as a percentage on its card and in
its detail pane, with one Arabic line that says what it rests on (the independent sources and the
extractor's cues, `Evidence.cues`); an actor's as a badge on its profile. A fact with no computed
confidence states none.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import format_html
from django.utils.safestring import SafeString

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
    "parties:persons": "الأطراف أشخاص",
    "parties:mixed": "الأطراف من أنواع مختلفة (شخص ودولة أو هيئة)",
    "party:organization": "أحد الأطراف منظمة",
    "party:state": "أحد الأطراف دولة",
    "party:untitled_person": "أحد الأطراف شخص لا يسبقه منصب في النص",
    "party_tagger:<0.5": "نموذج الأسماء يشكّ في اسم أحد الأطراف",
    "party_tagger:0.95+": "نموذج الأسماء واثق من أسماء الأطراف",
    "status:planned": "حدث مخطَّط له",
    "evidence:2+": "ترويه أكثر من جملة",
    "distance:near": "الطرفان متجاوران في الجملة",
    "distance:far": "الطرفان متباعدان في الجملة",
    "clause:apart": "تفصل بين الطرفين فاصلة أو فعل قول",
    "parties_actor:0.9+": "أسماء الأطراف موثوقة",
    "parties_actor:<0.6": "في أسماء الأطراف شكّ",
}


def percent(confidence: float) -> str:
    return f"{round(confidence * 100)}٪"


def card_badge_html(confidence: float | None) -> str:
    """The card's confidence badge, or nothing when none was computed."""
    if confidence is None:
        return ""
    return f'<span class="badge confidence" title="ثقة معايَرة على مدوَّنة مُراجَعة">الثقة {percent(confidence)}</span>'


ACTOR_CONFIDENCE_TITLE = (
    "احتمال أن يكون المستخرِج قد سمّى هذا الفاعل صحيحًا، معايَر على مقالات لم تُكتب القواعد منها، "
    "ومجمَّع على المصادر المستقلة"
)


def actor_badge_html(confidence: float | None) -> SafeString | str:
    """An actor's confidence badge on its profile, or nothing when none was computed."""
    if confidence is None:
        return ""
    return format_html(
        '<span class="badge confidence" title="{}">الثقة {}</span>',
        ACTOR_CONFIDENCE_TITLE,
        percent(confidence),
    )


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
