"""A title chain and the name that closes it."""

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.actors import find_actors
from analysis.extraction.person_titles import _head_at, _parse_title
from analysis.extraction.results import ActorKind


def title_and_name(text: str) -> tuple[str, str | None]:
    tokens = tokenize(text)
    title_end, first, end = _parse_title(tokens, 0)
    title = " ".join(t.text for t in tokens[:title_end])
    return title, None if first is None else " ".join(t.text for t in tokens[first:end])


def test_a_title_through_genitives_places_and_a_comma():
    assert title_and_name("رئيس هيئة الحشد الشعبي فالح الفياض") == ("رئيس هيئة الحشد الشعبي", "فالح الفياض")
    assert title_and_name("سفير روسيا الاتحادية لدى بغداد ماكسيم ماكسيموف في") == (
        "سفير روسيا الاتحادية لدى بغداد",
        "ماكسيم ماكسيموف",
    )
    assert title_and_name("رئيس هيئة الأركان الروسية، فاليري غيراسيموف، و")[1] == "فاليري غيراسيموف"


def test_one_foreign_name_after_a_head_and_no_name_after_an_agreeing_adjective():
    assert title_and_name("الرئيس ترامب، ثم")[1] == "ترامب"
    assert title_and_name("مساعدة سخية مشكورة للبنان")[1] is None


def test_a_rare_word_without_the_article_after_a_definite_head_is_its_name():
    assert set(_persons("ووجه الرئيس نوراني دعوة للرئيس اللبناني لزيارة البلاد.")) == {"نوراني"}
    assert not _persons("وبحث الرئيس سبل التعاون، وأكد الوزير حرص بلاده على الاستقرار.")


def _persons(text: str) -> dict[str, object]:
    return {a.name: a for a in find_actors(text).actors if a.kind == ActorKind.PERSON}


def test_a_title_word_with_a_possessive_pronoun_belongs_to_the_title():
    found = _persons("واستقبل الرئيس الضيف، فيما التقى وزير خارجيته جون كيري بالمسؤولين.")
    assert "جون كيري" in found and found["جون كيري"].title == "وزير خارجيته"
    found = _persons("وقال رئيس وزرائها سامي الخطيب إن الحكومة ماضية.")
    assert found["سامي الخطيب"].title == "رئيس وزرائها"


def test_after_a_possessed_title_a_name_with_the_conjunction_is_the_next_party():
    found = _persons("وأعلنت الهيئة أن نائب رئيسها وسليماني قتلا في غارة.")
    assert not found


def test_a_quoted_name_after_a_body_noun_in_construct_is_the_bodys_name():
    found = _persons("وكان القائد السابق لفرقة «علي بن أبي طالب» في الجيش، العميد سامي كريم، قد نفى ذلك.")
    assert "علي بن أبي طالب" not in found


def test_titles_of_palestinian_and_gulf_offices():
    found = _persons(
        "وحضر اللقاء أمين سر اللجنة التنفيذية نبيل الكيلاني، ورئيس ديوان الرئاسة سامي القدومي، "
        "والدكتورة ريم الصافي، والمحامي سامر الخوري."
    )
    assert {"نبيل الكيلاني", "سامي القدومي", "ريم الصافي", "سامر الخوري"} <= set(found)
    assert found["سامي القدومي"].title == "رئيس ديوان الرئاسة"


def test_a_so_called_body_belongs_to_the_title():
    found = _persons("وقالت الوكالة إن رئيس ما يسمى بالمجلس الأعلى، كامل الصبري، استقبل المبعوث.")
    assert found["كامل الصبري"].title == "رئيس ما يسمى بالمجلس الأعلى"


def test_a_clause_after_a_title_and_a_comma_is_no_name():
    found = {a.name for a in find_actors("وأكد أمير الدولة، أثناء المكالمة، دعم بلاده للعراق.").actors}
    assert "أثناء المكالمة" not in found


