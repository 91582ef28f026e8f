"""A delegation as the subject of a visit verb: its head, named anywhere in the document, visits."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def visitors(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.VISIT]


def test_the_delegation_that_arrived_is_its_head_named_in_the_next_sentence():
    text = (
        "وصل، مساء اليوم الخميس، الوفد الأمني المغربي إلى تونس. "
        "وأفادت مصادر محلية أن الوفد دخل العاصمة برئاسة اللواء سامي الحداد لمواصلة جهوده."
    )
    assert {"سامي الحداد"} in visitors(text)


def test_a_delegation_after_the_place_it_visited_is_the_subject():
    text = (
        "زار القاهرة وفد عسكري مغربي رفيع لبحث التعاون. "
        "وجاءت الزيارة بمستوى رفيع إذ رأسه وزير الدفاع المغربي، كريم التازي."
    )
    assert {"كريم التازي"} in visitors(text)


def test_a_delegation_is_not_the_person_an_earlier_clause_was_about():
    text = (
        "التقى وزير الخارجية المغربي كريم التازي نظيره التونسي سامي الحداد في الرباط. "
        "ووصل وفد مصري إلى الرباط."
    )
    assert {"كريم التازي"} not in visitors(text)


def test_two_heads_of_delegations_name_no_one():
    text = (
        "وصل وفد مغربي برئاسة كريم التازي إلى تونس، واستقبله وفد تونسي برئاسة سامي الحداد. "
        "ووصل الوفد إلى العاصمة مساء."
    )
    assert visitors(text).count({"كريم التازي"}) <= 1
    assert {"سامي الحداد"} not in visitors(text)
