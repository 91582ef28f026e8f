"""Spelling variants of one name, with rapidfuzz."""

from analysis.extraction.lexical import same_name, same_word


def test_a_long_vowel_more_or_less_is_the_same_name():
    assert same_word("مكسيموف", "ماكسيموف")
    assert same_name("ماكسيم مكسيموف", "ماكسيم ماكسيموف")


def test_short_words_and_two_differing_words_are_other_names():
    assert not same_word("علي", "عل")
    assert not same_word("حسين", "حسن")
    assert not same_name("احمد مكسيموف", "محمد ماكسيموف")
    assert not same_name("ماكسيم", "ماكسيم ماكسيموف")


def test_long_names_allow_two_edits():
    assert same_word("مكسيموف", "ماكسيوف")
    assert not same_word("موسوي", "موصلي")
