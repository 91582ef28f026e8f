"""Which date an engagement takes (event_dates): its own clause's, not a report's or another clause's."""

from __future__ import annotations

from datetime import date

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements


def dated(text: str, published: date | None = None) -> dict[tuple[str, frozenset[str]], str | None]:
    found = find_engagements(text, find_actors(text), find_dates(text, published=published))
    return {(str(e.type), frozenset(p.name for p in e.participants)): e.date.iso for e in found}


def test_the_day_of_a_report_is_not_the_day_of_the_meeting_it_reports():
    text = (
        "وصل الرئيس التونسي قيس سعيد إلى الجزائر يوم الاثنين 3 آذار 2025. "
        "وأعلن المتحدث باسم الرئاسة سمير خليل، الأربعاء 5 آذار 2025، أن سعيد التقى الرئيس الجزائري عبد المجيد تبون."
    )
    found = dated(text)
    assert (
        found[("meeting", frozenset({"قيس سعيد", "عبد المجيد تبون"}))] == "2025-03-03"
    )  # the visit it belongs to


def test_a_day_before_a_meeting_told_after_after_that_is_still_the_meeting_s():
    text = "التقى الرئيس التونسي قيس سعيد يوم الأحد 2 آذار 2025 الرئيس الجزائري عبد المجيد تبون بعد أن وصل إلى الجزائر."
    found = dated(text)
    assert found[("meeting", frozenset({"قيس سعيد", "عبد المجيد تبون"}))] == "2025-03-02"


def test_talks_during_their_meeting_take_the_day_of_the_meeting_told_before():
    text = (
        "الجزائر / وكالات – وقّع الرئيس الجزائري عبد المجيد تبون والرئيس التونسي قيس سعيد، يوم الأحد 2 آذار 2025، "
        "اتفاقية للتعاون.\n"
        "ويهدف الاتفاق إلى رفع مستوى العلاقات.\n"
        "وبحث الرئيس تبون وسعيد، خلال لقائهما، سبل تعزيز التعاون."
    )
    found = dated(text)
    assert found[("talks", frozenset({"عبد المجيد تبون", "قيس سعيد"}))] == "2025-03-02"


def test_a_meeting_told_first_without_a_day_takes_the_day_of_its_later_telling():
    text = (
        "شهدت العلاقات بين البلدين تحسنا كبيرا.\n"
        "أعلن الرئيس التونسي قيس سعيد بعد اجتماع مطول مع الرئيس الجزائري عبد المجيد تبون أنه تم الاتفاق على فتح الحدود.\n"
        "وقال المتحدث إن الخطوة مهمة.\n"
        "وأضاف أن البلدين يريدان التعاون.\n"
        "وكان قيس سعيد قد وصل إلى الجزائر اليوم الخميس (6 آذار 2025) في زيارة رسمية. "
        "واجتمع على الفور مع الرئيس عبد المجيد تبون."
    )
    found = dated(text)
    assert found[("meeting", frozenset({"قيس سعيد", "عبد المجيد تبون"}))] == "2025-03-06"


def test_a_date_in_a_relative_clause_after_the_trigger_is_that_clause_s():
    text = (
        "قام الوزير الفرنسي جان لوك ميشو بزيارة إلى بغداد أمس الأربعاء.\n"
        "وأوضحت المصادر أن ميشو التقى الرئيس العراقي عبد اللطيف رشيد وزار مدينة الموصل التي زارها البابا الشهر الماضي."
    )
    visits = {d for (kind, _), d in dated(text, published=date(2025, 3, 6)).items() if kind == "visit"}
    assert "2025-02" not in visits
    assert "2025-03-05" in visits


def test_a_relative_clause_describing_the_trigger_noun_keeps_its_date():
    text = (
        "بعد الزيارة التي قام بها الوزير الفرنسي جان لوك ميشو إلى بغداد في كانون الأول 2016، تحسنت العلاقات."
    )
    assert dated(text)[("visit", frozenset({"جان لوك ميشو"}))] == "2016-12"


def test_a_reported_engagement_takes_no_date_still_to_come_from_the_sentence_before():
    text = (
        "عمان 24 أغسطس 2012 (وكالات) - قال مصدر حكومي إن الأردن سيتسلم الطائرات في مارس من العام المقبل.\n"
        "وأضاف أن الطائرات ستصل في مارس 2013.\n"
        "وأفاد قائد سلاح الجو الأميركي جون ديفيس بأنه يجري تدريب طيارين أردنيين على الطائرات في الولايات المتحدة."
    )
    assert dated(text)[("training", frozenset({"الأردن", "الولايات المتحدة"}))] == "2012-08-24"


def statuses(text: str) -> dict[tuple[str, frozenset[str]], str]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return {(str(e.type), frozenset(p.name for p in e.participants)): str(e.status) for e in found}


def test_a_future_light_verb_before_a_trigger_noun_makes_it_planned():
    text = (
        "وصل وزير الخارجية المغربي ناصر بوريطة إلى عمان، وسيعقد الوزير والوفد المرافق له اجتماعا "
        "مع وزير الخارجية الأردني أيمن الصفدي."
    )
    assert statuses(text)[("meeting", frozenset({"ناصر بوريطة", "أيمن الصفدي"}))] == "planned"


def test_an_expected_visit_is_planned():
    text = "وقال رئيس الوزراء الأردني بشر الخصاونة إن زيارة الرئيس الفرنسي إيمانويل ماكرون المرتقبة ستعزز العلاقات."
    assert statuses(text)[("visit", frozenset({"إيمانويل ماكرون"}))] == "planned"


