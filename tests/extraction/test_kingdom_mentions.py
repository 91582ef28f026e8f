"""`المملكة` and `السلطنة` alone stand for the one kingdom or sultanate the document names."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.results import ActorKind


def states(text: str) -> dict[str, object]:
    return {a.name: a for a in find_actors(text).actors if a.kind == ActorKind.STATE}


def test_the_bare_kingdom_is_the_one_kingdom_of_the_document():
    found = states("وصل الوزير إلى عمّان ثم الرياض، وبحث التعاون بين المملكة وإيران.")
    saudi = found["السعودية"]
    assert "المملكة" in saudi.aliases
    assert any(m.text == "المملكة" for m in saudi.mentions)


def test_the_bare_sultanate_after_a_clitic_is_the_sultanate():
    found = states("وصل المبعوث إلى مسقط، وقال إن للسلطنة دورا وإن السلطنة تدعم الحوار.")
    oman = found["سلطنة عمان"]
    assert [m.text for m in oman.mentions] == ["مسقط", "للسلطنة", "السلطنة"]  # `للسلطنة`: the whole word
    assert oman.aliases == ["مسقط", "السلطنة"]


def test_with_two_kingdoms_or_none_the_bare_kingdom_is_no_one():
    two = states("التقى وزير خارجية المملكة المتحدة نظيره في الرياض، وقال إن المملكة تدعم الاتفاق.")
    assert all("المملكة" not in a.aliases for a in two.values())
    none = states("قال وزير الخارجية الفرنسي إن المملكة تدعم الاتفاق.")
    assert all("المملكة" not in a.aliases for a in none.values())
