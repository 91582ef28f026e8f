"""Engagements from sentences: parties, roles, dates, places, status, evidence."""

from __future__ import annotations

from datetime import date

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements, split_sentences
from analysis.extraction.results import EngagementType, Role, Status


def engagements(text: str, published: date | None = None):
    return find_engagements(text, find_actors(text), find_dates(text, published=published))


def parties(e) -> set[str]:
    return {p.name for p in e.participants}


def test_sentences_keep_offsets_and_abbreviations():
    text = "كتب أ.د. علي حسن مقالا. وقال إن الوضع صعب؟ نعم\nسطر جديد"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "كتب أ.د. علي حسن مقالا.",
        "وقال إن الوضع صعب؟",
        "نعم",
        "سطر جديد",
    ]


def test_reception_gives_host_and_guest_date_and_place():
    text = (
        "استقبل رئيس الجمهورية عبد اللطيف رشيد يوم الأحد الموافق "
        "3/3/2024 في بغداد السفيرة الأمريكية لدى العراق ألينا رومانوسكي."
    )
    [e] = engagements(text)
    assert e.type == EngagementType.MEETING
    assert [(p.name, p.role) for p in e.participants] == [
        ("عبد اللطيف رشيد", Role.HOST),
        ("ألينا رومانوسكي", Role.GUEST),
    ]
    assert e.date.iso == "2024-03-03" and e.date_text == "يوم الأحد الموافق 3/3/2024"
    assert e.location == "بغداد"
    assert text[e.evidence.start : e.evidence.end] == e.evidence.text == text


def test_a_list_of_counterparts_is_one_meeting_each_with_its_own_date():
    text = (
        "السفير التركي لدى العراق علي رضا غوناي التقى مسؤولين كثيرين منذ أواخر مارس/آذار 2023. "
        "والتقى غوناي، توالياً، رئيس الوزراء العراقي محمد شياع السوداني في 2 أبريل/نيسان، "
        "ووزير الخارجية فؤاد حسين في 9 أبريل/نيسان."
    )
    found = engagements(text)
    assert [(sorted(parties(e)), e.date.iso) for e in found] == [
        (sorted({"علي رضا غوناي", "محمد شياع السوداني"}), "2023-04-02"),
        (sorted({"علي رضا غوناي", "فؤاد حسين"}), "2023-04-09"),
    ]


def test_visit_with_meetings_pro_drop_and_negation():
    text = (
        "وزار وزير الخارجية الإيراني عباس عراقجي بيروت في أكتوبر "
        "2024، والتقى رئيس مجلس النواب اللبناني نبيه بري. "
        "والتقى برئيس الحكومة نجيب ميقاتي وقائد الجيش جوزيف عون، ولم يلتق بأي مسؤول من حزب الله."
    )
    found = engagements(text)
    visit = [e for e in found if e.type == EngagementType.VISIT]
    assert len(visit) == 1 and visit[0].location == "بيروت" and visit[0].date.iso == "2024-10"
    assert visit[0].participants[0].role == Role.VISITOR
    meetings = [e for e in found if e.type == EngagementType.MEETING]
    assert [parties(e) - {"عباس عراقجي"} for e in meetings] == [{"نبيه بري"}, {"نجيب ميقاتي"}, {"جوزيف عون"}]
    assert all("عباس عراقجي" in parties(e) for e in meetings)
    assert all(e.date.iso == "2024-10" for e in meetings)


def test_meeting_between_two_persons_with_an_organisation_in_the_sentence():
    text = (
        "بيان وزارة الدفاع جاء بعد لقاء جرى في أنقرة بين وزير الدفاع "
        "التركي يشار غولر، ووزير الدفاع العراقي ثابت العباسي مع وفد من هيئة الأركان."
    )
    found = engagements(text)
    [e] = [x for x in found if x.type != EngagementType.VISIT]
    assert parties(e) == {"يشار غولر", "ثابت العباسي"}
    assert e.location == "أنقرة"
    # the Iraqi minister met in Ankara is visiting it (visitors.guests_from_abroad)
    assert [parties(x) for x in found if x.type == EngagementType.VISIT] == [{"ثابت العباسي"}]


def test_talks_with_two_counterparts_and_weekday_left_unknown_without_publication_date():
    text = (
        "واجتمع وزير الخارجية الصيني وانغ يي الأربعاء في بكين مع كل من "
        "وزير الخارجية السعودي فيصل بن فرحان، ووزير الخارجية الإيراني حسين أمير عبد اللهيان."
    )
    found = engagements(text)
    met = [e for e in found if e.type != EngagementType.VISIT]
    assert [parties(e) - {"وانغ يي"} for e in met] == [{"فيصل بن فرحان"}, {"حسين أمير عبد اللهيان"}]
    # both guests met in Beijing are visiting it (visitors.guests_from_abroad)
    assert [parties(e) for e in found if e.type == EngagementType.VISIT] == [
        {"فيصل بن فرحان"},
        {"حسين أمير عبد اللهيان"},
    ]
    assert all(e.date.iso is None and e.date_text == "الأربعاء" for e in found)
    assert all(e.location == "بكين" for e in found)


def test_weekday_resolves_against_the_publication_date():
    text = "التقى وزير الخارجية العراقي فؤاد حسين الخميس نظيره الإيراني عباس عراقجي."
    [e] = engagements(text, published=date(2024, 11, 10))
    assert e.date.iso == "2024-11-07"


def test_planned_visit_and_call():
    text = (
        "ومن المقرر أن يزور الأمين العام لحزب الله نعيم قاسم طهران الأسبوع المقبل. "
        "وأجرى وزير الدفاع التركي يشار غولر اتصالاً هاتفياً مع نظيره العراقي ثابت العباسي."
    )
    visit, call = engagements(text)
    assert visit.type == EngagementType.VISIT and visit.status == Status.PLANNED and visit.location == "طهران"
    assert call.type == EngagementType.CALL and call.status == Status.REPORTED
    assert parties(call) == {"يشار غولر", "ثابت العباسي"}


def test_attack_with_attacker_nationality_and_victims():
    text = (
        "عقب هجوم الطائرة المسيرة الإسرائيلية في 25 ديسمبر 2023 "
        "الذي تسبب بمقتل القيادي في الحرس الثوري الإيراني رضا موسوي."
    )
    [e] = engagements(text)
    assert e.type == EngagementType.ATTACK
    assert parties(e) == {"إسرائيل", "رضا موسوي"}
    assert e.date.iso == "2023-12-25"


def test_no_engagement_from_relations_statements_of_intent_or_states_only():
    text = (
        "تعود العلاقات بين هيئة الحشد الشعبي وروسيا إلى سنوات. "
        "وأعلنت موسكو استعدادها لتدريب وتسليح القوات العراقية. "
        "وذكرت الوزارة أن العراق وروسيا ناقشا التعاون. "
        "وجرى خلال اللقاء بحث العلاقات الثنائية. "
        "ولم يلتق وزير الخارجية العراقي فؤاد حسين بنظيره الإيراني عباس عراقجي."
    )
    assert engagements(text) == []


def test_a_later_report_of_the_same_meeting_is_more_evidence_not_a_new_engagement():
    text = (
        "والتقى السفير الروسي إلبروس كوتراشيف رئيس الوزراء محمد شياع السوداني في 5 فبراير/شباط 2024. "
        "وناقش كوتراشيف والسوداني التعاون الأمني."
    )
    [e] = engagements(text)
    assert e.date.iso == "2024-02-05"
    assert len(e.more_evidence) == 1 and e.more_evidence[0].text.startswith("وناقش")


def test_organisation_delegation_visits_and_meets():
    text = (
        "جاء ذلك خلال زيارة وفد من لجنة العلاقات الخارجية النيابية "
        "العراقية الى أنقرة والاجتماع مع لجنة الشؤون الخارجية في البرلمان التركي."
    )
    visit, meeting = engagements(text)
    assert visit.type == EngagementType.VISIT and parties(visit) == {
        "لجنة العلاقات الخارجية النيابية العراقية"
    }
    assert visit.location == "أنقرة"
    assert parties(meeting) == {
        "لجنة العلاقات الخارجية النيابية العراقية",
        "لجنة الشؤون الخارجية في البرلمان التركي",
    }


def test_a_place_in_the_topic_is_not_the_venue():
    text = (
        "بحث ولي العهد السعودي الأمير محمد بن سلمان مع الرئيس الفرنسي إيمانويل ماكرون "
        "مستجدات الأوضاع الإنسانية والسياسية والأمنية في غزة."
    )
    [e] = engagements(text)
    assert parties(e) == {"محمد بن سلمان", "إيمانويل ماكرون"}
    assert e.location is None


def test_a_subject_before_an_auxiliary_verb():
    text = "وكان رئيس إقليم كوردستان نيجيرفان بارزاني قد التقى في طهران الرئيس الإيراني إبراهيم رئيسي."
    [e] = engagements(text)
    assert parties(e) == {"نيجيرفان بارزاني", "إبراهيم رئيسي"}
    assert e.location == "طهران"


def facts(text: str, published: date | None = None) -> set[tuple[str, frozenset[str]]]:
    return {(str(e.type), frozenset(parties(e))) for e in engagements(text, published)}


