"""`وقع` without its shadda: signed only with a document signed, otherwise it happened."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def agreements(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.AGREEMENT]


def test_clashes_that_happened_between_two_forces_are_no_agreement():
    assert agreements("ووقعت اشتباكات عنيفة بين قوات الجيش السوداني وقوات الدعم السريع في الخرطوم أمس.") == []


def test_signing_a_memorandum_after_the_signatories_and_the_day_is_an_agreement():
    text = (
        "وقع وزير الخارجية المصري سامح شكري ونظيره الأردني أيمن الصفدي، اليوم الأحد، "
        "مذكرة تفاهم للتعاون بين البلدين."
    )
    assert agreements(text) == [{"سامح شكري", "أيمن الصفدي"}]


def test_taking_office_from_a_predecessor_is_no_transfer():
    text = "وتسلم الرئيس اللبناني جوزاف عون مهامه رسميا من رئيس الحكومة نجيب ميقاتي في قصر بعبدا."
    found = find_engagements(text, find_actors(text), find_dates(text))
    assert [e for e in found if e.type == EngagementType.ARMS_TRANSFER] == []


def test_receiving_helicopters_from_a_state_is_a_transfer_receiving_grants_is_not():
    grants = "وتسلمت سوريا، الأسبوع الماضي، ست منح دراسية، من روسيا، ضمن اتفاق بين البلدين."
    found = find_engagements(grants, find_actors(grants), find_dates(grants))
    assert [e for e in found if e.type == EngagementType.ARMS_TRANSFER] == []
    text = "وتسلمت سوريا، الأسبوع الماضي، ست مروحيات قتالية، من روسيا، ضمن صفقة بين البلدين."
    found = find_engagements(text, find_actors(text), find_dates(text))
    assert [{p.name for p in e.participants} for e in found if e.type == EngagementType.ARMS_TRANSFER] == [
        {"سوريا", "روسيا"}
    ]


def test_reaching_an_agreement_is_one_reaching_a_result_is_not():
    text = "وتوصلت إيران والولايات المتحدة، بعد مفاوضات في مسقط، إلى اتفاق لتبادل السجناء."
    assert agreements(text) == [{"إيران", "الولايات المتحدة"}]
    assert agreements("وتوصلت لجنة التحقيق التابعة لوزارة الدفاع العراقية إلى نتائج أولية.") == []


def test_attacking_a_president_in_words_is_no_attack():
    text = (
        "وهاجم الرئيس السوري أحمد الشرع رئيس الوزراء الإسرائيلي بنيامين نتنياهو، قائلاً إن "
        "سياساته تهدد المنطقة."
    )
    found = find_engagements(text, find_actors(text), find_dates(text))
    assert [e for e in found if e.type == EngagementType.ATTACK] == []


def transfers(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.ARMS_TRANSFER]


def test_will_hand_over_or_gave_as_a_gift_systems_is_a_transfer_a_gift_of_a_shield_is_not():
    assert transfers("وقال المتحدث إن الصين ستسلم باكستان خلال شهر منظومة رادار حديثة.") == [
        {"الصين", "باكستان"}
    ]
    assert transfers("وأفادت الوكالة أن الصين أهدت باكستان ثلاث وحدات من أنظمة الدفاع الجوي.") == [
        {"الصين", "باكستان"}
    ]
    assert transfers("وأهدى وزير الخارجية الصيني وانغ يي نظيره الباكستاني درعا تذكاريا.") == []


def test_a_state_that_gives_military_vehicles_to_another_transfers_arms():
    assert {"تونس", "النيجر"} in transfers(
        "قدمت تونس آليات عسكرية ومعدات أمنية إلى النيجر لدعم برامج حماية الحدود."
    )


def test_giving_thanks_or_a_request_is_no_transfer():
    assert transfers("قدمت تونس شكرها إلى مالي على دعمها، وقدمت طلبا إلى الجزائر.") == []


def test_a_sale_is_a_transfer_only_with_goods_and_not_when_only_made_easier():
    assert transfers("وافقت الحكومة التونسية على بيع النفط إلى مالي.") == []
    assert transfers("وقالت تونس إن الاتفاق يتيح تسهيل بيع أسلحة تونسية إلى مالي.") == []
