"""The pass that finds persons: list items, titles in apposition, and the records it builds."""

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.actors import find_actors
from analysis.extraction.person_scan import scan_persons
from analysis.extraction.results import ActorKind


def persons(text: str) -> dict[str, object]:
    return {a.name: a for a in find_actors(text).actors if a.kind == ActorKind.PERSON}


def test_the_next_person_of_a_list_carries_the_conjunction_on_the_name():
    found = persons("وحضر ملك الأردن عبد الله الثاني، وفهد بن محمود آل سعيد نائب رئيس الوزراء، وولي العهد.")
    assert "فهد بن محمود آل سعيد" in found
    assert found["فهد بن محمود آل سعيد"].title == "نائب رئيس الوزراء"
    assert found["فهد بن محمود آل سعيد"].mentions[0].text == "فهد بن محمود آل سعيد"


def test_a_name_that_starts_with_waw_is_read_as_written():
    found = persons("وقال الوزير، وليد جنبلاط رئيس الحزب التقدمي، إن الوضع صعب.")
    assert "وليد جنبلاط" in found


def test_a_title_without_a_name_is_kept_for_the_title_only_pass():
    scan = scan_persons(tokenize("وقال رئيس هيئة الحشد الشعبي إن الهيئة جاهزة."))
    assert scan.persons == []
    assert scan.title_only == [(1, 5)]


def test_a_kunya_names_a_person_and_a_name_joined_to_it_is_one_too():
    found = persons('وأشاد القائد بـ"تضحيات جمال الحسني وأبو بكر الساعدي"، مؤكدا أن المعركة مستمرة.')
    assert {"جمال الحسني", "أبو بكر الساعدي"} <= set(found)


def test_a_common_noun_before_the_joined_name_is_not_part_of_it():
    found = persons("ونقل تحيات عمار الشمري وأبو علي البصري إلى المقاتلين.")
    assert "عمار الشمري" in found and "تحيات عمار الشمري" not in found


def test_a_clause_before_a_title_is_no_name_and_the_title_s_own_name_is_found():
    found = persons("حضر الاستقبال، مساعد وزير الدولة لشؤون الدول الإفريقية السفير الدكتور سامي الصالح.")
    assert set(found) == {"سامي الصالح"}


def test_a_name_after_a_preposition_with_its_title_right_after_it():
    found = persons("تلقى الوزير اتصالاً هاتفياً من رونالد لامولا وزير العلاقات الدولية في جنوب أفريقيا.")
    assert "رونالد لامولا" in found
    assert found["رونالد لامولا"].title.startswith("وزير العلاقات الدولية")


def test_a_kingdom_in_a_title_is_no_name():
    found = persons("واستقبل الوزير معالي وزيرة خارجية مملكة ليسوتو السيدة متسيبو راماكواي.")
    assert set(found) == {"متسيبو راماكواي"}


def test_a_chain_of_fathers_and_the_family_is_one_name():
    found = persons("وأشار الشيخ عبد الله بن محمد بن سعود آل ثاني، رئيس مجلس الإدارة، إلى النتائج.")
    assert "عبد الله بن محمد بن سعود آل ثاني" in found


def test_a_time_phrase_and_common_words_are_no_described_person():
    assert persons("سجلت الشركة نموا في الربع الماضي متجاوزة تقديرات المحللين.") == {}


def test_a_name_that_starts_with_another_persons_surname_is_kept_when_it_is_a_full_name():
    found = persons(
        "وقال وزير الخارجية سامر حسين إن بلاده جاهزة. وتلقى الوزير حسين اتصالا من نظيره التركي حسين كمال أوزتورك."
    )
    assert "حسين كمال أوزتورك" in found
    assert "سامر حسين" in found


def test_a_surname_and_a_common_word_stay_the_first_persons_short_form():
    found = persons("وصل السفير الروسي ماكسيم ماكسيموف. وقال السفير ماكسيموف قدم الشكر.")
    assert set(found) == {"ماكسيم ماكسيموف"}


def test_amir_without_the_article_before_a_name_is_a_given_name():
    found = persons("وينضم إلينا من أربيل د. أمير كاظم الحسناوي الباحث في الشؤون الأمنية.")
    assert "أمير كاظم الحسناوي" in found
    found = persons("واستقبل أمير قطر تميم بن حمد آل ثاني الوزير.")
    assert found["تميم بن حمد آل ثاني"].title == "أمير قطر"


