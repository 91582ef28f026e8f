"""Who does it and to whom: the roles of one trigger in its clause. A verb's subject before it
(SVO), after it (VSO) or carried from the clause before; a verbal noun's possessor, its agent,
or the subject of its sentence; objects after `مع`, `ب`, `بين` and in lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.announced_acts import announcer
from analysis.extraction.arguments import (
    BETWEEN_VERB_AND_SUBJECT,
    CARRY_WORDS,
    agent_after,
    antecedent_candidate,
    b_clitic_noun,
    escorted,
    fronted_subject,
    has_b_clitic,
    is_coordinated,
    last_two_persons,
    light_verb_subjects,
    marker_soon,
    previous_arg,
    relative_antecedent,
    reported_subject,
    subject_before,
    unnamed_subject_first,
)
from analysis.extraction.attack_agents import described_attack, relative_attacker
from analysis.extraction.body_members import sending_body
from analysis.extraction.counterpart_objects import counterpart_after_title
from analysis.extraction.delegations import delegation_head, delegation_subject, visit_subject
from analysis.extraction.frame_doc import (
    BETWEEN,
    COMMAS,
    DUAL_ENDINGS,
    LEADING_WORDS,
    LIGHT_VERBS,
    PAIRWISE,
    POSSESSIVE_FORMS,
    QUOTE_MARKS,
    WITH,
    Candidate,
    Doc,
    Trigger,
    trigger_at,
)
from analysis.extraction.joint_exercises import joint_holder
from analysis.extraction.noun_doers import (
    COMPLEMENTIZERS,
    SEQUENCE_WORDS,
    dual_doers,
    for_purpose,
    that_came,
)
from analysis.extraction.paired_states import paired_subject_after, paired_subject_before
from analysis.extraction.party_lists import attack_light_verb, in_visit_phrase, invited_visitor
from analysis.extraction.results import ActorKind, EngagementType, Role
from analysis.extraction.sellers import approver, purchase_sides
from analysis.extraction.set_off_verbs import subject_before_aside, word_before_aside
from analysis.extraction.visit_possessors import received_on_arrival, relative_clause_possessor

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


def verb_roles(c: Clause, after: list[Arg]) -> Roles:
    """A verb's subject before it (SVO), after it (VSO), or carried from the clause before."""
    doc, rng, i, trig = c.doc, c.rng, c.i, c.trig
    tokens = doc.tokens
    etype = trig.type
    relative = c.word_before() in lx.RELATIVES
    if etype == EngagementType.ATTACK and (told := described_attack(doc, i, rng, c.in_sentence)) is not None:
        roles = Roles().continuing(told, after)  # `نفذت X غارة جوية استهدفت مواقع لـY`: X struck Y
        roles.named = True
        return roles
    before = [] if relative else subject_before(doc, i, rng, etype)
    before = visit_subject(doc, i, rng, before) if etype == EngagementType.VISIT else before
    if not before and etype == EngagementType.VISIT and delegation_subject(doc, i, rng):
        # `وصل الوفد الأمني إلى غزة`: the delegation's head, named anywhere, or no one
        head = delegation_head(doc) or sending_body(doc, i, rng, after)  # `وصل وفد من حركة حماس`
        return Roles([head] if head is not None else [], [a for a in after if a[0] is not head])
    if not before and (reported := reported_subject(doc, i, rng, etype)) is not None:
        before = [reported]
    if not before and not relative and etype in PAIRWISE:
        # `وزيرا الدفاع التركي والسوري وقّعا`, `وقّع الجانبان العراقي والتركي`: the two states
        before = paired_subject_before(doc, i, rng) or paired_subject_after(doc, i, rng)
    if not before and not relative and (tokens[i].n[:1] == "ف" and trig.conj or c.word_before() in _SO_WORDS):
        # `وواصل X جولته، فزار A`, `التقى X مسؤولين، فقد استقبل A`: the ف-clause keeps the sentence's subject
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
    if not marked and _list_opens(doc, i, after[0][0]):
        # `كما وصل كل من A، وB، وC`: `كل من` after a verb lists its subjects, every one
        return _listed_subjects(doc, after, c.next_boundary)
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
    if not marked and _subject_before_marker(doc, i, after[0][0]):
        return vso_roles(c, after)  # `في وقت التقى فيه X بالمسؤولين`: X is the one who met
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


_SO_WORDS = frozenset(normalize(w) for w in "فقد فلقد".split())
_EACH, _OF = normalize("كل"), normalize("من")


