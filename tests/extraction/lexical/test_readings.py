"""qalsadi's readings, shipped as a table of frequent words."""

from analysis.extraction.lexical import reading, verb_only
from analysis.extraction.lexical.build import build, reading_codes


def test_a_future_or_present_verb_reads_only_as_a_verb():
    assert verb_only("سيبحث")
    assert verb_only("يجري")


def test_nouns_and_ambiguous_words_are_not_verb_only():
    assert "N" in reading("موقف")
    assert not verb_only("موقف")
    assert not verb_only("عاد")  # a verb, and also a noun


def test_a_rare_word_has_no_reading():
    assert reading("قزبرطلوش") == ""


def test_the_build_gives_sorted_codes_whatever_the_analysis_order():
    class Analysis:
        def __init__(self, kind):
            self.kind = kind

        def get_type(self):
            return self.kind

    assert reading_codes([Analysis("Verb"), Analysis("Noun:مصدر"), Analysis("unknown")]) == "NV"
    assert reading_codes([Analysis("Noun:مصدر"), Analysis("Verb")]) == "NV"
    assert build(["سيبحث"]) == [("سيبحث", "V")]


def test_a_verb_is_confirmed_by_its_paradigm_and_a_foreign_name_is_not():
    from analysis.extraction.lexical import is_verb

    assert is_verb("يلخص") and is_verb("سيبحث") and is_verb("بدأت") and is_verb("ويبحث")
    assert not is_verb("سيرغي")  # qalsadi reads it as a verb; `يرغي` is rare
    assert not is_verb("يوري") and not is_verb("توني")