def test_a_comma_bounded_time_or_place_between_verb_and_object_is_skipped():
    text = (
        "التقى وزير الصحة سالم عبد الله المري، في الدوحة صباح أمس (الثلاثاء)، "
        "المدير العام لمنظمة الصحة العالمية تيدروس أدهانوم."
    )
    assert facts(text) == {("meeting", frozenset({"سالم عبد الله المري", "تيدروس أدهانوم"}))}


def test_talks_with_an_object_after_a_comma_bounded_date():
    text = "بحث وزير الري هاني سويلم، اليوم الأحد، مع السفير الهولندي بيتر مولمان التعاون المائي."
    assert facts(text) == {("talks", frozenset({"هاني سويلم", "بيتر مولمان"}))}


def test_arrival_in_a_capital_is_a_visit_and_where_clause_pairs_each_object_with_the_visitor():
    text = (
        "وصل وزير الخارجية الإسباني خوسيه مانويل ألباريس، مساء اليوم، إلى العاصمة السعودية الرياض "
        "في زيارة رسمية، حيث التقى وزير الخارجية فيصل بن فرحان ووزير الدولة عادل الجبير."
    )
    found = facts(text, date(2024, 5, 2))
    assert ("visit", frozenset({"خوسيه مانويل ألباريس"})) in found
    assert ("meeting", frozenset({"خوسيه مانويل ألباريس", "فيصل بن فرحان"})) in found
    assert ("meeting", frozenset({"خوسيه مانويل ألباريس", "عادل الجبير"})) in found
    assert ("meeting", frozenset({"فيصل بن فرحان", "عادل الجبير"})) not in found


def test_a_relative_clause_visit_belongs_to_the_person_before_it():
    text = "واستقبل الرئيس قيس سعيد وزير الخارجية الإيطالي أنطونيو تاياني، الذي يقوم بزيارة عمل إلى تونس."
    found = facts(text)
    assert ("visit", frozenset({"أنطونيو تاياني"})) in found
    assert ("visit", frozenset({"قيس سعيد"})) not in found


def test_a_relative_clause_after_an_unnamed_noun_is_nobody_s_visit():
    text = "والتقى السفير الفرنسي لدى لبنان هيرفيه ماغرو مع المستشار العسكري الذي وصل حديثا إلى بيروت."
    assert not any(t == "visit" for t, _ in facts(text))


def test_a_title_after_the_name_is_that_person_s_title_and_names_them_later():
    text = (
        "التقى الفريق أول عبد الفتاح البرهان رئيس مجلس السيادة الانتقالي، الجنرال مايكل لانغلي "
        "قائد القيادة الأمريكية في أفريقيا. وكان قائد القيادة الأمريكية في أفريقيا قد وصل إلى "
        "الخرطوم أمس في زيارة رسمية."
    )
    found = persons_of(text)
    assert "قائد القيادة الأمريكية في أفريقيا" in found["مايكل لانغلي"].titles
    assert ("visit", frozenset({"مايكل لانغلي"})) in facts(text, date(2024, 2, 2))


def persons_of(text: str) -> dict[str, object]:
    return {a.name: a for a in find_actors(text).actors if a.kind == "person"}


def test_a_visit_tour_with_meetings_in_later_sentences():
    text = (
        "جال المبعوث الأممي إلى ليبيا عبد الله باتيلي أمس الأربعاء على القادة الليبيين، في زيارة "
        "هي الأولى له إلى طرابلس منذ تعيينه في 2 أيلول/سبتمبر الماضي. واستهل باتيلي زيارته بلقاء "
        "رئيس المجلس الرئاسي محمد المنفي. ثم انتقل إلى مقر الحكومة حيث اجتمع مع كل من رئيس الحكومة "
        "عبد الحميد الدبيبة ووزيرة الخارجية نجلاء المنقوش."
    )
    found = {(str(e.type), frozenset(parties(e)), e.date.iso) for e in engagements(text, date(2023, 10, 12))}
    assert found == {
        ("visit", frozenset({"عبد الله باتيلي"}), "2023-10-11"),
        ("meeting", frozenset({"عبد الله باتيلي", "محمد المنفي"}), "2023-10-11"),
        ("meeting", frozenset({"عبد الله باتيلي", "عبد الحميد الدبيبة"}), "2023-10-11"),
        ("meeting", frozenset({"عبد الله باتيلي", "نجلاء المنقوش"}), "2023-10-11"),
    }


def test_a_list_after_with_and_no_subject_is_not_a_meeting_between_its_members():
    text = "وفي الأثناء اجتمع مع كل من رئيس البرلمان عقيلة صالح ورئيس الحكومة أسامة حماد."
    assert facts(text) == set()


def test_a_headline_fact_is_kept_only_when_the_body_reports_it():
    from analysis.extraction.pipeline import extract_document

    body = (
        "وصل وزير الخارجية التركي هاكان فيدان، اليوم الأحد، إلى العاصمة القطرية الدوحة في زيارة رسمية، "
        "حيث التقى أمير قطر الشيخ تميم بن حمد آل ثاني."
    )
    raw = "\n".join(["فيدان يصل إلى الدوحة ويلتقي الأمير ورئيس الوزراء محمد عبد الرحمن", "", body])
    result = extract_document(raw)
    assert result.metadata.title is not None
    assert all(e.evidence.start > 0 for e in result.engagements)
    assert {frozenset(parties(e)) for e in result.engagements} >= {frozenset({"هاكان فيدان"})}


def test_a_meeting_with_a_list_of_participants_is_one_meeting_of_all_of_them():
    text = (
        "احتضنت العاصمة المصرية القاهرة، الأحد، اجتماعاً تشاورياً بشأن السودان، بمشاركة وزير الخارجية "
        "سامح شكري، ووزير الخارجية السعودي فيصل بن فرحان، والمبعوث الأمريكي توم بيرييلو."
    )
    [e] = engagements(text, date(2024, 6, 10))
    assert e.type == EngagementType.MEETING
    assert parties(e) == {"سامح شكري", "فيصل بن فرحان", "توم بيرييلو"}


def test_after_the_meeting_takes_the_date_of_the_meeting_reported_before():
    text = (
        "التقى وزير الخارجية الأردني أيمن الصفدي يوم الثلاثاء 4 حزيران 2024 نظيره المصري سامح شكري. "
        "وعقب الاجتماع، استقبل رئيس الوزراء بشر الخصاونة الوزير المصري سامح شكري في عمان."
    )
    dated = {frozenset(parties(e)): e.date.iso for e in engagements(text, date(2024, 6, 5))}
    assert dated[frozenset({"أيمن الصفدي", "سامح شكري"})] == "2024-06-04"
    assert dated.get(frozenset({"بشر الخصاونة", "سامح شكري"})) == "2024-06-04"


def test_a_venue_phrase_between_commas_and_a_signing_by_both_parties():
    text = (
        "استقبل الفريق أول مصطفى الساعدي، قائد القوات البرية، يوم الاثنين 4 آذار 2024 بمقر قيادة "
        "القوات البرية، الجنرال جيمس هاريس، قائد البعثة الأوروبية. "
        "وتُوّج اللقاء بالتوقيع على خطة تدريب مشتركة، وقّعها الفريق أول الساعدي والجنرال هاريس."
    )
    dated = {(str(e.type), frozenset(parties(e))): e.date.iso for e in engagements(text, date(2024, 3, 5))}
    pair = frozenset({"مصطفى الساعدي", "جيمس هاريس"})
    assert dated[("meeting", pair)] == "2024-03-04"
    assert dated[("agreement", pair)] == "2024-03-04"


def test_a_visit_phrase_between_commas_does_not_cut_the_object_off():
    text = (
        "وكان الوزير البريطاني ديفيد لامي قد التقى، في اليوم الأول من زيارته، "
        "رئيس الوزراء الفلسطيني محمد مصطفى."
    )
    assert ("meeting", frozenset({"ديفيد لامي", "محمد مصطفى"})) in facts(text)


def test_a_foreign_g_spelled_two_ways_is_one_surname():
    text = (
        "التقى وزير الخارجية المصري بدر عبد العاطي المبعوث الأمريكي مارك غرينبرغ. "
        "وقال جرينبرج إن بلاده تدعم الحوار."
    )
    found = persons_of(text)
    assert "جرينبرج" in [m.text for m in found["مارك غرينبرغ"].mentions]


def test_an_arrival_in_a_capital_named_by_its_adjective_is_dated_by_the_trip_s_meeting():
    text = (
        "التقى وزير الداخلية التونسي خالد النوري، في روما أمس (الخميس)، وزير الداخلية الإيطالي "
        "ماتيو بيانتيدوزي. وكان الوزير النوري قد وصل إلى العاصمة الإيطالية في زيارة رسمية."
    )
    dated = {(str(e.type), frozenset(parties(e))): e.date.iso for e in engagements(text, date(2024, 11, 22))}
    assert dated[("visit", frozenset({"خالد النوري"}))] == "2024-11-21"


def test_royal_titles_and_a_venue_before_a_comma_bounded_date():
    text = (
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في قصر السلام بجدة، أمس، "
        "أمير دولة الكويت الشيخ مشعل الأحمد الجابر الصباح."
    )
    [e] = engagements(text, date(2024, 4, 2))
    assert parties(e) == {"سلمان بن عبدالعزيز آل سعود", "مشعل الأحمد الجابر الصباح"}
    assert e.date.iso == "2024-04-01"