def test_a_title_and_one_given_name_is_a_person_but_not_his_sons_father_name():
    found = persons(
        "ووقع الملك خالد ورئيس الوزراء العراقي على الاتفاق. واستقبل ولي العهد السعودي فهد بن خالد الوفد العراقي."
    )
    assert {"خالد", "فهد بن خالد"} <= set(found)


def test_a_title_and_the_first_name_of_a_person_named_in_full_is_no_new_person():
    found = persons("وصل الرئيس السوري بشار الأسد إلى موسكو. وقال الرئيس بشار إن الزيارة مهمة.")
    assert set(found) == {"بشار الأسد"}


def test_a_foreign_name_stops_before_a_frequent_feminine_noun():
    found = persons("وكتب الرئيس الأمريكي ترامب تغريدة قال فيها إن الاتفاق قريب.")
    assert set(found) == {"ترامب"}


def test_a_given_name_that_reads_as_a_verb_after_a_title_is_the_verb():
    assert not persons("وقال مصدر إن المبعوث الأميركي حمل أفكاراً غير مكتوبة إلى بيروت.")


def test_a_title_and_name_after_an_eponym_noun_name_a_place_not_a_person():
    found = persons(
        "وهبطت الطائرة في مطار الملك خالد الدولي، وقلّد وزير الداخلية سامر الحلبي ضيفه وسام الملك خالد."
    )
    assert set(found) == {"سامر الحلبي"}


def test_a_lineage_name_after_a_military_unit_or_barracks_names_the_unit_not_a_person():
    found = persons(
        "وتدربت القوات في كتيبة عمرو بن العاص، وافتتح وزير الدفاع سامر الحلبي ثكنة سعد بن عبادة قرب الحدود."
    )
    assert set(found) == {"سامر الحلبي"}


def test_a_form_of_address_inside_a_title_is_no_name():
    found = persons("وعاد وزير الخارجية صاحب السمو الأمير فيصل بن ناصر إلى العاصمة أمس.")
    assert set(found) == {"فيصل بن ناصر"}


def test_a_family_name_follows_the_fathers_name():
    found = persons("واستقبل رئيس الأركان الفريق سعد بن فهد الغانم الوفد الزائر.")
    assert "سعد بن فهد الغانم" in found


def test_a_son_and_his_father_are_two_persons():
    found = persons("وحضر اللقاء الأمير تركي بن خالد بن سعود، والأمير خالد بن سعود، ومسؤولون آخرون.")
    assert {"تركي بن خالد بن سعود", "خالد بن سعود"} <= set(found)


def test_a_title_that_is_also_a_family_name_ends_before_a_conjunction():
    found = persons("وكان في الاستقبال الفريق ركن عادل المرشد وقادة الألوية.")
    assert set(found) == {"عادل المرشد"}


def test_a_family_chain_does_not_take_a_verbal_noun():
    found = persons("ويعتزم رئيس الحكومة سامي الكبيسي القيام بزيارة إلى أنقرة.")
    assert set(found) == {"سامي الكبيسي"}


def test_a_headlines_title_does_not_run_into_the_next_line():
    found = persons(
        "الوزير يستقبل القنصل الأمريكي الجديد\nآخر تحديث 2024 - المصدر: شبكة نيوز\nاستقبل الوزير أمس الضيف."
    )
    assert not found


def test_a_set_phrase_with_a_preposition_ends_a_foreign_name():
    found = persons("وهنأ الرئيس القنصل الكندي الجديد جون بيتر بمناسبة تسلمه مهامه.")
    assert set(found) == {"جون بيتر"}


def test_a_noun_joined_by_waw_is_no_second_name():
    assert not persons("وقدم نائب وزير الخارجية تحيات واحترام المسؤولين في بلاده.")


def test_a_compound_given_name_with_al_din():
    found = persons("واستقبل الوزير السفير المصري محمد نور الدين الشامي أمس.")
    assert "محمد نور الدين الشامي" in found


def test_a_name_after_a_known_persons_name_in_a_title_is_the_title_holder():
    found = persons(
        "استقبل رئيس المجلس نبيل الخوري الوفد. وحضر اللقاء المستشار الإعلامي للرئيس نبيل الخوري علي حسون."
    )
    assert set(found) == {"نبيل الخوري", "علي حسون"}
    assert found["علي حسون"].title == "المستشار الإعلامي للرئيس نبيل الخوري"