def _list_opens(doc: Doc, i: int, m: Mention) -> bool:
    """`كل من` (each of) between the verb and its first party, past times and commas: the
    nominative list that follows is the verb's subject (`وصل كل من A وB`), not its object."""
    words = [
        doc.tokens[k].n
        for k in range(i + 1, m.first)
        if doc.tokens[k].kind == "w"
        and not doc.in_date[k]
        and doc.tokens[k].n not in BETWEEN_VERB_AND_SUBJECT
    ]
    return words == [_EACH, _OF]


def _listed_subjects(doc: Doc, after: list[Arg], stop: int) -> Roles:
    """The persons of the list, each joined by `و` (past its title: `، وآمر غرفة العمليات B`),
    are the subjects; the parties after the list, the objects."""
    members = [after[0][0]]
    k = members[-1].last + 1
    while k < stop:
        while (
            k < stop
            and doc.tokens[k].kind == "p"
            and (doc.tokens[k].text in COMMAS or doc.tokens[k].text in QUOTE_MARKS)
        ):
            k += 1
        m = _next_member(doc, k, stop)
        if m is None:
            break
        members.append(m)
        k = m.last + 1
    return Roles(members, [a for a in after if a[0].first > members[-1].last])


def _next_to(doc: Doc, prev: Mention, m: Mention) -> bool:
    """`m` is joined by `و` to `prev` with nothing but a comma between (`A، وB`, `A و B`)."""
    between = range(prev.last + 1, m.first)
    if any(doc.tokens[k].kind == "w" and doc.tokens[k].n != "و" for k in between):
        return False
    if any(doc.tokens[k].kind == "p" and doc.tokens[k].text not in COMMAS for k in between):
        return False
    return is_coordinated(doc, m)


_LIST_GAP = 6  # words of a title before a list member's mention (`وآمر غرفة العمليات المشتركة B`)


def _next_member(doc: Doc, k: int, stop: int) -> Mention | None:
    """The person at `k` joined by `و`, or after a title that opens with `و`, else None."""
    if k >= stop or doc.tokens[k].kind != "w" or doc.tokens[k].n[:1] != "و":
        return None
    for q in range(k, min(stop, k + _LIST_GAP + 1)):
        m = doc.inside[q]
        if m is not None:
            return m if m.kind == ActorKind.PERSON and not m.embedded else None
        tok = doc.tokens[q]
        if tok.kind == "p" and tok.text not in QUOTE_MARKS or (hit := trigger_at(tok)) is not None and hit[1]:
            return None
    return None


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


_LATTER = frozenset(normalize(w) for w in "الأخير الاخير الأخيرة الاخيرة".split())


def _the_latter(doc: Doc, rng: range, i: int) -> Mention | None:
    """`الأخير` (the latter) before `i` in the sentence: the last person named before it."""
    word = next((k for k in range(i - 1, rng.start - 1, -1) if doc.tokens[k].n in _LATTER), None)
    if word is None:
        return None
    return next(
        (
            doc.mention_at[k]
            for k in range(word - 1, max(rng.start - 1, word - 60), -1)
            if k in doc.mention_at
            and doc.mention_at[k].kind == ActorKind.PERSON
            and not doc.mention_at[k].embedded
        ),
        None,
    )


def _subject_before_marker(doc: Doc, i: int, m: Mention) -> bool:
    """A party right after the verb, itself followed by `مع` or `ب` (`التقى X بالمسؤولين`,
    `اجتمع X مع Y`): the verb's own subject, not an object of a pro-drop clause."""
    words = [k for k in range(i + 1, m.first) if doc.tokens[k].kind == "w"]
    if len(words) > 1 or any(doc.inside[k] is not None for k in words):
        return False
    nxt = m.last + 1
    if nxt >= len(doc.tokens) or doc.inside[nxt] is not None and doc.inside[nxt] is not m:
        return False
    word = doc.tokens[nxt].n
    return word == WITH or (word.startswith("ب") and len(word) > 3 and word[1:] not in LEADING_WORDS)


