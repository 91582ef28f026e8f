"""Engagement frames: the parties of one trigger from its arguments, by engagement type
(a visit, a pairwise meeting, talks or call, an attack or a transfer between parties)."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.arguments import (
    as_place,
    is_coordinated,
    receives_or_gives,
    recent_lead,
    stands_alone,
)
from analysis.extraction.attack_agents import defender, relative_striker, targets_only
from analysis.extraction.clause_objects import ATTENDED, collect_after
from analysis.extraction.delegations import sent_delegation
from analysis.extraction.event_dates import date_for, is_planned, segment_date
from analysis.extraction.event_places import (
    dateline_place,
    event_location,
    first_dateline,
    past_escort,
    right_after_subject,
    segment_place,
    skip_words,
)
from analysis.extraction.frame_doc import (
    BETWEEN,
    LIGHT_VERBS,
    MULTILATERAL,
    PAIRWISE,
    POSSESSIVE_FORMS,
    WITH,
    Candidate,
    Doc,
    Trigger,
    pseudo_mention,
    sentence_words,
    trigger_at,
    unique_mentions,
    unique_parts,
)
from analysis.extraction.generic_bodies import forces_of, government_of, is_generic_body, is_military_body
from analysis.extraction.party_lists import (
    attendees_of,
    demonym_state,
    in_visit_phrase,
    light_verb_attackers,
    nationalities,
    signatories_of,
    state_of_unnamed,
    struck_state,
)
from analysis.extraction.receptions import (
    dual_object_guests,
    escorted_guest,
    escorted_visits,
    is_reception,
    reception_candidates,
    reception_parties,
)
from analysis.extraction.results import ActorKind, DateMention, EngagementType, Role
from analysis.extraction.roles import Clause, Roles, noun_roles, verb_roles
from analysis.extraction.sellers import given_to
from analysis.extraction.summons import summons_frames
from analysis.extraction.visit_company import co_visitors, companions, delegation_members, more_stops
from analysis.extraction.visitors import visitor_from_abroad

PARTY_ACTS = frozenset({EngagementType.ARMS_TRANSFER, EngagementType.TRAINING})
SEAT_WORDS = frozenset(normalize(w) for w in "مقر مبنى".split())
SEPARATE_WORDS = frozenset(normalize(w) for w in "منفصل منفصلة منفصلين منفصلتين منفردة منفردين".split())


def build(
    doc: Doc,
    s: int,
    rng: range,
    trig: Trigger,
    prev_boundary: int,
    next_boundary: int,
    in_sentence: list[Candidate],
    previous: list[Candidate],
) -> list[Candidate]:
    """The candidates one trigger opens: its roles, setting and parties, by engagement type."""
    c = Clause(doc, s, rng, trig, prev_boundary, next_boundary, in_sentence, previous)
    after = collect_after(doc, c.i + 1, next_boundary, trig.type)
    # `بدأت X تلقي أسلحة`, `بدأت تتسلم`: after a light verb the doer is the light verb's subject
    after_light = trig.verb and trig.type in PARTY_ACTS and c.word_before() in LIGHT_VERBS
    roles = verb_roles(c, after) if trig.verb and not after_light else noun_roles(c, after)
    if not roles.subjects and not trig.verb and trig.form in POSSESSIVE_FORMS:
        # `جاء ذلك لدى لقائه Y`: the possessor is the one the sentences before are about
        roles.subjects = [lead] if (lead := recent_lead(doc, rng, c.i)) is not None else []
    if (
        trig.verb
        and (guest := escorted_guest(doc, c.i, roles.subjects, roles.objects))
        and (ante := c.antecedent())
    ):
        # `كما استقبل X والوفد المرافق له`: the host told before received X
        roles = Roles().continuing(ante, [a for a in after if a[0] is guest])
    elif trig.verb and (pair := dual_object_guests(doc, c.i, roles.subjects, after)):
        if (ante := c.antecedent()) is not None:
            # `كما استقبل النائبين X وY`: the host told before received the two the dual names
            roles = Roles().continuing(ante, [a for a in after if a[0] in pair])
    frame = Frame(c, roles, *setting(c, roles))
    etype = trig.type
    if is_reception(doc, c.i, rng):  # `وكان في استقباله X`: X received the sentence's guest
        possessor = roles.subjects
        if not any(m.first < c.i for m in possessor):
            # `وكان في استقباله A، وB`: the pronoun is the one told before, not a host after it
            possessor = Roles().continuing(c.antecedent(), []).subjects
        guests, hosts = reception_parties(doc, c.i, rng, possessor)
        roles.subjects = guests
        return reception_candidates(frame.make, guests, hosts)
    if etype == EngagementType.AGREEMENT and (signatories := signatories_of(doc, c.i, rng)):
        # `ووقّعه عن الجانب الإيراني A، وعن الجانب العراقي B`
        return [frame.make([(m, Role.PARTICIPANT) for m in signatories])]
    attended = MULTILATERAL | {EngagementType.AGREEMENT}  # `بحضور A وB جرى التوقيع`
    attendees = attendees_of(doc, c.i, rng) if not trig.verb and etype in attended else None
    if attendees is not None and {m.actor for m in roles.subjects} <= {m.actor for m in attendees}:
        # `احتضنت بغداد اجتماعاً ... بمشاركة A، وB، وC`: one meeting of everyone listed
        return [frame.make([(m, Role.PARTICIPANT) for m in attendees])]
    if etype == EngagementType.VISIT:
        return visit_frames(frame)
    found = _typed_frames(frame)
    retyped = _retyped(doc, c.i, rng, etype) if found else etype
    for cand in found:
        cand.type = retyped
        if retyped == EngagementType.CALL:
            cand.location = None  # a phone call has no venue
    if trig.verb and retyped == EngagementType.MEETING:
        found += escorted_visits(doc, rng, found)  # `استقبل X Y والوفد المرافق له`: Y is visiting
    return found


def manner_of_verb(doc: Doc, trig: Trigger, rng: range) -> bool:
    """`استقبل A وB في لقاءين منفصلين C`: a meeting noun said `separate` after a meeting verb of
    its sentence tells how that verb's meetings went, it is no other meeting."""
    i = trig.index
    if trig.verb or trig.type not in PAIRWISE or i + 1 >= rng.stop:
        return False
    if doc.tokens[i + 1].n not in SEPARATE_WORDS:
        return False
    return any(
        (hit := trigger_at(doc.tokens[k])) is not None and hit[1] and hit[0] in PAIRWISE
        for k in range(rng.start, i)
    )


