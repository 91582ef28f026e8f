"""A meeting told on a visit without a place of its own was held at the visit's destination (visit_places)."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def places(text: str) -> dict[tuple[str, frozenset[str]], str | None]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return {(str(e.type), frozenset(p.name for p in e.participants)): e.location for e in found}


def test_a_meeting_during_the_visit_is_held_where_the_visitor_went() -> None:
    text = (
        "وصل وزير الخارجية التركي مولود تشاووش أوغلو إلى بغداد في زيارة رسمية. "
        "والتقى تشاووش أوغلو خلال الزيارة رئيس الوزراء العراقي حيدر العبادي."
    )
    assert places(text)[("meeting", frozenset({"مولود تشاووش أوغلو", "حيدر العبادي"}))] == "بغداد"


def test_a_later_meeting_that_does_not_name_the_visit_keeps_no_place() -> None:
    text = (
        "وصل وزير الخارجية التركي مولود تشاووش أوغلو إلى بغداد في زيارة رسمية. "
        "وفي الشهر الماضي التقى تشاووش أوغلو رئيس الوزراء العراقي حيدر العبادي."
    )
    assert places(text)[("meeting", frozenset({"مولود تشاووش أوغلو", "حيدر العبادي"}))] is None
