"""Where a name begun at a word ends, and which words may belong to a name."""

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.person_names import _parse_name, _valid_name_token


def name_at(text: str, start: int = 0) -> str | None:
    tokens = tokenize(text)
    end = _parse_name(tokens, start)
    return None if end is None else " ".join(t.text for t in tokens[start:end])


def test_a_name_stops_before_a_verb_an_everyday_word_or_a_preposition_phrase():
    assert name_at("فلاديمير بوتين يجري اتصالا") == "فلاديمير بوتين"
    assert name_at("عبد الله غل قريبا") == "عبد الله غل"
    assert name_at("رجب طيب أردوغان بأول زيارة") == "رجب طيب أردوغان"


def test_connectors_ordinals_and_lineages_continue_a_name():
    assert name_at("عبد الله الثاني، و") == "عبد الله الثاني"
    assert name_at("حمد بن عيسى آل خليفة،") == "حمد بن عيسى آل خليفة"
    assert name_at("حسن نصر الله إن") == "حسن نصر الله"


def test_a_given_name_or_a_word_that_begins_with_ba_is_no_preposition_phrase():
    assert name_at("بدر الخطيب الجهود المبذولة") == "بدر الخطيب"
    assert name_at("جان باري. وتشمل") == "جان باري"
    assert name_at("لتعزيز التعاون العسكري") is None
    assert name_at("يقوم بجولة في") is None


def test_an_honorific_after_a_lineage_connector_is_a_forefathers_name():
    assert name_at("سالم ولد الشيخ محمد المبعوث الخاص") == "سالم ولد الشيخ محمد"


def test_common_words_are_no_name():
    assert name_at("إعلام الوزارة في") is None
    assert name_at("مكافحة الإرهاب ورئيس") is None


def test_name_words_by_their_readings():
    words = {t.text: _valid_name_token(t) for t in tokenize("فيصل فاليري يلخص بأنه للاسوشيتدبرس آلان")}
    assert words == {
        "فيصل": True,
        "فاليري": True,
        "يلخص": False,
        "بأنه": False,
        "للاسوشيتدبرس": False,
        "آلان": True,
    }


def test_after_a_given_name_and_the_fathers_a_family_name_with_the_article_closes_the_name():
    assert name_at("ناصر عبد الله الفرج. وفي") == "ناصر عبد الله الفرج"
    assert name_at("ناصر عبد الله المعرض. وفي") == "ناصر عبد الله"


def test_a_sovereigns_ordinal_goes_on_with_his_fathers_name():
    assert name_at("عبد الله الثاني بن الحسين والرئيس") == "عبد الله الثاني بن الحسين"


def test_a_time_of_day_word_opens_a_name_when_family_names_follow_it_not_a_day():
    assert name_at("صباح الناصر الفهد السالم اليوم") == "صباح الناصر الفهد السالم"
    assert name_at("صباح الخميس الماضي") is None
    assert name_at("صباح اليوم وصل") is None


def test_after_three_given_names_a_chain_of_family_names_closes_the_name():
    assert name_at("ناصر فهد ناصر الخالد البدر، في") == "ناصر فهد ناصر الخالد البدر"
    assert name_at("سعيد جليلي المكلف المفاوضات، في") == "سعيد جليلي"


def test_a_name_written_twice_by_mistake_is_the_name_once():
    assert name_at("سليم عواد سليم عواد والمدير") == "سليم عواد"
    assert name_at("عبد الله عبد الله، رئيس") == "عبد الله عبد الله"


def test_a_given_name_written_with_the_article_opens_a_name_before_a_rare_word():
    assert name_at("السعيد بوزكري، نائب الوزير") == "السعيد بوزكري"
    assert name_at("المختار بله داود،") == "المختار بله داود"


def test_an_adjective_with_the_article_before_a_common_word_opens_no_name():
    assert name_at("الكريم كتاب الله") is None


def test_a_preposition_on_a_common_noun_after_a_name_is_no_word_of_it():
    assert name_at("ماركو فيلار لمواصلة المحادثات") == "ماركو فيلار"
    assert name_at("هانز كلوبر لشبه الجزيرة") == "هانز كلوبر"
    assert name_at("كريم بدوي لمتابعة الملف") == "كريم بدوي"
    assert name_at("أنتوني بلينكن، و") == "أنتوني بلينكن"
    assert name_at("جمال بسام، و") == "جمال بسام"


def test_a_feminine_participle_after_a_man_s_name_is_no_word_of_it():
    assert name_at("سالم منصور هادي متعلقة بالملف") == "سالم منصور هادي"
    assert name_at("حسين عبداللهيان نافذة الحوار") == "حسين عبداللهيان"


def test_a_title_head_with_no_genitive_before_a_mark_is_the_last_word_of_a_name():
    assert name_at("محمد أمين، واللواء") == "محمد أمين"
    assert name_at("محمد أمين عام الحزب") != "محمد أمين"


def test_a_rare_past_verb_reading_after_a_foreign_name_before_a_title_is_the_surname():
    assert name_at("مايكل أكس جاريت القائد العام للقوات") == "مايكل أكس جاريت"
    assert name_at("جو بايدن دشن المعرض") == "جو بايدن"


def test_a_two_word_place_after_a_definite_word_and_before_a_surname_is_a_compound_given_name():
    assert name_at("وزير الخارجية صلاح الدين مزوار.", 2) == "صلاح الدين مزوار"
    assert name_at("محافظ صلاح الدين عمار جبر،", 1) != "صلاح الدين عمار جبر"


def test_a_name_may_end_before_a_particle_or_a_preposition_on_the_article():
    assert name_at("علي اكبر موسويان إلا أنه") == "علي اكبر موسويان"
    assert name_at("خالد بن حمد آل ثاني للبحث في") == "خالد بن حمد آل ثاني"


def test_a_name_of_two_words_does_not_take_the_verb_or_the_possessed_noun_after_it():
    assert name_at("كان الرئيس سامي حداد أوفد، قبل أسبوع، مبعوثا", 2) == "سامي حداد"
    assert name_at("إن زيارة هانز مولر تتمحور حول التعاون", 2) == "هانز مولر"
    assert name_at("جدد الوزير جورج حداد تأكيده على الموقف", 2) == "جورج حداد"
    assert name_at("التقى محمد ناصر أحمد نظيره", 1) == "محمد ناصر أحمد"


def test_a_name_does_not_take_the_plural_or_the_noun_with_his_pronoun_after_it():
    assert name_at("نقل عبد الله حمدوك تحيات مصر للسودان", 1) == "عبد الله حمدوك"
    assert name_at("عن وزير خارجية جيبوتي علي يوسف قوله إن", 4) == "علي يوسف"
    assert name_at("ياسر عرفات في") == "ياسر عرفات"


def test_after_three_given_names_a_family_name_by_the_lexicons_closes_the_name_a_common_noun_not():
    assert name_at("الشيخ فهد يوسف سعود الصباح، وذلك بحضور", 1) == "فهد يوسف سعود الصباح"
    assert name_at("الشيخ فهد يوسف سعود الحوار، وذلك بحضور", 1) == "فهد يوسف"