def test_the_next_sentence_naming_the_agreement_again_dates_it():
    text = (
        "تفيد وثائق بأن المغرب وقع مع موريتانيا اتفاقا لبيعها معدات زراعية بقيمة 20 مليون دولار.\n"
        "وتبين الوثائق أن الطرفين توصلا إلى الاتفاق في منتصف مارس 2021 بعد مفاوضات طويلة."
    )
    assert dated(text)[("agreement", frozenset({"المغرب", "موريتانيا"}))] == "2021-03"


def test_the_day_of_the_report_dates_the_engagement_the_text_dates_no_other_way():
    text = (
        "تونس – تشهد العلاقات بين البلدين تحسنا.\n"
        "ويرى مراقبون أن الحدود ستفتح قريبا.\n"
        "وتتواصل الاتصالات بين الجانبين.\n"
        "وأعلنت الرئاسة التونسية، الأحد 2 آذار 2025، أن الرئيس قيس سعيد استقبل وزير الخارجية الجزائري أحمد عطاف."
    )
    assert dated(text)[("meeting", frozenset({"قيس سعيد", "أحمد عطاف"}))] == "2025-03-02"


def test_talks_that_a_future_verb_tells_of_are_planned():
    said = 'وأشار الوزير الأردني أيمن الصفدي إلى أن "مباحثاته مع قادة الجيش الفرنسي {} على الأمن".'
    talks = ("talks", frozenset({"أيمن الصفدي", "الجيش الفرنسي"}))
    assert statuses(said.format("ستتركز"))[talks] == "planned"
    assert statuses(said.format("تركزت"))[talks] == "reported"


def test_a_title_named_again_with_a_date_far_after_it_does_not_date_the_meeting():
    text = (
        "تشهد العلاقات بين البلدين تحسنا.\n"
        "واستقبل رئيس الوزراء الأردني بشر الخصاونة وزير الخارجية الفرنسي جان نويل بارو في عمان.\n"
        "وأكد الرئيس أن العلاقات بين البلدين شهدت تطورا كبيرا منذ عام 2019."
    )
    assert dated(text)[("meeting", frozenset({"بشر الخصاونة", "جان نويل بارو"}))] != "2019"


def test_a_signing_that_will_take_place_is_planned():
    text = "وقال المتحدث إنه سيتم توقيع اتفاقية بين المغرب وموريتانيا في الرباط."
    assert set(statuses(text).values()) == {"planned"}


def test_a_dateline_without_its_day_dates_the_item_by_the_stamp_the_cleaning_took_out():
    text = (
        "القاهرة (أ ش أ) - التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي "
        "لبحث العلاقات الثنائية."
    )
    pair = ("meeting", frozenset({"سامح شكري", "أيمن الصفدي"}))
    stamped = find_engagements(
        text, find_actors(text), find_dates(text, published=date(2021, 6, 3)), published=date(2021, 6, 3)
    )
    assert {(str(e.type), frozenset(p.name for p in e.participants)): e.date.iso for e in stamped}[pair] == (
        "2021-06-03"
    )
    assert dated(text)[pair] is None  # no stamp, no day


def _pairs(text: str) -> list[tuple[str, frozenset[str], bool]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [(str(e.type), frozenset(p.name for p in e.participants), e.status == "planned") for e in found]


def test_a_meeting_done_and_talks_still_to_come_between_the_same_two_are_two_engagements():
    text = (
        "التقى وزير الخارجية سامي الحداد اليوم في الرباط بوزير الخارجية المغربي كريم التازي. "
        'وعقب انتهاء الاجتماع، سيُجري "الحداد" و"التازي" جلسة مباحثات مغلقة.'
    )
    pair = frozenset({"سامي الحداد", "كريم التازي"})
    assert [(kind, planned) for kind, parties, planned in _pairs(text) if parties == pair] == [
        ("meeting", False),
        ("talks", True),
    ]


def test_meetings_of_the_same_two_in_two_cities_are_two_engagements():
    text = (
        "استقبل وزير الخارجية سامي الحداد، الأحد، في مكتبه في بغداد، وزير الدفاع التركي كريم التازي. "
        "ويأتي اللقاء بعد أسبوع من زيارة للحداد إلى العاصمة التركية أنقرة واجتماعه مع التازي في أنقرة."
    )
    pair = frozenset({"سامي الحداد", "كريم التازي"})
    assert len([1 for _, parties, _ in _pairs(text) if parties == pair]) == 2


def test_the_same_meeting_told_again_in_its_city_is_one_engagement():
    text = (
        "استقبل وزير الخارجية سامي الحداد في بغداد وزير الدفاع كريم التازي. "
        "وقال بيان إن الحداد التقى التازي في العاصمة بغداد."
    )
    pair = frozenset({"سامي الحداد", "كريم التازي"})
    assert len([1 for _, parties, _ in _pairs(text) if parties == pair]) == 1


def test_the_same_meeting_told_again_at_its_venue_is_one_engagement():
    text = (
        "استقبل وزير الخارجية سامي الحداد، الأحد، في بغداد، وزير الدفاع التركي كريم التازي. "
        "وقال بيان إن الحداد التقى التازي في القصر الحكومي."
    )
    pair = frozenset({"سامي الحداد", "كريم التازي"})
    assert len([1 for _, parties, _ in _pairs(text) if parties == pair]) == 1
