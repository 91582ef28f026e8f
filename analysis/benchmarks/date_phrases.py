"""Arabic date phrases with their expected resolution: shared by the unit tests and the benchmark.

Each case is (phrase, publication date or None, expected prefix date or None, expected precision).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class DatePhrase(NamedTuple):
    phrase: str
    published: date | None
    iso: str | None
    precision: str


def _case(phrase: str, published: date | None, iso: str | None, precision: str) -> DatePhrase:
    return DatePhrase(phrase, published, iso, precision)


_P_2020_02_09 = date(2020, 2, 9)  # a Sunday
_P_2023_05_10 = date(2023, 5, 10)  # a Wednesday
_P_2024_02_15 = date(2024, 2, 15)  # a Thursday

DATE_PHRASES: list[DatePhrase] = [
    # Egyptian/Gulf month names and their spelling variants
    _case("في 12 أبريل 2023", None, "2023-04-12", "day"),
    _case("وصل في 12 ابريل 2023 الى بغداد", None, "2023-04-12", "day"),
    _case("إبريل 2021", None, "2021-04", "month"),
    _case("في 30 يونيه 2013", None, "2013-06-30", "day"),
    _case("يونية 2015", None, "2015-06", "month"),
    _case("في 23 يوليه 1952", None, "1952-07-23", "day"),
    _case("يونيو 2014", None, "2014-06", "month"),
    _case("في 2 أغسطس 1990", None, "1990-08-02", "day"),
    _case("في 11 سبتمبر 2001", None, "2001-09-11", "day"),
    _case("خلال أكتوبر 2023", None, "2023-10", "month"),
    _case("نهاية نوفمبر 2015", None, "2015-11", "month"),
    _case("ليلة 31 ديسمبر 1999", None, "1999-12-31", "day"),
    # Levantine/Iraqi month names
    _case("منتصف آذار 2018", None, "2018-03", "month"),
    _case("في 7 اذار 2015", None, "2015-03-07", "day"),
    _case("أيار 2011", None, "2011-05", "month"),
    _case("في 9 ايار 2014", None, "2014-05-09", "day"),
    _case("تشرين الأول 2019", None, "2019-10", "month"),
    _case("في 25 تشرين الاول 2019", None, "2019-10-25", "day"),
    _case("في 2 تشرين الثاني 2020", None, "2020-11-02", "day"),
    _case("كانون الثاني 2005", None, "2005-01", "month"),
    _case("كانون ثاني 2021", None, "2021-01", "month"),
    _case("أواخر كانون الأول 2010", None, "2010-12", "month"),
    _case("في 4 آب 2020", None, "2020-08-04", "day"),
    _case("في 10 أَيْلُول 2020", None, "2020-09-10", "day"),
    _case("في 3 شبـاط 2021", None, "2021-02-03", "day"),
    # Maghrebi month names
    _case("في 14 جانفي 2011", None, "2011-01-14", "day"),
    _case("فيفري 2019", None, "2019-02", "month"),
    _case("في 9 أفريل 2021", None, "2021-04-09", "day"),
    _case("في 1 ماي 2022", None, "2022-05-01", "day"),
    _case("جوان 2020", None, "2020-06", "month"),
    _case("في 25 جويلية 2021", None, "2021-07-25", "day"),
    _case("أوت 2016", None, "2016-08", "month"),
    # slash pairs are one date
    _case("في شباط/فبراير 2022", None, "2022-02", "month"),
    _case("في 24 شباط/فبراير 2022", None, "2022-02-24", "day"),
    _case("تموز/يوليو 2017", None, "2017-07", "month"),
    _case("في 10 حزيران / يونيو 2014", None, "2014-06-10", "day"),
    _case("تشرين الثاني/ نوفمبر 2004", None, "2004-11", "month"),
    _case("مطلع آذار (مارس) 2020", None, "2020-03", "month"),
    _case("يناير/فبراير 2020", None, "2020", "year"),
    # ordinals and day ranges
    _case("في الخامس من مارس 2019", None, "2019-03-05", "day"),
    _case("الحادي والعشرين من أيلول 2020", None, "2020-09-21", "day"),
    _case("بين 3 و5 مايو 2021", None, "2021-05", "month"),
    _case("في العاشر من يونيو حزيران 2014", None, "2014-06-10", "day"),
    # digits glued to words, Eastern Arabic and Persian digits
    _case("في 5مارس 2020", None, "2020-03-05", "day"),
    _case("أيلول2025", None, "2025-09", "month"),
    _case("في 3أكتوبر عام2018", None, "2018-10-03", "day"),
    _case("عام2017", None, "2017", "year"),
    _case("اجتمع يوم 15/3/2021بمقر الوزارة", None, "2021-03-15", "day"),
    _case("في ١٥ آذار ٢٠٢٣", None, "2023-03-15", "day"),
    _case("في ۱۲ مايو ۲۰۱۸", None, "2018-05-12", "day"),
    _case("٣/٧/٢٠١٩", None, "2019-07-03", "day"),
    # numeric dates
    _case("بتاريخ 1/2/2024", None, "2024-02-01", "day"),
    _case("05-11-2018", None, "2018-11-05", "day"),
    _case("2024-04-16", None, "2024-04-16", "day"),
    _case("في 1.2.2024", None, "2024-02-01", "day"),
    _case("12/25/2019", None, "2019-12-25", "day"),
    _case("في 2023/06/30", None, "2023-06-30", "day"),
    # years alone
    _case("عام 2019", None, "2019", "year"),
    _case("في العام 2020", None, "2020", "year"),
    _case("في 2016", None, "2016", "year"),
    _case("سنة 2008", None, "2008", "year"),
    _case("منذ 2014", None, "2014", "year"),
    _case("بحلول 2030", None, "2030", "year"),
    _case("تأسست 1990م", None, "1990", "year"),
    _case("مطلع 2015", None, "2015", "year"),
    _case("للعام 2022", None, "2022", "year"),
    _case("خلال الفترة من 2014 إلى 2017", None, "2014", "year"),
    # header stamps
    _case("14 شباط 2024 13:45", None, "2024-02-14", "day"),
    _case("نشر في: 9 فبراير, 2020: 08:48 م", None, "2020-02-09", "day"),
    _case("الأربعاء, يناير 8, 2025", None, "2025-01-08", "day"),
    _case("الاثنين، 3 يونيو 2024 - 10:15", None, "2024-06-03", "day"),
    # weekdays against the publication date
    _case("الخميس", _P_2020_02_09, "2020-02-06", "day"),
    _case("يوم الأربعاء", date(2021, 4, 16), "2021-04-14", "day"),
    _case("الاربعاء", None, None, "unknown"),
    _case("السبت", date(2024, 2, 17), "2024-02-17", "day"),
    _case("الخميس الماضي", _P_2024_02_15, "2024-02-08", "day"),
    _case("الجمعة الماضية", _P_2024_02_15, "2024-02-09", "day"),
    _case("الأحد المقبل", _P_2024_02_15, "2024-02-18", "day"),
    _case("يوم الخميس الموافق 1/2/2024", None, "2024-02-01", "day"),
    _case("يوم الجمعة الموافق 3/6/2022", None, "2022-06-03", "day"),
    _case("يوم الأحد الموافق 3/6/2022", None, "2022-03-06", "day"),
    # relative words
    _case("اليوم", _P_2023_05_10, "2023-05-10", "day"),
    _case("أمس", _P_2023_05_10, "2023-05-09", "day"),
    _case("بالأمس", _P_2023_05_10, "2023-05-09", "day"),
    _case("أول أمس", _P_2023_05_10, "2023-05-08", "day"),
    _case("غداً", _P_2023_05_10, "2023-05-11", "day"),
    _case("بعد غد", _P_2023_05_10, "2023-05-12", "day"),
    _case("مساء أمس الثلاثاء", _P_2023_05_10, "2023-05-09", "day"),
    _case("قبل يومين", _P_2023_05_10, "2023-05-08", "day"),
    _case("الأسبوع الماضي", date(2023, 5, 17), "2023-05", "month"),
    _case("الشهر الماضي", date(2023, 1, 10), "2022-12", "month"),
    _case("العام الماضي", date(2023, 1, 10), "2022", "year"),
    _case("مطلع العام الماضي", _P_2023_05_10, "2022", "year"),
    _case("السنة المقبلة", _P_2023_05_10, "2024", "year"),
    _case("قبل ايام", _P_2020_02_09, "2020-02", "month"),
    _case("وقبل أيام", date(2020, 2, 3), "2020", "year"),
    _case("مؤخراً", _P_2023_05_10, None, "unknown"),
    _case("أمس", None, None, "unknown"),
    _case("في اليوم التالي", _P_2023_05_10, None, "unknown"),
    _case("يوم 20 الجاري", _P_2023_05_10, "2023-05-20", "day"),
    _case("في 5 من الشهر الماضي", _P_2023_05_10, "2023-04-05", "day"),
    # Hijri (Umm al-Qura) and Solar Hijri dates, converted
    _case("15 رمضان 1445 هـ", None, "2024-03-25", "day"),
    _case("في ۱۹ آذر ۱۳۹۱", None, "2012-12-09", "day"),
    # a day and month without a year
    _case("في 3 كانون الثاني", _P_2020_02_09, "2020-01-03", "day"),
    _case("في 20 ديسمبر", _P_2020_02_09, "2019-12-20", "day"),
    _case("في 31 يناير/كانون الثاني", None, None, "unknown"),
    _case("في يناير", date(2021, 3, 1), "2021-01", "month"),
    _case("في مايو الماضي", date(2023, 3, 1), "2022-05", "month"),
    _case("أبريل المقبل", _P_2023_05_10, "2024-04", "month"),
    # not dates
    _case("بطرد 2500 جندي أميركي", None, None, "unknown"),
    _case("بعد أكثر من 40 ساعة", None, None, "unknown"),
    _case("الساعة 13:45", None, None, "unknown"),
    _case("08:48 م", None, None, "unknown"),
    _case("انتشرت القوات في 2000 موقع", None, None, "unknown"),
    _case("أمين عام الحزب", None, None, "unknown"),
    _case("مارس الضغط على الحكومة", None, None, "unknown"),
    _case("كما حدث في الماضي", None, None, "unknown"),
    _case("اتفق كلا الاثنين", None, None, "unknown"),
    _case("منطقة باب الشرقي", None, None, "unknown"),
    _case("255 حرف متبقي", None, None, "unknown"),
    _case("العراق بأمس الحاجة إلى الدعم", _P_2023_05_10, None, "unknown"),
    _case("وقد غدا العراق ساحة للصراع", _P_2023_05_10, None, "unknown"),
]
