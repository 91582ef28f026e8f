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


def test_a_body_after_a_visit_verb_is_the_place_visited_not_a_visitor():
    text = (
        "وصل وزير الدفاع سامي الحداد إلى مسقط أمس. "
        "وبعد ذلك زار مركز الأمن البحري، يرافقه رئيس الأركان كريم التازي."
    )
    assert all(v & {"سامي الحداد", "كريم التازي"} for v in visitors(text))


def test_goods_that_arrived_make_no_visit_of_the_ministry_that_received_them():
    text = (
        "أعلنت وزارة الدفاع، أنها تسلمت 4 طائرات فرنسية من طراز “ميراج” وصلت إلى “قاعدة الوطية” "
        "الجوية، ضمن العقد المبرم بين ليبيا وفرنسا."
    )
    assert visitors(text) == []


def test_a_body_visits_through_a_delegation_named_after_the_visit_noun():
    text = "جاء ذلك خلال زيارة وفد من لجنة الأمن والدفاع النيابية الى موسكو والاجتماع مع مسؤولين روس."
    assert {"لجنة الأمن والدفاع النيابية"} in visitors(text)
