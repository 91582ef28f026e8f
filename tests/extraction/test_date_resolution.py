"""Resolving dates: relative words against a stated publication date, weekdays near a day the
text writes with its weekday, one phrase's parts joined into one mention."""

from __future__ import annotations

from datetime import date

from analysis.extraction.dates import find_dates


def resolved(text: str, published: date | None = None) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value.iso, str(m.precision)) for m in find_dates(text, published=published)]


def test_a_day_of_last_year_counts_from_publication() -> None:
    text = "وكان زار أنقرة في 16 تشرين الأول من العام المنصرم."
    assert resolved(text, date(2025, 10, 9)) == [("16 تشرين الأول من العام المنصرم", "2024-10-16", "day")]
    assert resolved(text) == [("16 تشرين الأول من العام المنصرم", None, "unknown")]


# relative words and weekdays


def test_a_weekday_beside_yesterday_is_the_day_stated() -> None:
    # the page is dated Saturday; `أمس السبت` names Saturday, not Friday
    assert resolved("التقى الرئيس أمس السبت الوزير", date(2016, 6, 18)) == [
        ("أمس السبت", "2016-06-18", "day")
    ]


def test_today_and_a_written_day_are_one_mention_with_the_written_day() -> None:
    assert resolved("وصل الوزير اليوم الثلاثاء الموافق 2023/12/19، إلى أنقرة") == [
        ("اليوم الثلاثاء الموافق 2023/12/19", "2023-12-19", "day")
    ]
    assert resolved("وصل أمس الاثنين (18 كانون الثاني 2021)، إلى بغداد") == [
        ("أمس الاثنين (18 كانون الثاني 2021)", "2021-01-18", "day")
    ]


def test_without_a_publication_date_a_weekday_is_read_near_a_day_written_with_its_weekday() -> None:
    text = "ووصل إلى موسكو أمس، الثلاثاء، ثم قال بيان صادر الأربعاء (21 أكتوبر 2015) إنه عاد."
    assert resolved(text) == [
        ("أمس، الثلاثاء", "2015-10-20", "day"),
        ("الأربعاء (21 أكتوبر 2015)", "2015-10-21", "day"),
    ]


def test_without_a_publication_date_today_alone_stays_unresolved() -> None:
    text = "وصل الوزير اليوم إلى بغداد، وكان زارها الأربعاء (21 أكتوبر 2015)."
    assert resolved(text)[0] == ("اليوم", None, "unknown")


def test_last_night_and_recent_weeks_count_from_publication() -> None:
    assert resolved("وعقد الاجتماع الليلة الماضية", date(2024, 7, 25)) == [
        ("الليلة الماضية", "2024-07-24", "day")
    ]
    assert resolved("تدفقوا خلال الأسابيع الأخيرة", date(2016, 12, 17)) == [
        ("الأسابيع الأخيرة", "2016", "year")
    ]
    assert resolved("تدفقوا خلال الأسابيع الأخيرة") == [("الأسابيع الأخيرة", None, "unknown")]


def test_the_eve_of_an_event_is_the_day_before_the_day_just_told() -> None:
    text = "انطلق الاجتماع الخميس (5 مارس 2020) في الرياض. وعشية الاجتماع، اتصل الرئيس بنظيره."
    assert resolved(text)[-1] == ("عشية", "2020-03-04", "day")
    assert resolved("وعشية الاجتماع اتصل الرئيس بنظيره.") == [("عشية", None, "unknown")]


def test_without_a_publication_date_next_and_last_month_count_from_the_day_told() -> None:
    text = "الخرطوم 26 ديسمبر 2017 أعلن رئيس البرلمان عن زيارة خلال يناير القادم."
    assert resolved(text)[-1] == ("يناير القادم", "2018-01", "month")
    assert resolved("وصل في 5 مارس 2019. وكان زار بغداد في ديسمبر الماضي.")[-1] == (
        "ديسمبر الماضي",
        "2018-12",
        "month",
    )


def test_today_with_its_weekday_is_read_near_a_written_day_only_when_that_day_can_be_today() -> None:
    other_day = resolved(
        "يزور الوزير بغداد اليوم الثلاثاء. وكانت الزيارة السابقة يوم الأحد الموافق 3 مارس 2019."
    )
    assert other_day[0][:2] == ("اليوم الثلاثاء", None)  # a Sunday told of another visit is not today
    yesterday = resolved("وصل الوزير أمس، الثلاثاء، إلى بغداد. وقال بيان الأربعاء (6 مارس 2019) إن الزيارة")
    assert yesterday[0][:2] == ("أمس، الثلاثاء", "2019-03-05")
