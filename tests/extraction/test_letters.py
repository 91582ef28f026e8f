"""A letter carried from a sender to a recipient is an `other` engagement of the three."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.results import EngagementType


def engagements(text: str):
    return find_engagements(text, find_actors(text), find_dates(text))


def test_a_minister_carrying_a_letter_from_his_president_to_another():
    text = (
        "وصل وزير الخارجية الجزائري أحمد عطاف إلى تونس اليوم الأحد، حاملاً رسالة خطية من الرئيس "
        "عبد المجيد تبون إلى الرئيس التونسي قيس سعيد."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert [{p.name for p in e.participants} for e in letters] == [
        {"أحمد عطاف", "عبد المجيد تبون", "قيس سعيد"}
    ]


def test_the_guest_a_relative_clause_says_carried_the_letter_is_its_carrier():
    text = (
        "استقبل الرئيس التونسي قيس سعيد، اليوم، وزير الخارجية الجزائري أحمد عطاف الذي حمل معه رسالة "
        "من الرئيس عبد المجيد تبون."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert [{p.name for p in e.participants} for e in letters] == [{"أحمد عطاف", "عبد المجيد تبون"}]


def test_a_letter_told_twice_is_one_engagement_with_every_party():
    text = (
        "وصل وزير الخارجية الجزائري أحمد عطاف إلى تونس ناقلاً رسالة إلى الرئيس التونسي قيس سعيد. "
        "وقالت الرئاسة إن عطاف حمل رسالة من الرئيس عبد المجيد تبون إلى الرئيس التونسي قيس سعيد."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert [{p.name for p in e.participants} for e in letters] == [
        {"أحمد عطاف", "عبد المجيد تبون", "قيس سعيد"}
    ]


def test_the_participle_after_a_meeting_goes_with_the_visitor_not_the_host():
    text = (
        "وزار وزير الخارجية المصري سامح شكري موسكو، حيث التقى وزير الخارجية الروسي سيرغي لافروف، "
        "حاملاً رسالة من الرئيس عبد الفتاح السيسي للرئيس الروسي فلاديمير بوتين."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert [{p.name for p in e.participants} for e in letters] == [
        {"سامح شكري", "عبد الفتاح السيسي", "فلاديمير بوتين"}
    ]


def test_the_person_after_a_carrying_verb_carries_the_letter():
    text = (
        "استقبل الرئيس التونسي قيس سعيد وزير الخارجية الجزائري أحمد عطاف في قصر قرطاج. "
        "ونقل عطاف، رسالة من الرئيس الجزائري عبد المجيد تبون، تتعلق بالعلاقات الثنائية."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert [{p.name for p in e.participants} >= {"أحمد عطاف", "عبد المجيد تبون"} for e in letters] == [True]


def test_a_letter_received_and_addressed_to_one_from_another_names_sender_and_addressee():
    text = (
        "وأفادت الوزارة بأن وزير الخارجية سامي الحداد تسلم خلال لقائه نظيره المغربي، رسالة خطية "
        "موجهة إلى الملك كريم التازي، من الرئيس التونسي ماجد السويدي."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert len(letters) == 1
    assert {"كريم التازي", "ماجد السويدي"} <= {p.name for p in letters[0].participants}


def test_a_letter_handed_over_and_addressed_after_a_comma_from_one_president_to_another():
    text = (
        "وكان وزير الخارجية سامي الحداد قد سلم في الرباط رسالة مماثلة لرئيس الحكومة، موجهة من "
        "الرئيس ماجد السويدي لنظيره المغربي كريم التازي."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert [{p.name for p in e.participants} for e in letters] == [
        {"سامي الحداد", "ماجد السويدي", "كريم التازي"}
    ]


def test_a_letter_with_no_addressed_sender_or_addressee_makes_no_engagement():
    text = "وقال وزير الخارجية سامي الحداد إن رسالة موجهة إلى الرأي العام ستنشر قريبا."
    assert not [e for e in engagements(text) if e.type == EngagementType.OTHER]


def test_a_letter_received_after_the_day_between_commas_is_still_a_letter():
    # the day between the handing verb and the letter: not a transfer of arms, not lost
    text = (
        "تسلم الرئيس التونسي قيس سعيد، اليوم الأحد، رسالة من الرئيس الجزائري عبد المجيد تبون نقلها "
        "وزير الخارجية الجزائري أحمد عطاف."
    )
    found = engagements(text)
    assert [{p.name for p in e.participants} for e in found if e.type == EngagementType.OTHER] == [
        {"قيس سعيد", "عبد المجيد تبون", "أحمد عطاف"}
    ]
    assert not [e for e in found if e.type == EngagementType.ARMS_TRANSFER]


def test_a_letter_the_guest_handed_to_the_host_who_received_him():
    text = (
        "استقبل الرئيس التونسي قيس سعيد، اليوم، وزير الخارجية الجزائري أحمد عطاف، الذي سلمه رسالة "
        "خطية من أخيه الرئيس عبد المجيد تبون."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert [{p.name for p in e.participants} for e in letters] == [
        {"أحمد عطاف", "عبد المجيد تبون", "قيس سعيد"}
    ]


def test_a_letter_the_subject_of_a_meeting_handed_to_the_one_he_met():
    text = (
        "التقى وزير الخارجية الجزائري أحمد عطاف اليوم الرئيس التونسي قيس سعيد، وسلمه رسالة من الرئيس "
        "عبد المجيد تبون."
    )
    letters = [e for e in engagements(text) if e.type == EngagementType.OTHER]
    assert [{p.name for p in e.participants} for e in letters] == [
        {"أحمد عطاف", "عبد المجيد تبون", "قيس سعيد"}
    ]


def test_a_handing_verb_with_no_letter_after_it_hands_over_no_letter():
    text = (
        "استقبل الرئيس التونسي قيس سعيد، اليوم، وزير الخارجية الجزائري أحمد عطاف، الذي سلمه نسخة "
        "من التقرير السنوي."
    )
    assert not [e for e in engagements(text) if e.type == EngagementType.OTHER]
