"""wordfreq's Zipf frequencies, looked up as written or normalized."""

from analysis.extraction.lexical import word_zipf


def test_common_words_score_higher_than_rare_names():
    assert word_zipf("في") > 6
    assert word_zipf("موقف") > 4
    assert word_zipf("ماكسيموف") < 3


def test_spelling_and_diacritics_do_not_change_the_lookup():
    assert word_zipf("اضافة") == word_zipf("إضافة") or word_zipf("اضافة") > 3
    assert word_zipf("مُوَقَّف") == word_zipf("موقف")


def test_an_unseen_word_is_zero():
    assert word_zipf("قزبرطلوش") == 0.0
