"""Spelling variants of one name, not another name one letter away."""

from analysis.extraction.actors import find_actors
from analysis.extraction.name_variants import variant_name, variant_spelling
from analysis.extraction.results import ActorKind


def test_a_long_vowel_a_dropped_letter_or_a_g_sound_is_a_variant():
    assert variant_spelling("مكسيموف", "ماكسيموف") and variant_spelling("مكسيموف", "ماكسيوف")
    assert variant_spelling("غيراسيموف", "جيراسيموف") and variant_spelling("هوكستين", "هوكشتاين")


def test_another_consonant_is_another_name():
    assert not variant_spelling("اقدوغان", "اردوغان")
    assert not variant_name("يالجين اقدوغان", "يالجين اردوغان")


def test_two_turkish_ministers_one_letter_apart_stay_two_persons():
    text = "وضم الوفد الرئيس التركي رجب طيب أردوغان ونائب رئيس الوزراء يالجين أقدوغان. وقال أقدوغان إن الزيارة مهمة."
    persons = {a.name: a for a in find_actors(text).actors if a.kind == ActorKind.PERSON}
    assert "أقدوغان" not in persons["رجب طيب أردوغان"].aliases


def test_a_short_foreign_name_with_one_long_vowel_more_is_a_variant_but_not_two_arabic_names():
    assert variant_name("توم براك", "توم باراك")
    assert not variant_spelling("حسن", "حسين") and not variant_spelling("سعد", "سعيد")
