"""Engagement frames: the parties of one trigger from its arguments, by engagement type
(a visit, a pairwise meeting, talks or call, an attack or a transfer between parties)."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.arguments import (
    CARRY_WORDS,
    agent_after,
    antecedent_candidate,
    as_place,
    b_clitic_noun,
    collect_after,
    fronted_subject,
    has_b_clitic,
    is_coordinated,
    last_two_persons,
    light_verb_subjects,
    previous_arg,
    receives_or_gives,
    relative_antecedent,
    reported_subject,
    stands_alone,
    subject_before,
)
from analysis.extraction.clean import normalize
from analysis.extraction.event_dates import date_for, is_planned, segment_date
from analysis.extraction.event_places import (
    dateline_place,
    event_location,
    first_dateline,
    right_after_subject,
    segment_place,
    skip_words,
)
from analysis.extraction.frame_doc import (
    BETWEEN,
    DUAL_ENDINGS,
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
    unique_mentions,
    unique_parts,
)
from analysis.extraction.party_lists import (
    attack_light_verb,
    attendees_of,
    demonym_state,
    in_visit_phrase,
    invited_visitor,
    nationalities,
    signatories_of,
)
from analysis.extraction.results import ActorKind, DateMention, EngagementType, Role

SEAT_WORDS = frozenset(normalize(w) for w in "مقر مبنى".split())
SEPARATE_WORDS = frozenset(normalize(w) for w in "منفصل منفصلة منفصلين منفصلتين منفردة منفردين".split())
Arg = tuple[Mention, int, int, str]  # a mention, its segment (token range) and the marker before it


@dataclass(slots=True)
class Clause:
    """One trigger in its sentence: the stretch up to the neighbouring triggers, and the
    candidates found before it (in this sentence, in the document)."""

    doc: Doc
    s: int
    rng: range
    trig: Trigger
    prev_boundary: int
    next_boundary: int
    in_sentence: list[Candidate]
    previous: list[Candidate]

    @property
    def i(self) -> int:
        return self.trig.index

    def word_before(self) -> str:
        return self.doc.tokens[self.i - 1].n if self.i - 1 >= self.rng.start else ""

    def same_sentence_antecedent(self) -> Candidate | None:
        return next((c for c in reversed(self.in_sentence) if c.subject is not None), None)

    def antecedent(self) -> Candidate | None:
        return antecedent_candidate(self.doc, self.s, self.in_sentence, self.previous)


@dataclass(slots=True)
class Roles:
    """Who does it (subjects), to or with whom (objects), and the earlier candidate whose
    subject a pro-drop clause continues."""

    subjects: list[Mention] = field(default_factory=list)
    objects: list[Arg] = field(default_factory=list)
    antecedent: Candidate | None = None
    invited: bool = False  # `دعوة لـX بزيارة`, `بهدف لقاء X`: planned, not yet done
    other_trip: bool = False  # `عقب زيارتين إلى ...`: another trip than the sentence's
    named: bool = False  # a noun's doer named with it: after it, or between a light verb and it

    def continuing(self, cand: Candidate | None, objects: list[Arg]) -> Roles:
        self.antecedent = cand
        self.subjects = [cand.subject] if cand is not None else []
        self.objects = objects
        return self


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
    roles = verb_roles(c, after) if trig.verb else noun_roles(c, after)
    frame = Frame(c, roles, *setting(c, roles))
    etype = trig.type
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
    if etype == EngagementType.STATEMENT:
        return statement_frames(frame)
    if etype in PAIRWISE:
        return pairwise_frames(frame)
    return party_frames(frame)


def verb_roles(c: Clause, after: list[Arg]) -> Roles:
    """A verb's subject before it (SVO), after it (VSO), or carried from the clause before."""
    doc, rng, i, trig = c.doc, c.rng, c.i, c.trig
    tokens = doc.tokens
    etype = trig.type
    relative = c.word_before() in lx.RELATIVES
    before = [] if relative else subject_before(doc, i, rng, etype)
    if not before and (reported := reported_subject(doc, i, rng, etype)) is not None:
        before = [reported]
    if not before and not relative and tokens[i].n[:1] == "ف" and trig.conj:
        # `وواصل X جولته، فزار A`: the ف-clause keeps the sentence's subject
        lead = _sentence_lead(doc, rng, i)
        before = [lead] if lead is not None else []
    dual = trig.form.endswith(DUAL_ENDINGS) and etype in PAIRWISE
    if len(before) == 1 and dual and (pair := last_two_persons(doc, i, rng)):
        return Roles(pair, after)  # `«A» و«B»، التقيا`: the two of them
    if before:
        return Roles(before, after)
    if relative:
        antecedent_arg = relative_antecedent(doc, i - 1, rng)
        if antecedent_arg is not None:
            return Roles([antecedent_arg], after)  # `... لانغلي، الذي يقوم بزيارة`: the relative's antecedent
        # `الاتفاقية التي أبرمت بين العراق والتحالف`: a clause that describes a thing names no
        # new engagement of states; a person named in it still may act (`التي وقّعها X`)
        return Roles([], [a for a in after if a[0].kind == ActorKind.PERSON])
    if not after:
        if trig.form.endswith(DUAL_ENDINGS) and etype in PAIRWISE:
            pair = last_two_persons(doc, i, rng)
            if pair:
                return Roles(pair, [])
        return Roles().continuing(c.antecedent(), [])
    marked = after[0][3] in (WITH, "ب") or has_b_clitic(tokens, after[0][0])
    same_sentence_ante = c.same_sentence_antecedent()
    carried = (
        same_sentence_ante is not None
        and same_sentence_ante.subject.kind == ActorKind.PERSON
        and (trig.conj or c.word_before() in CARRY_WORDS)
        and (len(after) == 1 or is_coordinated(doc, after[1][0]))
    )
    if carried:
        # `وصل X ...، حيث التقى A وB`: X met A and X met B
        return Roles().continuing(same_sentence_ante, after)
    if marked or (
        len(after) == 1 and same_sentence_ante is not None and etype in PAIRWISE | {EngagementType.MEETING}
    ):
        roles = Roles().continuing(same_sentence_ante or c.antecedent(), after)
        if (
            not roles.subjects
            and c.word_before() == "و"
            and (lead := _sentence_lead(doc, rng, i)) is not None
        ):
            roles.subjects = [lead]  # `كما تفقد X ...، ثم توجه إلى أربيل و إلتقى فيها مع Y`
        return roles
    return vso_roles(c, after)


