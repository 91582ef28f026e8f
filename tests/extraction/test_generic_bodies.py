"""Generic state bodies (`الجيش العراقي`, `القوات التركية`): listed only as parties of an engagement."""

from analysis.extraction.actors import find_actors
from analysis.extraction.generic_bodies import is_generic_body
from analysis.extraction.pipeline import extract_document


def parties(text: str) -> list[set[str]]:
    return [{p.name for p in e.participants} for e in extract_document(text).engagements]


def actor_names(text: str) -> set[str]:
    return {a.name for a in extract_document(text).actors}


def test_a_body_that_is_the_object_of_talks_is_a_party_and_an_actor():
    text = "وصل وزير الدفاع العراقي سامي الخطيب إلى عمان. وأكد الخطيب أن مباحثاته مع قادة أركان الجيش الأردني تناولت أمن الحدود."
    assert {"سامي الخطيب", "الجيش الأردني"} in parties(text)
    assert "الجيش الأردني" in actor_names(text)


def test_a_body_in_no_engagement_is_no_actor():
    text = "وقال وزير الخارجية العراقي سامي الخطيب إن القوات العراقية تسيطر على الحدود مع سوريا."
    assert "القوات العراقية" not in actor_names(text)
    assert "سامي الخطيب" in actor_names(text)


def test_the_name_drops_an_attached_lam():
    assert is_generic_body("الجيش اللبناني") and not is_generic_body("الجيش الحر")
    assert not any(
        is_generic_body(a.name) for a in find_actors("وقصفت الطائرات مواقع الجيش السوري الحر.").actors
    )
    text = "وقال الوزير سامي الخطيب إن المستودعات ستكون مفتوحة للجيش العراقي."
    bodies = [a for a in find_actors(text).actors if is_generic_body(a.name)]
    assert [(a.name, [m.text for m in a.mentions]) for a in bodies] == [("الجيش العراقي", ["للجيش العراقي"])]


def test_forces_going_to_a_base_make_no_visit():
    text = "وقال الوزير سامي الخطيب إن القوات الأمريكية زارت القاعدة الجوية لتفقد حالتها."
    assert all("القوات الأمريكية" not in p for p in parties(text))


def test_a_body_is_not_the_possessor_of_a_later_verbal_noun():
    text = (
        "كشف وزير الدفاع سامي الخطيب أن الأردن سيدرب الدفعة الأولى من القوات العراقية، "
        "وأكد أن مباحثاته مع رئيس الأركان الأردني يوسف الحنيطي ستتركز على الحدود."
    )
    assert {"القوات العراقية", "يوسف الحنيطي"} not in parties(text)


def test_a_state_that_will_train_a_body_trains_it():
    text = "كشف وزير الدفاع سامي الخطيب أن الأردن ستبدأ بتدريب الدفعة الأولى من القوات العراقية الشهر المقبل."
    assert {"الأردن", "القوات العراقية"} in parties(text)


def test_a_possessor_after_a_speech_verb_is_the_speaker():
    text = (
        "كشف وزير الدفاع العراقي سامي الخطيب أن الأردن ستبدأ بتدريب القوات العراقية، "
        "وفيما أكد أن مباحثاته مع قادة أركان الجيش الأردني ستتركز على الحدود."
    )
    found = parties(text)
    assert {"سامي الخطيب", "الجيش الأردني"} in found
    assert {"الأردن", "الجيش الأردني"} not in found


def test_a_speaker_named_before_the_speech_verb_is_the_possessor():
    text = "وقال المتحدث سامي الخطيب إن الوزير هاني الفايز أكد أن مباحثاته مع قادة أركان الجيش الأردني كانت مثمرة."
    assert {"هاني الفايز", "الجيش الأردني"} in parties(text)


def test_a_branch_between_the_head_and_the_nationality_is_part_of_the_body():
    assert is_generic_body("القوات البحرية الليبية") and is_generic_body("القوات المسلحة الملكية الأردنية")
    assert not is_generic_body("القوات البحرية") and not is_generic_body("المناورات البحرية الليبية")
    text = "وأجرت القوات البحرية الليبية والقوات البحرية التونسية تمريناً مشتركاً قبالة السواحل أمس."
    assert {"القوات البحرية الليبية", "القوات البحرية التونسية"} in parties(text)


def test_a_nationality_that_is_also_a_family_name_counts_only_after_a_head():
    assert is_generic_body("الجيش السوداني")
    text = "وانطلقت مفاوضات بين الجيش السوداني وحركة العدل والمساواة في جنيف أمس."
    assert {"الجيش السوداني", "حركة العدل والمساواة"} in parties(text)


def test_a_second_nationality_joined_to_a_body_is_that_state_s_body():
    text = "وقال المتحدث إن التمرين يهدف إلى تبادل الخبرات بين الجيش المصري والأردني في منطقة العقبة الشهر الجاري."
    assert "الجيش الأردني" in {a.name for a in find_actors(text).actors}
    assert {"الجيش المصري", "الجيش الأردني"} in parties(text)


def test_members_of_two_armies_before_a_light_verb_s_noun_are_its_parties():
    text = "أجرى أمس أفراد الجيش المصري والجيش الأردني تمرينا مشتركا حول مكافحة الإرهاب بمنطقة العقبة جنوب الأردن."
    assert {"الجيش المصري", "الجيش الأردني"} in parties(text)


def test_armies_after_the_between_of_a_topic_are_no_parties_of_the_meeting():
    text = "استقبل رئيس الأركان سامي الخطيب نظيره الأردني. وتطرق اللقاء إلى سبل تطوير العلاقات بين القوات المسلحة العراقية والأردنية."
    assert all("القوات المسلحة العراقية" not in p for p in parties(text))