def _typed_frames(frame: Frame) -> list[Candidate]:
    etype = frame.clause.trig.type
    if etype == EngagementType.STATEMENT:
        return statement_frames(frame)
    if etype in PAIRWISE:
        return pairwise_frames(frame)
    if etype == EngagementType.OTHER:
        return summons_frames(frame)  # the only `other` trigger words are summonses
    return party_frames(frame)


def setting(c: Clause, roles: Roles) -> tuple[str | None, DateMention | None, bool]:
    """Where and when the trigger's engagement happened, and whether it is planned."""
    doc, rng, i, etype = c.doc, c.rng, c.i, c.trig.type
    planned = roles.invited or is_planned(doc, i, rng, c.prev_boundary)
    # where it happened is named near the trigger and its parties, not in the topic after them
    # (`بحثا الأوضاع في غزة`); a phone call has no venue
    last_party = max(
        [i] + [m.last for m in roles.subjects if m is not None] + [o[0].last for o in roles.objects]
    )
    reach = skip_words(doc, past_escort(doc, last_party), 6 if etype == EngagementType.VISIT else 4)
    location = (
        None
        if etype == EngagementType.CALL
        else event_location(doc, i, rng, c.prev_boundary, min(c.next_boundary, reach), etype)
    )
    ante = roles.antecedent
    if location is None and ante is not None and ante.sentence == c.s and ante.location:
        location = ante.location
    if location is None:
        location = dateline_place(doc, rng)
    date = date_for(doc, i, rng, c.prev_boundary, c.next_boundary)
    if date is None and etype == EngagementType.ATTACK:
        # `قُتل X بغارة ... استهدفت سيارته في بغداد مساء الأربعاء`: one attack told in a chain
        date = date_for(doc, i, rng, c.prev_boundary, rng.stop)
    return location, date, planned


