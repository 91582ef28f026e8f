"""A trigger far after its clause's verb is planned by the clause's marker and time (planned_clause)."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def statuses(text: str) -> dict[tuple[str, frozenset[str]], str]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return {(str(e.type), frozenset(p.name for p in e.participants)): str(e.status) for e in found}


def test_a_summit_held_today_by_a_present_verb_far_before_it_is_planned() -> None:
    text = (
        "يعقد الرئيس المصري عبد الفتاح السيسي ونظيره الفرنسي إيمانويل ماكرون، اليوم الاثنين، "
        "قمة ثنائية في القاهرة لبحث العلاقات."
    )
    assert statuses(text)[("meeting", frozenset({"عبد الفتاح السيسي", "إيمانويل ماكرون"}))] == "planned"


def test_a_visit_tomorrow_is_planned() -> None:
    text = "يجري وزير الخارجية العراقي فؤاد حسين، غدًا الأربعاء، زيارة رسمية إلى العاصمة التركية أنقرة."
    assert statuses(text)[("visit", frozenset({"فؤاد حسين"}))] == "planned"


def test_a_guest_currently_visiting_is_reported() -> None:
    text = (
        "استقبل الرئيس العراقي برهم صالح وزير الخارجية الإيراني محمد جواد ظريف، الذي يزور بغداد حاليا، "
        "وبحث معه العلاقات الثنائية."
    )
    assert statuses(text)[("visit", frozenset({"محمد جواد ظريف"}))] == "reported"
