"""Page chrome removal and metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analysis.extraction.clean import clean_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def page(*lines: str) -> str:
    return "\n".join(lines)


BODY = (
    "التقى وزير الخارجية العراقي فؤاد حسين نظيره الإيراني عباس عراقجي في طهران لبحث العلاقات "
    "الثنائية والتطورات في المنطقة وسبل تعزيز التعاون بين البلدين في مختلف المجالات."
)


def test_menus_breadcrumbs_and_teasers_are_removed_and_the_body_kept():
    raw = page(
        "اعلان ممول",
        "TOP",
        "  • أخبار",
        "  • رياضة",
        "جريدة الصباح > سياسة > لقاء في طهران",
        "لقاء عراقي إيراني في طهران",
        "نشر في: 3 مارس, 2024: 10:00 ص",
        "كتب / علي حسن",
        BODY,
        "الأكثر قراءة",
        "  • 12 شباط 2024",
        "عنوان مقال آخر لا علاقة له بالخبر",
        "facebook twitter youtube",
    )
    cleaned = clean_document(raw)
    assert cleaned.text.splitlines() == ["لقاء عراقي إيراني في طهران", BODY]
    meta = cleaned.metadata
    assert meta.title == "لقاء عراقي إيراني في طهران"
    assert meta.outlet == "الصباح"
    assert meta.author == "علي حسن"
    assert meta.published == date(2024, 3, 3)


def test_last_update_stamp_and_teaser_dates_are_not_the_publication_date():
    raw = page(
        "التحديث الاخير بتاريخ|الأربعاء, يناير 8, 2025",
        "عنوان الخبر هنا",
        BODY,
        "مقالات ذات صلة",
        "16-04-2024",
        "خبر آخر",
    )
    cleaned = clean_document(raw)
    assert cleaned.metadata.published is None
    assert "16-04-2024" not in cleaned.text
    assert "التحديث" not in cleaned.text


def test_comments_and_print_links_end_the_article():
    raw = page(
        "عنوان الخبر هنا",
        BODY,
        "عن: رويترز",
        "انضم الى المحادثة",
        "جميع التعليقات 1",
        "تعليق قارئ طويل جدا على الخبر",
    )
    cleaned = clean_document(raw)
    assert cleaned.text.splitlines()[-1] == BODY
    assert cleaned.source_agency == "رويترز"


@pytest.mark.parametrize(
    ("prefix", "published", "outlet"),
    [
        ("000", date(2024, 2, 14), "Almaalouma"),
        ("001", None, None),
        ("002", date(2020, 2, 9), "المدى"),
        ("003", None, "الوقت"),
        ("004", None, None),
    ],
)
def test_seed_metadata(prefix, published, outlet):
    meta = clean_document(seed(prefix)).metadata
    assert meta.published == published
    assert meta.outlet == outlet


def test_seed_chrome_does_not_survive():
    text = clean_document(seed("000")).text
    assert "الأكثر متابعة" not in text and "سياسة الخصوصية" not in text and "11 حزيران 2023" not in text
    text = clean_document(seed("002")).text
    assert "Anonymous" not in text and "بايدن" not in text and "linkedin" not in text


def test_bidi_controls_inside_words_and_names_are_dropped():
    raw = page(
        "عنوان الخبر الذي يتحدث عن اللقاء",
        "التقى عثمان \u202eالغانمي\u202c السفير \u2067ماكسيم ماكسيموف\u2069. " + BODY,
    )
    text = clean_document(raw).text
    assert "عثمان الغانمي" in text and "السفير ماكسيم ماكسيموف" in text
    assert not any(ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_a_page_of_only_chrome_and_teasers_has_no_article():
    lines = seed("000").splitlines()
    chrome_only = "\n".join(lines[:11] + lines[35:])  # menus and breadcrumbs, then the teaser block
    cleaned = clean_document(chrome_only)
    assert cleaned.text == ""
    assert cleaned.metadata.title is None


def test_a_section_trail_is_not_the_title():
    raw = page(
        "الرئيسية / اقتصاد / وزير المالية يلتقي وفد صندوق النقد",
        "وزير المالية يلتقي وفد صندوق النقد",
        "نشر في:17.09.2023 | 08:15",
        BODY,
    )
    cleaned = clean_document(raw)
    assert cleaned.metadata.title == "وزير المالية يلتقي وفد صندوق النقد"
    assert cleaned.metadata.published == date(2023, 9, 17)
    assert "الرئيسية" not in cleaned.text


def test_a_read_also_line_inside_the_body_is_dropped_and_the_body_goes_on():
    second = "وأضاف الوزير أن الجانبين اتفقا على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر لمتابعة التنفيذ."
    raw = page("عنوان الخبر هنا", BODY, "اقرأ أيضًا: الحكومة تقر موازنة العام المقبل بعجز أقل", second)
    assert clean_document(raw).text.splitlines() == ["عنوان الخبر هنا", BODY, second]


def test_a_more_heading_line_starts_the_teasers():
    raw = page(
        "عنوان الخبر هنا", BODY, "المزيد", "الرئيس يستقبل وزير الخارجية الفرنسي في القصر", "02.08.2024"
    )
    assert clean_document(raw).text.splitlines() == ["عنوان الخبر هنا", BODY]


def test_a_menu_of_spaced_sections_is_not_the_title():
    raw = page(
        "الرئيسية   سياسة   اقتصاد   رياضة   فنون",
        "وزير الري يستقبل السفير الهولندي في القاهرة",
        BODY,
    )
    assert clean_document(raw).metadata.title == "وزير الري يستقبل السفير الهولندي في القاهرة"


def test_an_article_stamp_under_the_body_beats_a_site_clock_on_top():
    raw = page(
        "[ الخميس, 14 مارس 2024 - 09:12:40 ص ]",
        "عنوان الخبر هنا",
        BODY,
        "الأربعاء 3 رمضان 1445هـ الموافق 13 مارس 2024",
    )
    assert clean_document(raw).metadata.published == date(2024, 3, 13)


def test_a_solar_hijri_stamp_is_converted():
    raw = page("عنوان الخبر هنا", "۱۱ دی ۱۳۹۹ - ۱۰:۴۵", BODY)
    assert clean_document(raw).metadata.published == date(2020, 12, 31)


def test_an_unlabelled_list_of_headlines_with_dates_ends_the_article():
    raw = page(
        "عنوان الخبر هنا",
        BODY,
        "الرئيس يستقبل سفير اليابان ويبحثان التعاون الاقتصادي",
        "12/03/2024",
        "وزير الداخلية يلتقي نظيره الأردني في عمان",
        "11/03/2024",
    )
    assert clean_document(raw).text.splitlines() == ["عنوان الخبر هنا", BODY]


def test_a_paragraph_quoting_an_agency_in_guillemets_is_body_not_a_breadcrumb():
    quoted = (
        "وأكد الوزير، بحسب ما نقلته وكالة «سانا» الرسمية، أن «التعاون بين البلدين يخدم أمن المنطقة "
        "واستقرارها» وأن الزيارة المقبلة ستبحث ملفات عدة."
    )
    raw = page("عنوان الخبر هنا", BODY, quoted)
    assert clean_document(raw).text.splitlines() == ["عنوان الخبر هنا", BODY, quoted]


def test_the_outlet_is_read_from_the_copyright_line_when_nothing_else_names_it():
    raw = page("الرئيسية > سياسة > عربي", "عنوان الخبر هنا", BODY, "© جميع الحقوق محفوظة لصحيفة الرياض 2024")
    assert clean_document(raw).metadata.outlet == "الرياض"


BODY = (
    "استقبل وزير الخارجية في مقر الوزارة اليوم سفير دولة صديقة لدى المملكة، وجرى خلال الاستقبال "
    "استعراض العلاقات الثنائية بين البلدين وسبل تعزيزها في المجالات كافة."
)


@pytest.mark.parametrize(
    "dateline",
    [
        "المدينة 12 رجب 1445 هـ الموافق 24 يناير 2024 م واس",  # a line of its own: Hijri, then Gregorian, then the agency
        "المدينة 24 يناير 2024 (واس) - " + BODY,  # at the start of the first paragraph
        "المدينة في 24 يناير 2024 / وام / " + BODY,
    ],
)
def test_an_agency_dateline_gives_the_publication_date_and_is_not_the_headline(dateline):
    page = f"وزير الخارجية يستقبل سفيرًا\n{dateline}\n{BODY}\n"

    cleaned = clean_document(page)

    assert cleaned.metadata.published == date(2024, 1, 24)
    assert cleaned.metadata.title == "وزير الخارجية يستقبل سفيرًا"


@pytest.mark.parametrize(
    "lead",
    [
        "في 24 يناير 2024 " + BODY,  # the event's day, told in the sentence
        "المدينة - وجرى يوم الأربعاء 24 يناير 2024 لقاء بين وزيرين، " + BODY,
    ],
)
def test_a_day_in_the_lead_sentence_is_not_a_dateline(lead):
    assert clean_document(f"وزير الخارجية يستقبل سفيرًا\n{lead}\n").metadata.published is None