def test_talks_held_by_a_coordinated_pair_after_a_light_verb():
    text = "عقد وزير الخارجية الهندي سوبراهمانيام جايشانكار ونظيره الياباني يوكو كاميكاوا جلسة مباحثات في نيودلهي."
    assert facts(text) == {
        ("talks", frozenset({"سوبراهمانيام جايشانكار", "يوكو كاميكاوا"})),
        ("visit", frozenset({"يوكو كاميكاوا"})),  # the Japanese minister met in New Delhi
    }


def test_the_object_of_a_signing_is_not_part_of_a_name():
    text = "ووقع وزير المالية المغربي نادية فتاح العلوي ووزير الاقتصاد الفرنسي برونو لومير اتفاقية تعاون في الرباط."
    found = persons_of(text)
    assert set(found) == {"نادية فتاح العلوي", "برونو لومير"}


def test_a_fronted_meeting_phrase_takes_the_subject_after_the_comma():
    text = "وخلال لقائه مع وزير الخارجية الإيطالي أنطونيو تاياني، أكد الرئيس الجزائري عبد المجيد تبون دعم الحوار."
    assert facts(text) == {("meeting", frozenset({"عبد المجيد تبون", "أنطونيو تاياني"}))}


def test_a_passive_killing_by_a_foreign_strike_names_victim_and_attacker_not_the_place():
    text = (
        "قُتل القيادي في حركة الجهاد علي حسن غالي بغارة إسرائيلية استهدفت شقته في دمشق فجر الأحد 10 آذار 2024."
    )
    [e] = engagements(text, date(2024, 3, 11))
    assert e.type == EngagementType.ATTACK
    assert parties(e) == {"إسرائيل", "علي حسن غالي"}
    assert e.date.iso == "2024-03-10"


def test_may_visit_is_not_a_reported_visit():
    text = "وقال مصدر إن وزير الخارجية الصيني وانغ يي قد يزور طهران الشهر المقبل."
    assert all(e.status == Status.PLANNED for e in engagements(text, date(2024, 3, 1)))


def test_a_nationality_title_names_the_one_person_of_that_country():
    text = (
        "التقى وزير الخارجية القطري محمد الخليفي المبعوث الروسي ميخائيل بوغدانوف في الدوحة. "
        "ثم اجتمع الموفد الروسي مع رئيس الوزراء الفلسطيني محمد مصطفى."
    )
    assert ("meeting", frozenset({"ميخائيل بوغدانوف", "محمد مصطفى"})) in facts(text)


def test_signatories_for_each_side_sign_one_agreement():
    text = (
        "ووقّع الاتفاقية عن الجانب العراقي وزير النفط حيان عبد الغني، وعن الجانب الفرنسي "
        "الرئيس التنفيذي لشركة توتال باتريك بويانيه."
    )
    assert facts(text) == {("agreement", frozenset({"حيان عبد الغني", "باتريك بويانيه"}))}


def test_two_titles_back_to_back_are_two_people():
    text = (
        "أعلن رئيس الوفد المفاوض خالد اليماني وصول الوفد إلى جنيف. "
        "والتقى رئيس الوفد المفاوض السفير البريطاني مايكل آرون في جنيف أمس."
    )
    found = persons_of(text)
    assert found["مايكل آرون"].titles == ["السفير البريطاني"]
    assert ("meeting", frozenset({"خالد اليماني", "مايكل آرون"})) in facts(text, date(2024, 1, 5))


def test_during_his_reception_of_a_delegation_headed_by_someone_is_a_meeting():
    text = (
        "أكد رئيس الوزراء التونسي أحمد الحشاني، خلال استقباله وفداً من البرلمان الأوروبي برئاسة "
        "النائب ميكائيل غاهلر، أهمية الشراكة."
    )
    assert facts(text) == {("meeting", frozenset({"أحمد الحشاني", "ميكائيل غاهلر"}))}


def test_a_tour_gives_one_visit_per_listed_place_dated_to_the_month():
    text = (
        "واختتم وزير الخارجية المصري سامح شكري، أمس الأحد، جولة خليجية شملت الرياض والدوحة "
        "والكويت، بحث خلالها تطورات المنطقة."
    )
    visits = [e for e in engagements(text, published=date(2023, 11, 6)) if e.type == EngagementType.VISIT]
    assert [(e.location, e.date.iso) for e in visits] == [
        ("الرياض", "2023-11"),
        ("الدوحة", "2023-11"),
        ("الكويت", "2023-11"),
    ]
    assert all(parties(e) == {"سامح شكري"} for e in visits)


def test_a_tour_without_a_listed_place_is_no_visit():
    text = "وبدأ وزير الخارجية المصري سامح شكري جولة شملت عددا من العواصم الأوروبية."
    assert [e for e in engagements(text) if e.type == EngagementType.VISIT] == []


def test_a_group_claiming_the_attack_told_before_is_its_attacker():
    text = (
        "تعرّضت قاعدة تضم قوات أمريكية في سوريا، مساء الجمعة، لهجوم بطائرات مسيّرة. "
        "وتبنّت المقاومة الإسلامية في العراق، في بيان، الهجوم."
    )
    [e] = engagements(text, published=date(2024, 2, 10))
    assert e.type == EngagementType.ATTACK
    assert [(p.name, p.role) for p in e.participants] == [
        ("المقاومة الإسلامية في العراق", Role.INITIATOR),
        ("الولايات المتحدة", Role.PARTICIPANT),
    ]
    assert e.date.iso == "2024-02-09" and e.location == "سوريا"
    assert e.more_evidence and "وتبنّت" in e.more_evidence[0].text


def test_a_claim_of_responsibility_naming_its_target():
    text = "وأعلنت حركة أنصار الله مسؤوليتها عن استهداف سفينة بريطانية في البحر الأحمر."
    [e] = engagements(text)
    assert [p.name for p in e.participants] == ["حركة أنصار الله", "بريطانيا"]


def test_an_announcement_without_responsibility_is_no_claim():
    text = "تعرّضت قاعدة تضم قوات أمريكية لهجوم. وأعلنت وزارة الدفاع الأمريكية الهجوم في بيان."
    assert engagements(text) == []


def test_an_agency_dateline_gives_the_place_and_the_day():
    text = "دبي في 21 فبراير/ وام/ استقبل وزير الطاقة سهيل المزروعي السفير الياباني أكيو إيسومتا."
    [e] = engagements(text, published=date(2024, 2, 21))
    assert (e.location, e.date.iso) == ("دبي", "2024-02-21")


def test_an_agency_item_dates_its_undated_engagements_by_the_dateline():
    text = (
        "الرياض في 11 مارس/ واس/ استقبل ولي العهد الأمير محمد بن سلمان رئيس وزراء ماليزيا أنور إبراهيم. "
        "كما تلقى ولي العهد اتصالاً هاتفياً من الرئيس الفرنسي إيمانويل ماكرون. "
        "وكان وزير الخارجية الأمير فيصل بن فرحان قد التقى نظيره الماليزي محمد حسن."
    )
    found = {frozenset(parties(e)): e.date.iso for e in engagements(text, published=date(2024, 3, 11))}
    assert found == {
        frozenset({"محمد بن سلمان", "أنور إبراهيم"}): "2024-03-11",
        frozenset({"أنور إبراهيم"}): "2024-03-11",  # received in Riyadh: his visit
        frozenset({"محمد بن سلمان", "إيمانويل ماكرون"}): "2024-03-11",
        frozenset({"فيصل بن فرحان", "محمد حسن"}): None,  # `وكان ... قد`: earlier, day not given
    }


def test_a_tour_owned_in_the_genitive():
    text = (
        "وتُوّجت المصالحة بجولة الرئيس التركي رجب طيب أردوغان الخليجية في يوليو 2023، التي شملت السعودية وقطر."
    )
    visits = [e for e in engagements(text) if e.type == EngagementType.VISIT]
    assert [(e.location, e.date.iso, parties(e)) for e in visits] == [
        ("السعودية", "2023-07", {"رجب طيب أردوغان"}),
        ("قطر", "2023-07", {"رجب طيب أردوغان"}),
    ]


def test_the_subject_of_an_attack_light_verb_is_the_attacker_even_in_the_pluperfect():
    text = (
        "وكان الحرس الثوري الإيراني قد شنّ، ليلة الاثنين، هجوماً بصواريخ على أربيل، "
        "أسفر عن مقتل رجل الأعمال الكوردي بيشرو دزيي."
    )
    [e] = engagements(text)
    assert [p.name for p in e.participants] == ["الحرس الثوري الإيراني", "بيشرو دزيي"]
    assert e.location == "أربيل"


def test_a_hedged_attack_is_still_no_attack():
    assert engagements("وقد يشن الحرس الثوري هجوما على أربيل يستهدف رجل الأعمال بيشرو دزيي.") == []


def test_a_claim_after_an_apposition_and_a_target_named_in_the_claim():
    text = (
        "استهدف هجوم بطائرة مسيرة قاعدة عين الأسد غرب العراق. "
        "وتبنت المقاومة الإسلامية في العراق الهجوم على القوات الأمريكية."
    )
    [e] = engagements(text)
    assert [p.name for p in e.participants] == ["المقاومة الإسلامية في العراق", "القوات الأمريكية"]
    text = "وأعلنت كتائب القسام، الجناح العسكري لحركة حماس، مسؤوليتها عن استهداف دبابة إسرائيلية."
    [e] = engagements(text)
    assert [p.name for p in e.participants] == ["كتائب القسام", "إسرائيل"]


