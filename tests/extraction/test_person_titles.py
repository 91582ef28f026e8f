"""A title chain and the name that closes it."""

from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.person_titles import _parse_title


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