@dataclass(slots=True)
class Frame:
    """A trigger with its roles and setting, ready to make candidates."""

    clause: Clause
    roles: Roles
    location: str | None
    date: DateMention | None
    planned: bool

    @property
    def subject(self) -> Mention | None:
        return self.roles.subjects[0] if self.roles.subjects else None

    def make(self, parts: list[tuple[Mention, Role]], date: DateMention | None = None) -> Candidate:
        c = self.clause
        nxt = c.i + 1
        ongoing = nxt < c.rng.stop and c.doc.tokens[nxt].n in _ONGOING
        return Candidate(
            ongoing=ongoing,
            type=c.trig.type,
            participants=parts,
            sentence=c.s,
            trigger=c.i,
            date=date or self.date,
            location=self.location,
            planned=self.planned,
            subject=self.subject,
            inherited_from=self.roles.antecedent,
        )


_ONGOING = frozenset(normalize(w) for w in "الجارية الجاري المستمرة المتواصلة الدائرة".split())
_CALL_LEADS = frozenset(normalize(w) for w in "في خلال".split())


def _retyped(doc: Doc, i: int, rng: range, etype: EngagementType) -> EngagementType:
    """`بحث X مع Y في اتصال هاتفي`: talks held in a call are a call; `سلم X رسالة من A إلى B`:
    a letter handed over is `other`, not a transfer of arms."""
    ahead = [k for k in range(i + 1, min(i + 14, rng.stop)) if doc.inside[k] is None]
    if etype == EngagementType.TALKS and any(
        doc.tokens[k - 1].n in _CALL_LEADS
        and (hit := trigger_at(doc.tokens[k]))
        and hit[0] == EngagementType.CALL
        for k in ahead
    ):
        return EngagementType.CALL
    # the day between the verb and the letter is no word of the clause (`تسلم X، اليوم، رسالة`)
    words = [k for k in ahead if doc.tokens[k].kind == "w" and not doc.in_date[k]]
    if etype == EngagementType.ARMS_TRANSFER and any(doc.tokens[k].n in lx.LETTERS for k in words[:3]):
        return EngagementType.OTHER
    return etype


def visit_frames(f: Frame) -> list[Candidate]:
    """The visitor and the place; visiting a person named right after the verb is meeting them."""
    c, subject = f.clause, f.subject
    doc, tokens, i, rng = c.doc, c.doc.tokens, c.i, c.rng
    if subject is not None and not c.trig.verb and in_visit_phrase(doc, i, rng) and not f.roles.named:
        # `التقى وزير الخارجية الروسي A في دمشق، بالرئيس B، في زيارة`: A came, not B
        subject = visitor_from_abroad(doc, rng, i, subject, f.location)
        f.roles.subjects = [subject, *f.roles.subjects[1:]]
    if subject is None or is_generic_body(subject.actor):
        return []  # `زارت القوات الأمريكية القاعدة`: forces on a base make no visit
    if subject.kind != ActorKind.PERSON and not sent_delegation(doc, c.trig.verb, i, subject):
        return []  # `زار مركز الأمن`, `مقاتلات وصلت`: a body or state visits only through its delegation
    if f.location is None and i + 1 < rng.stop and tokens[i + 1].n in lx.HOST_COUNTRY_WORDS:
        # `يزور المملكة حالياً`: the dateline's place, or the host country as written
        f.location = first_dateline(doc) or doc.text[tokens[i + 1].start : tokens[i + 1].end]
    visit = f.make([(subject, Role.VISITOR)])
    # a visit to a place not in the gazetteer (`زار مطار حميميم`, `وصل إلى مدينة دياربكر`) is
    # still one; `وصل` and `انتقل` say so only with `إلى` (not `وصلت المحادثات إلى طريق مسدود`)
    # a visit noun with no place needs its doer named with it (`زيارة مدفيديف المرتقبة`, `قام X
    # بزيارة`), not only a possessor (`خلافاً لزياراته السابقة`)
    toward = _toward(doc, i, c.next_boundary)
    visited = c.trig.verb and any(tokens[k].kind == "w" for k in range(i + 1, min(i + 4, rng.stop)))
    placeless = toward if _arrival(c.trig) else visited or f.roles.named or toward
    if _plural_visits(c.trig) and not f.roles.named:
        placeless = False  # `نتائج زياراته الأخيرة إلى عدد من الدول`: many trips, none told
    visit.emit = f.location is not None or placeless
    visit.tour_stop = f.roles.other_trip
    # who goes along makes the same visit, one engagement with every visitor (fresh 11, 12, 16:
    # `وصل X على رأس وفد ضم A وB`, `زار دمشق برفقة A وB`, `زارا تركيا`)
    for along in (*co_visitors(f, visit), *delegation_members(f, visit)):
        visit.participants.extend(along.participants)
    visits = [visit, *more_stops(f, visit), *companions(f, visit)]
    host = next(
        (o[0] for o in f.roles.objects if o[0].kind == ActorKind.PERSON and o[0] is not subject), None
    )
    if host is None and c.trig.verb:
        host = _seat_visited(f)  # `وزار X مقر الجبهة التركمانية`: visiting a body at its seat
    if c.trig.verb and host is not None and right_after_subject(doc, i, host, venue=True):
        # `فزار البطريرك الماروني X في بكركي`: visiting a person is meeting them
        call_on = f.make([(subject, Role.VISITOR), (host, Role.HOST)])
        call_on.type = EngagementType.MEETING
        return [*visits, call_on]
    return visits


