"""Arabic folding for comparison: normalization, name keys, digits, bidi controls."""

from __future__ import annotations

from analysis.arabic import (
    fold_digits,
    key_variants,
    name_key,
    normalize,
    normalize_with_map,
    strip_article,
    strip_bidi,
)


def test_normalize_folds_spelling_variants():
    assert normalize("ألبروس") == normalize("إلبروس") == normalize("البروس")
    assert normalize("الحشـد الشَّعبي") == normalize("الحشد الشعبي")
    assert normalize("مدرسة") == normalize("مدرسه")
    assert normalize("ی ک ٢٠٢٤ ۲۰۲۴") == "ي ك 2024 2024"
    assert normalize("عبدﷲ") == normalize("عبدالله")  # the ligature some outlets print


def test_normalize_with_map_points_back_into_the_original():
    text = "التقى الفياضُ بالسفيرِ في بغدادَ"
    folded, pos = normalize_with_map(text)
    a = folded.index("بغداد")
    b = a + len("بغداد")
    assert text[pos[a] : pos[b - 1] + 1].startswith("بغداد")
    assert len(pos) == len(folded)


def test_name_key_and_variants_handle_article_and_clitics():
    assert name_key("الفياض") == name_key("فياض")
    assert name_key("للحشد الشعبي") == name_key("الحشد الشعبي")
    assert name_key("((ألبروس كوتراشيف))") == name_key("إلبروس كوتراشيف")
    assert "روسيا" in key_variants(normalize("وروسيا"))
    assert "بوغدانوف" in key_variants(normalize("بوغدانوف"))


def test_strip_article_keeps_short_words():
    assert strip_article("الحشد") == "حشد"
    assert strip_article("الله") == "الله"


def test_fold_digits_reads_arabic_indic_and_persian_digits():
    assert fold_digits("٢٠٢٤/٠٥ و۲۰۲۴") == "2024/05 و2024"


def test_strip_bidi_drops_controls_and_with_marks_the_marks():
    text = "\u2067الحشد\u2069 \u200fالشعبي\u202b"
    assert strip_bidi(text) == "الحشد \u200fالشعبي"
    assert strip_bidi(text, marks=True) == "الحشد الشعبي"


def test_normalize_folds_each_arabic_letter_and_mark_as_camel_tools_does():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    for code in [*range(0x0600, 0x0700), *range(0x0750, 0x0780)]:
        ch = chr(code)
        expected = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(ch))))
        assert normalize(ch) == normalize(expected), hex(code)
