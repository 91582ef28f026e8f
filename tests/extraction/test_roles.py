"""Who does it: the doer of a trigger noun or verb, found in its sentence."""

from __future__ import annotations

from analysis.extraction.actors import find_actors
from analysis.extraction.dates import find_dates
from analysis.extraction.engagements import find_engagements
from analysis.extraction.pipeline import extract_document
from analysis.extraction.results import ActorKind, EngagementType, KnownActor, Status


def engagements(text: str):
    return find_engagements(text, find_actors(text), find_dates(text))


def test_the_one_who_set_out_meets_the_person_of_a_purpose_noun():
    text = "توجه وزير الخارجية المغربي كريم التازي إلى القاهرة للقاء نظيره المصري سامي الحداد."
    found = engagements(text)
    assert any({p.name for p in e.participants} == {"كريم التازي", "سامي الحداد"} for e in found)


def test_a_meeting_noun_in_the_dual_meets_each_counterpart_after_with():
    text = (
        "عقد وزير الخارجية سامي الحداد لقاءين منفصلين مع وزير الدفاع كريم التازي ووزير المالية ماجد السويدي."
    )
    pairs = sorted(sorted(p.name for p in e.participants) for e in engagements(text))
    assert pairs == [["سامي الحداد", "كريم التازي"], ["سامي الحداد", "ماجد السويدي"]]


def test_separate_meetings_after_a_reception_verb_are_how_it_went_not_more_meetings():
    text = (
        "استقبل وزير الخارجية سامي الحداد، ووزير المالية ماجد السويدي، الخميس، "
        "في لقاءين منفصلين، وزير الدفاع كريم التازي."
    )
    pairs = [sorted(p.name for p in e.participants) for e in engagements(text)]
    assert ["سامي الحداد", "كريم التازي"] in pairs


def test_a_time_word_between_verb_and_subject_is_no_subject():
    text = "ووصل يوم أمس الأحد، وزير الداخلية المغربي كريم التازي، إلى القاهرة."
    [e] = engagements(text)
    assert e.type == EngagementType.VISIT and {p.name for p in e.participants} == {"كريم التازي"}


def test_a_title_in_the_dual_before_the_two_subjects_of_a_light_verb():
    text = "يعقد الرئيسان سامي الحداد، ونظيره المغربي كريم التازي، اليوم الاثنين، قمة ثنائية."
    # no title before the first name: here the persons are known (curated), so the test reads the
    # dual title's frame, not how sure the tagger is of a made-up name
    known = tuple(KnownActor(n, ActorKind.PERSON) for n in ("سامي الحداد", "كريم التازي"))
    [e] = extract_document(text, known_actors=known).engagements
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_the_person_invited_to_visit_is_the_visitor_of_a_planned_visit():
    text = "ودعا وزير الخارجية سامي الحداد نظيره المغربي كريم التازي إلى زيارة القاهرة."
    [e] = engagements(text)
    assert e.type == EngagementType.VISIT and {p.name for p in e.participants} == {"كريم التازي"}
    assert e.status == Status.PLANNED


def test_the_doer_of_a_visit_named_after_the_verb_that_makes_it():
    text = "ويأتي اللقاء في ظل زيارة رسمية يجريها وزير الخارجية المغربي كريم التازي إلى بغداد."
    visits = [e for e in engagements(text) if e.type == EngagementType.VISIT]
    assert [{p.name for p in e.participants} for e in visits] == [{"كريم التازي"}]


def test_the_speaker_who_tells_of_a_summit_is_not_one_of_its_parties():
    text = (
        "وأعلن المتحدث الرسمي باسم الرئاسة السفير سامي الحداد أن القمة ستعقبها قمة ثلاثية تضم "
        "وزير الخارجية المغربي كريم التازي ووزير الخارجية التونسي ماجد السويدي."
    )
    parties = [{p.name for p in e.participants} for e in engagements(text)]
    assert {"كريم التازي", "ماجد السويدي"} in parties
    assert not any("سامي الحداد" in names for names in parties)


def test_the_visit_a_reception_is_held_for_is_the_guests():
    text = (
        "استقبل وزير الخارجية سامي الحداد، صباح اليوم، وزير الخارجية المغربي كريم التازي "
        "والوفد المرافق له وذلك بمناسبة زيارته الرسمية للبلاد."
    )
    visits = [e for e in engagements(text) if e.type == EngagementType.VISIT]
    assert [{p.name for p in e.participants} for e in visits] == [{"كريم التازي"}]


def test_a_statement_speaker_stands_before_what_was_said():
    said = "وصرح متحدث باسم الخارجية الأردنية أمس بأن الوزير هاني الفايز سيزور القاهرة الشهر المقبل."
    found = extract_document(said).engagements
    assert [e for e in found if e.type == EngagementType.STATEMENT] == []


def test_one_speakers_words_are_no_engagement():
    # quotes are commentary (gold conventions): a named speaker of `صرح` makes no statement engagement
    named = "وصرح وزير الخارجية الأردني هاني الفايز بأن بلاده تدعم الحوار."
    assert extract_document(named).engagements == []