def _seat_visited(f: Frame) -> Mention | None:
    doc = f.clause.doc
    return next(
        (
            o[0]
            for o in f.roles.objects
            if o[0].kind == ActorKind.ORGANIZATION
            and any(ff in SEAT_WORDS for ff in _forms(doc.tokens[o[0].first - 1].n))
        ),
        None,
    )


_ARRIVAL_STEMS = ("وصل", "يصل", "تصل", "سيصل", "ستصل", "انتقل")
_TOWARD = frozenset(normalize(w) for w in "إلى الى".split())


def _arrival(trig: Trigger) -> bool:
    return trig.form.startswith(_ARRIVAL_STEMS)


_PLURAL_VISITS = frozenset(normalize(w) for w in "زيارات زياراته زياراتها زياراتهم الزيارات".split())


def _plural_visits(trig: Trigger) -> bool:
    return not trig.verb and trig.form in _PLURAL_VISITS


def _toward(doc: Doc, i: int, stop: int) -> bool:
    """`إلى` after the verb, before another clause, or `ل` on a definite place (`زيارته للمملكة`):
    the visit names where it goes."""
    if any(doc.tokens[k].n in _TOWARD for k in range(i + 1, min(i + 12, stop))):
        return True
    return any(doc.tokens[k].n.startswith("لل") for k in range(i + 1, min(i + 3, stop)))


_SAID_THAT = frozenset(normalize(w) for w in "أن ان إن بأن بان أنه بأنه إنه".split())


def statement_frames(f: Frame) -> list[Candidate]:
    """The speaker of `صرح`: a person before what was said; one named after `بأن` is spoken of
    (`وصرح متحدث باسم الوزارة بأن X سيناقش ...`: the speaker is unnamed, X is no speaker)."""
    subject, doc, i = f.subject, f.clause.doc, f.clause.i
    if subject is None or subject.kind != ActorKind.PERSON:
        return []
    if any(doc.tokens[k].n in _SAID_THAT for k in range(i + 1, subject.first)):
        return []
    statement = f.make([(subject, Role.INITIATOR)])
    statement.location = dateline_place(
        f.clause.doc, f.clause.rng
    )  # a place inside what was said is not where
    # one speaker's words are commentary, not an engagement (CONVENTIONS: quotes are none); the
    # speaker stays the subject a later clause continues (`وصرح X بأن ...، وأضاف أنه التقى Y`)
    statement.emit = False
    return [statement]