def vso_roles(c: Clause, after: list[Arg]) -> Roles:
    """Verb, subject, object: the first party, and those joined to it by `و` ahead of a party
    that is not (`استقبل A، وB، الخميس، C`: A and B received C); none when a noun that names no
    actor comes first (`ووصل عدد القتلى في الهجوم الذي نفذه X`: the number arrived, not X)."""
    if unnamed_subject_first(c.doc, c.i, after[0][0]):
        return Roles([], after)  # `قصفت طائرات أمريكية مقراً لـX`: X is hit, not the one who hit
    if counterpart_after_title(c.doc, c.i, after[0][0]):
        return Roles().continuing(c.antecedent(), after)  # `كما التقى وزير الخارجية المصري نظيرته X`
    subjects = [after[0][0]]
    rest = after[1:]
    while len(rest) >= 2 and is_coordinated(c.doc, rest[0][0]) and not is_coordinated(c.doc, rest[-1][0]):
        subjects.append(rest.pop(0)[0])
    if c.trig.type == EngagementType.VISIT:
        # `وصل A وB إلى القاهرة`: one visits a person without `و` (`زار X البطريرك`), so a
        # party joined by `و` right after a visitor is one more visitor, not the one visited (not
        # `وصل A إلى المطار ووزير الدفاع B في استقباله`: B is named after the place)
        while rest and rest[0][0].kind == ActorKind.PERSON and _next_to(c.doc, subjects[-1], rest[0][0]):
            subjects.append(rest.pop(0)[0])
    return Roles(subjects, rest)


def noun_roles(c: Clause, after: list[Arg]) -> Roles:
    """A verbal noun's doer: its possessor, the agent after it, or the subject of its sentence."""
    doc, rng, i, trig = c.doc, c.rng, c.i, c.trig
    tokens = doc.tokens
    etype = trig.type
    if etype in PAIRWISE and marker_soon(doc, i, c.next_boundary, (BETWEEN,), 6):
        return Roles([], list(after))
    if not trig.verb and trig.form in POSSESSIVE_FORMS:
        return possessor_roles(c, after)
    if etype in PAIRWISE and b_clitic_noun(tokens[i]) and (ante := previous_arg(doc, i, rng, etype)):
        return Roles([ante], [a for a in after if a[0] is not ante])  # `استهل X زيارته بلقاء Y`: X met Y
    if etype in (EngagementType.ARMS_TRANSFER, EngagementType.TRAINING):
        light = light_verb_subjects(doc, i, rng, etype)  # `بدأت روسيا تسليم`, `روسيا بدأت تدريب`
        verb = i - 1 if c.word_before() in LIGHT_VERBS else word_before_aside(doc, i, rng, LIGHT_VERBS)
        if not light and verb is not None:  # `X ستقوم، في وقت قريب، بتوريد`: past the aside too
            light = subject_before_aside(doc, verb, rng, etype)
        if not light and (said := announcer(doc, i, rng)) is not None:
            light = [said]  # `أعلن الجيش X عن انطلاق التدريب المشترك مع Y`: the announcer trains
        if not light and etype == EngagementType.TRAINING:
            light = joint_holder(doc, i, rng, c.next_boundary)  # `أعلن X عن مناورات مشتركة مع Y`
        if not light and etype == EngagementType.ARMS_TRANSFER:  # `وافقت X على بيع`, `تخطط القاهرة لشراء`
            light = approver(doc, i, rng, etype) or purchase_sides(doc, i, rng, c.in_sentence)
        return Roles(light, [a for a in after if all(a[0] is not m for m in light)])
    if etype in PAIRWISE or etype == EngagementType.VISIT:
        light = light_verb_subjects(doc, i, rng, etype)
        if light:
            return Roles(light, [a for a in after if all(a[0] is not m for m in light)], named=True)
    if etype in PAIRWISE and for_purpose(doc, i, rng):
        # `وصل X ...، بهدف لقاء Y`, `للقاء Y`: what the sentence's subject came to do
        roles = Roles().continuing(c.same_sentence_antecedent() or c.antecedent(), after)
        if not c.in_sentence and (lead := _sentence_lead(doc, rng, i)) is not None:
            # `توجه X إلى طهران للقاء Y`: the one who set out, named in the sentence
            roles = Roles([lead], [a for a in after if a[0] is not lead])
        if (latter := _the_latter(doc, rng, i)) is not None:
            # `انتهت المحادثات بين A وB، وتوجه الأخير ... للقاء Y`: B, the last one named, set out
            roles = Roles([latter], [a for a in after if a[0] is not latter])
        roles.invited = True
        return roles
    agent = agent_after(doc, i, c.next_boundary, etype, light=c.word_before() in LIGHT_VERBS)
    if agent is not None:
        return Roles([agent], [a for a in after if a[0] is not agent], named=True)
    if trig.conj and etype in PAIRWISE:
        same = c.same_sentence_antecedent()
        return Roles().continuing(same, after) if same is not None else Roles([], after)
    if etype in PAIRWISE and (pair := dual_doers(doc, i, rng)) is not None:
        return Roles(pair, [a for a in after if all(a[0] is not m for m in pair)])
    if etype in PAIRWISE:
        prev = previous_arg(doc, i, rng, etype)
        if prev is not None and any(doc.tokens[k].n in COMPLEMENTIZERS for k in range(prev.last + 1, i)):
            prev = None  # `أعلن X أن القمة ستضم A وB`: the speaker tells of it, he is no party
        if prev is None and after and after[0][3] == WITH:
            # `جاء ذلك خلال مؤتمر صحفي مشترك مع Y`: the one the text is about met Y
            roles = Roles().continuing(c.antecedent(), after)
            if not roles.subjects and (speaker := that_came(doc, c.s)) is not None:
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
        if c.word_before() in SEQUENCE_WORDS and (same := c.same_sentence_antecedent()) is not None:
            roles = Roles().continuing(same, [])  # `زار X بغداد عقب زيارتين إلى لبنان وسوريا`
            roles.other_trip = True
            return roles
        if c.word_before() in SEQUENCE_WORDS and (lead := _sentence_lead(doc, rng, i)) is not None:
            return Roles([lead], [])  # `وعاد X إلى بغداد بعد زيارة إلى واشنطن`: X made it
        return Roles()
    if etype == EngagementType.ATTACK:
        if (named := relative_attacker(doc, i, c.next_boundary)) is not None:
            return Roles([named], [a for a in after if a[0] is not named], named=True)
        attacker = previous_arg(doc, i, rng, etype, bodies=True)
        if attacker is not None and attack_light_verb(doc, attacker, i, rng):
            return Roles([attacker], after)  # `شنّ الحرس الثوري هجوماً`, `وكان X قد شنّ هجوماً`
        return Roles([], after)
    return Roles()