def _sentence_lead(doc: Doc, rng: range, i: int) -> Mention | None:
    """The first person named in the sentence before `i`: the subject of its coordinated verbs."""
    return next(
        (
            doc.mention_at[k]
            for k in range(rng.start, i)
            if k in doc.mention_at
            and doc.mention_at[k].kind == ActorKind.PERSON
            and not doc.mention_at[k].embedded
        ),
        None,
    )


def vso_roles(c: Clause, after: list[Arg]) -> Roles:
    """Verb, subject, object: the first party, and those joined to it by `و` ahead of a party
    that is not (`استقبل A، وB، الخميس، C`: A and B received C)."""
    subjects = [after[0][0]]
    rest = after[1:]
    while len(rest) >= 2 and is_coordinated(c.doc, rest[0][0]) and not is_coordinated(c.doc, rest[-1][0]):
        subjects.append(rest.pop(0)[0])
    return Roles(subjects, rest)


def noun_roles(c: Clause, after: list[Arg]) -> Roles:
    """A verbal noun's doer: its possessor, the agent after it, or the subject of its sentence."""
    doc, rng, i, trig = c.doc, c.rng, c.i, c.trig
    tokens = doc.tokens
    etype = trig.type
    if etype in PAIRWISE and any(tokens[k].n == BETWEEN for k in range(i + 1, min(i + 5, c.next_boundary))):
        return Roles([], list(after))
    if not trig.verb and trig.form in POSSESSIVE_FORMS:
        return possessor_roles(c, after)
    if etype in PAIRWISE and b_clitic_noun(tokens[i]) and (ante := previous_arg(doc, i, rng, etype)):
        return Roles([ante], [a for a in after if a[0] is not ante])  # `استهل X زيارته بلقاء Y`: X met Y
    if etype in (EngagementType.ARMS_TRANSFER, EngagementType.TRAINING):
        # `بدأت روسيا تسليم ...`, `روسيا بدأت تدريب ...`: the doer of the light verb
        light = light_verb_subjects(doc, i, rng, etype)
        if not light and c.word_before() in LIGHT_VERBS:
            light = subject_before(doc, i - 1, rng, etype)
        return Roles(light, [a for a in after if all(a[0] is not m for m in light)])
    if etype in PAIRWISE or etype == EngagementType.VISIT:
        light = light_verb_subjects(doc, i, rng, etype)
        if light:
            return Roles(light, [a for a in after if all(a[0] is not m for m in light)], named=True)
    if etype in PAIRWISE and _for_purpose(doc, i, rng):
        # `وصل X ...، بهدف لقاء Y`, `للقاء Y`: what the sentence's subject came to do
        roles = Roles().continuing(c.same_sentence_antecedent() or c.antecedent(), after)
        roles.invited = True
        return roles
    agent = agent_after(doc, i, c.next_boundary, etype, light=c.word_before() in LIGHT_VERBS)
    if agent is not None:
        return Roles([agent], [a for a in after if a[0] is not agent], named=True)
    if trig.conj and etype in PAIRWISE:
        same = c.same_sentence_antecedent()
        return Roles().continuing(same, after) if same is not None else Roles([], after)
    if etype in PAIRWISE:
        prev = previous_arg(doc, i, rng, etype)
        if prev is None and after and after[0][3] == WITH:
            # `جاء ذلك خلال مؤتمر صحفي مشترك مع Y`: the one the text is about met Y
            roles = Roles().continuing(c.antecedent(), after)
            if not roles.subjects and (speaker := _that_came(doc, c.s)) is not None:
                roles.subjects = [speaker]  # `كشف X عن ... . جاء ذلك خلال`: X, who said it
            return roles
        return Roles([prev] if prev is not None else [], after)
    if etype == EngagementType.VISIT:
        invited = invited_visitor(doc, i, rng)
        if invited is not None:
            return Roles([invited], [], invited=True)
        if in_visit_phrase(doc, i, rng):
            visitor = previous_arg(doc, i, rng, etype)
            if visitor is not None and visitor.kind == ActorKind.PERSON:
                return Roles([visitor], [])  # `وصل X إلى بيروت في زيارة رسمية`
        if c.word_before() in _SEQUENCE_WORDS and (same := c.same_sentence_antecedent()) is not None:
            roles = Roles().continuing(same, [])  # `زار X بغداد عقب زيارتين إلى لبنان وسوريا`
            roles.other_trip = True
            return roles
        return Roles()
    if etype == EngagementType.ATTACK:
        attacker = previous_arg(doc, i, rng, etype)
        if attacker is not None and attack_light_verb(doc, attacker, i, rng):
            return Roles([attacker], after)  # `شنّ الحرس الثوري هجوماً`, `وكان X قد شنّ هجوماً`
        return Roles([], after)
    return Roles()


