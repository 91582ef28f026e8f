"""Triggers that tell of no engagement: negated through the words that carry the negation,
denied, rejected or only proposed."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def found(text: str) -> list[set[str]]:
    return [
        {p.name for p in e.participants} for e in find_engagements(text, find_actors(text), find_dates(text))
    ]


def test_a_negation_carried_by_kana_and_hunaka_leaves_no_meeting():
    text = "وقال وزير الخارجية الأردني أيمن الصفدي إنه لن يكون هناك أي لقاء مع نظيره السوري فيصل المقداد."
    assert found(text) == []


def test_a_denied_call_is_no_call():
    text = "ونفت الرئاسة إجراء اتصال هاتفي بين الرئيس عبد الفتاح السيسي والرئيس الأمريكي جو بايدن."
    assert found(text) == []


def test_a_rejected_or_proposed_visit_is_no_visit():
    proposed = "ورفض رئيس الوزراء الإسرائيلي بنيامين نتنياهو، أمس الاثنين، اقتراح ماكرون بزيارة باريس لإجراء مفاوضات."
    assert found(proposed) == []
    rejected = "ويرفض رئيس الوزراء الإسرائيلي بنيامين نتنياهو لقاء الرئيس الفرنسي إيمانويل ماكرون."
    assert found(rejected) == []


def test_la_siyyama_negates_nothing():
    text = "وأشاد الرئيس عبد الفتاح السيسي بالعلاقات، ولا سيما بعد لقائه الرئيس التركي رجب طيب أردوغان أمس."
    assert found(text) == [{"عبد الفتاح السيسي", "رجب طيب أردوغان"}]


def test_a_negation_of_another_verb_further_back_leaves_the_meeting():
    text = (
        "ولم تمنع الأزمة الأخيرة لقاء الرئيس عبد الفتاح السيسي بالرئيس التركي رجب طيب أردوغان أمس في أنقرة."
    )
    assert found(text) == [{"عبد الفتاح السيسي", "رجب طيب أردوغان"}]


def test_a_blow_said_of_an_event_is_a_judgement_not_an_attack():
    text = "وتعد هذه ضربة قوية لحكومة رئيس الوزراء الإسرائيلي بنيامين نتنياهو بعد انسحاب حزب شاس من الائتلاف."
    assert found(text) == []


def test_a_supposed_or_asked_meeting_is_no_meeting():
    supposed = (
        "وفي حال زار رئيس الوزراء الإسرائيلي بنيامين نتنياهو واشنطن، فسيلتقي الرئيس الأمريكي دونالد ترامب."
    )
    asked = "هل يلتقي الرئيس التركي رجب طيب أردوغان نظيره السوري أحمد الشرع قريبا؟"
    unreal = "ولو اجتمع الرئيس الفرنسي إيمانويل ماكرون بالرئيس الجزائري عبد المجيد تبون لتغيرت الأمور."
    assert found(supposed) == found(asked) == found(unreal) == []


def test_a_demanded_meeting_is_no_meeting():
    text = "وطالب رئيس البرلمان العراقي محمود المشهداني بعقد لقاء عاجل مع رئيس الوزراء محمد شياع السوداني."
    assert found(text) == []


def test_a_negated_plan_to_hold_a_meeting_is_no_meeting():
    text = (
        "وقال المتحدث باسم الرئاسة التركية عمر جليك إن أنقرة لم تخطط لعقد لقاء بين الرئيس رجب طيب أردوغان "
        "والرئيس السوري أحمد الشرع."
    )
    assert found(text) == []


def test_a_transfer_that_is_the_issue_discussed_is_no_transfer():
    text = "وقال السفير إن المجتمعين ناقشوا مسألة توريد الأسلحة الفرنسية إلى قطر."
    assert all(p != {"فرنسا", "قطر"} for p in found(text))
