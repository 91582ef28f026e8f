"""A visit phrase that closes a meeting verb's clause (`التقى A B في زيارة`) tells who came: the verb's
subject, not the one met; the guest of a reception and a guest from abroad stay the visitor."""

from analysis.extraction.pipeline import extract_document
from analysis.extraction.results import EngagementType


def visitors(text: str) -> list[list[str]]:
    return [
        [p.name for p in e.participants]
        for e in extract_document(text).engagements
        if e.type == EngagementType.VISIT
    ]


def test_the_subject_of_the_meeting_verb_made_the_visit():
    text = (
        "التقى وزير الخارجية الروسي ألكسندر بيتروف، أمس الأحد، رئيس الوزراء العراقي حيدر الجبوري "
        "في زيارة مفاجئة لبغداد."
    )
    assert visitors(text) == [["ألكسندر بيتروف"]]


def test_the_guest_of_a_reception_made_the_visit():
    text = "استقبل الرئيس العراقي حيدر الجبوري وزير الخارجية الروسي ألكسندر بيتروف في زيارة رسمية إلى العراق."
    assert visitors(text) == [["ألكسندر بيتروف"]]


def test_a_guest_from_abroad_met_by_the_host_made_the_visit():
    text = (
        "التقى الرئيس حيدر الجبوري في العاصمة العراقية بغداد أمس وزير الدفاع الروسي ألكسندر بيتروف "
        "في زيارة غير معلنة إلى العراق."
    )
    assert visitors(text) == [["ألكسندر بيتروف"]]