_SEQUENCE_WORDS = frozenset(normalize(w) for w in "عقب وعقب بعد وبعد قبل وقبل إثر اثر".split())
_PURPOSE_WORDS = frozenset(normalize(w) for w in "بهدف لهدف بغرض بغية لأجل".split())


def _for_purpose(doc: Doc, i: int, rng: range) -> bool:
    """A meeting noun after `بهدف`, `بغرض`, or with `ل` attached (`للقاء`): a purpose."""
    tok = doc.tokens[i].n
    if tok.startswith("لل") and tok[1:] in lx.TRIGGERS:
        return True
    return i - 1 >= rng.start and doc.tokens[i - 1].n in _PURPOSE_WORDS


_CAME = frozenset(normalize(w) for w in "جاء وجاء جاءت وجاءت".split())


def _that_came(doc: Doc, s: int) -> Mention | None:
    """`جاء ذلك خلال ...`: the sentence tells where the one before was said; its speaker is the
    first person named in that sentence."""
    rng = doc.sentence_tokens(s)
    words = [doc.tokens[k].n for k in rng if doc.tokens[k].kind == "w"][:2]
    if s == 0 or len(words) < 2 or words[0] not in _CAME or words[1] not in lx.DEMONSTRATIVES:
        return None
    before = doc.sentence_tokens(s - 1)
    return next(
        (
            doc.mention_at[k]
            for k in before
            if k in doc.mention_at and doc.mention_at[k].kind == ActorKind.PERSON
        ),
        None,
    )