def test_amir_inside_a_name_needs_a_name_after_it():
    found = persons("واستقبل الأمير ويليام أمير ويلز ولي عهد المملكة المتحدة في الرياض.")
    assert "ويليام أمير" not in found


def test_a_conjunction_and_the_article_open_no_name():
    found = persons("وحضر اللقاء مدير التشريفات والمراسم الملكية والأوسمة كريم الصافي.")
    assert set(found) == {"كريم الصافي"}


def test_abd_written_apart_or_joined_is_one_person():
    found = persons("التقى الوزير حسن عبد الرزاق الحمداني. وأكد حسن عبدالرزاق الحمداني أن اللقاء مثمر.")
    assert len(found) == 1


def test_the_second_word_of_a_compound_name_is_no_short_form():
    found = persons("واستقبل رئيس الأركان الفريق عبد الأمير نصر الله الوفد. وأكد نصر الله أن الزيارة مهمة.")
    assert "الله" not in found["عبد الأمير نصر الله"].aliases


def test_a_name_before_its_title_after_a_comma_drops_the_conjunction():
    found = persons("وحضر المؤتمر الصحفي للرئيس سمير الحلو، وعادل الجبوري، رئيس وزراء البلاد.")
    assert "عادل الجبوري" in found
    assert found["سمير الحلو"].title == "الرئيس"


def test_a_militias_name_is_no_part_of_its_leaders_name():
    found = persons("والتقى الوفد بزعيم ميليشيا الأنصار رامي الخطيب، وبحث معه التطورات.")
    assert "رامي الخطيب" in found


def test_the_preposition_of_a_contact_verb_is_no_part_of_the_name():
    found = persons("وأضافت أن الوفد التقى بمظلوم حاجو ورئيسة الهيئة التنفيذية سناء أحمد.")
    assert "مظلوم حاجو" in found and "بمظلوم حاجو" not in found


def test_a_woman_speaker_before_her_title():
    found = persons("وقالت سناء الحلبي، وكيلة لجنة العلاقات الخارجية بمجلس النواب، إن الزيارة مهمة.")
    assert "سناء الحلبي" in found


def test_a_deputy_for_a_party_or_province_and_his_name():
    found = persons("وقال النائب عن ائتلاف دولة القانون كريم العزاوي إن الجلسة تأجلت.")
    assert found["كريم العزاوي"].title == "النائب عن ائتلاف دولة القانون"
    assert not persons("وتحدث النائب عن الموضوع مطولا.")


def test_a_longer_lineage_is_the_same_person():
    found = persons(
        "ومن المقرر أن يلتقي الوزير نظيره الأمير خالد بن فهد. والتقى الأمير خالد بن فهد بن عبدالله الوفد."
    )
    assert "خالد بن فهد بن عبدالله" in found and "بن عبدالله" not in found
    assert "خالد بن فهد" in found["خالد بن فهد بن عبدالله"].aliases


def test_a_blessing_after_a_rulers_title_is_no_name():
    found = persons(
        "استقبل صاحب السمو الشيخ راشد بن سعيد، حاكم الإمارة رعاه الله، الوزير الضيف سامي الكبيسي."
    )
    assert not any("الله" in name for name in found)
    assert "حسن نصر الله" in persons("وقال الأمين العام للحزب حسن نصر الله إن المقاومة جاهزة.")


def test_a_name_after_a_title_and_a_comma_is_read_without_its_conjunction():
    found = persons("وزار العاصمة الوزير سامر الحداد، وزير المالية، ونادر فهمي وزير الداخلية، أمس.")
    assert "نادر فهمي" in found
    assert not any(name.startswith("ونادر") for name in found)


def test_a_name_ends_before_the_surname_of_another_person_it_receives():
    found = persons(
        "وصل المبعوث الأميركي جوناثان بيرسون إلى بيروت. واستقبل رئيس الحكومة سمير داغر بيرسون في مكتبه."
    )
    assert {"جوناثان بيرسون", "سمير داغر"} <= set(found)
    assert "سمير داغر بيرسون" not in found


