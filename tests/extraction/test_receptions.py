"""Receptions: `وكان في استقباله X` and `وكان في استقبال A لدى وصوله B` — the receiver is the host."""

from analysis.extraction.pipeline import extract_document
from analysis.extraction.results import EngagementType, Role


def meetings(text: str) -> list[list[tuple[str, Role]]]:
    return [
        [(p.name, p.role) for p in e.participants]
        for e in extract_document(text).engagements
        if e.type == EngagementType.MEETING
    ]


def test_the_one_in_the_reception_after_a_visit_is_the_host():
    text = "وصل وزير الخارجية الكويتي سالم العلي إلى عمان اليوم، وكان في استقباله وزير الخارجية الأردني هاني الفايز."
    assert meetings(text) == [[("سالم العلي", Role.GUEST), ("هاني الفايز", Role.HOST)]]


def test_a_reception_in_the_next_sentence_continues_the_visitor():
    text = (
        "وصل وزير الخارجية الكويتي سالم العلي إلى عمان اليوم. "
        "وكان في استقباله في المطار وزير الخارجية الأردني هاني الفايز."
    )
    assert meetings(text) == [[("سالم العلي", Role.GUEST), ("هاني الفايز", Role.HOST)]]


def test_a_named_guest_and_the_arrival_phrase_before_the_host():
    text = (
        "وكان في استقبال وزير الخارجية الكويتي سالم العلي لدى وصوله إلى مطار الملكة علياء الدولي "
        "وزير الخارجية الأردني هاني الفايز وعدد من المسؤولين."
    )
    result = extract_document(text)
    assert meetings(text) == [[("سالم العلي", Role.GUEST), ("هاني الفايز", Role.HOST)]]
    visits = [e for e in result.engagements if e.type == EngagementType.VISIT]
    assert [[p.name for p in e.participants] for e in visits] == [["سالم العلي"]]


def test_those_named_after_the_reception_word_are_all_hosts_never_its_guest():
    # the visitor is no actor here (a bare title): no host of the list becomes the guest
    text = (
        "وصل الوزير الزائر إلى عمان اليوم. "
        "وكان في استقباله وزير الخارجية الأردني هاني الفايز، ووزير الداخلية سامر الخطيب."
    )
    assert meetings(text) == []


def test_every_host_listed_after_the_reception_word_meets_the_visitor_told_before():
    text = (
        "وصل وزير الخارجية الكويتي سالم العلي إلى عمان اليوم في زيارة رسمية. "
        "وكان في استقباله وزير الخارجية الأردني هاني الفايز، ووزير الداخلية سامر الخطيب."
    )
    assert meetings(text) == [
        [("سالم العلي", Role.GUEST), ("هاني الفايز", Role.HOST)],
        [("سالم العلي", Role.GUEST), ("سامر الخطيب", Role.HOST)],
    ]


def test_received_on_arrival_the_visitor_is_the_guest_of_those_named_after():
    text = (
        "وصل وزير الخارجية الكويتي سالم العلي إلى عمان اليوم في زيارة رسمية. "
        "واستقبل معاليه لدى وصوله، وزير الخارجية الأردني هاني الفايز، ووزير الداخلية سامر الخطيب."
    )
    assert meetings(text) == [
        [("سالم العلي", Role.GUEST), ("هاني الفايز", Role.HOST)],
        [("سالم العلي", Role.GUEST), ("سامر الخطيب", Role.HOST)],
    ]


def test_a_guest_with_his_delegation_after_a_bare_reception_verb_is_received_by_the_host_before():
    text = (
        "استقبل وزير الدفاع الكويتي سالم العلي في مطار الكويت اليوم وزير الدفاع الأردني هاني الفايز "
        "والوفد المرافق له.\n"
        "كما استقبل الشيخ ماجد بن ناصر آل حمد نائب رئيس الوزراء في دولة قطر والوفد المرافق له\n"
        "واستقبل أيضا سمو السيد فهد بن محمود آل سعيد نائب رئيس الوزراء في سلطنة عمان والوفد المرافق له."
    )
    assert meetings(text) == [
        [("سالم العلي", Role.HOST), ("هاني الفايز", Role.GUEST)],
        [("سالم العلي", Role.HOST), ("ماجد بن ناصر آل حمد", Role.GUEST)],
        [("سالم العلي", Role.HOST), ("فهد بن محمود آل سعيد", Role.GUEST)],
    ]


def test_a_reception_verb_followed_by_its_host_keeps_him_the_host():
    # no delegation after the first party: it is the subject, the one after it the guest
    text = (
        "استقبل وزير الدفاع الكويتي سالم العلي اليوم وزير الدفاع الأردني هاني الفايز.\n"
        "كما استقبل رئيس الوزراء الكويتي ناصر الخالد وزير الخارجية الأردني أيمن الصفدي والوفد المرافق له."
    )
    assert meetings(text)[-1] == [("ناصر الخالد", Role.HOST), ("أيمن الصفدي", Role.GUEST)]


def visits(text: str) -> list[tuple[list[str], str | None]]:
    return [
        ([p.name for p in e.participants], e.location)
        for e in extract_document(text).engagements
        if e.type == EngagementType.VISIT
    ]


def test_a_guest_received_with_his_delegation_at_a_named_place_is_visiting():
    text = (
        "استقبل وزير الدفاع الكويتي سالم العلي، في مطار الكويت اليوم، الأمير هاني الفايز "
        "وزير الدفاع الأردني والوفد المرافق له، للمشاركة في اجتماع مجلس الدفاع."
    )
    assert visits(text) == [(["هاني الفايز"], "مطار الكويت")]


def test_a_guest_received_with_no_place_named_is_no_visit_told():
    text = "استقبل وزير الدفاع الكويتي سالم العلي اليوم الأمير هاني الفايز وزير الدفاع الأردني والوفد المرافق له."
    assert visits(text) == []


def test_the_delegation_of_another_party_named_after_the_guest_makes_no_visit_of_his():
    text = (
        "استقبل وزير الدفاع الكويتي سالم العلي، في مطار الكويت اليوم، الأمير هاني الفايز "
        "ووزير الخارجية الأردني ماجد السويدي والوفد المرافق له."
    )
    assert ["هاني الفايز"] not in [names for names, _ in visits(text)]


def test_a_dual_title_in_the_accusative_after_a_verb_with_no_subject_is_received_by_the_host_before():
    text = (
        "استقبل قائد الجيش العماد سليم حداد في مكتبه سفير فرنسا في لبنان جان دوبوا. "
        "كما استقبل النائبين كريم الخوري وجورج عطالله وتناول البحث الأوضاع العامة."
    )
    found = meetings(text)
    pairs = [{name for name, _ in parties} for parties in found]
    assert {"سليم حداد", "كريم الخوري"} in pairs and {"سليم حداد", "جورج عطالله"} in pairs
    assert {"كريم الخوري", "جورج عطالله"} not in pairs