def possessor_roles(c: Clause, after: list[Arg]) -> Roles:
    """`لقائه`, `زيارته`: the possessor is the subject of the sentence, or the party before."""
    ante = previous_arg(c.doc, c.i, c.rng, c.trig.type)
    same = c.same_sentence_antecedent()
    if same is not None:
        return Roles().continuing(same, after)
    if ante is not None:
        return Roles([ante], after)
    if (late := fronted_subject(c.doc, c.i, c.rng)) is not None:
        return Roles([late], after)  # `وخلال لقائه مع X، أكد Y ...`: Y met X
    return Roles().continuing(c.antecedent(), after)


def setting(c: Clause, roles: Roles) -> tuple[str | None, DateMention | None, bool]:
    """Where and when the trigger's engagement happened, and whether it is planned."""
    doc, rng, i, etype = c.doc, c.rng, c.i, c.trig.type
    planned = roles.invited or is_planned(doc, i, rng, c.prev_boundary)
    # where it happened is named near the trigger and its parties, not in the topic after them
    # (`بحثا الأوضاع في غزة`); a phone call has no venue
    reach = skip_words(
        doc,
        max([i] + [m.last for m in roles.subjects if m is not None] + [o[0].last for o in roles.objects]),
        6 if etype == EngagementType.VISIT else 4,
    )
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
        return Candidate(
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


def visit_frames(f: Frame) -> list[Candidate]:
    """The visitor and the place; visiting a person named right after the verb is meeting them."""
    c, subject = f.clause, f.subject
    doc, tokens, i, rng = c.doc, c.doc.tokens, c.i, c.rng
    if subject is None:
        return []
    if f.location is None and i + 1 < rng.stop and tokens[i + 1].n in lx.HOST_COUNTRY_WORDS:
        # `يزور المملكة حالياً`: the dateline's place, or the host country as written
        f.location = first_dateline(doc) or doc.text[tokens[i + 1].start : tokens[i + 1].end]
    visit = f.make([(subject, Role.VISITOR)])
    # a visit to a place not in the gazetteer (`زار مطار حميميم`, `وصل إلى مدينة دياربكر`) is
    # still one; `وصل` and `انتقل` say so only with `إلى` (not `وصلت المحادثات إلى طريق مسدود`)
    # a visit noun with no place needs its doer named with it (`زيارة مدفيديف المرتقبة`, `قام X
    # بزيارة`), not only a possessor (`خلافاً لزياراته السابقة`)
    toward = _toward(doc, i, c.next_boundary)
    placeless = toward if _arrival(c.trig) else c.trig.verb or f.roles.named or toward
    visit.emit = f.location is not None or placeless
    visit.tour_stop = f.roles.other_trip
    visits = [visit, *_more_stops(f, visit), *_companions(f, visit)]
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


def _more_stops(f: Frame, visit: Candidate) -> list[Candidate]:
    """`زيارتين إلى لبنان وسوريا`: one visit to each place joined to the first by `و`."""
    doc = f.clause.doc
    first = next(
        (
            m
            for m in doc.geo_between(f.clause.i, f.clause.next_boundary)
            if doc.text[m.start : m.end] == f.location
        ),
        None,
    )
    out: list[Candidate] = []
    while (
        first is not None
        and (nxt := doc.geo_at.get(first.last + 1)) is not None
        and doc.tokens[nxt.first].n[:1] == "و"
    ):
        stop = f.make(list(visit.participants))
        stop.location = doc.text[nxt.start : nxt.end]
        stop.emit, stop.tour_stop, visit.tour_stop = visit.emit, True, True
        out.append(stop)
        first = nxt
    return out


_COMPANION_WORDS = frozenset(
    normalize(w) for w in "يرافقه يرافقها ويرافقه ويرافقها رافقه رافقها ورافقه ورافقها".split()
)


def _companions(f: Frame, visit: Candidate) -> list[Candidate]:
    """`تصل X إلى بيروت، يرافقها Y`: whoever goes along makes the same visit."""
    doc, rng = f.clause.doc, f.clause.rng
    k = next((q for q in range(f.clause.i + 1, rng.stop) if doc.tokens[q].n in _COMPANION_WORDS), None)
    if k is None:
        return []
    m = next((doc.inside[q] for q in range(k + 1, min(k + 3, rng.stop)) if doc.inside[q] is not None), None)
    if m is None or m.kind != ActorKind.PERSON or m.actor == visit.participants[0][0].actor:
        return []
    along = f.make([(m, Role.VISITOR)])
    along.emit = visit.emit
    return [along]


_ARRIVAL_STEMS = ("وصل", "يصل", "تصل", "سيصل", "ستصل", "انتقل")
_TOWARD = frozenset(normalize(w) for w in "إلى الى".split())


def _arrival(trig: Trigger) -> bool:
    return trig.form.startswith(_ARRIVAL_STEMS)


def _toward(doc: Doc, i: int, stop: int) -> bool:
    """`إلى` after the verb, before another clause, or `ل` on a definite place (`زيارته للمملكة`):
    the visit names where it goes."""
    if any(doc.tokens[k].n in _TOWARD for k in range(i + 1, min(i + 12, stop))):
        return True
    return any(doc.tokens[k].n.startswith("لل") for k in range(i + 1, min(i + 3, stop)))


def statement_frames(f: Frame) -> list[Candidate]:
    subject = f.subject
    if subject is None or subject.kind != ActorKind.PERSON:
        return []
    statement = f.make([(subject, Role.INITIATOR)])
    statement.location = dateline_place(
        f.clause.doc, f.clause.rng
    )  # a place inside what was said is not where
    return [statement]


def pairwise_frames(f: Frame) -> list[Candidate]:
    """A meeting, talks, a call or an agreement: the subject with each object, one each."""
    c, subject, subjects = f.clause, f.subject, f.roles.subjects
    etype = c.trig.type
    objs = [
        o
        for o in f.roles.objects
        if o[0].kind != ActorKind.STATE or etype == EngagementType.AGREEMENT or o[3] == BETWEEN
    ]
    if (
        subject is not None
        and subject.kind == ActorKind.PERSON
        and any(o[0].kind == ActorKind.PERSON for o in objs)
    ):
        objs = [o for o in objs if o[0].kind == ActorKind.PERSON]
    elif subject is not None and subject.kind == ActorKind.PERSON:
        # `خلال اجتماع مع أعضاء مجلس الأمن القومي`: a body met as such
        objs = [o for o in objs if o[0].kind == ActorKind.ORGANIZATION and o[3] in (WITH, "ب")]
    host = c.trig.form.startswith(("استقبل", "يستقبل", "سيستقبل", "استقبال"))
    if subject is not None and len(subjects) >= 2 and not objs:
        parts = [(m, Role.PARTICIPANT) for m in unique_mentions(subjects)]
        return [f.make(parts)] if len(parts) >= 2 else []
    if subject is None:
        if objs and objs[0][3] == WITH:
            return []  # `اجتمع مع كل من A و B` with no one found to have met them
        if any(o[0].kind == ActorKind.PERSON for o in objs):
            objs = [o for o in objs if o[0].kind == ActorKind.PERSON]
        parts = unique_parts([(o[0], Role.PARTICIPANT) for o in objs])
        return [f.make(parts)] if len(parts) >= 2 else []
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
        results.append(f.make(unique_parts(parts), date))
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
    parties += [
        o[0]
        for o in f.roles.objects
        if o[0].kind != ActorKind.STATE
        or stands_alone(doc, o[0], i)
        or transfer
        and receives_or_gives(doc, o[0])
    ]
    attacker = demonym_state(doc, i, c.next_boundary) if c.trig.type == EngagementType.ATTACK else None
    parts = unique_parts([(m, Role.PARTICIPANT) for m in parties])
    if attacker is not None and all(p[0].actor != attacker for p in parts):
        parts.insert(0, (pseudo_mention(attacker, i), Role.INITIATOR))
    if transfer and len(parts) < 2:
        # `صفقة الأسلحة الروسية للعراق`, `العسكريين الروس ... تدريب الخبراء السوريين`
        sides = [
            (pseudo_mention(state, i), Role.PARTICIPANT) for state in nationalities(doc, i, c.next_boundary)
        ]
        parts = unique_parts(parts + sides)
    if len(parts) < 2:
        return []
    return [f.make(parts)]