def pairwise_frames(f: Frame) -> list[Candidate]:
    """A meeting, talks, a call or an agreement: the subject with each object, one each."""
    c, subject, subjects = f.clause, f.subject, f.roles.subjects
    etype = c.trig.type
    objs = [
        o
        for o in f.roles.objects
        if o[0].kind != ActorKind.STATE or etype == EngagementType.AGREEMENT or o[3] in (BETWEEN, ATTENDED)
    ]
    if (
        subject is not None
        and subject.kind == ActorKind.PERSON
        and any(o[0].kind == ActorKind.PERSON for o in objs)
    ):
        objs = [o for o in objs if o[0].kind == ActorKind.PERSON]
    elif subject is not None and subject.kind == ActorKind.PERSON:
        # `خلال اجتماع مع أعضاء مجلس الأمن القومي`: a body met as such
        objs = [
            o for o in objs if o[0].kind == ActorKind.ORGANIZATION and o[3] in (WITH, "ب") or o[3] == ATTENDED
        ]
    host = c.trig.form.startswith(("استقبل", "يستقبل", "سيستقبل", "استقبال"))
    if subject is not None and len(subjects) >= 2 and not objs:
        parts = [(m, Role.PARTICIPANT) for m in unique_mentions(subjects)]
        return [f.make(parts)] if len(parts) >= 2 else []
    if subject is not None and subject.kind == ActorKind.PERSON and not objs and len(subjects) == 1:
        # `التقى مع القادة في بغداد`; `التقى X بالمسؤولين العراقيين`: after a subject that follows the verb
        state = state_of_unnamed(c.doc, max(c.i, subject.last), c.next_boundary)
        if state is not None:  # `التقى مع القادة في بغداد`: the state, through its officials
            return [f.make([(subject, Role.PARTICIPANT), (pseudo_mention(state, c.i), Role.PARTICIPANT)])]
    if subject is None:
        if objs and objs[0][3] == WITH:
            return []  # `اجتمع مع كل من A و B` with no one found to have met them
        if any(o[0].kind == ActorKind.PERSON for o in objs):
            objs = [o for o in objs if o[0].kind == ActorKind.PERSON]
        parts = unique_parts([(o[0], Role.PARTICIPANT) for o in objs])
        if len(parts) >= 3 and c.doc.tokens[c.i + 1].n in SEPARATE_WORDS:
            return [f.make([parts[0], p]) for p in parts[1:]]  # `لقاءات منفردة بين A وضيفيه`: A with each
        return [f.make(parts)] if len(parts) >= 2 else []
    # `اجتماع مع بري، بحضور السفير ماغرو`: those attending join the meeting, not a meeting each
    attending = [(o[0], Role.PARTICIPANT) for o in objs if o[3] == ATTENDED]
    if attending and len(attending) < len(objs):
        objs = [o for o in objs if o[3] != ATTENDED]
    else:
        attending = []
    per_object_dates = [segment_date(c.doc, o) for o in objs]
    use_segments = len(objs) > 1 and sum(d is not None for d in per_object_dates) >= 2
    separate = len(subjects) >= 2 and bool(sentence_words(c.doc, c.rng) & SEPARATE_WORDS)
    results: list[Candidate] = []
    for obj, seg_date in zip(objs, per_object_dates, strict=True):
        if obj[0].actor == subject.actor:
            continue
        roles = (Role.HOST, Role.GUEST) if host else (Role.PARTICIPANT, Role.PARTICIPANT)
        date = seg_date if use_segments else None
        if separate:  # `في لقاءين منفصلين`: each subject met the object on their own
            results.extend(
                f.make([(m, roles[0]), (obj[0], roles[1])], date) for m in unique_mentions(subjects)
            )
            continue
        parts = [(subject, roles[0]), (obj[0], roles[1])]
        for extra_subject in subjects[1:]:
            parts.insert(1, (extra_subject, roles[0]))
        results.append(f.make(unique_parts(parts + attending), date))
        if len(objs) > 1 and (place := segment_place(c.doc, obj)) is not None:
            results[-1].location = place  # `التقى A في دمشق، وB في بيروت`: each where it was
    return results