def test_an_occupation_army_with_its_nationality_is_that_states_body():
    assert is_generic_body("جيش الاحتلال الإسرائيلي") and is_generic_body("طيران الاحتلال الإسرائيلي")
    assert not is_generic_body("جيش الاحتلال") and not is_generic_body("قوات الأمن الإسرائيلية")


def test_a_state_s_navy_is_its_body():
    text = "أعلنت جماعة الحوثي، اليوم الأحد، استهداف سفينة حربية تابعة للبحرية البريطانية قبالة السواحل."
    assert {"جماعة الحوثي", "البحرية البريطانية"} in parties(text)
    assert is_generic_body("البحرية الملكية السعودية")


def test_a_naval_adjective_after_a_definite_noun_opens_no_navy():
    text = "وأجرت القطع البحرية المصرية تدريبا مشتركا مع القوات اليونانية في بحر إيجه."
    names = {m.actor for m in find_actors(text).mentions}
    assert "البحرية المصرية" not in names
    assert "القوات اليونانية" in names


def test_a_navy_joined_by_and_after_another_is_a_second_navy():
    text = "نفذت البحرية الأمريكية والبحرية التونسية تمرينا بحريا مشتركا قبالة السواحل الشمالية."
    names = {m.actor for m in find_actors(text).mentions}
    assert {"البحرية الأمريكية", "البحرية التونسية"} <= names


def test_an_arm_in_construct_with_its_element_is_the_states_body():
    assert is_generic_body("سلاح الجو الإسرائيلي") and is_generic_body("جيش البحر التونسي")
    assert is_generic_body("سلاح البحرية الملكي البحريني") and not is_generic_body("سلاح الجو")
    text = "وقال المتحدث إن سلاح الجو الأردني شن غارات على مواقع تابعة لجماعة داعش في الصحراء."
    assert {"سلاح الجو الأردني", "جماعة داعش"} in parties(text)


def test_units_described_by_an_adjective_before_their_bodies_are_skipped_to_the_bodies():
    text = "ونفذت قطع بحرية من جيش البحر التونسي والبحرية الإيطالية تمرينا مشتركا قبالة السواحل أمس."
    assert {"جيش البحر التونسي", "البحرية الإيطالية"} in parties(text)


def test_an_armys_epithet_is_part_of_its_name_before_or_after_the_nationality():
    assert is_generic_body("الجيش الأردني العربي") and is_generic_body("الجيش العربي السوري")
    assert not is_generic_body("الجيش العربي")
    text = "وأجرت تشكيلات من الجيش الأردني العربي والقوات المسلحة القطرية مناورة عسكرية بالذخيرة الحية."
    assert {"الجيش الأردني العربي", "القوات المسلحة القطرية"} in parties(text)


def test_warplanes_with_their_nationality_are_that_states_body():
    assert is_generic_body("الطائرات الحربية الروسية") and is_generic_body("المقاتلات التركية")
    assert is_generic_body("طائرات حربية تركية")
    assert not is_generic_body("مقاتلات أميركية") and not is_generic_body("طائرات مسيرة تركية")
    text = "قصفت طائرات حربية تركية معاقل حزب العمال الكردستاني شمالي محافظة دهوك مساء اليوم السبت."
    assert {"طائرات حربية تركية", "حزب العمال الكردستاني"} in parties(text)
    assert all("تركيا" not in p for p in parties(text))


def test_a_states_forces_that_struck_only_places_attacked_on_their_own():
    text = "وفي السياق ذاته، قصفت الطائرات الروسية، مدينة خان شيخون ومحيطها، ما أوقع عددا من الجرحى."
    assert parties(text) == [{"الطائرات الروسية"}]


def test_one_of_two_forces_joined_by_and_is_no_lone_attacker():
    text = "وأعلنت الجماعة أن القوات الأميركية والبريطانية شنت سلسلة غارات على مدينة الحديدة."
    assert {"القوات البريطانية"} not in parties(text)


def test_security_forces_with_their_nationality_are_that_states_body():
    assert is_generic_body("القوات الامنية العراقية")
    assert is_generic_body("القوات العسكرية الأميركية") and not is_generic_body("القوات الأمنية")
    text = "وذكر البيان أن التحالف الدولي قام بتدريب 130 ألف منتسب من القوات الامنية العراقية، ضمن مهمته."
    assert {"التحالف الدولي", "القوات الامنية العراقية"} in parties(text)


def test_an_attack_named_by_a_nationality_is_by_that_states_forces_the_text_names():
    text = (
        "أعلن الجيش الإسرائيلي اليوم السبت عن تعزيز قواته على الحدود. "
        "ويأتي ذلك في سياق أعنف هجوم إسرائيلي على لبنان منذ حرب 2006."
    )
    assert {"الجيش الإسرائيلي", "لبنان"} in parties(text)
    assert {"إسرائيل", "لبنان"} in parties("ويأتي ذلك في سياق أعنف هجوم إسرائيلي على لبنان منذ حرب 2006.")


def test_a_claimed_strike_on_a_nationalitys_ship_struck_its_forces_the_text_names():
    text = (
        "وقالت القوات الأميركية إنها اعترضت صاروخا. "
        "وأعلنت جماعة الحوثي أنها استهدفت سفينة شحن عسكرية أميركية في خليج عدن."
    )
    assert {"جماعة الحوثي", "القوات الأميركية"} in parties(text)
