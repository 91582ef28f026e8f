"""Whether one word may be part of a person's name, from the word alone."""

from analysis.extraction.name_tokens import _valid_name_word, foreign_al_name, verb_shaped


def test_a_foreign_name_shaped_like_a_dual_verb_is_a_name_when_its_singular_is_no_verb():
    assert verb_shaped("ويبحثان") and verb_shaped("يؤكدان")
    assert not verb_shaped("فيلتمان") and not verb_shaped("وينستون")


def test_a_preposition_and_the_article_on_a_word_of_the_language_open_no_name():
    assert not _valid_name_word("بالتوفيق") and not _valid_name_word("بالمزيد")
    assert _valid_name_word("بالدوين") and _valid_name_word("باسم")


def test_a_foreign_name_with_the_letters_of_the_article_is_told_from_a_definite_word():
    assert foreign_al_name("اليزابيث") and foreign_al_name("الكسندر")
    assert (
        not foreign_al_name("الحلبوسي") and not foreign_al_name("الولايات") and not foreign_al_name("العراق")
    )


def test_a_title_in_the_accusative_is_no_name_word():
    assert not _valid_name_word("موفدا") and not _valid_name_word("مبعوثا")
    assert _valid_name_word("رضا") and _valid_name_word("مايا")


def test_a_time_word_before_a_fathers_given_name_and_a_family_name_opens_a_name():
    from analysis.extraction.actor_tokens import tokenize
    from analysis.extraction.name_tokens import time_word_given_name

    named = tokenize("وحضر اللواء صباح سالم الأحمد وعدد من الضباط")
    assert time_word_given_name(named, 2) == 5  # `صباح سالم الأحمد`
    dated = tokenize("ووصل الوفد صباح يوم الخميس إلى العاصمة")
    assert time_word_given_name(dated, 2) is None


def test_a_time_word_right_after_a_personal_honorific_takes_one_family_name():
    from analysis.extraction.actor_tokens import tokenize
    from analysis.extraction.name_tokens import time_word_given_name

    assert time_word_given_name(tokenize("واستقبله الشيخ صباح الناصر وعدد من المسؤولين"), 2) == 4
    assert time_word_given_name(tokenize("واستقبله الوزير صباح الأحد في مكتبه"), 2) is None
    assert time_word_given_name(tokenize("وحضر الوزير صباح الناصر وعدد من المسؤولين"), 2) is None
