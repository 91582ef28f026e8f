"""Cooperation announced with a list of states (`تعاون أمني مع كل من A وB وC`): their agreement."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def agreements(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.AGREEMENT]


def test_cooperation_with_each_of_a_list_of_states_is_their_agreement():
    text = "أعلنت القيادة العسكرية عن تعاون عسكري وأمني مع كل من مصر والأردن والكويت لمواجهة الإرهاب."
    assert {"مصر", "الأردن", "الكويت"} in agreements(text)


def test_cooperation_with_one_state_is_no_agreement():
    text = "أكد الوزير أهمية التعاون الأمني مع مصر في المرحلة المقبلة."
    assert agreements(text) == []


def test_cooperation_that_is_only_called_for_is_no_agreement():
    text = "وشدد البيان على ضرورة التنسيق الأمني مع كل من مصر والأردن."
    assert agreements(text) == []
