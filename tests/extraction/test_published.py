"""The article's own date: stamps above and under it, datelines, the lead's `today`."""

from __future__ import annotations

from datetime import date

from analysis.extraction.clean import clean_document
from analysis.extraction.published import is_date_line

BODY = (
    "التقى وزير الخارجية العراقي نظيره الإيراني في طهران لبحث العلاقات الثنائية والتطورات في المنطقة "
    "وسبل تعزيز التعاون بين البلدين في مختلف المجالات."
)


def published(*lines: str) -> date | None:
    return clean_document("\n".join(lines)).metadata.published


def test_a_publication_stamp_beats_the_update_stamp_on_its_line_and_the_site_date_on_top() -> None:
    assert published(
        "السبت 27 أبريل 2024 1:01 ص القاهرة 24°",
        "لقاء عراقي إيراني في طهران",
        "نشر في: الأحد 17 سبتمبر 2017 - 9:27 م | آخر تحديث: الاثنين 18 سبتمبر 2017 - 9:27 م",
        BODY,
    ) == date(2017, 9, 17)


def test_of_two_date_lines_above_the_article_the_one_nearest_the_body_is_its_own() -> None:
    assert published(
        "الثلاثاء: 20 أكتوبر، 2020 - 03 ربيع الأول 1442 - 05:49 مساءً",
        "سلة الاخبار",
        "الأربعاء: 5 فبراير، 2020",
        BODY,
    ) == date(2020, 2, 5)


def test_a_stamp_line_with_a_byline_cell_dates_the_article_and_is_not_its_headline() -> None:
    assert is_date_line("الخميس 05-12-2013 21:50 | كتب: الأناضول |")
    cleaned = clean_document(
        "\n".join(["لقاء عراقي إيراني في طهران", "الخميس 05-12-2013 21:50 | كتب: الأناضول |", BODY])
    )
    assert cleaned.metadata.published == date(2013, 12, 5)
    assert cleaned.metadata.title == "لقاء عراقي إيراني في طهران"


def test_a_header_in_two_calendars_dates_the_article() -> None:
    assert published(
        "الأحد 15 ربيع الأول 1447 ﻫ - 7 سبتمبر 2025 |", "لقاء عراقي إيراني في طهران", BODY
    ) == date(2025, 9, 7)


def test_a_stamp_under_the_article_dates_it() -> None:
    assert published("لقاء عراقي إيراني في طهران", BODY, "وكالة الأخبار", "28.01.2025 16:25") == date(
        2025, 1, 28
    )
    assert published("لقاء عراقي إيراني في طهران", BODY, "Last update: Friday 3rd August 2012 12:33") == date(
        2012, 8, 3
    )


def test_a_teaser_date_after_related_articles_does_not_date_the_article() -> None:
    assert published("لقاء عراقي إيراني في طهران", BODY, "مقالات ذات صلة", "16-04-2024", "خبر آخر") is None


def test_a_date_line_under_the_standfirst_dates_the_article() -> None:
    assert published(
        "لقاء عراقي إيراني في طهران", BODY, "17 August 2023", BODY.replace("طهران", "بغداد")
    ) == date(2023, 8, 17)


def test_the_day_the_lead_calls_today_dates_the_article() -> None:
    lead = (
        "وصل وزير الخارجية فؤاد حسين، اليوم الثلاثاء الموافق 2023/12/19، العاصمة التركية أنقرة على رأس وفد."
    )
    assert published("بيان صحفي", lead) == date(2023, 12, 19)


def test_an_update_stamp_under_the_headline_is_the_last_resort_and_one_above_it_is_the_site() -> None:
    stamp = "آخر تحديث 2020-12-17 00:00:00 - المصدر: وكالة الأخبار"
    assert published("لقاء عراقي إيراني في طهران", stamp, BODY) == date(2020, 12, 17)
    assert (
        published("التحديث الاخير بتاريخ|الأربعاء, يناير 8, 2025", "لقاء عراقي إيراني في طهران", BODY) is None
    )
    assert published(
        "لقاء عراقي إيراني في طهران", "نشر في 03.12.2023 15:16", "آخر تحديث في 04.12.2023 15:30", BODY
    ) == date(2023, 12, 3)