def test_two_surnames_of_two_persons_named_in_full_are_no_new_person():
    found = persons(
        "وصل الموفد الفرنسي جان ماري لوبيك إلى بيروت، والتقى رئيس الجمهورية ميشال سليمان. "
        "وقد استقبل الرئيس سليمان لوبيك في القصر الجمهوري، بحضور السفير."
    )
    assert {"جان ماري لوبيك", "ميشال سليمان"} <= set(found)
    assert "سليمان لوبيك" not in found


def test_a_longer_form_of_the_same_name_is_not_cut_at_its_surname():
    found = persons("وقال الوزير عبد الكريم الساعدي إن الوزير عبد الكريم ناصر الساعدي وصل.")
    assert "عبد الكريم ناصر" not in found


def test_a_circumstantial_word_after_a_one_word_name_is_no_part_of_it():
    found = persons("وأشاد الضيف بدور الرئيس بري قائلا: إن دوره كبير، وقال بري إن الزيارة مهمة.")
    assert "بري قائلا" not in found


def test_thanks_and_a_pronoun_after_a_title_and_a_comma_are_no_name():
    found = persons("ونقل إليه تحيات خادم الحرمين الشريفين، وتحياته وتقديره.")
    assert not found


def test_after_bin_and_the_fathers_name_only_a_name_goes_on():
    found = persons("ونقل ولي العهد الأمير خالد بن سلطان تحيات الملك إلى الضيوف.")
    assert "خالد بن سلطان" in found and "خالد بن سلطان تحيات" not in found


def test_a_name_with_four_names_and_the_fathers_after_bin_is_whole():
    found = persons("وأشاد الفريق أول ركن سالم محمد علي بن ناصف وزير الدفاع بالعلاقات.")
    assert "سالم محمد علي بن ناصف" in found


def test_a_given_name_that_is_another_persons_family_name_without_the_article_is_no_short_form():
    found = persons(
        "استقبل أمير البلاد الشيخ صباح الأحمد الجابر الصباح ولي العهد الشيخ نواف الأحمد الجابر الصباح."
    )
    assert "صباح الأحمد الجابر الصباح" in found and "نواف الأحمد الجابر الصباح" in found


def test_a_chain_of_family_names_may_hold_a_common_word_when_a_family_name_closes_it():
    found = persons("وكان في وداعه رئيس الوزراء الشيخ جابر المبارك الحمد الصباح وعدد من المسؤولين.")
    assert "جابر المبارك الحمد الصباح" in found


def test_an_unknown_rare_definite_word_before_a_title_closes_the_name():
    found = persons("وحضر اللواء الركن سالم إبراهيم الكوارزة مساعد رئيس الأركان للعمليات.")
    assert "سالم إبراهيم الكوارزة" in found


def test_a_ranks_arm_after_the_rank_is_part_of_the_title_not_the_name():
    found = persons("وحضر اللواء الركن بحري سالم أحمد الكعبي مساعد رئيس الأركان.")
    assert "سالم أحمد الكعبي" in found and "بحري سالم أحمد الكعبي" not in found


def test_the_first_word_of_a_two_word_place_is_a_given_name_alone():
    found = persons("وحضر وكيل وزارة الدفاع صلاح الورفلي، ومحافظ صلاح الدين.")
    assert "صلاح الورفلي" in found and "صلاح الدين" not in found


def test_a_foreign_given_name_that_begins_like_the_article_opens_the_name_after_a_title():
    found = persons("وكانت في استقباله السفيرة الأميركية اليزابيث ريتشارد برفقة مدير المراسم.")
    assert "اليزابيث ريتشارد" in found


def test_a_quoted_name_and_its_title_right_after_the_closing_mark():
    found = persons('واستقبل المطار أمس "ديمتري بيسكوف" وزير الدفاع الروسي على رأس وفد.')
    assert "ديمتري بيسكوف" in found
    assert found["ديمتري بيسكوف"].title == "وزير الدفاع الروسي"


def test_a_quoted_name_is_one_name_even_when_its_words_are_other_persons_surnames():
    found = persons("التقى الفريق “سالم حفتر” الفريق “أحمد فتحي خليفة”، ونقل تحيات المشير “خليفة حفتر”.")
    assert "خليفة حفتر" in found


def test_a_title_qualified_after_its_head_and_its_name_between_commas():
    found = persons(
        "استقبل الوزير أمس وزير الدولة لشؤون الخليج وسفير المملكة سابقا لدى بغداد، محمد الحمداني، وبحثا التعاون."
    )
    assert "محمد الحمداني" in found