def possessor_roles(c: Clause, after: list[Arg]) -> Roles:
    """`لقائه`, `زيارته`: the possessor is the subject of the sentence, or the party before."""
    if (speaker := _reported_speaker(c.doc, c.i, c.rng)) is not None:
        return Roles([speaker], after)
    ante = previous_arg(c.doc, c.i, c.rng, c.trig.type)
    if (
        c.trig.type == EngagementType.VISIT
        and (told := relative_clause_possessor(c.doc, c.i, c.rng)) is not None
    ):
        return Roles([told], after)  # `التقى X Y الذي أطلعه على نتائج زيارته`: Y made the visit
    same = c.same_sentence_antecedent()
    if (
        same is not None
        and c.trig.type == EngagementType.VISIT
        and (guest := _last_guest(c.doc, same)) is not None
    ):
        return Roles([guest], after)  # `استقبل X Y ... بمناسبة زيارته`: the guest visits, not the host
    if same is not None:
        return Roles().continuing(same, after)
    if ante is not None:
        return Roles([ante], after)
    if c.trig.type == EngagementType.VISIT and (guest := received_on_arrival(c.doc, c.i, c.rng)) is not None:
        return Roles([guest], after)  # `ولدى وصوله ...، استقبل X Y`: Y came, X received him
    if (late := fronted_subject(c.doc, c.i, c.rng)) is not None:
        return Roles([late], after)  # `وخلال لقائه مع X، أكد Y ...`: Y met X
    return Roles().continuing(c.antecedent(), after)


_THAT = frozenset(normalize(w) for w in "أن إن".split())


def _last_guest(doc: Doc, cand: Candidate) -> Mention | None:
    """The guest of a reception, or the one met who came with a delegation (`التقى A، B والوفد
    المرافق له، خلال زيارته`: B is the visitor)."""
    guests = [m for m, role in cand.participants if role == Role.GUEST]
    if not guests:
        guests = [m for m, _ in cand.participants[1:] if escorted(doc, m)]
    return guests[-1] if guests else None


def _reported_speaker(doc: Doc, i: int, rng: range) -> Mention | None:
    """`كشف X أن ... ، وفيما أكد أن مباحثاته مع Y`: a possessor right after a speech verb's
    `أن`, the verb with no subject of its own, is the speaker, the person the sentence is about."""
    k, v = i - 1, i - 2
    if v < rng.start or doc.tokens[k].n not in _THAT or doc.inside[v] is not None:
        return None
    if not any(f in lx.SPEECH_VERBS for f in _forms(doc.tokens[v].n)):
        return None
    before = doc.inside[v - 1] if v - 1 >= rng.start else None
    if before is not None and before.kind == ActorKind.PERSON and not before.embedded:
        return before  # `وقال Y إن X أكد أن زيارته ...`: X, named right before the verb
    return _sentence_lead(doc, rng, v)