def test_visiting_a_person_is_meeting_them_and_hosting_is_meeting():
    found = engagements(
        "وزار وزير الخارجية الفرنسي جان نويل بارو البطريرك الماروني بشارة الراعي في بكركي. "
        "وكان وليد جنبلاط قد استضاف بارو إلى مائدة عشاء."
    )
    meetings = {frozenset(parties(e)) for e in found if e.type == EngagementType.MEETING}
    assert meetings == {
        frozenset({"جان نويل بارو", "بشارة الراعي"}),
        frozenset({"وليد جنبلاط", "جان نويل بارو"}),
    }


def test_a_group_announcing_that_it_targeted_a_base_is_its_attacker():
    text = "وأعلنت المقاومة الإسلامية في العراق، فجر اليوم، استهداف قاعدة عين الأسد الأميركية بالصواريخ."
    [e] = engagements(text)
    assert [p.name for p in e.participants] == ["المقاومة الإسلامية في العراق", "الولايات المتحدة"]
    assert engagements("وأعلنت وزارة الدفاع أن قاعدة عين الأسد الأميركية تعرضت لاستهداف.") == []


def test_a_title_named_by_nationality_and_a_move_carry_the_subject():
    found = engagements(
        "بحث وزير الداخلية مازن الفراية مع وزير الداخلية الموريتاني محمد أحمد ولد محمد الأمين سبل التعاون. "
        "والتقى الوزير الموريتاني في وقت لاحق وزير الأشغال العامة ماهر أبو السمن. "
        "ثم انتقل الوزير الموريتاني إلى مقر الحكومة، حيث التقى رئيس الوزراء بشر الخصاونة."
    )
    pairs = {frozenset(parties(e)) for e in found}
    assert frozenset({"محمد أحمد ولد محمد الأمين", "ماهر أبو السمن"}) in pairs
    assert frozenset({"محمد أحمد ولد محمد الأمين", "بشر الخصاونة"}) in pairs


def test_a_fa_clause_keeps_the_sentences_subject():
    found = engagements(
        "وواصل الموفد الفرنسي جان نويل بارو جولته الخميس، فزار البطريرك الماروني بشارة الراعي في بكركي، "
        "ثم التقى رئيس التيار الوطني الحر النائب جبران باسيل."
    )
    assert {frozenset(parties(e)) for e in found if e.type == EngagementType.MEETING} == {
        frozenset({"جان نويل بارو", "بشارة الراعي"}),
        frozenset({"جان نويل بارو", "جبران باسيل"}),
    }


def test_a_visit_to_the_host_country_as_an_agency_names_it():
    text = "بحث وزير الداخلية مازن الفراية مع نظيره التونسي كمال الفقي، الذي يزور المملكة حالياً، سبل التعاون."
    visits = [e for e in engagements(text) if e.type == EngagementType.VISIT]
    assert [(parties(e), e.location) for e in visits] == [({"كمال الفقي"}, "المملكة")]


def test_signatories_after_a_side_named_by_its_state():
    text = (
        "وشهد الوزيران توقيع مذكرة تفاهم، وقعها عن جانب دولة الإمارات معالي الدكتور ثاني بن أحمد الزيودي "
        "وزير دولة للتجارة الخارجية، وعن الجانب الكوري معالي السفير تشوي يونغ سام."
    )
    [e] = engagements(text)
    assert e.type == EngagementType.AGREEMENT
    assert parties(e) == {"ثاني بن أحمد الزيودي", "تشوي يونغ سام"}


def test_subject_in_quotes_before_the_verb_and_its_meetings_on_the_trip():
    text = 'وقال مصدر إن وزير الخارجية الإيراني "عباس عراقجي" زار بيروت، والتقى خلالها برئيس الحكومة نجيب ميقاتي.'
    visit, meeting = engagements(text)
    assert (
        visit.type == EngagementType.VISIT and parties(visit) == {"عباس عراقجي"} and visit.location == "بيروت"
    )
    assert meeting.type == EngagementType.MEETING and parties(meeting) == {"عباس عراقجي", "نجيب ميقاتي"}


def test_present_and_future_forms_of_talks_call_and_visit():
    found = engagements(
        "ويبحث رئيس الوزراء العراقي حيدر العبادي مع الرئيس الإيراني حسن روحاني ملف الحدود. "
        "واتصل الرئيس التركي رجب طيب أردوغان بالرئيس الروسي فلاديمير بوتين. "
        "ويصل وزير الدفاع الأمريكي لويد أوستن اليوم إلى بغداد."
    )
    assert [(e.type, parties(e)) for e in found] == [
        (EngagementType.TALKS, {"حيدر العبادي", "حسن روحاني"}),
        (EngagementType.CALL, {"رجب طيب أردوغان", "فلاديمير بوتين"}),
        (EngagementType.VISIT, {"لويد أوستن"}),
    ]


def test_meetings_planned_during_a_visit_keep_their_objects_and_take_no_date_of_the_visit():
    text = (
        "ووصل وزير الخارجية التركي هاكان فيدان أمس إلى بغداد. "
        "وقال مصدر إن فيدان سيلتقي خلال زيارته رئيس الوزراء محمد شياع السوداني "
        "ورئيس الجمهورية عبد اللطيف رشيد."
    )
    found = engagements(text, published=date(2024, 3, 5))
    visit = found[0]
    assert visit.type == EngagementType.VISIT and visit.date.iso == "2024-03-04"
    meetings = [e for e in found if e.type == EngagementType.MEETING]
    assert [parties(e) - {"هاكان فيدان"} for e in meetings] == [{"محمد شياع السوداني"}, {"عبد اللطيف رشيد"}]
    assert all(e.status == Status.PLANNED and e.date.iso is None for e in meetings)


