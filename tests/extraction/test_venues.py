"""The building a meeting was held in (venues)."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def places(text: str) -> dict[tuple[str, frozenset[str]], str | None]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return {(str(e.type), frozenset(p.name for p in e.participants)): e.location for e in found}


PAIR = ("meeting", frozenset({"عبد الفتاح السيسي", "إيمانويل ماكرون"}))


def test_a_reception_in_a_palace_is_placed_in_the_palace_not_its_city() -> None:
    text = "استقبل الرئيس المصري عبد الفتاح السيسي بقصر الاتحادية في القاهرة الرئيس الفرنسي إيمانويل ماكرون."
    assert places(text)[PAIR] == "قصر الاتحادية"


def test_a_seat_is_read_with_its_genitive_chain() -> None:
    text = (
        "التقى الرئيس المصري عبد الفتاح السيسي في مقر وزارة الخارجية الفرنسية الرئيس الفرنسي إيمانويل ماكرون."
    )
    assert places(text)[PAIR] == "مقر وزارة الخارجية الفرنسية"


def test_someone_s_lodging_is_no_venue() -> None:
    text = "استقبل الرئيس المصري عبد الفتاح السيسي في مقر إقامته الرئيس الفرنسي إيمانويل ماكرون."
    assert places(text)[PAIR] is None