def test_a_delegation_or_a_mission_is_a_body_a_title_belongs_to():
    found = {
        a.name: a
        for a in find_actors("وحضر رئيس بعثة الصداقة سامر ناصر الحداد ورئيس وفد المعارضة نادر الصافي.").actors
    }
    assert {"سامر ناصر الحداد", "نادر الصافي"} <= set(found)
    assert "بعثة الصداقة" not in found


def test_the_object_of_a_verb_right_after_a_title_is_no_name():
    found = {
        a.name for a in find_actors("وأكد نائب وزير الدفاع الإيراني ضرورة وقف التصعيد في المنطقة.").actors
    }
    assert "ضرورة وقف" not in found


def test_a_name_the_lexicons_do_not_know_is_a_name_in_apposition_to_a_title():
    found = _persons("كشف القائد العام لقوات الحماية المحلية (قحم)، منصف شاكر، في مقابلة مع صحيفة محلية.")
    assert set(found) == {"منصف شاكر"}


def test_a_family_name_the_lexicons_know_right_after_a_definite_head_is_the_persons():
    found = _persons("وقالت الوزارة إن الوزير الكرملاوي، تسلم رسالة من نظيره.")
    assert set(found) == {"الكرملاوي"}
    assert not _persons("وأكد المبعوث الأممي، أن الحل سياسي. وقال المبعوث الخاص، إن الحل قريب.")


def test_a_name_of_common_words_after_a_title_and_a_comma_stays_a_name():
    found = {
        a.name for a in find_actors("وأكد وزير الدولة للشؤون الخارجية، عادل الصالح، دعم بلاده للعراق.").actors
    }
    assert "عادل الصالح" in found


def test_a_title_joined_by_wa_after_a_name_is_a_second_party():
    found = _persons(
        "استقبل وزير الخارجية الأمريكي جون ميلر العاهل الأردني الملك عبد الله الثاني. "
        "ووصف المتحدث المباحثات بين جون ميلر والعاهل الأردني بأنها جيدة."
    )
    assert found["جون ميلر"].titles == ["وزير الخارجية الأمريكي"]


def test_a_counterpart_or_a_title_governed_by_ba_ends_the_title_before_it():
    assert title_and_name("الرئيس الإيراني نظيره العراقي على")[0] == "الرئيس الإيراني"
    assert title_and_name("الرئيس الأمريكي برئيس الوزراء العراقي في")[0] == "الرئيس الأمريكي"
    assert title_and_name("وزير الدولة لشؤون الدفاع بدولة الإمارات محمد")[0].endswith("بدولة الإمارات")


def test_a_quoted_name_after_a_rank_is_the_persons():
    assert title_and_name("رئيس أركان القوات البرية، الفريق ركن “سالم المبروك”، مع")[1] == "سالم المبروك"


def test_a_title_word_that_goes_on_only_after_another():
    title, name = title_and_name("رئيس أركان حرب القوات المسلحة الفريق سامي عزت في")
    assert title == "رئيس أركان حرب القوات المسلحة الفريق" and name == "سامي عزت"


def test_a_charge_daffaires_is_a_title():
    found = _persons("استقبل الوزير، اليوم، القائم بأعمال سفارة كندا لدى العراق جون ميلر.")
    assert found["جون ميلر"].titles == ["القائم بأعمال سفارة كندا لدى العراق"]


def test_a_prepositional_phrase_with_ba_ends_a_title_unless_it_names_a_body():
    assert title_and_name("الوزير الروسي بالمطار الفريق أول سامي عزت في")[0] == "الوزير الروسي"
    assert title_and_name("للرئيس الإيراني بالتوفيق وموفور الصحة")[1] is None
    assert title_and_name("مندوب العراق بالأمم المتحدة محمد علي قال") == (
        "مندوب العراق بالأمم المتحدة",
        "محمد علي",
    )
    assert title_and_name("عضو بالبرلمان العراقي محمد علي قال")[1] == "محمد علي"


