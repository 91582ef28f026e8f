"""The objects after a trigger: past the adverbials between a verb and the party it takes."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def engagements(text: str):
    return find_engagements(text, find_actors(text), find_dates(text))


def test_a_place_and_time_after_a_comma_do_not_end_the_clause_before_the_guest():
    text = "استقبل رئيس الجمهورية سامي الحداد، في الرباط اليوم الأحد وزير الخارجية المغربي كريم التازي."
    [e] = engagements(text)
    assert e.type == EngagementType.MEETING
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_a_comma_before_a_new_clause_still_ends_the_objects():
    text = "استقبل رئيس الجمهورية سامي الحداد، في الرباط قال وزير الخارجية المغربي كريم التازي إن اللقاء مهم."
    assert not any(
        {"سامي الحداد", "كريم التازي"} <= {p.name for p in e.participants} for e in engagements(text)
    )


def test_a_venue_with_a_possessive_pronoun_is_an_adverbial_between_host_and_guest():
    text = "استقبل رئيس الجمهورية سامي الحداد، الأحد، في مكتبه في الرباط، وزير الخارجية المغربي كريم التازي."
    [e] = engagements(text)
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_one_more_party_after_a_comma_and_in_addition_to_joins_the_list():
    text = (
        "تنعقد اليوم قمة ثلاثية تجمع وزير الخارجية سامي الحداد ووزير الخارجية المغربي كريم التازي، "
        "إضافة إلى وزير الخارجية التونسي ماجد السويدي."
    )
    [e] = engagements(text)
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي", "ماجد السويدي"}


def test_the_object_of_a_call_addressed_with_honour_after_a_comma():
    text = "أجرى وزير الخارجية سامي الحداد، اتصالاً هاتفياً، بدولة الأستاذ كريم التازي رئيس وزراء المغرب."
    [e] = engagements(text)
    assert e.type == EngagementType.CALL
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_a_resort_named_after_a_place_is_an_adverbial_between_host_and_guest():
    text = (
        "استقبل رئيس الجمهورية سامي الحداد، في منتجع صلاح الدين القريب من الرباط، اليوم الأحد، "
        "وزير الخارجية المغربي كريم التازي."
    )
    [e] = engagements(text)
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_a_venue_after_a_comma_leads_to_the_guest_it_closes():
    text = "استقبل رئيس الجمهورية سامي الحداد، اليوم الاثنين، بقصر الضيافة وزير الخارجية المغربي كريم التازي."
    [e] = engagements(text)
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_the_guest_after_an_attendee_and_a_dated_time_phrase_is_the_object_not_an_attendee():
    text = (
        "استقبل رئيس الجمهورية سامي الحداد وبحضور رئيس الوزراء ماجد السويدي، اليوم الأحد (16 نيسان 2017) "
        "وزير الخارجية المغربي كريم التازي."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert [{p.name for p in e.participants} for e in meetings] == [
        {"سامي الحداد", "ماجد السويدي", "كريم التازي"}
    ]


def test_a_time_after_a_comma_that_runs_into_with_leads_to_the_party_met():
    text = "وبحث رئيس الوزراء سامي الحداد، اليوم الاثنين مع وزير الدفاع المغربي كريم التازي، التعاون العسكري."
    [e] = engagements(text)
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_a_venue_named_by_a_ministry_after_a_comma_leads_to_the_guest():
    text = (
        "استقبل وزير الخارجية سامي الحداد، اليوم الثلاثاء، بمقر وزارة الخارجية المغربية "
        "وزير الدفاع التونسي ماجد السويدي."
    )
    [e] = engagements(text)
    assert {p.name for p in e.participants} == {"سامي الحداد", "ماجد السويدي"}


def test_a_visit_told_with_its_adjective_between_commas_is_an_adverbial_before_the_one_met():
    text = "وسيلتقي وزير الخارجية سامي الحداد، خلال زيارته الرسمية للرباط، وزير الدفاع المغربي كريم التازي."
    assert any({p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"} for e in engagements(text))


def test_one_more_party_after_a_comma_and_and_with_is_met_too():
    text = (
        "عقد وزير الخارجية سامي الحداد اجتماعات مع وزير الدفاع المغربي كريم التازي، "
        "ومع مسؤولين آخرين، ومع وزير الدفاع التونسي ماجد السويدي."
    )
    pairs = {frozenset(p.name for p in e.participants) for e in engagements(text)}
    assert pairs == {frozenset({"سامي الحداد", "كريم التازي"}), frozenset({"سامي الحداد", "ماجد السويدي"})}


def test_the_persons_at_the_head_of_the_officials_met_are_each_met():
    text = (
        "عقد وزير الخارجية سامي الحداد لقاءات مع المسؤولين المغاربة، على رأسهم رئيس الحكومة "
        "كريم التازي، ووزير الدفاع ماجد السويدي."
    )
    pairs = {frozenset(p.name for p in e.participants) for e in engagements(text)}
    assert pairs == {frozenset({"سامي الحداد", "كريم التازي"}), frozenset({"سامي الحداد", "ماجد السويدي"})}


def test_a_city_name_not_in_the_gazetteer_after_a_comma_leads_to_the_guest():
    text = (
        "استقبل رئيس الجمهورية سامي الحداد، اليوم الخميس، في مدينة سان خوسيه وزير الخارجية المغربي "
        "كريم التازي."
    )
    [e] = engagements(text)
    assert e.type == EngagementType.MEETING
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_with_inside_a_quoted_topic_after_a_comma_is_no_party():
    text = "استقبل رئيس الجمهورية سامي الحداد، في الرباط، وقال إن التعاون مع المغرب مهم."
    assert not any(len(e.participants) > 1 for e in engagements(text))


def test_one_more_party_after_a_comma_and_also_is_met_too():
    text = (
        "والتقى وزير الدفاع سامي الحداد، بالرئيس كريم التازي في قصره، وكذلك بولي العهد ورئيس الوزراء "
        "ماجد السويدي."
    )
    pairs = [{p.name for p in e.participants} for e in engagements(text) if e.type == EngagementType.MEETING]
    assert {"سامي الحداد", "كريم التازي"} in pairs
    assert {"سامي الحداد", "ماجد السويدي"} in pairs


def test_the_members_named_at_the_head_of_a_group_that_was_met_are_met():
    text = (
        "وشهدت زيارة وزير الدفاع سامي الحداد عدة لقاءات مع المسؤولين المغاربة، على رأسهم رئيس الحكومة "
        "كريم التازي، ووزير الخارجية ماجد السويدي."
    )
    pairs = [{p.name for p in e.participants} for e in engagements(text) if e.type == EngagementType.MEETING]
    assert {"سامي الحداد", "كريم التازي"} in pairs
    assert {"سامي الحداد", "ماجد السويدي"} in pairs


def test_also_before_a_new_clause_adds_no_party():
    text = "والتقى وزير الدفاع سامي الحداد بالرئيس كريم التازي، وكذلك أكد وزير الخارجية ماجد السويدي دعمه."
    pairs = [{p.name for p in e.participants} for e in engagements(text)]
    assert {"سامي الحداد", "ماجد السويدي"} not in pairs


def test_after_a_comma_bounded_day_the_document_signed_goes_on_to_its_other_signatory():
    text = "وقع وزير الدفاع التونسي سامي الحداد، اليوم، على اتفاق تعاون في مجال الدفاع، مع رئيس الأركان المغربي كريم التازي."
    assert any(
        e.type == EngagementType.AGREEMENT
        and {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}
        for e in engagements(text)
    )


def test_a_short_quoted_name_in_a_deal_does_not_end_the_clause_before_the_seller():
    text = 'وقعت تونس، الخميس الماضي، اتفاقية لشراء 10 طائرات "ميغ 29" من روسيا.'
    assert any(
        e.type == EngagementType.AGREEMENT and {p.name for p in e.participants} == {"تونس", "روسيا"}
        for e in engagements(text)
    )


def test_the_signing_of_this_agreement_between_two_named_ministers_is_their_agreement():
    text = "تم التوقيع على هذه الاتفاقية اليوم الأربعاء في الرباط بين الوزير المغربي كريم التازي ووزير الدفاع التونسي سامي الحداد."
    assert any(
        e.type == EngagementType.AGREEMENT
        and {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}
        for e in engagements(text)
    )


def test_a_delegation_met_after_a_comma_is_met_through_the_one_who_heads_it():
    text = (
        "التقى رئيس الأركان اللواء سامي الحداد، في الرباط اليوم الأحد، وفداً عسكرياً تونسياً "
        "برئاسة اللواء ماجد السويدي قائد القوات البحرية."
    )
    [e] = engagements(text)
    assert {p.name for p in e.participants} == {"سامي الحداد", "ماجد السويدي"}


def test_a_delegation_after_a_comma_with_no_head_named_ends_the_objects():
    text = "التقى رئيس الأركان اللواء سامي الحداد، في الرباط اليوم الأحد، وفداً عسكرياً تونسياً."
    assert not any(len(e.participants) >= 2 for e in engagements(text))


def test_the_general_command_after_a_comma_is_a_venue_before_the_guest():
    text = (
        "استقبل رئيس الأركان اللواء سامي الحداد، اليوم الأحد، في القيادة العامة للقوات المسلحة، "
        "قائد القوات البحرية التونسية اللواء ماجد السويدي."
    )
    [e] = engagements(text)
    assert {p.name for p in e.participants} == {"سامي الحداد", "ماجد السويدي"}


def test_a_two_portfolio_title_after_a_time_between_commas_leads_to_the_guest():
    text = (
        "استقبل رئيس الجمهورية سامي الحداد، قبل ظهر اليوم، رئيس مجلس الوزراء المغربي بالإنابة "
        "ووزير الداخلية الشيخ كريم التازي، وذلك في القصر."
    )
    assert any({p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"} for e in engagements(text))


def test_a_host_with_two_portfolios_in_a_receiving_line_is_one_more_host():
    text = (
        "وصل أمير الكويت كريم التازي إلى بغداد. واستقبل سموه لدى وصوله، الرئيس العراقي سامي الحداد، "
        "ونائب رئيس الوزراء ووزير النفط رئيس بعثة الشرف ماجد السويدي."
    )
    pairs = [{p.name for p in e.participants} for e in engagements(text)]
    assert {"كريم التازي", "ماجد السويدي"} in pairs


def test_the_enemy_a_training_prepares_for_is_no_party():
    from analysis.extraction.pipeline import extract_document
    from analysis.extraction.results import EngagementType

    text = (
        "أبدى وزير الخارجية العراقي ابراهيم الجعفري ارتياح البلاد لقيام الجانب التركي بتدريب مقاتلي "
        "الحشد الوطني في محافظة نينوى وتهيئتهم لخوض معركة تحرير المحافظة من تنظيم داعش الارهابي."
    )
    trainings = [
        sorted(p.name for p in e.participants)
        for e in extract_document(text).engagements
        if e.type == EngagementType.TRAINING
    ]
    assert trainings == [["الحشد الوطني", "تركيا"]]


def test_the_enemy_a_training_is_for_is_no_party_of_it():
    from analysis.extraction.actors import find_actors
    from analysis.extraction.dates import find_dates
    from analysis.extraction.engagements import find_engagements
    from analysis.extraction.results import EngagementType

    text = 'وبدأت تركيا تدريب قوات البيشمركة بهدف التصدي لتنظيم "الدولة الإسلامية".'
    found = find_engagements(text, find_actors(text), find_dates(text))
    names = {p.name for e in found if e.type == EngagementType.TRAINING for p in e.participants}
    assert not any("الدولة الإسلامية" in n for n in names)
