"""A title before a name that is the office of a person named before (`held_offices`)."""

from analysis.extraction.actors import find_actors
from analysis.extraction.results import ActorKind


def holders(text: str) -> list[tuple[str, str]]:
    return [(m.actor, text[m.start : m.end]) for m in find_actors(text).mentions if m.title_only]


def persons(text: str) -> set[str]:
    return {a.name for a in find_actors(text).actors if a.kind == ActorKind.PERSON}


def test_the_office_of_a_person_named_before_is_his_before_another_name():
    text = (
        "وصل رئيس وزراء باكستان، محمد شهباز شريف، إلى جدة. "
        "كما استقبل رئيس الوزراء الباكستاني المهندس علي القرني، نائب أمين جدة، في مقر إقامته."
    )
    assert ("محمد شهباز شريف", "رئيس الوزراء الباكستاني") in holders(text)
    assert "علي القرني" in persons(text)


def test_an_office_of_no_state_held_by_two_persons_stays_theirs():
    text = (
        "ضم الوفد وزير الخارجية أسعد الشيباني، ووزير الدفاع مرهف أبو قصرة. "
        "والتقى الشيباني ووزير الخارجية سيرغي لافروف في موسكو."
    )
    assert not holders(text)
    assert {"أسعد الشيباني", "سيرغي لافروف"} <= persons(text)


def test_a_verb_after_the_office_of_a_person_named_before_is_no_name_of_his():
    text = (
        "تلقى البرهان مكالمة من وزير الخارجية الأمريكي أنتوني بلينكن. "
        "وقال المصدر إن وزير الخارجية الأميركي طالب البرهان بتشكيل حكومة."
    )
    assert ("أنتوني بلينكن", "وزير الخارجية الأميركي") in holders(text)
