"""A training its doer announces: the body or state that announced it trains, with the other side."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def trainings(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.TRAINING]


def test_an_army_announcing_the_start_of_a_joint_exercise_with_a_state_trains_with_it():
    text = "أعلن الجيش الأردني، الجمعة، عن انطلاق فعاليات التدريب العسكري المشترك مع الكويت في عمان."
    assert trainings(text) == [{"الجيش الأردني", "الكويت"}]


def test_a_ministry_announcing_it_goes_on_training_a_body_trains_it():
    text = "أعلنت وزارة الدفاع الإيطالية استمرار تدريب القوات المسلحة الليبية في إطار الاتفاق."
    assert trainings(text) == [{"وزارة الدفاع الإيطالية", "القوات المسلحة الليبية"}]


def test_a_person_announcing_a_training_is_no_party_to_it():
    text = "أعلن المتحدث سامي الخطيب عن انطلاق التدريب العسكري المشترك مع الكويت."
    assert all("سامي الخطيب" not in p for p in trainings(text))