def test_a_visit_noun_after_the_subject_of_a_meeting_verb_frames_it_and_the_objects_follow():
    text = (
        "ووصل وزير الخارجية التركي هاكان فيدان أمس إلى بغداد. "
        "ومن المقرر أن يلتقي وزير الخارجية التركي خلال هذه الزيارة بعدد من المسؤولين العراقيين "
        "من بينهم رئيس الوزراء محمد شياع السوداني لبحث العلاقات الثنائية."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert [parties(e) for e in meetings] == [{"هاكان فيدان", "محمد شياع السوداني"}]
    assert meetings[0].status == Status.PLANNED


def test_two_hosts_receive_a_guest_in_separate_meetings_past_adverbials():
    text = (
        "استقبل الرئيس الإيراني حسن روحاني، ووزير الخارجية الإيراني محمد جواد ظريف، الخميس، "
        "في لقاءين منفصلين، رئيس الوزراء العراقي حيدر العبادي."
    )
    found = engagements(text)
    assert sorted(sorted(parties(e)) for e in found) == [
        sorted({"حسن روحاني", "حيدر العبادي"}),
        sorted({"محمد جواد ظريف", "حيدر العبادي"}),
    ]
    assert all(e.participants[-1].role == Role.GUEST for e in found)


def test_a_reception_at_an_airport_lists_each_guest():
    text = (
        "استقبل ولي العهد السعودي محمد بن سلمان، بمطار جدة، نظيره البحريني سلمان بن حمد آل خليفة، "
        "ورئيس الوزراء العراقي مصطفى الكاظمي."
    )
    found = engagements(text)
    assert [parties(e) - {"محمد بن سلمان"} for e in found] == [{"سلمان بن حمد آل خليفة"}, {"مصطفى الكاظمي"}]


def test_the_parties_between_a_light_verb_and_its_noun():
    joint = engagements(
        "بدأ كل من الرئيس المصري عبد الفتاح السيسي، ورئيس الوزراء العراقي مصطفى الكاظمي، اجتماعاً مغلقاً في بغداد."
    )
    assert [parties(e) for e in joint] == [{"عبد الفتاح السيسي", "مصطفى الكاظمي"}, {"عبد الفتاح السيسي"}]
    venue = engagements(
        "وعقد رئيس إقليم كردستان مسعود بارزاني والوفد المرافق له في مقر وزارة الخارجية الأمريكية "
        "اجتماعاً مع نائب وزير الخارجية الأمريكي توني بلينكن."
    )
    assert [parties(e) for e in venue] == [{"مسعود بارزاني", "توني بلينكن"}]


def test_states_on_both_sides_of_a_transfer_and_a_deal():
    found = engagements(
        "وقال المتحدث إن روسيا سلمت إلى سورية معدات عسكرية جديدة. "
        'وتسلم العراق، الشهر الماضي، خمس مقاتلات من طراز "سوخوي 25"، من روسيا. '
        "وأعلنت موسكو أمس أنها أبرمت عقود تسلح مع العراق."
    )
    assert [(e.type, parties(e)) for e in found] == [
        (EngagementType.ARMS_TRANSFER, {"روسيا", "سوريا"}),
        (EngagementType.ARMS_TRANSFER, {"روسيا", "العراق"}),
        (EngagementType.AGREEMENT, {"روسيا", "العراق"}),
    ]


def test_talks_between_states_and_an_agreement_a_relative_clause_only_mentions():
    talks = engagements("وتناول الاتصال المفاوضات الجارية في جنيف بين إيران وفرنسا وألمانيا.")
    assert [(e.type, parties(e)) for e in talks] == [(EngagementType.TALKS, {"إيران", "فرنسا", "ألمانيا"})]
    assert engagements("ودعت الأحزاب إلى مراجعة الاتفاقية التي أبرمت بين العراق والولايات المتحدة.") == []


def test_training_between_the_nationalities_around_it():
    [e] = engagements("وقال إن روسيا بدأت تدريب الخبراء السوريين على المنظومة.")
    assert e.type == EngagementType.TRAINING and parties(e) == {"روسيا", "سوريا"}


def test_an_undated_report_takes_the_day_of_the_lead():
    text = (
        "بدأ صباح اليوم السبت 16/7/2022 في جدة توافد القادة المشاركين في القمة. "
        "واستقبل ولي العهد السعودي محمد بن سلمان رئيس الوزراء العراقي مصطفى الكاظمي."
    )
    [e] = engagements(text)
    assert parties(e) == {"محمد بن سلمان", "مصطفى الكاظمي"} and e.date.iso == "2022-07-16"


def test_a_visit_to_a_place_outside_the_gazetteer_is_still_a_visit():
    [e] = engagements("زار الرئيس السوري بشار الأسد، اليوم الثلاثاء، قاعدة حميميم العسكرية.")
    assert e.type == EngagementType.VISIT and parties(e) == {"بشار الأسد"}
    [e] = engagements("ووصل رئيس إقليم كردستان مسعود بارزاني إلى مدينة دياربكر التركية.")
    assert e.type == EngagementType.VISIT and parties(e) == {"مسعود بارزاني"}
    assert engagements("ووصل رئيس إقليم كردستان مسعود بارزاني متأخرا.") == []


def test_names_in_quotes_after_the_verb_and_a_body_met_as_such():
    [e] = engagements(
        "إلتقى اليوم الاثنين، رئيس الوزراء العراقي « حيدر العبادي » وزير الدفاع الإيراني « حسين دهقان »."
    )
    assert parties(e) == {"حيدر العبادي", "حسين دهقان"}
    [e] = engagements(
        "وأبلغ وزير الدفاع الروسي سيرغي شويغو، خلال اجتماع مع أعضاء مجلس الأمن القومي، أن العمل انتهى."
    )
    assert parties(e) == {"سيرغي شويغو", "مجلس الأمن القومي"}


def test_a_visit_told_with_a_light_verb_and_a_time_word():
    [e] = engagements("يقوم اليوم الرئيس التركي رجب طيب أردوغان بأول زيارة رسمية له إلى العراق منذ عقد.")
    assert e.type == EngagementType.VISIT and parties(e) == {"رجب طيب أردوغان"} and e.location == "العراق"


def test_the_next_sentence_goes_on_with_the_same_subject_s_day():
    text = (
        "وأفاد البيان أن الرئيس العراقي عبد اللطيف رشيد وصل إلى الرياض. "
        "وكان رئيس إقليم كردستان نيجيرفان بارزاني زار أنقرة في 16 تشرين الأول 2024 والتقى الرئيس التركي رجب طيب أردوغان. "
        "واجتمع نيجيرفان بارزاني مع وزير الخارجية التركي هاكان فيدان."
    )
    found = engagements(text, published=date(2025, 10, 9))
    last = found[-1]
    assert parties(last) == {"نيجيرفان بارزاني", "هاكان فيدان"} and last.date.iso == "2024-10-16"


def test_a_stop_with_no_space_after_it_ends_the_sentence():
    text = (
        "واتصل الرئيس الإيراني حسن روحاني بالرئيس العراقي برهم صالح.وأشاد روحاني بدعوة المرجع علي السيستاني."
    )
    assert [parties(e) for e in engagements(text)] == [{"حسن روحاني", "برهم صالح"}]


def test_a_meeting_the_visitor_came_for_and_a_joint_press_conference():
    [visit, meeting] = engagements(
        "وصل إلى دمشق اليوم وفد روسي برئاسة نائب وزير الخارجية الروسي ميخائيل بوغدانوف، "
        "بهدف لقاء قائد الإدارة السورية أحمد الشرع."
    )
    assert parties(visit) == {"ميخائيل بوغدانوف"}
    assert parties(meeting) == {"ميخائيل بوغدانوف", "أحمد الشرع"} and meeting.status == Status.PLANNED
    [e, trip] = engagements(
        "كشف وزير الخارجية العراقي إبراهيم الجعفري عن نية بلاده شراء منظومة دفاعية. "
        "جاء ذلك خلال مؤتمر صحفي مشترك مع نائب الرئيس الروسي دميتري روغوزين في موسكو."
    )
    assert trip.type == EngagementType.VISIT and parties(trip) == {"إبراهيم الجعفري"}
    assert parties(e) == {"إبراهيم الجعفري", "دميتري روغوزين"} and e.location == "موسكو"


def test_a_deal_named_by_its_nationality_and_its_recipient():
    [e] = engagements("وتحدث الوزير عن صفقة الأسلحة الروسية للعراق.")
    assert e.type == EngagementType.ARMS_TRANSFER and parties(e) == {"روسيا", "العراق"}


def test_each_meeting_of_a_list_takes_the_place_named_with_it():
    text = (
        "وزار وزير الخارجية الإيراني عباس عراقجي لبنان وسوريا، والتقى برئيس النظام السوري بشار الأسد في دمشق، "
        "وبرئيس مجلس النواب اللبناني نبيه بري في العاصمة اللبنانية بيروت."
    )
    places = {
        frozenset(parties(e)): e.location for e in engagements(text) if e.type == EngagementType.MEETING
    }
    assert places == {
        frozenset({"عباس عراقجي", "بشار الأسد"}): "دمشق",
        frozenset({"عباس عراقجي", "نبيه بري"}): "بيروت",
    }


def test_no_engagement_from_a_source_a_call_for_a_meeting_or_an_unnamed_official_s_body():
    assert engagements("وبحسب ما صرّح به المتحدث باسم الكرملين ديمتري بيسكوف، فإن العمل انتهى.") == []
    assert engagements("وأكد الوزير ضرورة اجتماع اللجنة العليا بين العراق وتركيا في بغداد.") == []
    text = "رئيس هيئة الأركان الإيراني يلتقي رئيس أركان الجيش العراقي عبد الأمير يار الله في بغداد."
    assert all("هيئة الأركان الإيراني" not in parties(e) for e in engagements(text))


def test_a_capital_with_b_attached_is_where_an_attack_hit():
    found = engagements("واستهدفت أربع غارات أخرى منطقة الحفا في مديرية السبعين (بصنعاء).")
    assert all("اليمن" not in parties(e) for e in found)


def test_a_demonstrative_on_the_place_leaves_the_visit_new():
    found = engagements(
        "وقال المصدر إن رئيس الوزراء العراقي نوري المالكي وقع الاتفاق خلال زيارته الى هذا البلد."
    )
    assert [(e.type, parties(e)) for e in found] == [(EngagementType.VISIT, {"نوري المالكي"})]
    assert engagements("وقال المصدر إن رئيس الوزراء العراقي نوري المالكي أكد أن زيارته هذه ناجحة.") == []


def test_an_earlier_visit_by_the_same_person_is_its_own_with_the_day_of_its_meeting():
    text = (
        "وتوجه رئيس إقليم كردستان نيجيرفان بارزاني، صباح اليوم الخميس 9 تشرين الأول 2025، إلى تركيا في زيارة رسمية. "
        "وكان نيجيرفان بارزاني، زار العاصمة التركية أنقرة في زيارة رسمية التقى خلالها "
        "الرئيس التركي رجب طيب أردوغان، في 16 تشرين الأول 2024."
    )
    visits = [e for e in engagements(text) if e.type == EngagementType.VISIT]
    assert [(e.location, e.date.iso) for e in visits] == [("تركيا", "2025-10-09"), ("أنقرة", "2024-10-16")]


def test_two_persons_before_a_comma_and_a_dual_verb():
    [e, trip] = engagements(
        "أفادت الوكالة أن الرئيس الروسي فلاديمير بوتين والرئيس السوري بشار الأسد، التقيا، اليوم، في موسكو."
    )
    assert parties(trip) == {"بشار الأسد"}  # the Syrian met in Moscow is visiting it
    assert parties(e) == {"فلاديمير بوتين", "بشار الأسد"}


def test_talks_and_a_signing_told_with_their_attendees_before_them():
    text = (
        "وقال المكتب في بيان، « بحضور رئيس الوزراء العراقي عادل عبد المهدي والرئيس الإيراني حسن روحاني "
        "جرى في بغداد، وفي ختام جلسة المباحثات المشتركة التوقيع على عدد من مذكرات التفاهم »."
    )
    found = [e for e in engagements(text) if e.type != EngagementType.VISIT]
    assert {e.type for e in found} == {EngagementType.TALKS, EngagementType.AGREEMENT}
    assert all(parties(e) == {"عادل عبد المهدي", "حسن روحاني"} for e in found)


def test_a_companion_and_earlier_trips_to_two_places_are_visits_of_their_own():
    found = engagements(
        "ويصل وزير الخارجية الأمريكي أنتوني بلينكن اليوم إلى بيروت، يرافقه المبعوث الأمريكي آموس هوكستين."
    )
    assert sorted((sorted(parties(e)), e.location) for e in found) == [
        (["آموس هوكستين"], "بيروت"),
        (["أنتوني بلينكن"], "بيروت"),
    ]
    trips = engagements(
        "وقال المصدر إن وزير الخارجية الإيراني عباس عراقجي زار بغداد عقب زيارتين إلى لبنان وسوريا."
    )
    assert sorted(e.location for e in trips) == ["بغداد", "سوريا", "لبنان"]


def test_visiting_a_body_at_its_seat_is_meeting_it():
    found = engagements("وزار وزير الخارجية التركي هاكان فيدان مقر هيئة الحشد الشعبي في بغداد.")
    assert [(e.type, parties(e)) for e in found] == [
        (EngagementType.VISIT, {"هاكان فيدان"}),
        (EngagementType.MEETING, {"هاكان فيدان", "هيئة الحشد الشعبي"}),
    ]


def test_a_verb_after_a_separate_و_keeps_the_sentence_s_subject():
    found = engagements(
        "كما تفقد وزير الخارجية التركي هاكان فيدان في كركوك الآثار، ثم توجه إلى أربيل و التقى فيها مع "
        "رئيس الإقليم نيجيرفان بارزاني."
    )
    assert [parties(e) for e in found] == [{"هاكان فيدان", "نيجيرفان بارزاني"}]


def test_the_objects_of_a_verb_end_where_another_clause_begins():
    text = (
        "وعقدت اجتماعات سرية في بغداد بين قائد فيلق القدس قاسم سليماني وقادة الفصائل، "
        "فيما أعلنت حركة النجباء بزعامة أكرم الكعبي فتح باب التطوع."
    )
    assert all("أكرم الكعبي" not in parties(e) for e in engagements(text))


def test_those_who_attended_a_meeting_told_before_are_its_parties():
    text = (
        "والتقى وزير الخارجية التركي هاكان فيدان رئيس الإقليم نيجيرفان بارزاني في أربيل. "
        "و حضر اللقاء كل من وزير الداخلية ريبر أحمد و رئيس المجلس الوطني السوري عبد الباسط سيدا."
    )
    [e] = engagements(text)
    assert parties(e) == {"هاكان فيدان", "نيجيرفان بارزاني", "ريبر أحمد", "عبد الباسط سيدا"}


def test_those_who_took_part_in_the_meeting_told_before_are_its_parties_not_a_meeting_of_their_own():
    text = (
        "استقبل رئيس الحكومة نجيب ميقاتي القائد العام للقوات الدولية الجنرال ارولدو لازارو في السرايا. "
        "وشارك في الاجتماع مستشارا رئيس الحكومة السفير بطرس عساكر وزياد ميقاتي."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert [parties(e) for e in meetings] == [{"نجيب ميقاتي", "ارولدو لازارو", "بطرس عساكر", "زياد ميقاتي"}]


def test_an_attendee_of_the_meeting_told_two_sentences_before_joins_it():
    text = (
        "استقبل رئيس الجمهورية سامي الحداد وزير الخارجية المغربي كريم التازي. "
        "وتناول اللقاء علاقات التعاون بين البلدين. "
        "وحضر اللقاء رئيس الوزراء ماجد السويدي."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert [parties(e) for e in meetings] == [{"سامي الحداد", "كريم التازي", "ماجد السويدي"}]


def test_attendees_join_the_meeting_the_story_told_several_sentences_before():
    text = (
        "استقبل رئيس الجمهورية سامي الحداد وزير الخارجية المغربي كريم التازي. "
        "وتناول اللقاء علاقات التعاون بين البلدين. "
        "وأكد الرئيس حرص بلاده على تعزيز التعاون. "
        "ونقل الوزير تحيات ملك المغرب. "
        "وأعرب عن شكره لحسن الاستقبال. "
        "وحضر اللقاء رئيس الوزراء ماجد السويدي والسفير نبيل الخوري."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert [parties(e) for e in meetings] == [{"سامي الحداد", "كريم التازي", "ماجد السويدي", "نبيل الخوري"}]


def test_attendees_do_not_join_a_meeting_of_states_told_sentences_before():
    text = (
        "أعلن عن عقد الاجتماع الوزاري المقبل بين المغرب وتونس. "
        "وانعقدت الدورة الحالية عبر الفيديو. "
        "وحضر الاجتماع وزير الخارجية سامي الحداد، ووزير الخارجية كريم التازي."
    )
    assert {"سامي الحداد", "كريم التازي"} in [parties(e) for e in engagements(text)]


def test_no_visit_from_a_possessor_alone_nor_a_purpose_clause_subject():
    assert (
        engagements(
            "وقالت المصادر إن الموفد الفرنسي لم يلتقِ أي مسؤول من حزب الله هذه المرة، خلافاً لزياراته السابقة."
        )
        == []
    )
    found = engagements(
        "والتقى وزير الخارجية الأمريكي أنتوني بلينكن مع كل من وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني "
        "ورئيس المخابرات المصرية عباس كامل، لبحث اتفاق محتمل."
    )
    assert all("أنتوني بلينكن" in parties(e) for e in found)


def test_a_clause_joined_after_a_comma_keeps_the_sentence_s_subject():
    found = engagements(
        "وصل مستشار الأمن القومي العراقي قاسم الأعرجي إلى أربيل على رأس لجنة شكلها رئيس الوزراء "
        "محمد شياع السوداني، والتقى وزير داخلية الإقليم ريبر أحمد."
    )
    meeting = next(e for e in found if e.type == EngagementType.MEETING)
    assert parties(meeting) == {"قاسم الأعرجي", "ريبر أحمد"}


def test_training_named_as_the_purpose_of_a_gathering():
    [e] = engagements(
        "وتدفق مئات من عناصر الفصائل على معسكرات في إيران لغرض التدريب على قتال الشوارع "
        "باشراف عناصر من الحرس الثوري الإيراني بالتنسيق مع حزب الله اللبناني."
    )
    assert e.type == EngagementType.TRAINING and parties(e) == {"الحرس الثوري الإيراني", "حزب الله اللبناني"}


def test_a_joint_appearance_with_someone_is_meeting_them():
    [e] = engagements(
        "وقال رئيس إقليم كردستان مسعود بارزاني خلال تجمع حاشد مشترك مع "
        "رئيس الوزراء التركي رجب طيب أردوغان، في ديار بكر، إن السلام ممكن."
    )
    assert parties(e) == {"مسعود بارزاني", "رجب طيب أردوغان"}
    assert (
        engagements("وأكد رئيس الوزراء العراقي محمد شياع السوداني أهمية التعاون المشترك بين البلدين.") == []
    )


def test_training_of_one_nation_s_crews_in_another_state():
    [e] = engagements(
        "وأفاد قائد القوة الجوية الأميركية بأنه يجري تدريب طيارين عراقيين على الطائرات في الولايات المتحدة."
    )
    assert e.type == EngagementType.TRAINING and parties(e) == {"العراق", "الولايات المتحدة"}


def test_officials_left_unnamed_stand_for_their_state():
    [e] = engagements("وأوضحت أن قائد القيادة المركزية الأمريكية مايكل كوريلا التقى مع القادة في بغداد.")
    assert parties(e) == {"مايكل كوريلا", "العراق"}
    [e] = engagements(
        "وقال المصدر إن وزير الخارجية التركي هاكان فيدان سيبحث مع المسؤولين العراقيين ملف المياه."
    )
    assert parties(e) == {"هاكان فيدان", "العراق"} and e.status == Status.PLANNED


def test_a_signing_s_day_is_not_the_day_of_a_visit_told_after_it():
    text = (
        "وأعلنت موسكو أنها أبرمت خلال الفصل الثاني من 2012 عقود تسلح مع العراق، في الوقت الذي "
        "يقوم فيه رئيس الوزراء العراقي نوري المالكي بزيارة إلى موسكو."
    )
    found = {e.type: e for e in engagements(text)}
    assert found[EngagementType.AGREEMENT].date.iso == "2012-04"
    assert found[EngagementType.VISIT].date.iso is None


def test_talks_held_in_a_phone_call_are_a_call_and_a_letter_handed_over_is_other():
    [call] = engagements(
        "بحث وزير الخارجية العراقي فؤاد حسين مع نظيره الإيراني عباس عراقجي في اتصال هاتفي العلاقات الثنائية."
    )
    assert call.type == EngagementType.CALL and call.location is None
    [letter] = engagements(
        "سلم السفير الإيراني محمد كاظم آل صادق رسالة من الرئيس الإيراني مسعود بزشكيان "
        "إلى رئيس الوزراء العراقي محمد شياع السوداني."
    )
    assert letter.type == EngagementType.OTHER
    assert parties(letter) == {"محمد كاظم آل صادق", "مسعود بزشكيان", "محمد شياع السوداني"}


def test_talks_under_way_take_no_day():
    text = (
        "أجرى وزير الخارجية العراقي فؤاد حسين يوم الجمعة 25 تموز 2025 اتصالاً هاتفياً مع نظيره الإيراني عباس عراقجي. "
        "وتناول الجانبان المفاوضات الجارية في تركيا بين إيران وفرنسا وألمانيا."
    )
    talks = next(e for e in engagements(text) if e.type == EngagementType.TALKS)
    assert parties(talks) == {"إيران", "فرنسا", "ألمانيا"} and talks.date.iso is None


def test_those_attending_join_the_meeting_and_a_summit_s_attending_states_are_its_parties():
    [e] = engagements(
        "واستهل الموفد الفرنسي جان إيف لودريان لقاءاته باجتماع مع رئيس مجلس النواب نبيه بري في عين التينة، "
        "بحضور السفير الفرنسي لدى لبنان هيرفيه ماغرو."
    )
    assert parties(e) == {"جان إيف لودريان", "نبيه بري", "هيرفيه ماغرو"}
    summit = engagements("ويشارك الرئيس الأمريكي جو بايدن في قمة في جدة، يحضرها قادة مصر، والأردن، والعراق.")
    assert {frozenset(parties(e)) for e in summit} == {
        frozenset({"جو بايدن", state}) for state in ("مصر", "الأردن", "العراق")
    }


def test_a_subject_after_the_verb_meets_the_officials_marked_with_b():
    text = (
        "وبحث الرئيس الفرنسي إيمانويل ماكرون هاتفياً مع العاهل الأردني عبد الله الثاني الأوضاع، في وقت "
        "التقى فيه وزير خارجيته جان إيف لودريان بالمسؤولين العراقيين."
    )
    found = {frozenset(parties(e)) for e in engagements(text)}
    assert frozenset({"جان إيف لودريان", "العراق"}) in found
    assert frozenset({"إيمانويل ماكرون", "جان إيف لودريان"}) not in found


def test_the_person_a_title_describes_is_the_subject_not_the_body_in_the_title():
    text = (
        "أفادت وكالة أنباء محلية بأن اللواء عبد الرحمن الزبيدي قائد «فيلق الشام» التابع لـ«الحرس الوطني» "
        "وصل إلى مدينة عدن أمس الأحد."
    )
    found = [(str(e.type), parties(e)) for e in engagements(text)]
    assert found == [("visit", {"عبد الرحمن الزبيدي"})]


def test_a_verbal_noun_with_a_possessive_pronoun_is_a_trigger():
    text = (
        "وأعلن وزير الخارجية المصري سامح شكري أمس أن مباحثاته مع نظيره الأردني أيمن الصفدي "
        "تناولت الأوضاع في غزة."
    )
    assert [(str(e.type), parties(e)) for e in engagements(text)] == [("talks", {"سامح شكري", "أيمن الصفدي"})]


def test_the_caller_after_a_comma_bounded_time_is_a_party():
    text = (
        "وتلقى الرئيس الإماراتي محمد بن زايد آل نهيان، رئيس الدولة، اتصالاً هاتفياً، خلال الساعات "
        "الماضية، من الرئيس الفرنسي إيمانويل ماكرون."
    )
    assert [(str(e.type), parties(e)) for e in engagements(text)] == [
        ("call", {"محمد بن زايد آل نهيان", "إيمانويل ماكرون"})
    ]


def test_an_object_with_b_after_a_comma_bounded_time_is_a_party():
    text = "واجتمع الرئيس اللبناني جوزاف عون، صباح اليوم، بالموفد الأمريكي توم براك في قصر بعبدا."
    assert [(str(e.type), parties(e)) for e in engagements(text)] == [("meeting", {"جوزاف عون", "توم براك"})]


def test_a_sender_named_in_a_relative_clause_about_the_guest_is_not_at_the_meeting():
    text = (
        "استقبل الرئيس الجزائري عبد المجيد تبون، اليوم الأحد، وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني "
        "الذي حمل معه رسالة خطية من أمير قطر تميم بن حمد آل ثاني."
    )
    meetings = [parties(e) for e in engagements(text) if e.type == EngagementType.MEETING]
    assert meetings == [{"عبد المجيد تبون", "محمد بن عبد الرحمن آل ثاني"}]


def test_a_clause_after_faqad_keeps_the_sentence_subject():
    text = (
        "والتقى المشير خليفة حفتر عدداً من المسؤولين منذ الأسبوع الماضي، فقد استقبل في مكتبه ببنغازي "
        "السبت الماضي السفير الإيطالي جوزيبي بوتشينو."
    )
    assert {"خليفة حفتر", "جوزيبي بوتشينو"} in [parties(e) for e in engagements(text)]


def test_the_present_tense_with_today_or_ala_an_is_planned():
    today = "يصل وزير الخارجية الأمريكي أنتوني بلينكن اليوم إلى بيروت في زيارة رسمية."
    agreed = (
        "والتقى رئيس الوزراء العراقي محمد شياع السوداني أمس في أنقرة وزير الخارجية التركي هاكان فيدان، "
        "على أن يجتمع مع الرئيس التركي رجب طيب أردوغان في وقت لاحق."
    )
    past = "وكان رئيس الوزراء العراقي محمد شياع السوداني يزور أنقرة حين اندلعت الأزمة."
    assert [e.status for e in engagements(today)] == [Status.PLANNED]
    assert [e.status for e in engagements(agreed) if "رجب طيب أردوغان" in parties(e)] == [Status.PLANNED]
    assert [e.status for e in engagements(past)] == [Status.REPORTED]


def test_a_number_that_arrived_is_no_visit_of_the_group_named_after_it():
    text = "ووصل عدد القتلى في الهجوم الذي نفذه تنظيم داعش إلى خمسين شخصا بحسب وزارة الصحة العراقية."
    assert [e for e in engagements(text) if e.type == EngagementType.VISIT] == []


def test_a_visit_after_bad_is_the_sentence_subjects_and_so_are_its_meetings():
    text = (
        "وعاد رئيس الوزراء العراقي محمد شياع السوداني إلى بغداد بعد زيارة إلى واشنطن التقى خلالها "
        "الرئيس الأمريكي جو بايدن."
    )
    found = {(str(e.type), frozenset(parties(e))) for e in engagements(text)}
    assert found == {
        ("visit", frozenset({"محمد شياع السوداني"})),
        ("meeting", frozenset({"محمد شياع السوداني", "جو بايدن"})),
    }


def test_a_military_operation_against_a_group_is_an_attack_on_it():
    [e] = engagements(
        "وتأتي الزيارة مع العملية العسكرية التي تقوم بها القوات التركية في ريف حلب ضد تنظيم داعش."
    )
    assert e.type == EngagementType.ATTACK
    assert parties(e) == {"القوات التركية", "تنظيم داعش"}
    assert engagements("وقال الوزير سامي الخطيب إن تركيا ستوقف العملية العسكرية خلال أيام.") == []


def test_a_relative_clause_after_a_bracketed_short_form_describes_the_party():
    [e] = engagements(
        "وتأتي الزيارة مع العملية العسكرية التي تقوم بها القوات التركية في ريف حلب ضد تنظيم داعش (التنظيم) "
        "والتي يدعمها مقاتلو حزب البعث المنحل."
    )
    assert parties(e) == {"القوات التركية", "تنظيم داعش"}


def test_attack_nouns_in_the_plural_are_attacks():
    [e] = engagements("وشن الجيش الإسرائيلي غارات على مواقع لحزب الله في جنوب لبنان.")
    assert e.type == EngagementType.ATTACK and parties(e) == {"الجيش الإسرائيلي", "حزب الله"}


def test_the_results_of_someones_past_visits_are_no_visit():
    text = "واستعرض وزير الخارجية سامي الحداد نتائج زياراته الأخيرة إلى عدد من الدول."
    assert not [e for e in engagements(text) if e.type == EngagementType.VISIT]


def test_states_after_an_attack_light_verb_are_the_attackers():
    text = "شنت الولايات المتحدة وفرنسا غارات جوية على مواقع تنظيم داعش شمالي العراق."
    [e] = engagements(text)
    assert e.type == EngagementType.ATTACK
    assert {"الولايات المتحدة", "فرنسا"} <= parties(e)


def test_states_before_an_attack_light_verb_are_its_subject_not_the_speaker_before_them():
    text = (
        "وأعلن المتحدث باسم الجماعة سامي الحداد أن الولايات المتحدة وفرنسا شنتا غارات جوية على ميناء الحديدة."
    )
    attacks = [e for e in engagements(text) if e.type == EngagementType.ATTACK]
    assert [parties(e) for e in attacks] == [{"الولايات المتحدة", "فرنسا"}]


def test_nationality_adjectives_after_an_attack_light_verb_name_the_attackers():
    text = "شنت المقاتلات الأميركية الفرنسية، مساء الخميس، غارات على مواقع لتنظيم داعش في سوريا."
    [e] = engagements(text)
    assert {"الولايات المتحدة", "فرنسا"} <= parties(e)


def test_a_possessor_named_in_no_sentence_of_its_own_is_the_person_the_sentence_before_is_about():
    text = (
        "أشاد وزير الدفاع سامي الحداد بالعلاقات الثنائية بين البلدين. "
        "جاء ذلك لدى لقائه بمكتبه اليوم سفير المغرب كريم التازي."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert [parties(e) for e in meetings] == [{"سامي الحداد", "كريم التازي"}]


def test_the_pronoun_after_that_is_the_person_of_the_sentences_before_and_the_named_one_is_met():
    text = (
        "ودعا رئيس الحكومة سامي الحداد إلى الحوار. "
        "ووصف الموقف المغربي بالإيجابي، مؤكدا أنه سيلتقي وزير الخارجية المغربي كريم التازي قريبا."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert [parties(e) for e in meetings] == [{"سامي الحداد", "كريم التازي"}]


def test_a_pronoun_in_a_sentence_that_names_someone_before_it_is_not_carried_back():
    text = (
        "ودعا رئيس الحكومة سامي الحداد إلى الحوار. "
        "وقال الوزير ماجد السويدي إن الموقف إيجابي، مؤكدا أنه سيلتقي وزير الخارجية المغربي كريم التازي."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert all("سامي الحداد" not in parties(e) for e in meetings)


def test_two_states_named_before_a_dual_verb_signed_together():
    text = (
        "قال مصدر دبلوماسي إن المحادثات كانت مثمرة. "
        "وكانت تونس والمغرب قد وقعتا الأسبوع الماضي على اتفاق للتعاون في مجال الحدود."
    )
    assert {"تونس", "المغرب"} in [parties(e) for e in engagements(text)]


def test_a_state_that_began_receiving_weapons_receives_them_from_the_seller():
    text = "قال مصدر عسكري إن الصفقة تسير كما خطط لها. وأعلن المسؤول أن ليبيا بدأت تلقي أسلحة من إيطاليا بموجب العقد."
    assert {"ليبيا", "إيطاليا"} in [parties(e) for e in engagements(text)]


def test_a_submarine_received_is_an_arms_transfer():
    text = "قال مصدر عسكري إن الصفقة تسير كما خطط لها. وتسلمت تونس غواصة حربية من ألمانيا."
    found = [(e.type, parties(e)) for e in engagements(text)]
    assert (EngagementType.ARMS_TRANSFER, {"تونس", "ألمانيا"}) in found


def test_the_supplier_named_only_by_the_goods_adjective_is_past_a_quoted_model_name():
    text = 'أكد الموقع أن القوات البحرية المغربية تسلمت غواصة حربية من طراز "كيلو 636" الروسية الصنع، في صفقة كبيرة.'
    transfers = [e for e in engagements(text) if e.type == EngagementType.ARMS_TRANSFER]
    assert any(parties(e) == {"القوات البحرية المغربية", "روسيا"} for e in transfers)


def test_the_supplier_by_adjective_is_its_government_when_the_document_names_it():
    text = (
        "أعلنت وزارة الدفاع المغربية وصول شحنة من القنابل الثقيلة الأميركية إلى المغرب. "
        "وقالت الوزارة إنها تسلمت الشحنة التي أرسلتها الحكومة الأميركية."
    )
    transfers = [e for e in engagements(text) if e.type == EngagementType.ARMS_TRANSFER]
    assert any(parties(e) == {"المغرب", "الحكومة الأميركية"} for e in transfers)
    assert not any("الولايات المتحدة" in parties(e) for e in transfers)


def test_what_was_signed_between_two_states_is_their_agreement():
    text = "وأوضحت الوزارة أن ما تم توقيعه بين تونس والجزائر الشهر الماضي هو مذكرة تفاهم أمنية."
    found = [parties(e) for e in engagements(text) if e.type == EngagementType.AGREEMENT]
    assert found == [{"تونس", "الجزائر"}]


def test_what_was_contracted_between_two_states_is_their_agreement():
    text = "ووصلت الدفعة الأولى من المدرعات التي تم التعاقد عليها بين المغرب وفرنسا العام الماضي."
    assert {"المغرب", "فرنسا"} in [
        parties(e) for e in engagements(text) if e.type == EngagementType.AGREEMENT
    ]


def test_a_joint_exercise_with_a_state_is_no_joint_appearance():
    text = "وأجرى الجيش الأردني مناورات بحرية مشتركة مع الكويت في خليج العقبة أمس."
    found = engagements(text)
    assert [e.type for e in found] == [EngagementType.TRAINING]
    assert {"الجيش الأردني", "الكويت"} <= parties(found[0])


def test_states_after_between_are_the_two_sides_of_a_joint_exercise():
    text = (
        "انطلقت مناورات عسكرية مشتركة بين إيران والصين، داخل المياه الإقليمية في مضيق هرمز، صباح اليوم الأحد."
    )
    found = [e for e in engagements(text) if e.type == EngagementType.TRAINING]
    assert [parties(e) for e in found] == [{"إيران", "الصين"}]


def test_a_definite_exercise_said_joint_is_a_new_one_with_its_parties():
    text = (
        "اختتمت اليوم فعاليات المناورات المصرية الكويتية المشتركة “درع 4” والتي انطلقت بقاعدة سفاجا "
        "بمشاركة القوات المسلحة الكويتية."
    )
    found = [e for e in engagements(text) if e.type == EngagementType.TRAINING]
    assert len(found) == 1 and {"مصر", "القوات المسلحة الكويتية"} <= parties(found[0])


def test_exercises_between_two_states_after_their_noun():
    text = "بدأت مناورات بحرية مشتركة بين باكستان وتركيا في بحر العرب صباح اليوم."
    assert any(
        e.type == EngagementType.TRAINING and parties(e) == {"باكستان", "تركيا"} for e in engagements(text)
    )


def test_an_arms_deal_between_two_capitals_has_both_sides():
    text = "وكانت صفقة بين أنقرة والدوحة قد شملت تسليم طائرات مسيرة."
    assert any(
        e.type == EngagementType.ARMS_TRANSFER and parties(e) >= {"تركيا", "قطر"} for e in engagements(text)
    )


def test_definite_exercises_named_by_two_nationality_adjectives_are_new():
    text = "قال المتحدث إن التحضيرات انتهت. وستنطلق المناورات العسكرية الباكستانية التركية في بحر العرب."
    assert any(
        e.type == EngagementType.TRAINING and parties(e) == {"باكستان", "تركيا"} for e in engagements(text)
    )


def test_a_state_name_that_is_also_an_adjective_after_another_names_a_side():
    text = "قال المتحدث إن التحضيرات انتهت. واختتمت أمس المناورات الأردنية السعودية المشتركة في العقبة."
    assert any(
        e.type == EngagementType.TRAINING and parties(e) >= {"الأردن", "السعودية"} for e in engagements(text)
    )


def test_two_states_agreeing_take_the_feminine_verb():
    text = "اتفقت تونس والجزائر، على تشكيل لجنة عسكرية مشتركة."
    assert any(
        e.type == EngagementType.AGREEMENT and parties(e) == {"تونس", "الجزائر"} for e in engagements(text)
    )


def test_a_state_that_will_sign_takes_the_feminine_future():
    text = "وقال المتحدث إن قطر ستوقع مع تركيا اتفاقية دفاعية الأسبوع المقبل."
    assert any(
        e.type == EngagementType.AGREEMENT and parties(e) == {"قطر", "تركيا"} for e in engagements(text)
    )


def test_a_state_after_a_quarter_is_where_an_army_struck_not_a_party():
    text = "وشن الجيش التركي غارات على جبل قنديل في شمال العراق."
    attacks = [e for e in engagements(text) if e.type == EngagementType.ATTACK]
    assert [parties(e) for e in attacks] == [{"الجيش التركي"}]


def test_a_state_after_a_place_in_it_is_no_party_of_the_attack():
    text = "وقصفت المدفعية الإيرانية مناطق حدودية في كردستان العراق."
    attacks = [e for e in engagements(text) if e.type == EngagementType.ATTACK]
    assert all("العراق" not in parties(e) for e in attacks)


def test_a_series_of_the_meetings_after_a_light_verb_is_a_meeting_with_its_object():
    text = (
        "وعقد وزير الخارجية الروسي سيرغي لافروف سلسلة من اللقاءات الثنائية مع وزير الخارجية المصري سامح شكري."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert [{p.name for p in e.participants} for e in meetings] == [{"سيرغي لافروف", "سامح شكري"}]


def test_a_count_of_definite_meetings_is_new_meetings_with_each_official_named():
    text = (
        "ووصل ولي العهد الأمير كريم التازي إلى إسلام أباد. وخلال الزيارة سيعقد التازي عددا من "
        "الاجتماعات مع عدد من كبار المسؤولين بينهم الرئيس سامي الحداد ورئيس الوزراء ماجد السويدي."
    )
    meetings = [e for e in engagements(text) if e.type == EngagementType.MEETING]
    assert sorted(sorted(parties(e)) for e in meetings) == [
        ["سامي الحداد", "كريم التازي"],
        ["كريم التازي", "ماجد السويدي"],
    ]
    assert all(e.status == Status.PLANNED for e in meetings)


def test_a_meeting_noun_after_the_object_of_a_talks_verb_is_not_its_time_frame():
    text = (
        "التقى السفير الروسي كريم التازي رئيس هيئة الحشد الشعبي سامي الحداد. وناقش التازي والحداد "
        "تبادل الخبرات بين روسيا وقوات الحشد الشعبي، كما ناقش الدعم الروسي للقوات المسلحة العراقية "
        "خلال لقائه الأمين العام لعصائب أهل الحق ماجد السويدي."
    )
    assert not any("القوات المسلحة العراقية" in parties(e) for e in engagements(text))


def test_an_announced_arrival_is_a_visit_of_the_one_who_arrives():
    text = "أعلنت وزارة الدفاع الروسية، اليوم الثلاثاء، وصول الوزير سيرغي شويجو إلى إيران."
    [e] = [e for e in engagements(text) if e.type == EngagementType.VISIT]
    assert parties(e) == {"سيرغي شويجو"}
