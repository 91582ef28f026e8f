"""An agreement named with its parties: `الاتفاق الأمني بين A وB`, `اتفاقية ... بين البلدين`."""

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def agreements(text: str) -> list[set[str]]:
    found = find_engagements(text, find_actors(text), find_dates(text))
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.AGREEMENT]


def test_a_document_between_two_states_is_their_agreement():
    text = "وناقش الوزير في كلمته تنفيذ الاتفاق الأمني بين تونس والجزائر خلال العام الحالي."
    assert {"تونس", "الجزائر"} in agreements(text)


def test_the_two_countries_are_the_two_states_the_sentence_names():
    text = "وأضاف المصدر أن اتفاقية التعاون العسكري، بين البلدين جاءت بعد فتور العلاقات بين تونس والجزائر."
    assert {"تونس", "الجزائر"} in agreements(text)


def test_the_two_countries_name_no_one_when_the_sentence_names_three_states():
    text = "وقال إن اتفاقية التعاون بين البلدين لا تشمل تونس والجزائر والمغرب."
    assert agreements(text) == []


def test_a_meeting_held_between_two_persons_is_no_agreement():
    text = "وفي الرباط عقد لقاء ثنائي بين الرئيس التونسي سامي الحداد والرئيس الجزائري كريم التازي."
    assert agreements(text) == []


def test_close_relations_between_two_states_are_no_document():
    text = "وأشاد بعلاقات التعاون الوثيقة بين تونس والجزائر."
    assert agreements(text) == []


def test_a_denied_agreement_is_none():
    text = "ونفى المتحدث وجود أي اتفاق بين تونس والجزائر."
    assert agreements(text) == []


def test_a_meeting_held_between_two_states_is_no_agreement():
    assert agreements("وعقد بين الجانبين التونسي والجزائري اجتماع موسع في الرباط.") == []
    assert agreements("وقد عقد بين تونس والجزائر لقاء مطول.") == []


def test_a_contract_between_two_states_is_their_agreement():
    assert {"تونس", "الجزائر"} in agreements("وقال إن العقد بين تونس والجزائر يشمل تدريب الضباط.")


def test_agreements_in_the_plural_are_signed_like_one():
    found = find_engagements(
        t := "وقعت تونس اتفاقات مع الجزائر في مجال الطاقة.", find_actors(t), find_dates(t)
    )
    assert [{p.name for p in e.participants} for e in found if e.type == EngagementType.AGREEMENT] == [
        {"تونس", "الجزائر"}
    ]


def test_the_body_of_deals_between_two_states_is_no_agreement():
    text = "وناقش الوزيران تفعيل الاتفاقات السابقة بين تونس والجزائر في مجال الطاقة."
    assert agreements(text) == []