def test_a_name_after_a_title_and_a_place_adjunct_in_commas_is_not_the_titles_holder():
    found = persons("استقبل وزير الخارجية في مكتبه، محمد الحمداني، وبحثا التعاون.")
    assert "محمد الحمداني" not in found or found["محمد الحمداني"].title != "وزير الخارجية"


def test_a_clause_after_a_title_and_a_comma_is_no_name():
    found = persons("وتلقى الرئيس اتصالا من أمير قطر، هنأه الأمير فيه بحلول رمضان.")
    assert "هنأه الأمير" not in found
    found = persons("وأعرب الرئيس، وأمير قطر، وجوب العمل من أجل وقف الحرب.")
    assert "وجوب العمل" not in found


def test_a_name_broken_by_a_wrapped_line_is_named_with_one_space():
    text = (
        "وقال البيان الصادر عن المكتب الإعلامي إن الحكومة تدعم المبادرة\n"
        "السياسية التي يقودها في هذه المرحلة الدقيقة من تاريخ البلاد الأمين العام للمنظمة سامر\n\n"
        "الخطيب الذي يزور العاصمة في الأيام المقبلة ويلتقي خلالها كبار\n"
        "المسؤولين."
    )
    assert set(persons(text)) == {"سامر الخطيب"}


def test_a_personal_honorific_right_before_a_name_gives_a_form_of_it():
    found = persons(
        "واستقبل العاهل المغربي الملك حسن الرابع، اليوم، وفدا. وكان أمير البلاد الشيخ سالم بن فهد قد وصل."
    )
    assert found["حسن الرابع"].aliases == ["الملك حسن الرابع"]
    assert found["سالم بن فهد"].aliases == ["الشيخ سالم بن فهد"]


def test_a_given_name_after_a_preposition_and_a_family_name_is_a_person_without_a_title():
    found = persons("وتغيرت السياسة بعد الإطاحة ببشار الكردي في الربيع الماضي.")
    assert "بشار الكردي" in found
    assert found["بشار الكردي"].mentions[0].text == "بشار الكردي"


def test_a_preposition_on_a_common_word_and_a_noun_is_no_person():
    found = persons("وأكد الوزير ثقته بحسن الجوار في المنطقة.")
    assert found == {}


def test_a_given_name_with_the_article_after_a_contact_verb_or_a_rank_is_a_person():
    found = persons("استقبل السعيد بوزكري، نائب وزير الدفاع، وفدا عسكريا يوم الأحد.")
    assert "السعيد بوزكري" in found
    found = persons("وحضر اللقاء الفريق سالم يوسف، والفريق المختار بله داود، قائد الأركان العامة.")
    assert "المختار بله داود" in found


def test_a_feminine_noun_after_a_masculine_nisba_is_no_man_s_name():
    assert persons("وتسلم سلاح الجو الفرنسي مقاتلة رافال الجديدة.") == {}
    assert "كارل هانسن" in persons("وقال الكاتب الألماني كارل هانسن إن الحرب طويلة.")


def test_a_chain_of_family_names_is_not_cut_at_a_surname_another_person_shares():
    found = persons(
        "وعقد الشيخ ناصر الأحمد الجابر الصباح أمير البلاد جلسة مع الوفد بحضور الشيخ علي سالم الصباح."
    )
    assert "ناصر الأحمد الجابر الصباح" in found and "علي سالم الصباح" in found


def test_a_given_name_and_the_fathers_then_a_chain_that_closes_on_a_given_name_is_one_name():
    found = persons("ونقلها وزير الخارجية أحمد خالد المحمد الصباح، خلال استقبال الأمير له.")
    assert "أحمد خالد المحمد الصباح" in found


def test_a_ranks_corps_word_belongs_to_the_title_not_to_the_name():
    found = persons("حضر المقابلة العميد الركن طيار سالم بن راشد الكندي\nوحضر الفريق أول مهندس ركن عادل حسن.")
    assert "سالم بن راشد الكندي" in found and "عادل حسن" in found
    assert not any(name.startswith(("طيار", "مهندس")) for name in found)


def test_a_title_word_written_without_its_hamza_seat_is_a_name_word():
    found = persons("استقبل الفريق أحمد قايد صالح، نائب وزير الدفاع، الضيف أمس.")
    assert "أحمد قايد صالح" in found


