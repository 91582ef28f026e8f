"""Which words may belong to a name, from word frequencies and readings."""

from analysis.extraction.name_words import (
    clitic_and_article,
    feminine_participle,
    never_in_name,
    noun_with_his,
    ordinary,
    plural_of_common_noun,
    prepositional_phrase,
)


def test_frequent_common_words_are_ordinary_and_names_are_not():
    assert ordinary("قريبا") and ordinary("إعلام") and ordinary("عاد")
    assert not ordinary("أردوغان") and not ordinary("محمد") and not ordinary("غيراسيموف")


def test_verbs_and_particles_are_never_in_a_name():
    assert never_in_name("يجري") and never_in_name("بأنه")
    assert not never_in_name("سيرغي")


def test_a_preposition_on_a_common_word_ends_a_name():
    assert prepositional_phrase("بأول")
    assert not prepositional_phrase("بوتين")


def test_the_clitic_reading_is_taken_when_the_bare_word_is_clearly_more_common():
    assert clitic_and_article("والدفاع", "الدفاع")
    assert not clitic_and_article("فاليري", "اليري")
    assert not clitic_and_article("فيصل", "يصل")


def test_a_common_noun_in_the_indefinite_accusative_is_never_in_a_name():
    assert never_in_name("رأيا") and never_in_name("موقفا")
    assert not never_in_name("أوباما") and not never_in_name("صوفيا")


def test_a_participle_in_the_accusative_is_never_in_a_name():
    assert never_in_name("مؤكدا") and never_in_name("موضحا")
    assert not never_in_name("مايا") and not never_in_name("مارينا")


def test_name_evidence_from_the_lexicons():
    from analysis.extraction.name_words import name_evidence

    assert name_evidence("محمد") and name_evidence("جنبلاط") and name_evidence("فلاديمير")
    assert not name_evidence("إحراز") and not name_evidence("تقدم")


def test_a_rare_feminine_or_plural_is_no_evidence_of_a_name():
    from analysis.extraction.name_words import name_evidence

    assert not name_evidence("متجاوزة")


def test_a_name_that_looks_like_kaf_on_a_verb_is_a_name():
    assert not prepositional_phrase("كيري")  # `ك` never goes on a verb (`يري`)
    assert prepositional_phrase("بموقف")


def test_a_preposition_a_noun_and_a_pronoun_are_never_in_a_name():
    assert never_in_name("لشكره") and never_in_name("بحضوره") and never_in_name("لدعوته")
    assert not never_in_name("بلال") and not never_in_name("بديعة")


def test_a_noun_with_a_possessive_pronoun_is_never_in_a_name():
    assert never_in_name("تحياته") and never_in_name("زيارته") and never_in_name("بلادها")
    assert not never_in_name("نبيه") and not never_in_name("ماجده")
    assert never_in_name("شعبنا") and never_in_name("حكومتنا")  # `نا`: our people, our government
    assert not never_in_name("دينا") and not never_in_name("لينا") and not never_in_name("حسنا")


def test_a_conjunction_on_a_noun_with_a_pronoun_is_never_in_a_name():
    assert never_in_name("وتحياته") and never_in_name("وجهودهم")
    assert not never_in_name("وليد") and not never_in_name("وائل")


def test_a_less_common_noun_in_the_accusative_after_a_name_is_never_in_it():
    assert never_in_name("قائلا") and never_in_name("قادما")
    assert not never_in_name("رضا") and not never_in_name("ماريا")


def test_a_verb_and_its_object_pronoun_qalsadi_leaves_unanalysed_is_never_in_a_name():
    assert never_in_name("هنأه")
    assert not never_in_name("حمده") and not never_in_name("نبيه")


def test_a_noun_and_an_everyday_definite_noun_are_a_phrase_not_a_name():
    from analysis.extraction.name_words import common_phrase

    assert common_phrase(["وجوب", "العمل"])
    assert not common_phrase(["سامي", "الصالح"]) and not common_phrase(["محمد", "الأمين"])


def test_a_feminine_participle_of_the_language_is_no_given_or_family_name():
    assert feminine_participle("متعلقة") and feminine_participle("نافذة") and feminine_participle("مقاتلة")
    assert (
        not feminine_participle("فاطمة")
        and not feminine_participle("جودة")
        and not feminine_participle("بوريطة")
    )


def test_a_verbal_noun_of_the_doubled_verb_with_his_pronoun_is_never_in_a_name():
    assert never_in_name("تأكيده") and never_in_name("تقديره")
    assert not never_in_name("ماجده")  # `ماجدة` written with `ه`: a woman's name


def test_a_present_or_a_fourth_form_perfect_is_a_finite_verb_but_names_of_that_shape_are_not():
    from analysis.extraction.name_words import finite_verb

    assert finite_verb("تتمحور") and finite_verb("أوفد")
    assert not finite_verb("أحمد") and not finite_verb("أشرف") and not finite_verb("تيري")


def test_the_plural_of_a_common_noun_is_no_name_but_a_name_ending_so_is():
    assert plural_of_common_noun("تحيات")  # `تحية` is far more common
    assert not plural_of_common_noun("عرفات") and not plural_of_common_noun("بركات")


def test_a_noun_with_his_pronoun_is_no_name_but_a_name_written_with_ha_for_ta_marbuta_is():
    assert noun_with_his("قوله") and noun_with_his("موقفه")
    assert not noun_with_his("سلامه") and not noun_with_his("جمعه") and not noun_with_his("عبده")
