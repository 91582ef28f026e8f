"""`بلاده` (his country) stands for the state of the one named before it."""

from analysis.extraction.pipeline import extract_document
from analysis.extraction.results import EngagementType


def pairs(text: str, etype: EngagementType) -> list[list[str]]:
    return [
        sorted(p.name for p in e.participants) for e in extract_document(text).engagements if e.type == etype
    ]


def test_his_country_after_a_minister_with_a_nationality_signs_for_his_state():
    text = 'قال وزير الدفاع الإيراني حسين دهقان إن بلاده ستوقع مع روسيا اتفاقية تسليم منظومة "إس-300" الأسبوع المقبل.'
    assert pairs(text, EngagementType.AGREEMENT) == [["إيران", "روسيا"]]


def test_his_country_after_an_unnamed_official_is_the_state_of_his_adjective():
    text = "وأكد السفير الروسي أن بلاده وقعت اتفاقية تعاون عسكري مع العراق."
    assert pairs(text, EngagementType.AGREEMENT) == [["العراق", "روسيا"]]


def test_his_country_in_a_sentence_of_his_own_is_the_state_of_the_one_named_before():
    text = (
        "وصل رئيس الوزراء العراقي حيدر العبادي إلى موسكو في زيارة رسمية. "
        "وأشار إلى أن بلاده وقعت اتفاقية تعاون عسكري مع روسيا."
    )
    assert ["العراق", "روسيا"] in pairs(text, EngagementType.AGREEMENT)
