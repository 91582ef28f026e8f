"""Background notes (background_notes): the dates of `يذكر أن ...` belong to the fact it recalls."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def visit_dates(text: str) -> list[str | None]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [e.date.iso for e in found if str(e.type) == "visit"]


def test_a_visit_told_after_a_background_note_does_not_take_the_note_s_date():
    text = (
        "وصل وزير الخارجية الإيطالي ماركو بيانكي اليوم الخميس إلى عمان لإجراء مباحثات. "
        "ويذكر أن بيانكي تسلم منصبه بعد استقالة سلفه في شهر مارس 2021. "
        "وهذه ثالث زيارة لبيانكي إلى عمان منذ توليه منصبه."
    )
    assert visit_dates(text) == [None]


def test_a_visit_told_after_a_sentence_of_its_day_takes_that_day():
    text = (
        "وصل وزير الخارجية الإيطالي ماركو بيانكي اليوم الخميس إلى عمان لإجراء مباحثات. "
        "وكان ذلك في 4 مارس 2021. "
        "وهذه ثالث زيارة لبيانكي إلى عمان منذ توليه منصبه."
    )
    assert visit_dates(text) == ["2021-03-04"]
