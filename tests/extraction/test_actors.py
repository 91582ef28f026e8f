"""Persons by their titles, short forms, organisations, states and known actors."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.results import ActorKind, KnownActor


def actors(text: str, **kwargs) -> dict[str, object]:
    return {a.name: a for a in find_actors(text, **kwargs).actors}


def persons(text: str, **kwargs) -> dict[str, object]:
    return {n: a for n, a in actors(text, **kwargs).items() if a.kind == ActorKind.PERSON}


def test_person_is_the_name_after_a_title_chain():
    found = persons(
        "استقبل رئيس هيئة الحشد الشعبي فالح الفياض في بغداد السفير الروسي في العراق ((ألبروس كوتراشيف))."
    )
    assert set(found) == {"فالح الفياض", "ألبروس كوتراشيف"}
    assert found["فالح الفياض"].title == "رئيس هيئة الحشد الشعبي"
    assert found["ألبروس كوتراشيف"].title == "السفير الروسي في العراق"


def test_names_of_other_shapes():
    text = (
        "وقال المتحدث باسم الحكومة العراقية باسم العوادي إن رئيس الجمهورية عبد اللطيف رشيد "
        "سيستقبل الرئيس التركي رجب طيب أردوغان، وأكد نائب قائد قوات الحشد الشعبي، ابو مهدي المهندس ذلك."
    )
    assert set(persons(text)) == {"باسم العوادي", "عبد اللطيف رشيد", "رجب طيب أردوغان", "ابو مهدي المهندس"}


def test_name_before_its_title_after_a_speech_verb():
    found = persons("وقال هوشيار عبد الله رئيس كتلة التغيير النيابية إن الوفد عاد.")
    assert found["هوشيار عبد الله"].title == "رئيس كتلة التغيير النيابية"


def test_comma_joined_titles_belong_to_one_person():
    found = persons(
        "واجتمع مع نائب وزير الخارجية، المبعوث الخاص للرئيس "
        "الروسي إلى الشرق الأوسط ودول شمال أفريقيا ميخائيل بوغدانوف."
    )
    assert list(found) == ["ميخائيل بوغدانوف"]
    assert found["ميخائيل بوغدانوف"].title.startswith("نائب وزير الخارجية، المبعوث الخاص")


def test_a_title_without_a_name_and_a_noun_phrase_are_not_persons():
    text = (
        "وقال مسؤول استخبارات عسكرية عراقي رفيع المستوى إن عضو لجنة الأمن والدفاع البرلمانية يوم 20 فبراير "
        "تحدث عن رئيس مجلس الوزراء العراقي. وبحث نائب "
        "وزير الخارجية الروسي ميخائيل بوغدانوف الجوانب الرئيسية للأجندة."
    )
    assert set(persons(text)) == {"ميخائيل بوغدانوف"}


def test_short_forms_link_back_to_the_full_name():
    text = (
        "التقى رئيس الوزراء العراقي مصطفى الكاظمي السفير الأمريكي ماثيو تولر. "
        "وقال الكاظمي إن السيد تولر وعد بالدعم، وأكد للكاظمي ذلك."
    )
    found = persons(text)
    assert set(found) == {"مصطفى الكاظمي", "ماثيو تولر"}
    assert len(found["مصطفى الكاظمي"].mentions) == 3
    assert "الكاظمي" in found["مصطفى الكاظمي"].aliases
    for span in found["مصطفى الكاظمي"].mentions:
        assert text[span.start : span.end] == span.text


def test_spelling_variants_and_honorific_short_forms_are_one_person():
    text = (
        "التقى السفير الروسي ألبروس كوتراشيف وزير الدفاع. ثم زار "
        "السفير إلبروس كوتراشيف أربيل، وقال السفير كوتراشيف إن الزيارة مهمة."
    )
    found = persons(text)
    assert list(found) == ["ألبروس كوتراشيف"]


def test_title_only_mention_resolves_to_the_single_person_with_that_title():
    analysis = find_actors(
        "أجرى رئيس هيئة الحشد الشعبي العراقي فالح الفياض مباحثات في موسكو. "
        "ويربط البعض زيارة رئيس هيئة الحشد الشعبي إلى موسكو بحرص روسي."
    )
    fayyad = [m for m in analysis.mentions if m.actor == "فالح الفياض"]
    assert len(fayyad) == 2 and fayyad[1].title_only


def test_organisations_states_and_capitals():
    found = actors(
        "وأكدت وزارة الدفاع الروسية أن بموسكو وطهران وبغداد مصالح "
        "مشتركة، وأن عصائب أهل الحق المدعومة من إيران "
        "تعاونت مع لجنة الأمن والدفاع في البرلمان العراقي."
    )
    assert found["وزارة الدفاع الروسية"].kind == ActorKind.ORGANIZATION
    assert found["عصائب أهل الحق"].kind == ActorKind.ORGANIZATION
    assert found["لجنة الأمن والدفاع في البرلمان العراقي"].kind == ActorKind.ORGANIZATION
    assert found["روسيا"].kind == ActorKind.STATE and "موسكو" in found["روسيا"].aliases
    assert found["إيران"].kind == ActorKind.STATE and "طهران" in found["إيران"].aliases
    assert "بغداد" in found["العراق"].aliases


def test_states_inside_a_title_do_not_become_actors():
    found = actors("قال السفير الروسي لدى الأردن غليب ديسياتنيكوف إن العلاقات جيدة.")
    assert "الأردن" not in found


def test_known_actors_are_found_by_their_aliases():
    known = [
        KnownActor(
            name="أبو فدك المحمداوي", kind=ActorKind.PERSON, aliases=("عبد العزيز المحمداوي", "ابو فدك")
        ),
        KnownActor(name="كتائب حزب الله", kind=ActorKind.ORGANIZATION, aliases=("الكتائب",)),
    ]
    found = actors("وحضر ابو فدك الاجتماع الذي دعت إليه كتائب حزب الله.", known_actors=known)
    assert found["أبو فدك المحمداوي"].kind == ActorKind.PERSON
    assert "كتائب حزب الله" in found


def test_a_discovered_person_takes_the_known_name():
    known = [KnownActor(name="فالح فياض", kind=ActorKind.PERSON, aliases=("فالح الفياض",))]
    found = persons("استقبل رئيس هيئة الحشد الشعبي فالح الفياض وفدا.", known_actors=known)
    assert list(found) == ["فالح فياض"]


def test_a_verb_after_a_title_is_not_a_name():
    text = (
        "وأشار المتحدث إلى أن نائب رئيس الوزراء لشؤون الطاقة يقوم بجولة، "
        "فيما زار الرئيس السوري بشار الأسد والمرشد الأعلى علي خامنئي المعرض."
    )
    assert set(persons(text)) == {"بشار الأسد", "علي خامنئي"}


def test_long_names_end_at_a_clear_boundary():
    found = persons(
        "استقبل وزير الزراعة كريم جاسم حسن المالكي، صباح اليوم، السفير الإسباني لدى الأردن خوان "
        "أنطونيو مارتينيز في عمان."
    )
    assert set(found) == {"كريم جاسم حسن المالكي", "خوان أنطونيو مارتينيز"}


def test_a_name_does_not_swallow_the_object_of_the_verb():
    found = persons("ناقش وزير النقل سامر علي حداد سبل تطوير الموانئ مع السفير الياباني كينجي تاناكا.")
    assert set(found) == {"سامر علي حداد", "كينجي تاناكا"}


def test_name_connectors_join_the_parts_of_a_name():
    text = (
        "وصل وزير الطاقة الأمير عبد العزيز بن سلمان آل سعود إلى فيينا، والتقى وزير الخارجية "
        "يوسف بو عزيز، ومستشار الرئيس محمد الطاهر بن عبد الله."
    )
    assert set(persons(text)) == {"عبد العزيز بن سلمان آل سعود", "يوسف بو عزيز", "محمد الطاهر بن عبد الله"}


def test_a_given_name_with_the_article_after_a_military_rank():
    found = persons("واستقبل اللواء الطاهر بوزيد، قائد الناحية العسكرية الرابعة، الوفد الضيف.")
    assert "الطاهر بوزيد" in found


def test_a_surname_followed_by_the_object_noun_stays_whole():
    found = persons("واستقبل رئيس الحكومة علي حسن الكعبي الوفد الياباني في مكتبه.")
    assert "علي حسن الكعبي" in found


def test_a_parenthesised_acronym_in_a_title_is_not_a_name():
    found = persons("التقى رئيس المنظمة الدولية للهجرة (آي أو إم) إيمي بوب بوزير الهجرة في جنيف.")
    assert set(found) == {"إيمي بوب"}


def test_verbs_and_indefinite_nouns_after_a_title_are_not_names():
    assert persons("الوزير الفرنسي يبحثان ملف الطاقة") == {}
    assert persons("وقال إن المبعوث الأممي حمل مقترحاً جديداً إلى الطرفين.") == {}


def test_place_spelling_variants_and_capitals_are_geography_not_names():
    found = actors("استقبل محافظ أربيل أوميد خوشناو في هولير وفداً من إقليم كوردستان قادماً من نيروبي.")
    assert found["أربيل"].kind == ActorKind.PLACE
    assert "هولير" in found["أربيل"].aliases
    assert found["كردستان"].kind == ActorKind.PLACE
    assert found["كينيا"].kind == ActorKind.STATE
    assert {n for n, a in found.items() if a.kind == ActorKind.PERSON} == {"أوميد خوشناو"}


def test_a_given_name_after_a_two_word_rank_is_not_taken_for_a_place():
    found = persons("واستقبل الفريق أول جوزيف مايكل دانفورد وفداً عسكرياً.")
    assert "جوزيف مايكل دانفورد" in found


def test_a_surname_after_a_rank_of_several_words_is_one_mention():
    text = (
        "التقى وزير الدفاع لويد أوستن قائد القوات الجوية الفريق أول تشارلز براون. "
        "وأشاد الفريق أول براون بالتعاون."
    )
    spans = [m.text for m in actors(text)["تشارلز براون"].mentions]
    assert "الفريق أول براون" in spans


def test_a_name_may_contain_words_that_also_mean_greater():
    assert "علي أكبر نوري" in persons("والتقى مستشار المرشد علي أكبر نوري السفير الصيني.")


def test_a_theophoric_name_may_contain_a_title_word():
    assert "عبد الملك الحوثي" in persons("وقال زعيم جماعة أنصار الله عبد الملك الحوثي إن الجماعة مستعدة.")


def test_a_preposition_and_verbal_noun_after_a_name_is_not_a_third_name():
    assert set(persons("وطالب وزير الخارجية أحمد عطاف بإرسال مساعدات عاجلة.")) == {"أحمد عطاف"}
    assert "نيجيرفان إدريس بارزاني" in persons("والتقى رئيس الإقليم نيجيرفان إدريس بارزاني الوفد.")


def test_honorifics_open_a_name_like_a_title():
    found = persons("استقبل سماحة السيد عمار الحكيم في مكتبه ببغداد السفيرة الفرنسية.")
    assert "عمار الحكيم" in found
    assert "مقتدى الصدر" in persons("وقال السيد مقتدى الصدر إن الحكومة فشلت.")


def test_a_family_name_chain_stops_at_a_common_noun():
    assert set(persons("ودعا زعيم التيار الوطني مقتدى الصدر الحكومة إلى الإسراع.")) == {"مقتدى الصدر"}


def test_a_name_with_no_title_after_a_speech_verb_or_between_kana_and_qad():
    found = persons("وأكد سليم الحص أن الحكومة باقية. وكان نوري المالكي قد زار طهران.")
    assert set(found) == {"سليم الحص", "نوري المالكي"}
    assert found["نوري المالكي"].title is None


def test_speakers_that_are_not_names_stay_out():
    assert persons("وقال شهود عيان إن الانفجار كان قويا. وأكد مصدر مطلع أن الوفد غادر.") == {}
    assert persons("وذكر تلفزيون المنار أن القصف استمر. وكان عشرات المتظاهرين قد تجمعوا.") == {}
    assert persons("وقالت هيومن رايتس ووتش إن الوضع خطير. وكانت قوات الأمن قد انتشرت.") == {}


def test_amin_and_muhandis_end_a_name_unless_a_name_or_aam_follows():
    found = persons(
        "وقال محمد الأمين إن الوضع صعب. والتقى الأمين العام للجامعة العربية أحمد أبو الغيط "
        "وزير الخارجية الموريتاني محمد سالم ولد الشيخ، الذي وصل أمس."
    )
    assert {"محمد الأمين", "أحمد أبو الغيط", "محمد سالم ولد الشيخ"} <= set(found)
    assert found["أحمد أبو الغيط"].title == "الأمين العام للجامعة العربية"


def test_a_title_runs_through_an_official_state_name_and_a_time_word():
    found = persons("استقبل نائب رئيس الجمهورية العربية السورية فيصل المقداد رئيس الوزراء آنذاك حسين عرنوس.")
    assert found["فيصل المقداد"].title == "نائب رئيس الجمهورية العربية السورية"
    assert found["حسين عرنوس"].title == "رئيس الوزراء آنذاك"


def test_a_resistance_group_named_by_its_nisba_and_country():
    found = actors("وأعلنت المقاومة الإسلامية في لبنان استهداف موقع. ورحبت المقاومة الشعبية بالقرار.")
    assert found["المقاومة الإسلامية في لبنان"].kind == ActorKind.ORGANIZATION
    assert found["المقاومة الشعبية"].kind == ActorKind.ORGANIZATION
    assert "لبنان" not in found


def test_forms_of_address_start_the_next_person_and_the_apposition_is_the_title():
    found = persons(
        "استقبل معالي سهيل المزروعي وزير الطاقة والبنية التحتية، سعادة أكيو إيسومتا سفير اليابان لدى الدولة."
    )
    assert found["سهيل المزروعي"].title == "وزير الطاقة والبنية التحتية"
    assert found["أكيو إيسومتا"].title.startswith("سفير اليابان")


def test_a_title_right_after_a_name_is_that_names_up_to_the_comma():
    found = persons(
        "استقبل الأمير محمد بن سلمان ولي العهد رئيس مجلس الوزراء، دولة رئيس وزراء ماليزيا أنور إبراهيم."
    )
    assert found["محمد بن سلمان"].title == "ولي العهد رئيس مجلس الوزراء"
    assert found["أنور إبراهيم"].title == "دولة رئيس وزراء ماليزيا"


def test_a_patronymic_is_no_surname():
    found = persons(
        "استقبل ولي العهد الأمير محمد بن سلمان وزير الخارجية التركي هاكان فيدان، "
        "بحضور وزير الطاقة الأمير عبدالعزيز بن سلمان. وأكد سلمان رشدي أن الكتاب صدر."
    )
    assert {"محمد بن سلمان", "عبدالعزيز بن سلمان", "هاكان فيدان"} <= set(found)
    assert "سلمان" not in found["محمد بن سلمان"].aliases


def test_a_bare_name_after_a_meeting_verb_before_the_title_of_the_one_met():
    found = persons("والتقى وليد جنبلاط وزير الخارجية الفرنسي جان نويل بارو.")
    assert set(found) == {"وليد جنبلاط", "جان نويل بارو"}
    assert persons("وناقش مشروع قانون الموازنة. واستقبل قصر بعبدا الوفود.") == {}


def test_a_title_after_a_name_and_a_comma_before_its_own_name_is_the_objects():
    found = persons("التقى وزير النفط التركي مولود كايا أمين عام الأمم المتحدة، سامي المطيري في أنقرة.")
    assert found["سامي المطيري"].title == "أمين عام الأمم المتحدة"


def test_a_title_runs_through_a_two_word_state_but_the_state_is_no_name():
    found = persons(
        "وناقش الوزير الصيني تشانغ مينغ والملحق العسكري المغربي في سلطنة عمان ثامر التكريتي في بكين ملف الإرهاب."
    )
    assert found["ثامر التكريتي"].title == "الملحق العسكري المغربي في سلطنة عمان"


def test_compound_names_with_allah_and_the_title_muawin():
    found = persons(
        "وقال الأمين العام لحزب الله السيد حسن نصر الله إن الرد آت. "
        "واستشهد معاون قائد العمليات مشتاق طالب السعيدي في الغارة."
    )
    assert {"حسن نصر الله", "مشتاق طالب السعيدي"} <= set(found)
    assert found["مشتاق طالب السعيدي"].title == "معاون قائد العمليات"


def test_a_present_verb_after_a_country_ends_the_title_and_korea_alone_is_a_state():
    found = actors("استقبل الوزير عبد الله بو حبيب وزير خارجية كوريا ويشهدان توقيع اتفاق.")
    assert not any("يشهدان" in name for name in found)
    assert actors("وتعتزم كوريا توسيع استثماراتها.")["كوريا الجنوبية"].kind == ActorKind.STATE


def test_a_state_in_a_street_name_is_no_actor():
    assert "فلسطين" not in actors("استهدفت غارة مقرا في شارع فلسطين ببغداد.")


def test_amin_ends_a_name_before_an_object_noun_and_wilson_stays_a_name():
    found = persons(
        "بحث وزير الداخلية مازن الفراية مع وزير الداخلية الموريتاني محمد أحمد ولد محمد الأمين سبل التعاون. "
        "والتقى مدير المكتب أولاف ويلسون السفير القطري بدر المري."
    )
    assert {"محمد أحمد ولد محمد الأمين", "أولاف ويلسون", "بدر المري"} <= set(found)


def test_a_title_word_before_bin_is_a_given_name_and_a_tour_noun_no_surname():
    found = persons(
        "وقعها معالي الدكتور ثاني بن أحمد الزيودي وزير دولة للتجارة الخارجية. "
        "وواصل الموفد الفرنسي جان نويل بارو جولته الخميس."
    )
    assert {"ثاني بن أحمد الزيودي", "جان نويل بارو"} <= set(found)


def test_a_verb_or_a_particle_after_a_name_is_not_part_of_it():
    found = persons(
        "الرئيس الفرنسي جان لوران يجري اتصالا مع نظيره. وأفاد العميد سامر خلف بأنه يجري تدريب الطيارين. "
        "ووجه رسالة إلى الملك المغربي، يلخص فحواها أوضاع المنطقة."
    )
    assert set(found) == {"جان لوران", "سامر خلف"}


def test_a_name_that_starts_like_a_clitic_word_is_a_name():
    found = persons("وصل وزير الدفاع فيصل الحربي. واستقبل رئيس الأركان، فاليري ستيبانوف، الضيوف.")
    assert {"فيصل الحربي", "فاليري ستيبانوف"} <= set(found)


def test_a_patronymic_name_may_start_with_bin_and_ali():
    assert "بن علي كوركماز" in persons("وتلقى اتصالا من رئيس الوزراء التركي «بن علي كوركماز»، قال فيه إن")


def test_a_common_word_after_a_full_name_ends_it():
    found = persons(
        "وأكد أنه سيلتقي الرئيس الألماني يوهان شتاينر قريبا. وقال إن الجنرال مارك ويلز عاد الى بغداد، "
        "وإن الرئيس الفنلندي رجب طيب كارلسون بأول زيارة له."
    )
    assert {"يوهان شتاينر", "مارك ويلز", "رجب طيب كارلسون"} <= set(found)


def test_common_words_after_a_title_are_no_name():
    found = persons(
        "وقال إعلام الوزارة إن قائد جهاز مكافحة الإرهاب وصل، وإن القائد الأعلى للقوات عاد بهدوء إلى المدينة."
    )
    assert found == {}


def test_a_sovereign_ordinal_closes_the_name():
    found = persons("حضر الرئيس التونسي قيس الجلاصي، والعاهل المغربي محمد السادس، ورئيس الوزراء علي كمال.")
    assert "محمد السادس" in found


def test_a_semicolon_may_stand_for_the_comma_between_title_and_name():
    assert "كامل عبدالحسين" in persons("استدعت الوزارة سفير العراق لدى أنقرة؛ كامل عبدالحسين، للتشاور.")


def test_no_name_after_a_noun_that_only_looks_like_a_title():
    found = persons("قرر الملك تقديم مساعدة سخية مشكورة للبنان، بحضور العاهل الأردني، وبمشاركة وفود حكومية.")
    assert found == {}


def test_titles_that_open_a_name_from_the_data_file():
    found = persons("ومن بينها حركة النصر بزعامة نادر الكعبي. والتقى الأميرال براد سميث، قائد القوات.")
    assert {"نادر الكعبي", "براد سميث"} <= set(found)


def test_a_name_with_its_title_after_it():
    found = persons(
        "وقال سامي الحداد مستشار رئيس الوزراء الليبي عمر الدباغ إن الصفقة ألغيت. "
        "وحمل الوزير رسالة من كريم الساعدي، رئيس الحكومة المنتهية ولايته، إلى الرئيس."
    )
    assert {"سامي الحداد", "عمر الدباغ", "كريم الساعدي"} <= set(found)
    assert found["سامي الحداد"].title == "مستشار رئيس الوزراء الليبي"
    assert found["كريم الساعدي"].title.startswith("رئيس الحكومة المنتهية ولايته")


def test_spelling_variants_of_a_surname_are_one_person():
    found = persons(
        "استقبل وزير الخارجية السفير الروسي ماكسيم مكسيموف. وقال ماكسيموف إن بلاده تدعم العراق، "
        "وأكد السفير ماكسيوف ذلك."
    )
    assert list(found) == ["ماكسيم مكسيموف"]
    assert {"ماكسيموف", "ماكسيوف"} <= set(found["ماكسيم مكسيموف"].aliases)
    assert len(found["ماكسيم مكسيموف"].mentions) == 3


def test_a_foreign_name_of_one_word_after_a_title():
    found = persons("وقال المبعوث إن للرئيس أوباما رأيا آخر. والتقى السفير الرئيس ترامب، ثم غادر.")
    assert {"أوباما", "ترامب"} <= set(found)


def test_one_common_word_after_a_title_is_no_name():
    assert persons("وقال الرئيس نفسه إن الوزير حاليا في بغداد.") == {}


def test_a_title_in_the_dual_names_two_persons():
    found = persons("وذكرت الوكالة أن رئيسا تركيا وقطر، «كمال أوزتورك» و«حمد الكواري»، التقيا اليوم.")
    assert {"كمال أوزتورك", "حمد الكواري"} <= set(found)
    found = persons("وصل وزيرا الدفاع الأمريكي، جون ميلر ونظيره الكندي، بول سميث أمس إلى بغداد.")
    assert {"جون ميلر", "بول سميث"} <= set(found)


def test_a_person_described_by_a_noun_and_a_nationality():
    found = persons("وغنى المطرب اللبناني وديع الصافي، ووصل برفقته الشاعر الكردي شيركو بيكس إلى أربيل.")
    assert {"وديع الصافي", "شيركو بيكس"} <= set(found)


def test_a_feminine_or_plural_description_or_a_clause_after_it_is_no_person():
    text = (
        "إن المساعدة الروسية منعت تحول الوضع، وبعد الانسحاب الأمريكي وتراجع نفوذ واشنطن "
        "يأتي التعاون العراقي الروسي لإيجاد نوعٍ من التوازن."
    )
    assert persons(text) == {}


def test_a_name_written_with_a_madda_is_not_the_stop_word_it_folds_to():
    assert "جان آلان" in persons("واجتمع مع الجنرال جان آلان، المبعوث الخاص، في أربيل.")


def test_a_foreign_name_alone_as_the_speaker():
    found = persons("وقال ترامب: سنواصل الضغط. وقال مسؤول للاسوشيتدبرس إن الاتفاق قريب.")
    assert set(found) == {"ترامب"}


def test_common_words_after_a_speech_verb_are_no_bare_name():
    assert persons("وأعلن إحراز تقدم في المفاوضات، وقال وليد جنبلاط إن الوضع خطير.").keys() == {"وليد جنبلاط"}


def test_an_undersecretary_a_doctor_s_abbreviation_and_a_comma_after_a_met_name():
    found = persons(
        "وقال وكيل الوزارة للشؤون القانونية كامل الجبوري إن الوفد التقى زيد خان ماتيف، نائب رئيس "
        "لجنة العلاقات الخارجية. والتقى السفير د. سامر شفيق محسن سفير المغرب لدى بغداد."
    )
    assert {"كامل الجبوري", "زيد خان ماتيف", "سامر شفيق محسن"} <= set(found)
    assert found["كامل الجبوري"].title == "وكيل الوزارة للشؤون القانونية"


def test_the_so_called_introduces_a_name():
    assert "مسلم الحداد" in persons(
        "واستهدفت الطائرة القيادي في الفصيل المدعو “مسلم الحداد”، ما أدى إلى مقتله."
    )


def test_a_title_through_a_place_in_construct_and_a_body_with_its_nisba():
    found = persons("استشهد معاون قائد عمليات حزام بغداد في الحشد الشعبي مازن طالب الربيعي ومرافقه.")
    assert found["مازن طالب الربيعي"].title == "معاون قائد عمليات حزام بغداد في الحشد الشعبي"


def _title_only_holders(text: str) -> list[tuple[str, str]]:
    analysis = find_actors(text)
    return [(m.actor, text[m.start : m.end]) for m in analysis.mentions if m.title_only]


def test_a_title_only_mention_in_another_word_order_resolves_to_its_holder():
    text = (
        "هنأ رئيس الإقليم سامان كريم القنصل الفرنسي العام الجديد جان لوك بيرنار بمناسبة تسلمه مهامه. "
        "وحضر اللقاء القنصل الفرنسي السابق بيار دوبون. وأكد القنصل العام الفرنسي الجديد دعم بلاده."
    )
    assert ("جان لوك بيرنار", "القنصل العام الفرنسي الجديد") in _title_only_holders(text)


def test_a_counterparts_title_holds_the_office_of_the_title_only_mention():
    text = "استقبل الرئيس التركي رجب طيب أردوغان نظيره الصومالي محمد فرماجو. وتأتي زيارة الرئيس الصومالي تلبية لدعوة."
    assert ("محمد فرماجو", "الرئيس الصومالي") in _title_only_holders(text)


def test_a_state_written_in_its_long_form_is_that_state_with_the_long_form_as_written():
    found = actors("ووقعت جمهورية فنلندا ومملكة السويد مذكرة تعاون، ورحبت بها دولة الإمارات العربية المتحدة.")
    assert found["فنلندا"].kind == ActorKind.STATE and found["فنلندا"].aliases == ["جمهورية فنلندا"]
    assert found["السويد"].aliases == ["مملكة السويد"]  # without the `و` before it
    assert found["الإمارات"].aliases == ["دولة الإمارات العربية المتحدة"]


def test_the_state_noun_with_the_article_before_a_nationality_is_that_state():
    found = actors(
        "ورحبت الجمهورية التشادية بالاتفاق، وأيدته الدولة الفنلندية، وقال تنظيم الدولة الإسلامية إنه يرفضه."
    )
    assert found["تشاد"].kind == ActorKind.STATE and found["تشاد"].aliases == ["الجمهورية التشادية"]
    assert found["فنلندا"].aliases == ["الدولة الفنلندية"]
    assert not any(a.kind == ActorKind.STATE and "الإسلامية" in " ".join(a.aliases) for a in found.values())


def test_a_breakaway_region_named_after_a_state_is_not_that_state():
    found = actors("وقعت إثيوبيا وأرض الصومال مذكرة تفاهم بينما تحتج مقديشو.")
    assert found["أرض الصومال"].kind == ActorKind.STATE
    assert "أرض الصومال" not in found["الصومال"].aliases


def test_a_calling_verb_in_a_headline_is_no_part_of_the_name_after_it():
    text = "وزير الخارجية السعودي يهاتف البرهان وحميدتي\n\nأجرى وزير الخارجية السعودي فيصل بن فرحان اتصالا."
    assert "يهاتف البرهان" not in persons(text)


def test_a_person_named_by_one_word_is_named_by_it_again():
    analysis = find_actors(
        "أوضح الوزير ظريف أن أرمينيا حاضرة في محادثاته. والتقى ظريف اليوم مع نظيره الارميني آرا ايفازيان."
    )
    zarif = next(a for a in analysis.actors if a.name == "ظريف")
    assert len(zarif.mentions) == 2


def test_a_word_read_with_wa_after_a_title_is_not_named_again():
    analysis = find_actors(
        "نقل تحيات الرئيس المصري وتمنياته لشعب البحرين، ونقل إليه تحياته وتمنياته لشعب مصر."
    )
    assert all(len(a.mentions) <= 1 for a in analysis.actors if a.name == "وتمنياته")
