"""The seller of an approved sale: the subject of `وافق` before the sale's `على`."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def engagements(text: str):
    return find_engagements(text, find_actors(text), find_dates(text))


def test_the_one_who_approves_a_sale_of_arms_is_its_seller():
    text = "قالت الوزارة إن وزارة الخارجية التونسية وافقت على صفقة محتملة لبيع منظومة صواريخ للجزائر بقيمة مليار دولار."
    found = [e for e in engagements(text) if e.type == EngagementType.ARMS_TRANSFER]
    assert [{p.name for p in e.participants} for e in found] == [{"وزارة الخارجية التونسية", "الجزائر"}]


def test_a_minister_who_approves_a_visit_sells_nothing():
    text = "وافق وزير الدفاع التونسي سامي الحداد على زيارة وفد جزائري إلى تونس."
    assert [e for e in engagements(text) if e.type == EngagementType.ARMS_TRANSFER] == []


def transfers(text: str) -> list[set[str]]:
    found = engagements(text)
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.ARMS_TRANSFER]


def test_the_party_right_before_a_purchase_buys_from_the_one_after_it():
    text = "وذكر التقرير تعاقد المغرب على شراء مقاتلات حديثة من فرنسا خلال العام الجاري."
    assert {"المغرب", "فرنسا"} in transfers(text)


def test_a_purchase_told_with_a_deal_is_between_the_deal_s_two_sides():
    text = "أعلنت قطر أنها وقعت اتفاقات مع إيطاليا في نهاية العام الماضي لشراء سبع سفن حربية."
    assert {"قطر", "إيطاليا"} in transfers(text)


def test_the_one_asked_to_buy_from_is_no_buyer():
    text = "وقال النائب إن الأردن طلب أيضا من تركيا شراء أنظمة دفاعية وطائرات مسيرة."
    assert transfers(text) == []


def test_a_purchase_of_no_goods_is_no_transfer():
    text = "تخطط الكويت لشراء حصة في شركة الطاقة الفرنسية."
    assert transfers(text) == []


def test_a_state_right_after_a_giving_verbs_subject_is_given_to():
    text = "وسلمت الحكومة الروسية العراق مطلع العام الحالي 13 طائرة مروحية من طراز صياد الليل."
    assert any({"الحكومة الروسية", "العراق"} <= names for names in transfers(text))


def test_a_speech_verb_with_wa_ends_a_transfer_s_objects():
    text = (
        "وتشمل صفقة السلاح المقدمة للجيش اللبناني 250 آلية عسكرية وسبع مروحيات "
        "وأكد وزير الخارجية الفرنسي جان ايف لودريان أن بلاده ستواصل دعمها."
    )
    assert not any("جان ايف لودريان" in names for names in transfers(text))
