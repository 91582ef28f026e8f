"""Arabic date expressions: finding, offsets, resolution and precision."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.arabic import Precision
from analysis.benchmarks.date_phrases import DATE_PHRASES, DatePhrase
from analysis.extraction.dates import find_dates, parse_date, stated_publication
from analysis.extraction.results import DateSource

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def resolved(text: str, published: date | None = None) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value.iso, str(m.precision)) for m in find_dates(text, published=published)]


@pytest.mark.parametrize("case", DATE_PHRASES, ids=lambda case: case.phrase)
def test_phrase_table(case: DatePhrase) -> None:
    mention = parse_date(case.phrase, published=case.published)
    got = (mention.value.iso, str(mention.precision)) if mention else (None, "unknown")
    assert got == (case.iso, case.precision)


def test_phrase_table_covers_every_form() -> None:
    precisions = {case.precision for case in DATE_PHRASES}
    assert precisions == {"day", "month", "year", "unknown"}
    assert len(DATE_PHRASES) >= 60


# offsets


def test_offsets_slice_the_sentence() -> None:
    text = (
        "استقبل رئيس الهيئة يوم الخميس الموافق 1/2/2024بمكتبه السفير، بعد زيارة في كانون الاول/ ديسمبر 2016."
    )
    mentions = find_dates(text)
    assert [m.text for m in mentions] == ["يوم الخميس الموافق 1/2/2024", "كانون الاول/ ديسمبر 2016"]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_offsets_survive_diacritics_and_tatweel() -> None:
    text = "زار الوفـد موسكو في ٣ أَيْلُولَ ٢٠١٩ ثم عاد غداً."
    mentions = find_dates(text, published=date(2019, 9, 5))
    assert [m.text for m in mentions] == ["٣ أَيْلُولَ ٢٠١٩", "غداً"]
    assert [m.value.iso for m in mentions] == ["2019-09-03", "2019-09-06"]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_glued_digits_keep_the_date_and_leave_the_word() -> None:
    text = "وكرر الزيارة في 3سبتمبر عام2019 \xa0إلى روسيا"
    (mention,) = find_dates(text)
    assert mention.text == "3سبتمبر عام2019"
    assert mention.value.iso == "2019-09-03"


def test_slash_pair_is_one_mention() -> None:
    text = "التقى في 24 شباط/فبراير 2022 ثم في 1 فبراير/شباط 2023 و يناير/كانون الثاني 2024"
    assert resolved(text) == [
        ("24 شباط/فبراير 2022", "2022-02-24", "day"),
        ("1 فبراير/شباط 2023", "2023-02-01", "day"),
        ("يناير/كانون الثاني 2024", "2024-01", "month"),
    ]


def test_month_followed_by_another_month_word_keeps_the_first() -> None:
    assert resolved("في 5 مايو مارس الرئيس ضغوطا", date(2023, 6, 1)) == [("5 مايو", "2023-05-05", "day")]


def test_year_ranges_give_each_year() -> None:
    assert resolved("بين عامي 2014 و2017، ومنذ 2003 وحتى 2011") == [
        ("عامي 2014", "2014", "year"),
        ("2017", "2017", "year"),
        ("2003", "2003", "year"),
        ("2011", "2011", "year"),
    ]


def test_bare_year_range() -> None:
    assert resolved("في الفترة 2014-2017") == [("2014", "2014", "year"), ("2017", "2017", "year")]


def test_weekday_with_date_in_parentheses_is_one_mention() -> None:
    assert resolved("يوم الخميس (1 شباط/فبراير 2024) التقى") == [
        ("يوم الخميس (1 شباط/فبراير 2024)", "2024-02-01", "day")
    ]


def test_header_stamps() -> None:
    assert resolved("  • 14 شباط 2024 13:45\n") == [("14 شباط 2024", "2024-02-14", "day")]
    assert resolved("نشر في: 9 فبراير, 2020: 08:48 م") == [("9 فبراير, 2020", "2020-02-09", "day")]
    assert resolved("التحديث الاخير بتاريخ|الأربعاء, يناير 8, 2025") == [
        ("الأربعاء, يناير 8, 2025", "2025-01-08", "day")
    ]


# year carrying


def test_year_carried_from_earlier_text_without_publication_date() -> None:
    text = (
        "التقى السفير منذ أواخر يناير/كانون الثاني 2024 العديد من المسؤولين.\n"
        "والتقى الحكيم في 31 يناير/كانون الثاني، والفياض في 1 فبراير/شباط."
    )
    mentions = find_dates(text)
    assert [(m.text, m.value.iso) for m in mentions] == [
        ("أواخر يناير/كانون الثاني 2024", "2024-01"),
        ("31 يناير/كانون الثاني", "2024-01-31"),
        ("1 فبراير/شباط", "2024-02-01"),
    ]
    assert [m.source for m in mentions[1:]] == [DateSource.CARRIED_YEAR] * 2


def test_year_in_the_same_paragraph_beats_the_publication_date() -> None:
    text = "عقد الاجتماع الأول في آذار 2019 والثاني في 5 نيسان"
    assert resolved(text, date(2024, 1, 1))[-1] == ("5 نيسان", "2019-04-05", "day")


def test_publication_date_beats_a_year_from_another_paragraph() -> None:
    text = "نشر في: 9 فبراير, 2018\n\nعقب الهجوم في 3 كانون الثاني الذي"
    assert resolved(text, date(2020, 2, 9))[-1] == ("3 كانون الثاني", "2020-01-03", "day")


def test_carried_year_never_lands_after_publication() -> None:
    assert resolved("في 20 ديسمبر", date(2020, 2, 9)) == [("20 ديسمبر", "2019-12-20", "day")]


def test_day_and_month_without_any_year_stay_unresolved() -> None:
    (mention,) = find_dates("التقى الحكيم في 31 يناير/كانون الثاني")
    assert mention.text == "31 يناير/كانون الثاني"
    assert mention.source is DateSource.UNRESOLVED
    assert mention.precision is Precision.UNKNOWN


def test_parse_date_uses_year_hint() -> None:
    mention = parse_date("في 5 فبراير/شباط", year_hint=2024)
    assert mention is not None
    assert (mention.value.iso, mention.source) == ("2024-02-05", DateSource.CARRIED_YEAR)


# weekdays and relative words


def test_weekday_resolves_to_latest_on_or_before_publication() -> None:
    text = "ذكرت وزارة الدفاع في بيان لها الخميس أن العراق وروسيا ناقشا التعاون"
    (mention,) = find_dates(text, published=date(2020, 2, 9))
    assert (mention.text, mention.value.iso, mention.source) == ("الخميس", "2020-02-06", DateSource.WEEKDAY)


def test_weekday_without_publication_keeps_its_text() -> None:
    (mention,) = find_dates("اجتمع الفياض في وقت سابق الأربعاء في موسكو")
    assert mention.text == "الأربعاء"
    assert mention.source is DateSource.UNRESOLVED
    assert mention.value.iso is None


def test_planned_weekday_looks_forward() -> None:
    text = "الحوار الذي من المقرر أن ينطلق الأربعاء عبر الفيديو"
    assert resolved(text, date(2021, 4, 5)) == [("الأربعاء", "2021-04-07", "day")]


def test_weekday_that_disagrees_with_day_month_picks_month_day() -> None:
    mention = parse_date("يوم الأحد الموافق 3/6/2022")
    assert mention is not None
    assert mention.value.iso == "2022-03-06"


def test_relative_words_against_publication() -> None:
    published = date(2023, 5, 10)
    text = "قال أمس إن الوفد سيصل غداً، بعد زيارة قبل ايام، وأكد اليوم أن الشهر الماضي شهد لقاءات"
    assert resolved(text, published) == [
        ("أمس", "2023-05-09", "day"),
        ("غداً", "2023-05-11", "day"),
        ("قبل ايام", "2023-05", "month"),
        ("اليوم", "2023-05-10", "day"),
        ("الشهر الماضي", "2023-04", "month"),
    ]


def test_relative_words_without_publication_are_unresolved() -> None:
    mentions = find_dates("وقبل ايام زار الجنرال العراق، وأقر مؤخرا بذلك")
    assert [m.text for m in mentions] == ["قبل ايام", "مؤخرا"]
    assert {m.source for m in mentions} == {DateSource.UNRESOLVED}


def test_yesterday_with_weekday_is_one_mention() -> None:
    assert resolved("بعد لقائه ببايدن، مساء أمس الاثنين، بعد", date(2024, 4, 16)) == [
        ("مساء أمس الاثنين", "2024-04-15", "day")
    ]


# things that are not dates


@pytest.mark.parametrize(
    "text",
    [
        "طالبت الفصائل بطرد 2500 جندي أميركي من العراق",
        "بعد أكثر من 40 ساعة على وصوله",
        "الساعة 13:45 و08:48 م",
        "نشر الجيش قواته في 2000 موقع",
        "قال أمين عام الحزب إن العلاقات عقدت في الماضي",
        "مارس الضغط على الحكومة كلا الاثنين",
        "255 حرف متبقي",
        "القرار 2334 ورؤية 2030",
    ],
)
def test_non_dates_are_not_found(text: str) -> None:
    assert find_dates(text) == []


def test_precision_is_kept_with_qualifiers() -> None:
    assert resolved("مطلع 2015 ثم منتصف آذار 2018") == [
        ("مطلع 2015", "2015", "year"),
        ("منتصف آذار 2018", "2018-03", "month"),
    ]


def test_finds_dates_in_a_seed_article() -> None:
    text = open("seeds/002_784da5945204edc8.txt", encoding="utf-8").read()
    found = {(m.text, m.value.iso) for m in find_dates(text, published=date(2020, 2, 9))}
    assert {
        ("الخميس", "2020-02-06"),
        ("3 كانون الثاني", "2020-01-03"),
        ("8 كانون الثاني", "2020-01-08"),
    } <= found
    assert ("قبل ايام", "2020-02") in found


# robustness

ARABIC_PIECES = (
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىةئؤ ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789/-.:,،()\n")
    + ["\u064b", "\u064e", "\u0651", "\u0640", "\u200f"]
    + [
        "يناير",
        "شباط",
        "كانون الثاني",
        "الخميس",
        "يوم",
        "الموافق",
        "أمس",
        "عام",
        "2024",
        "الماضي",
        "قبل ايام",
    ]
)
ARABIC_HEAVY = st.lists(st.sampled_from(ARABIC_PIECES), max_size=80).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=ARABIC_HEAVY, with_published=st.booleans())
def test_find_dates_never_raises_and_offsets_slice(text: str, with_published: bool) -> None:
    published = date(2024, 2, 29) if with_published else None
    previous_end = 0
    for mention in find_dates(text, published=published):
        assert mention.text == text[mention.start : mention.end]
        assert previous_end <= mention.start < mention.end
        previous_end = mention.end
        assert mention.precision in set(Precision)


def test_a_numeric_date_glued_to_its_label_is_found_but_not_a_clock() -> None:
    assert [m.value.iso for m in find_dates("تاريخ النشر:17.09.2023 | 08:15 GMT")] == ["2023-09-17"]
    assert find_dates("الساعة 10:17.09.2023") == []


def test_a_clock_glued_before_the_day_keeps_the_day() -> None:
    assert [m.value.iso for m in find_dates("نشر: 08:05-12 أيلول 2023 م")] == ["2023-09-12"]


@pytest.mark.parametrize(
    "phrase", ["قوى 14 آذار", "تحالف «8 آذار»", "ثورة 25 يناير", "لحراك 17 تشرين", "وحركة 20 فبراير"]
)
def test_a_bloc_or_uprising_named_by_its_day_is_not_a_date(phrase: str) -> None:
    assert find_dates(f"وقال أحد أركان {phrase} إن البلاد تمر بأزمة", published=date(2024, 5, 2)) == []


def test_the_named_event_rule_leaves_dated_days_alone() -> None:
    assert [m.value.iso for m in find_dates("التقى الوفدان في 14 آذار", published=date(2024, 5, 2))] == [
        "2024-03-14"
    ]
    assert [m.value.iso for m in find_dates("اندلعت ثورة 25 يناير 2011")] == ["2011-01-25"]


def test_a_day_after_december_rolls_into_the_next_year() -> None:
    text = "بدأت الجولة في 20 ديسمبر 2023 في عمّان، وفي 5 يناير التقى الوفد رئيس الحكومة."
    assert [m.value.iso for m in find_dates(text)] == ["2023-12-20", "2024-01-05"]
    assert [m.value.iso for m in find_dates(text, published=date(2024, 1, 9))] == ["2023-12-20", "2024-01-05"]


def test_the_rollover_never_lands_after_publication_and_runs_back_too() -> None:
    text = "بدأت الجولة في 20 ديسمبر 2023، وفي 5 يناير التقى الوفد رئيس الحكومة."
    assert [m.value.iso for m in find_dates(text, published=date(2023, 12, 30))][1] == "2023-01-05"
    back = "التقى الوزير في 5 يناير 2024 نظيره، وكان قد زاره في 28 ديسمبر."
    assert [m.value.iso for m in find_dates(back, published=date(2024, 1, 10))] == [
        "2024-01-05",
        "2023-12-28",
    ]
    same = "في يونيو 2023 بدأت المفاوضات ثم توقفت في ديسمبر."
    assert [m.value.iso for m in find_dates(same, published=date(2024, 1, 10))] == ["2023-06", "2023-12"]


def test_the_next_day_counts_from_the_last_day_the_text_gave() -> None:
    text = "وصل الوفد إلى أنقرة في 30 حزيران 2023. وفي اليوم التالي التقى الوزير، وفي اليوم نفسه غادر."
    assert [m.value.iso for m in find_dates(text)] == ["2023-06-30", "2023-07-01", "2023-07-01"]
    assert find_dates("وفي اليوم التالي التقى الوزير", published=date(2024, 1, 1))[0].value.iso is None


# dates stated in English, month names in three families, a year counted from publication


def test_an_english_stamp_is_a_date() -> None:
    assert resolved("Son Guncelleme: Friday 3rd August 2012 12:33") == [
        ("3rd August 2012", "2012-08-03", "day")
    ]
    assert resolved("17 August 2023") == [("17 August 2023", "2023-08-17", "day")]


def test_three_month_names_for_one_month_are_one_mention() -> None:
    assert resolved("27 حزيران (يونيو - جوان)، 2017") == [
        ("27 حزيران (يونيو - جوان)، 2017", "2017-06-27", "day")
    ]


def test_the_day_a_lead_calls_today_is_the_publication_date() -> None:
    assert stated_publication("أعرب الرئيس، اليوم السبت (16 نوفمبر / تشرين الثاني 2013)، عن دعمه") == date(
        2013, 11, 16
    )
    assert stated_publication("وكان الوزير وصل، أمس الاثنين (18 كانون الثاني 2021)، إلى بغداد") == date(
        2021, 1, 19
    )
    assert stated_publication("زار الوزير بغداد في 18 كانون الثاني 2021") is None
    assert stated_publication("وصل اليوم الاثنين 5 مايو 2024") is None  # 5 May 2024 was a Sunday: a misprint


def test_a_part_of_a_year_is_given_by_its_first_month() -> None:
    assert resolved(
        "أبرمت خلال الفصل الثاني من 2012 عقودا، وفي النصف الثاني من عام 2019 وبالربع الأخير من 2020"
    ) == [
        ("الفصل الثاني من 2012", "2012-04", "month"),
        ("النصف الثاني من عام 2019", "2019-07", "month"),
        ("الربع الأخير من 2020", "2020-10", "month"),
    ]


def test_an_english_month_inside_a_latin_word_is_no_date() -> None:
    assert resolved("the dismay 2019 report") == []


def test_english_month_abbreviations() -> None:
    assert resolved("Jan 23, 2024 and 23 Sept 2024, in Dec 2023") == [
        ("Jan 23, 2024", "2024-01-23", "day"),
        ("23 Sept 2024", "2024-09-23", "day"),
        ("Dec 2023", "2023-12", "month"),
    ]
