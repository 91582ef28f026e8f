"""Whose visit a visit noun with a pronoun tells of: the one received on arrival, the one a relative
clause is about."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def visitors(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.VISIT]


def test_on_his_arrival_the_one_received_visits_not_his_host():
    text = (
        "وصل الفريق أول سامي حداد إلى أسمرة في زيارة عمل. ولدى وصوله إلى مطار أسمرة الدولي، "
        "استقبل الرئيس جان دوران الفريق حداد والوفد المرافق له بحرارة."
    )
    assert {"جان دوران"} not in visitors(text)
    assert {"سامي حداد"} in visitors(text)


def test_the_visit_of_a_relative_clause_is_the_visit_of_the_one_it_is_about():
    text = "التقى المبعوث الأممي سامي حداد نائب رئيس المجلس جان دوران الذي أطلعه على نتائج زيارته الأخيرة الى واشنطن."
    assert visitors(text) == [{"جان دوران"}]
