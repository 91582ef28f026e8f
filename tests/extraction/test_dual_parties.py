"""Two persons named by one word: a title in the dual, `ضيفيه` with two nationalities."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.frame_doc import Doc


def pairs_at(text: str) -> dict[str, list[str]]:
    analysis = find_actors(text)
    doc = Doc(text, analysis, find_dates(text))
    return {doc.tokens[k].text: [m.actor for m in ms] for k, ms in doc.pair_at.items()}


def parties(text: str) -> list[set[str]]:
    return [
        {p.name for p in e.participants} for e in find_engagements(text, find_actors(text), find_dates(text))
    ]


def test_a_dual_title_is_the_two_holders_of_that_office_named_before():
    text = (
        "وصل الرئيس المغربي سامي الحداد إلى القاهرة، حيث يستقبله الرئيس المصري كريم التازي. "
        "وتتضمن الزيارة لقاء ثنائيا بين الرئيسين."
    )
    assert pairs_at(text) == {"الرئيسين": ["سامي الحداد", "كريم التازي"]}


def test_a_counterpart_holds_the_office_of_the_dual():
    text = "بحث وزير الدفاع المغربي سامي الحداد مع نظيره المصري كريم التازي التعاون. جاء ذلك في اتصال جمع الوزيرين."
    assert pairs_at(text) == {"الوزيرين": ["سامي الحداد", "كريم التازي"]}


def test_a_dual_title_held_by_three_persons_names_no_one():
    text = (
        "التقى الرئيس المغربي سامي الحداد الرئيس المصري كريم التازي ورئيس الوزراء ماجد السويدي. "
        "وعقد الرئيسان جلسة مغلقة."
    )
    assert pairs_at(text) == {}


def test_his_two_guests_are_the_persons_of_the_two_states_and_separate_meetings_are_one_each():
    text = (
        "بدأ الرئيس المصري كريم التازي والعاهل الأردني سامي الحداد ورئيس الوزراء العراقي ماجد السويدي اجتماعا. "
        "وتم عقد لقاءات منفردة بين رئيس الوزراء ماجد السويدي وضيفيه المصري والأردني."
    )
    assert pairs_at(text) == {"وضيفيه": ["كريم التازي", "سامي الحداد"]}
    found = parties(text)
    assert {"ماجد السويدي", "كريم التازي"} in found
    assert {"ماجد السويدي", "سامي الحداد"} in found


def test_a_dual_title_with_two_nationalities_is_the_holder_of_each_state():
    text = (
        "استقبل الرئيس التونسي سامي الحداد وزير الخارجية الجزائري كريم التازي "
        "ووزير الخارجية المغربي ماجد السويدي. ووقع وزيرا الخارجية الجزائري والمغربي مذكرة تفاهم."
    )
    assert pairs_at(text) == {"وزيرا": ["كريم التازي", "ماجد السويدي"]}
