"""What a meeting agreed on (`تم الاتفاق على`) is an agreement of the pair that met, beside the meeting."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def engagements(text: str):
    return find_engagements(text, find_actors(text), find_dates(text))


def _pairs(text: str) -> list[tuple[EngagementType, set[str]]]:
    return [(e.type, {p.name for p in e.participants}) for e in engagements(text)]


def test_an_agreement_announced_after_a_meeting_is_the_pairs_second_engagement():
    text = (
        "أعلن نائب الرئيس الأمريكي مايك بنس بعد اجتماع مع الرئيس التركي رجب طيب أردوغان أنه تم "
        "الاتفاق على وقف لإطلاق النار."
    )
    pair = {"مايك بنس", "رجب طيب أردوغان"}
    assert _pairs(text) == [(EngagementType.MEETING, pair), (EngagementType.AGREEMENT, pair)]


def test_agreed_with_no_meeting_in_the_sentence_is_no_agreement():
    text = "وأضاف البيان أنه تم الاتفاق على تشكيل لجنة عسكرية مشتركة."
    assert not [e for e in engagements(text) if e.type == EngagementType.AGREEMENT]
