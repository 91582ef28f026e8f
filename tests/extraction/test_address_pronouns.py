"""A form of address with a pronoun (`سموه`, `معاليه`, `لمعاليه`) stands for a person named before."""

from analysis.extraction.address_pronouns import address_form
from analysis.extraction.pipeline import extract_document
from analysis.extraction.results import ActorKind, EngagementType, Role


def pairs(text: str, etype: EngagementType) -> list[list[str]]:
    return [
        sorted(p.name for p in e.participants) for e in extract_document(text).engagements if e.type == etype
    ]


def test_the_forms_of_address_with_a_pronoun_and_a_clitic():
    assert address_form("لمعاليه") == "معالي"
    assert address_form("سموه") == "سمو"
    assert address_form("لفخامته") == "فخامه"
    assert address_form("سعاده") is None  # no pronoun
    assert address_form("سعادته") is None  # `أعرب عن سعادته`: his happiness
    assert address_form("دولته") is None  # `إقامة دولته`: his state
    assert address_form("الطيبة") is None


def test_a_reception_of_his_excellency_received_the_one_named_before():
    text = (
        "وصل معالي وزير الخارجية البحريني سالم العلي إلى عمان اليوم في زيارة رسمية. "
        "وكان في استقبال معاليه لدى وصوله وزير الخارجية الأردني هاني الفايز."
    )
    meetings = [
        [(p.name, p.role) for p in e.participants]
        for e in extract_document(text).engagements
        if e.type == EngagementType.MEETING
    ]
    assert meetings == [[("سالم العلي", Role.GUEST), ("هاني الفايز", Role.HOST)]]


def test_the_pronoun_after_a_reception_noun_is_not_the_one_who_received():
    text = (
        "سلم الشيخ ناصر الفهد رسالة خطية من أمير الكويت خلال استقبال الرئيس اللبناني جورج "
        "حداد لسموه اليوم في قصر بعبدا."
    )
    assert ["جورج حداد", "ناصر الفهد"] in pairs(text, EngagementType.MEETING)


def test_two_pronouns_of_address_stand_for_those_each_form_introduced():
    text = (
        "جرى اتصال هاتفي بين سمو الشيخ ناصر الفهد ومعالي جون سميث وزير خارجية كندا. "
        "وناقش سموه مع معاليه عدداً من الملفات ذات الاهتمام المشترك."
    )
    result = extract_document(text)
    talks = [e for e in result.engagements if e.type == EngagementType.TALKS]
    assert [sorted(p.name for p in e.participants) for e in talks] == [["جون سميث", "ناصر الفهد"]]


def test_a_pronoun_of_address_after_a_title_is_no_name():
    text = "سلم الوزير سالم العلي الرسالة خلال استقبال فخامة الرئيس لمعاليه اليوم."
    persons = [a.name for a in extract_document(text).actors if a.kind == ActorKind.PERSON]
    assert "لمعاليه" not in persons