def test_the_latter_who_set_out_to_meet_is_the_last_person_named():
    text = (
        "وانتهت المحادثات بين الرئيس الأردني سامر الخطيب ووزير الخارجية الكويتي سالم العلي، "
        "وتوجه الأخير إلى مقر البرلمان للقاء رئيس مجلس النواب هاني الفايز."
    )
    meetings = [e for e in extract_document(text).engagements if e.type == EngagementType.MEETING]
    assert [{p.name for p in e.participants} for e in meetings] == [{"سالم العلي", "هاني الفايز"}]


def test_the_one_met_who_came_with_a_delegation_makes_the_visit_of_his_possessive():
    text = (
        "التقى رئيس الوزراء الليبي سالم العلي، رئيس الأركان التركي كريم التازي والوفد المرافق له، "
        "خلال زيارته الحالية لطرابلس."
    )
    visits = [e for e in extract_document(text).engagements if e.type == EngagementType.VISIT]
    assert [[p.name for p in e.participants] for e in visits] == [["كريم التازي"]]


def test_without_a_delegation_the_possessive_visit_stays_the_subjects():
    text = (
        "التقى رئيس الوزراء الليبي سالم العلي، رئيس الأركان التركي كريم التازي، خلال زيارته الحالية لأنقرة."
    )
    visits = [e for e in extract_document(text).engagements if e.type == EngagementType.VISIT]
    assert [[p.name for p in e.participants] for e in visits] == [["سالم العلي"]]


def _visitors(text: str) -> list[set[str]]:
    found = extract_document(text).engagements
    return [{p.name for p in e.participants} for e in found if e.type == EngagementType.VISIT]


def test_the_persons_a_verb_lists_after_each_of_make_one_visit_together():
    text = (
        "وكان الرئيس المغربي ماجد السويدي وصل إلى تونس الثلاثاء، كما وصل كل من وزير الخارجية كريم التازي "
        "ووزير الداخلية سامي الحداد، وآمر غرفة العمليات المشتركة أحمد العبيدي."
    )
    visits = _visitors(text)
    assert {"ماجد السويدي"} in visits
    assert {"كريم التازي", "سامي الحداد", "أحمد العبيدي"} in visits


def test_two_persons_joined_by_and_after_a_visit_verb_both_visit_and_neither_hosts():
    text = "وصل وزير الخارجية المغربي سامي الحداد ووزير الدفاع كريم التازي إلى القاهرة اليوم."
    found = engagements(text)
    assert sorted(sorted(p.name for p in e.participants) for e in found) == [["سامي الحداد", "كريم التازي"]]
    assert all(e.type == EngagementType.VISIT for e in found)


def test_those_attending_a_meeting_whose_parties_were_not_named_are_the_meeting():
    text = (
        "ثم توجه وزير الخارجية المغربي كريم التازي إلى تونس و إلتقى فيها مع ممثلي المعارضة . "
        "و حضر اللقاء كل من وزير الداخلية سامي الحداد و رئيس المجلس الوطني ماجد السويدي ."
    )
    meetings = [
        {p.name for p in e.participants} for e in engagements(text) if e.type == EngagementType.MEETING
    ]
    assert {"سامي الحداد", "ماجد السويدي"} in meetings


def test_a_person_named_after_the_place_of_an_arrival_is_no_second_visitor():
    text = (
        "وصل وزير الخارجية المغربي سامي الحداد إلى مطار القاهرة ووزير الدفاع المصري كريم التازي في استقباله."
    )
    assert {"كريم التازي"} not in [
        {p.name for p in e.participants} for e in engagements(text) if e.type == EngagementType.VISIT
    ]


def test_two_persons_before_a_dual_verb_are_the_parties_of_the_call_during_which_it_happened():
    text = "وقال المكتب إن الحداد والتازي استعرضا خلال مكالمة هاتفية خطوات التعاون الأمني."
    known = "أجرى رئيس الحكومة سامي الحداد ووزير الخارجية كريم التازي محادثات أمس. "
    found = engagements(known + text)
    calls = [e for e in found if e.type == EngagementType.CALL]
    assert [{p.name for p in e.participants} for e in calls] == [{"سامي الحداد", "كريم التازي"}]


def test_a_phone_conversation_with_a_person_is_a_call():
    text = "أجرى وزير الخارجية سامي الحداد، محادثة هاتفية مع وزير الخارجية المغربي كريم التازي."
    [e] = engagements(text)
    assert e.type == EngagementType.CALL
    assert {p.name for p in e.participants} == {"سامي الحداد", "كريم التازي"}


def test_a_person_named_with_a_title_after_a_visit_verb_is_its_subject_not_one_named_before_it():
    text = (
        "في أول زيارة لمسؤول مصري بعد تشكيل الحكومة الجديدة برئاسة د. عبد الله حمدوك، وصل صباح اليوم "
        "إلى الخرطوم وزير الخارجية سامح شكري."
    )
    visits = [{p.name for p in e.participants} for e in engagements(text) if e.type == EngagementType.VISIT]
    assert visits == [{"سامح شكري"}]
