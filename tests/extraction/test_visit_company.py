"""Who else makes a visit: those who arrive together, the members of the delegation a visitor heads,
those who go along; one visit of all of them, and a later mention of one of them alone is that visit."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def visitors(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.VISIT]


def test_two_who_arrive_together_make_one_visit():
    text = "وصل وزير الخارجية المغربي سامي الحداد ووزير الدفاع كريم التازي إلى القاهرة اليوم."
    assert visitors(text) == [{"سامي الحداد", "كريم التازي"}]


def test_the_members_of_the_delegation_a_visitor_heads_make_his_visit():
    text = (
        "وصل رئيس الإقليم جان دوران إلى أنقرة اليوم على رأس وفد ضم وزير الداخلية سامي الحداد "
        "ووزير المالية كريم التازي في زيارة رسمية."
    )
    assert {"جان دوران", "سامي الحداد", "كريم التازي"} in visitors(text)


def test_those_along_with_a_visitor_make_his_visit():
    text = "وزار وزير الخارجية جان دوران دمشق في 13 آذار الماضي برفقة وزير الدفاع سامي الحداد."
    assert {"جان دوران", "سامي الحداد"} in visitors(text)


def test_a_later_mention_of_one_visitor_alone_is_the_same_visit():
    text = (
        "وصل رئيس الإقليم جان دوران إلى أنقرة اليوم على رأس وفد ضم وزير الداخلية سامي الحداد. "
        "وقال البيان إن الهدف من زيارة الرئيس دوران هو بحث العلاقات."
    )
    assert {"جان دوران"} not in visitors(text)
