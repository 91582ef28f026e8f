"""pyarabic's proper nouns: given names, family names, places."""

from analysis.extraction.lexical import is_family_name, is_given_name, is_place_name


def test_given_names_in_any_spelling():
    assert is_given_name("محمد")
    assert is_given_name("ابراهيم") and is_given_name("إبراهيم")
    assert not is_given_name("موقف")


def test_family_and_place_names():
    assert is_family_name("الأنصاري")
    assert is_place_name("ييكاتيرينبرغ")
    assert not is_place_name("يجري")