def test_a_head_with_a_possessive_pronoun_opens_a_title():
    assert title_and_name("مبعوثها الخاص إلى اليمن، هانس ميلر، اختتم")[1] == "هانس ميلر"
    assert title_and_name("سفيرها في لبنان سامي حداد، الأوضاع")[1] == "سامي حداد"
    assert not _head_at(tokenize("محافظة أربيل"), 0)  # ة is no pronoun: no governor's title
    assert _head_at(tokenize("مستشاره للشؤون"), 0)


def test_a_possessed_head_with_the_conjunction_opens_the_next_person_of_a_list():
    text = "حضر اللقاء الفريق أول ركن سعد الحربي، ومعاونه كمال الزوبعي، وعدد من قيادات الوزارة."
    found = {a.name for a in find_actors(text).actors}
    assert "كمال الزوبعي" in found


def test_a_joined_possessed_head_before_a_head_of_its_own_leaves_the_name_to_that_head():
    tokens = tokenize("وشكر الدولة وقائدها الإمام الفلاني والحكومة.")
    assert _head_at(tokens, 2) == 0 and _head_at(tokens, 3) > 0


def test_the_inspector_general_is_a_person_s_title():
    found = {
        a.name for a in find_actors("وحضر المفتش العام للقوات المسلحة، سالم بوزكري، وعدد من الضباط.").actors
    }
    assert "سالم بوزكري" in found


def test_a_title_in_the_dual_is_no_name():
    found = {
        a.name for a in find_actors("وتعقد اللجنة اجتماعها برئاسة وزيري خارجية البلدين في الربيع.").actors
    }
    assert "وزيري" not in found
    found = {a.name for a in find_actors("وأضاف المسؤولان: إن الإدارة تدرس الخيارات.").actors}
    assert "المسؤولان" not in found


def test_the_post_s_place_inside_a_title_our_country_or_a_city_then_the_name():
    assert title_and_name("سفير المملكة المتحدة لدى بلادنا جون بيرسيفال، لبحث")[1] == "جون بيرسيفال"
    assert title_and_name("نائب سفير لندن في عمّان روبرت ديكسون، وفق")[1] == "روبرت ديكسون"


def test_words_that_continue_a_title_open_no_name_wherever_they_come_in_it():
    assert title_and_name("العميد الركن طيار ماجد بن سالم الكعبي، و") == (
        "العميد الركن طيار",
        "ماجد بن سالم الكعبي",
    )
    assert title_and_name("المتحدث العسكري باسم جماعة الحوثي يحيى الشامي إن") == (
        "المتحدث العسكري باسم جماعة الحوثي",
        "يحيى الشامي",
    )
    assert title_and_name("المتحدث باسم الوزارة سامي زيد إن")[1] == "سامي زيد"


def test_a_word_written_with_another_hamza_than_a_title_head_is_no_title():
    text = "ودعا البيان إلى دفع التعاون إلى الأمام خدمة لمصالح الشعبين، وأشاد الرئيس بذلك."
    assert not [a for a in find_actors(text).actors if a.kind == "person"]
    text = "وقال الإمام محمد الطاهر إن الزيارة مهمة."
    assert "محمد الطاهر" in [a.name for a in find_actors(text).actors]


def test_a_particle_shaped_first_word_after_a_title_opens_a_foreign_name():
    assert "ما يونغشي" in _persons("واستقبل الوزير بمكتبه السفير ما يونغشي سفير الصين لدى الخرطوم.")
    assert "لي كارلتون" in _persons("وترأس الوفد النائب الديمقراطي السابق لي كارلتون.")
    assert "أبي أحمد" in _persons("وأجرى رئيس الوزراء الإثيوبي أبي أحمد مباحثات مع الوفد.")


