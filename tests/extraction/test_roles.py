"""Who does it: the doer of a trigger noun or verb, found in its sentence."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def engagements(text: str):
    return find_engagements(text, find_actors(text), find_dates(text))


def test_the_one_who_set_out_meets_the_person_of_a_purpose_noun():
    text = "توجه وزير الخارجية المغربي كريم التازي إلى القاهرة للقاء نظيره المصري سامي الحداد."
    found = engagements(text)
    assert any({p.name for p in e.participants} == {"كريم التازي", "سامي الحداد"} for e in found)