def party_frames(f: Frame) -> list[Candidate]:
    """Attacks, arms transfers, training: every party named in the stretch; a state only when
    it stands as a party (`هاجمت إيران`), not as a place (`قرب مطار بغداد`)."""
    c = f.clause
    doc, i = c.doc, c.i
    transfer = c.trig.type in (EngagementType.ARMS_TRANSFER, EngagementType.TRAINING)
    parties: list[Mention] = [m for m in f.roles.subjects if not as_place(doc, m)]
    if c.trig.type == EngagementType.ATTACK and not c.trig.verb:
        # `شنت الولايات المتحدة وبريطانيا غارات`; `أعلن X أن إسرائيل شنت غارات`: the states
        # nearer the light verb are its subject, not a speaker named before them
        attackers = light_verb_attackers(doc, i, c.rng)
        if attackers and all(m.last < attackers[0].first for m in parties):
            parties = attackers
    struck_only = not parties and targets_only(
        doc, i, [o for o in f.roles.objects if not as_place(doc, o[0])]
    )
    parties += [
        o[0]
        for o in f.roles.objects
        if o[0].kind != ActorKind.STATE
        or stands_alone(doc, o[0], i)
        or o[3] == BETWEEN  # `مناورات مشتركة بين إيران والصين`, `صفقة بين أنقرة وإسلام آباد`
        or transfer
        and (receives_or_gives(doc, o[0]) or o[3] == BETWEEN)  # `مناورات مشتركة بين إيران والصين`
        or transfer
        and c.trig.verb
        and given_to(doc, o[0], f.roles.subjects)  # `وسلمت الحكومة الروسية العراق 13 طائرة`
    ]
    attack = c.trig.type == EngagementType.ATTACK
    if attack and c.trig.verb and not parties and (hit := relative_striker(doc, i, c.rng, f.roles.objects)):
        return [f.make([(hit, Role.INITIATOR)])]  # `التي قصفتها إيران`: who struck it, alone
    # a nationality near the noun names its attacker unless a relative clause names it (`هجوم شنّته X`)
    attacker = demonym_state(doc, i, c.next_boundary) if attack and not f.roles.named else None
    if attack and (held := defender(doc, i, c.rng)) is not None:
        parties.append(held)  # `تصدّت X لهجوم نفّذته Y`: X, attacked, held it off
    parts = unique_parts([(m, Role.PARTICIPANT) for m in parties])
    if attacker is not None and all(p[0].actor != attacker for p in parts):
        # `هجوم إسرائيلي` where the text names `الجيش الإسرائيلي`: that state's forces struck
        parts.insert(0, (forces_of(doc.mentions, attacker) or pseudo_mention(attacker, i), Role.INITIATOR))
    elif attack and struck_only and held is None:
        return []  # `غارات على مواقع لـA وB`: A and B were struck; who struck them is not named
    if transfer and len(parts) < 2:
        # `صفقة الأسلحة الروسية للعراق`, `العسكريين الروس ... تدريب الخبراء السوريين`
        # the state's government when the document names it (`أرسلتها الحكومة الأميركية`)
        sides = [
            (government_of(doc.mentions, state) or pseudo_mention(state, i), Role.PARTICIPANT)
            for state in nationalities(doc, i, c.next_boundary)
        ]
        parts = unique_parts(parts + sides)
    if c.trig.type == EngagementType.TRAINING and len(parts) == 1:
        # `تدريب طيارين عراقيين ... في الولايات المتحدة`: trained in, and by, that state
        host = next(
            (o[0] for o in f.roles.objects if o[0].kind == ActorKind.STATE and as_place(doc, o[0])), None
        )
        parts = unique_parts(parts + ([(host, Role.PARTICIPANT)] if host is not None else []))
    if attack and (struck := struck_state(doc, f.roles.objects, parts, c.in_sentence)):
        parts.append((struck, Role.PARTICIPANT))  # `نفّذ X غارات على مواقع في سوريا`
    if len(parts) == 1 and attack and _lone_striker(f, parts[0][0]):
        return [f.make(parts)]
    if len(parts) < 2:
        return []
    return [f.make(parts)]


def _lone_striker(f: Frame, m: Mention) -> bool:
    """`قصفت الطائرات الروسية مدينة خان شيخون`: a state's forces, the attack's own subject, that
    struck only places attacked on their own (CONVENTIONS: generic forces are listed when they take
    part); not one of two forces joined by `و` (`القوات الأميركية والبريطانية شنت`: both struck)."""
    return (
        m in f.roles.subjects
        and is_military_body(m.actor)
        and not is_coordinated(f.clause.doc, m)
        and all(o[0].kind == ActorKind.PLACE or as_place(f.clause.doc, o[0]) for o in f.roles.objects)
    )
