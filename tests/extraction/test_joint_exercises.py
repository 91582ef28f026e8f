"""Joint exercises with a partner after `مع`: the partner and the party named before the noun."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def engagements(text: str) -> list[tuple[EngagementType, set[str]]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [(e.type, {p.name for p in e.participants}) for e in found]


def test_a_state_announcing_joint_exercises_with_another_holds_them():
    text = "أعلنت تونس عن إجراء مناورات عسكرية مشتركة مع فرنسا يشارك فيها ألف جندي."
    assert (EngagementType.TRAINING, {"تونس", "فرنسا"}) in engagements(text)


def test_a_joint_training_with_a_partner_is_no_meeting():
    text = "أعلنت الأردن، الأحد، عن انطلاق التدريب العسكري المشترك مع الكويت في العقبة."
    found = engagements(text)
    assert (EngagementType.TRAINING, {"الأردن", "الكويت"}) in found
    assert all(t != EngagementType.MEETING for t, _ in found)


def test_a_joint_press_conference_is_still_a_meeting():
    text = "وقال وزير الخارجية سامي الخطيب خلال مؤتمر صحفي مشترك مع نظيره كريم التازي إن العلاقات جيدة."
    assert (EngagementType.MEETING, {"سامي الخطيب", "كريم التازي"}) in engagements(text)


def test_a_place_before_the_noun_holds_no_exercise():
    text = "جرت في الأردن مناورات مشتركة مع الكويت."
    assert all(p != {"الأردن", "الكويت"} for _, p in engagements(text))