def test_a_site_date_above_the_headline_yields_to_the_day_the_lead_calls_today() -> None:
    lead = "وصل وزير الخارجية، اليوم الخميس 9 تشرين الأول 2025، إلى أنقرة في زيارة رسمية يلتقي خلالها نظيره."
    assert published("السبت 27 أبريل 2024", "لقاء عراقي تركي في أنقرة", lead) == date(2025, 10, 9)
    assert published("الأحد 7 سبتمبر 2025", "لقاء عراقي تركي في أنقرة", BODY) == date(2025, 9, 7)


def test_english_stamp_labels_are_read_like_arabic_ones() -> None:
    assert published(
        "لقاء عراقي إيراني في طهران", "Published: Jan 23, 2024 08:29 | Updated: Jan 24, 2024 10:00", BODY
    ) == date(2024, 1, 23)


def test_other_labels_of_a_publication_stamp() -> None:
    for label in ("تاريخ الإضافة:", "تاريخ الخبر :", "أضيف في"):
        assert published("لقاء عراقي إيراني في طهران", f"{label} 23/01/2024 - 10:30", BODY) == date(
            2024, 1, 23
        )


def test_a_dateline_with_commas_and_an_agency_of_two_words_dates_the_article() -> None:
    assert published("أربيل، العراق، 3 مارس 2015، شبكة الرافدين –", BODY) == date(2015, 3, 3)
    assert published("أربيل، 3 مارس 2015، شبكة الرافدين – " + BODY) == date(2015, 3, 3)
    assert is_date_line("أربيل، العراق، 3 مارس 2015، شبكة الرافدين –")


def test_a_stamp_with_the_hour_in_words_dates_the_article() -> None:
    assert published("لقاء عراقي إيراني في طهران", "الإثنين 9 فبراير 2026 الساعة 9:40 مساءً", BODY) == date(
        2026, 2, 9
    )


def test_a_dateline_followed_by_the_items_verb_dates_the_article() -> None:
    lead = "الخرطوم 26 ديسمبر 2017 كشف رئيس البرلمان عن زيارة لوفد أجنبي خلال الشهر المقبل لبحث العلاقات الثنائية."
    assert published(lead, BODY) == date(2017, 12, 26)
    assert (
        published("في 26 ديسمبر 2017 كشف رئيس البرلمان عن زيارة لوفد أجنبي خلال الشهر المقبل.", BODY) is None
    )


def test_a_short_line_with_a_day_and_its_clock_is_a_stamp_not_the_headline() -> None:
    cleaned = clean_document(
        "\n".join(
            [
                "لقاء عراقي إيراني في طهران لبحث العلاقات",
                "كتب بواسطة محرر الموقع الإخباري, مارس 14, 2019, 10:15:40 مساءً",
                BODY,
            ]
        )
    )
    assert cleaned.metadata.published == date(2019, 3, 14)
    assert cleaned.metadata.title == "لقاء عراقي إيراني في طهران لبحث العلاقات"
    assert published("لقاء عراقي إيراني في طهران", "الخميس 5 شباط , 2015 11:20 توقيت بغداد", BODY) == date(
        2015, 2, 5
    )


def test_an_english_ordinal_day_in_a_stamp_dates_the_article() -> None:
    assert published("لقاء عراقي إيراني في طهران", "تاريخ النشر: 3rd, May 2022 GMT", BODY) == date(2022, 5, 3)


def test_a_teaser_year_glued_to_the_article_s_day_is_two_stamps() -> None:
    assert published(
        "لقاء عراقي إيراني في طهران",
        "5 آذار، 2019زيارة مرتقبة لوزير الخارجية",
        "5 آذار، 201912 شباط، 2018",
        BODY,
    ) == date(2018, 2, 12)