def test_a_preposition_after_a_title_opens_no_name():
    assert not _persons("وأعرب الوزير عن تقديره العميق للجهود.")
    assert "عباس وهنية" not in " ".join(_persons("وأجرى أمير قطر مع عباس وهنية اتصالين."))


def test_a_compound_given_name_alone_after_a_personal_honorific_is_the_name():
    assert "عبد الرحيم" in _persons("وبحث الوزير مع العاهل الأردني الملك عبد الرحيم، آخر التطورات.")
    assert not _persons("وقال الوزير عبد الرحيم.")  # no honorific: one given name is no name


def test_past_a_comma_a_title_goes_on_only_to_a_name():
    # a name closes the chain: the rank after the comma is the same person's
    assert title_and_name("رئيس هيئة الأركان، الفريق أول سامي العتيبي، و") == (
        "رئيس هيئة الأركان ، الفريق أول",
        "سامي العتيبي",
    )
    # no name: each title is its own mention (the host's, then the guest's)
    assert title_and_name("رئيس المجلس الرئاسي، السفير الفرنسي، بمقر المجلس") == ("رئيس المجلس الرئاسي", None)


def test_a_given_name_that_is_a_rulers_title_before_his_state():
    assert title_and_name("سلطان عمان هيثم بن طارق، و") == ("سلطان عمان", "هيثم بن طارق")
    found = _persons(
        "وكان سلطان عمان قابوس بن سعيد قد استقبل الأمير سلطان بن سلمان والوزير فهد بن سلطان العلي."
    )
    assert found["قابوس بن سعيد"].titles == ["سلطان عمان"]
    assert {"سلطان بن سلمان", "فهد بن سلطان العلي"} <= set(found)


def test_the_deputy_crown_prince_doubles_the_head():
    found = _persons("التقى الوزير سالم العولقي، أمس، ولي ولي العهد السعودي، مقرن بن عبد العزيز، في جدة.")
    assert found["مقرن بن عبد العزيز"].titles == ["ولي ولي العهد السعودي"]


def test_a_second_form_of_address_opens_another_persons_title():
    assert title_and_name("فخامة الرئيس الإيراني معالي الوزير نقل تحياته")[0] == "فخامة الرئيس الإيراني"


def test_a_given_name_alone_after_a_title_before_the_verbs_object_is_the_name():
    assert title_and_name("الأمير خالد تحيات خادم الحرمين الشريفين")[1] == "خالد"


def test_amir_inside_a_title_before_a_name_is_the_given_name_not_before_its_place():
    assert title_and_name("وزير الدفاع الإيراني أمير حاتمي، برفقة وفد") == (
        "وزير الدفاع الإيراني",
        "أمير حاتمي",
    )
    assert title_and_name("وزير الدفاع الايراني العميد امير حاتمي إلى")[1] == "امير حاتمي"
    assert title_and_name("نائب أمير منطقة مكة خالد الفيصل في")[1] == "خالد الفيصل"


def test_the_second_name_under_a_dual_title_may_carry_wa_or_follow_its_nationality():
    found = _persons("وشارك في الاجتماع مستشارا رئيس الحكومة السفير بطرس عساكر وزياد ميقاتي.")
    assert {"بطرس عساكر", "زياد ميقاتي"} <= set(found)
    found = _persons("وقّع وزيرا الدفاع الإيراني أمير حاتمي والسوري علي عبد الله أيوب، اتفاقية للتعاون.")
    assert {"أمير حاتمي", "علي عبد الله أيوب"} <= set(found)


def test_a_title_ends_before_ila_and_the_title_of_the_one_addressed():
    title, name = title_and_name("وزير الخارجية المصري إلى رئيس الوزراء السوداني عبد الله حمدوك رسالة")
    assert title == "وزير الخارجية المصري"
    assert name is None
    assert title_and_name("المبعوث الخاص إلى اليمن مارتن غريفيث")[1] == "مارتن غريفيث"