def test_a_state_of_two_words_inside_a_title_is_no_name():
    found = persons("وحضر اللقاء سعادة سالم بن حمد الحارثي سفير سلطنة عمان المعتمد لدى فرنسا.")
    assert "سالم بن حمد الحارثي" in found and "عمان المعتمد" not in found


def test_quotation_marks_after_a_title_hold_one_name():
    found = persons("واجتمع أمس وزير الدفاع الوطني بجمهورية تركيا “سامي وجدي أوزتورك”، مع نظيره.")
    assert "سامي وجدي أوزتورك" in found


def test_a_title_after_his_office_with_a_pronoun_is_a_person_not_an_eponym():
    found = persons("جاء ذلك خلال لقائه بمكتبه وزير الخارجية الإريتري عثمان صالح أمس.")
    assert "عثمان صالح" in found


def test_a_common_feminine_noun_is_no_third_word_of_a_name():
    found = persons("وقال الرئيس عبدربه منصور هادي متعلقة بالعلاقات بين البلدين.")
    assert "عبدربه منصور هادي" in found
    found = persons("وقد اعتبر أمير عبداللهيان نافذة المفاوضات مفتوحة.")
    assert not any("نافذة" in name for name in found)


def test_a_noun_its_genitive_and_their_adjective_after_a_title_are_no_name():
    found = persons("ووقع الاتفاقية قائد سلاح الجو الملكي العميد الركن سالم فتحي حمدان، أمس.")
    assert "سالم فتحي حمدان" in found and "سلاح الجو" not in found


def test_a_second_portfolio_joined_by_waw_continues_the_title():
    found = persons("وقال إن وزير الشؤون القانونية وحقوق الإنسان سامي عرفان يرافق الوزير في زيارته.")
    assert "سامي عرفان" in found
    assert "حقوق الإنسان" in found["سامي عرفان"].title


def test_one_foreign_word_between_kana_and_qad_is_a_person():
    found = persons("وكان غوستافسون قد أجرى لقاءات سابقة مع رئيس البرلمان.")
    assert "غوستافسون" in found


def test_a_name_after_ala_lisan_with_a_feminine_title_after_it():
    found = persons("وجاء الرد على لسان سعاد شعبان مستشارة الرئيس للشؤون السياسية حيث قالت إن الرسالة وصلت.")
    assert "سعاد شعبان" in found
    assert found["سعاد شعبان"].title.startswith("مستشارة الرئيس")


def test_a_definite_noun_after_a_rank_before_a_plain_noun_is_no_given_name():
    found = persons("وجرى للفريق أول الضيف مراسم استقبال عسكرية، حيث استعرض حرس الشرف.")
    assert found == {}


def test_majesty_is_a_form_of_address_not_a_name_word():
    found = persons("وقال الناطق إن الوزير نقل للرئيس الحسن تحيات جلالة الملك ودعوته للزيارة.")
    assert not any("جلالة" in name for name in found)


def test_a_rare_definite_given_name_a_name_and_a_definite_family_name_after_a_title():
    found = persons("سلم الوزير رسالة للرئيس التونسي الباجي قايد السبسي، خلال لقاء بقصر قرطاج.")
    assert "الباجي قايد السبسي" in found
    found = persons("وأكد الرئيس التونسي الجديد قيس سعيد، خلال اللقاء أهمية التعاون.")
    assert not any(name.startswith("الجديد") for name in found)


def test_the_verbs_ba_on_a_given_name_after_a_comma_is_no_part_of_the_name():
    found = persons(
        "التقى الأمير خالد بن سلمان، وزير الدفاع، بسالم صالح بن بريك، رئيس مجلس الوزراء اليمني، في الرياض."
    )
    assert "سالم صالح بن بريك" in found and "بسالم صالح بن بريك" not in found


def test_two_full_names_of_three_words_that_share_the_family_name_stay_whole():
    found = persons(
        "أعلن الجيش استهداف قائد الوحدة الصاروخية في جنوب لبنان، محمد علي إسماعيل، ونائبه حسين أحمد إسماعيل، "
        "مؤكداً أنه تم القضاء عليهما."
    )
    assert {"محمد علي إسماعيل", "حسين أحمد إسماعيل"} <= set(found)
