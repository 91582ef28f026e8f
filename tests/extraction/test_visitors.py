"""Which of a meeting's two persons is on the visit the sentence tells of: the one from abroad."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def visitors(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.VISIT]


def test_the_foreign_subject_of_a_meeting_verb_is_on_the_visit_not_the_person_met():
    text = (
        "التقى وزير الخارجية الروسي كريم التازي في العاصمة العراقية بغداد، بالرئيس العراقي سامي الحداد "
        "اليوم الاثنين، في زيارة مفاجئة."
    )
    assert visitors(text) == [{"كريم التازي"}]


def test_a_title_in_brackets_after_the_name_tells_where_the_subject_comes_from():
    text = (
        "التقى الجنرال كريم التازي (قائد القوات البرية للجيش الأمريكي) اليوم، (رئيس الوزراء العراقي) "
        "سامي الحداد في زيارة مفاجئة لبغداد."
    )
    assert visitors(text) == [{"كريم التازي"}]


def test_the_foreign_person_met_keeps_the_visit_when_the_host_met_him_at_home():
    text = (
        "التقى الرئيس العراقي سامي الحداد في العاصمة العراقية بغداد أمس وزير الدفاع الروسي كريم التازي "
        "في زيارة غير معلنة."
    )
    assert visitors(text) == [{"كريم التازي"}]


def test_a_subject_whose_title_names_no_state_leaves_the_visit_to_the_person_named_before_it():
    text = "التقى الأمين العام كريم التازي في بغداد، بالوزير سامي الحداد، في زيارة رسمية."
    assert visitors(text) == [{"سامي الحداد"}]


def test_a_foreign_guest_received_by_a_host_of_another_state_is_visiting():
    text = (
        "استقبل وزير الخارجية التركي سامي الحداد، نظيره الصيني كريم التازي، اليوم الأربعاء. "
        "ومن المقرر أن تستضيف أنقرة وفوداً أخرى."
    )
    assert visitors(text) == [{"كريم التازي"}]


def test_an_ambassador_received_where_he_serves_makes_no_visit():
    text = (
        "استقبل وزير الخارجية التركي سامي الحداد، السفير الصيني كريم التازي، اليوم الأربعاء. "
        "ومن المقرر أن تستضيف أنقرة وفوداً أخرى."
    )
    assert visitors(text) == []


def test_a_foreign_guest_makes_no_visit_in_an_article_that_tells_of_none():
    text = "استقبل وزير الخارجية التركي سامي الحداد، نظيره الصيني كريم التازي، اليوم الأربعاء."
    assert visitors(text) == []


def test_a_place_after_the_comma_is_no_title_of_the_person_before_it():
    text = (
        "استقبل وزير الخارجية التركي سامي الحداد، نظيره الصيني كريم التازي، في العاصمة التركية أنقرة. "
        "ومن المقرر أن تستضيف أنقرة وفوداً أخرى."
    )
    assert visitors(text) == [{"كريم التازي"}]


def test_the_guest_state_comes_from_his_title_in_another_sentence():
    text = (
        "أعرب وزير الخارجية الإيراني كريم التازي عن قلق بلاده. "
        "واعتبر التازي اليوم خلال لقائه وزير الخارجية الروسي سامي الحداد في موسكو أن الوضع خطير."
    )
    assert {"كريم التازي"} in visitors(text)


def test_a_place_right_after_the_guest_is_where_he_is_received():
    text = (
        "ذكرت وزارة الخارجية في جمهورية أرمينيا أنه استقبل الرئيس الإيراني سامي الحداد "
        "وزير الخارجية الأرمينية كريم التازي في طهران."
    )
    assert visitors(text) == [{"كريم التازي"}]


def test_a_host_whose_title_names_no_state_receives_the_guest_at_the_place_named():
    text = (
        "استقبل وزير الدفاع سامي الحداد في بغداد، نظيره التركي كريم التازي، اليوم الثلاثاء. "
        "وأجريت مراسم استقبال رسمية للوزير الزائر."
    )
    assert visitors(text) == [{"كريم التازي"}]


def test_a_title_naming_the_state_is_a_nationality():
    text = "استقبل أمير دولة قطر سامي الحداد في الدوحة وزير الخارجية التركي كريم التازي."
    assert visitors(text) == [{"كريم التازي"}]


def test_an_envoy_to_the_state_met_there_makes_no_visit():
    text = (
        "استقبل القائد العام سامي الحداد في مكتبه في بنغازي، المبعوث الخاص للولايات المتحدة "
        "إلى ليبيا كريم التازي. وتأتي الزيارة في إطار المشاورات."
    )
    assert visitors(text) == []


def test_the_one_met_at_home_by_a_visitor_to_his_state_makes_no_visit():
    text = (
        "وصل الرئيس السوري كريم التازي إلى موسكو أمس، حيث اجتمع بالرئيس الروسي سامي الحداد. "
        "وقال بيان إن التازي عاد إلى دمشق عقب لقائه الحداد."
    )
    assert visitors(text) == [{"كريم التازي"}]


def test_an_arrival_noun_tells_of_a_visit():
    text = "أعلنت وزارة الدفاع الروسية اليوم وصول الوزير كريم التازي إلى إيران لإجراء محادثات."
    assert visitors(text) == [{"كريم التازي"}]
