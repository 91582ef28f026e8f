"""Arguments of a trigger inside its clause: the subject before a verb or after it, objects
after it (`مع`, `ب`, `بين`, lists), the agent of a verbal noun, a relative's antecedent,
and the comma-bounded adverbials skipped on the way."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token, _forms
from analysis.extraction.frame_doc import (
    AGENT_SKIP,
    ATTENDANCE,
    AUXILIARIES,
    BETWEEN,
    COMMAS,
    LEADING_WORDS,
    LIGHT_VERBS,
    PARTY_PREPOSITIONS,
    PLACE_PREPS,
    PURPOSE_WORDS,
    QUOTE_MARKS,
    WITH,
    Candidate,
    Doc,
    is_arg,
    place_before,
    trigger_at,
)
from analysis.extraction.generic_bodies import PERSONNEL, is_generic_body
from analysis.extraction.results import ActorKind, EngagementType

_MILITARY_ADJECTIVES = frozenset(normalize(w) for w in "العسكرية العسكري".split())


def definite_trigger_is_new(doc: Doc, i: int, rng: range, after_visit: bool, *, first: bool = False) -> bool:
    """A definite trigger noun usually refers back (`اللقاء`, `الزيارة`); it opens a new
    engagement after a light verb (`كرر الزيارة`), before `التي قام بها`, or as
    `والاجتماع مع` after a visit in the same sentence."""
    tokens = doc.tokens
    if after_visit:
        return True
    if i - 1 >= rng.start and (tokens[i - 1].n in LIGHT_VERBS or tokens[i - 1].n in PURPOSE_WORDS):
        return True  # `كرر الزيارة`, `لغرض التدريب`
    if i - 2 >= rng.start and tokens[i - 1].n == "من" and tokens[i - 2].n in lx.SERIES_HEADS:
        return True  # `عددا من الاجتماعات مع`, `سلسلة من اللقاءات`: counted, so new ones
    nxt = [tokens[k].n for k in range(i + 1, min(i + 4, rng.stop))]
    if (trigger_at(tokens[i]) or (None,))[0] == EngagementType.TRAINING and lx.JOINT_WORDS & set(nxt):
        return True  # `المناورات المصرية السعودية المشتركة`: an exercise said joint is told as new
    if nxt and nxt[0] in _MILITARY_ADJECTIVES:
        nxt = nxt[1:]  # `العملية العسكرية التي تقوم بها`
    if len(nxt) >= 2 and all(n in lx.DEMONYM_FORMS for n in nxt[:2]):
        return True  # `المناورات العسكرية الأمريكية المغربية`: its two sides, by their adjectives
    if (
        len(nxt) >= 2
        and nxt[0] in ("التي", "الذي")
        and nxt[1].startswith(("قام", "اجر", "جر", "تقوم", "يقوم"))
    ):
        return True
    # `المفاوضات الجارية في جنيف بين إيران وفرنسا`, and as the sentence's first engagement
    # `تنحصر مهامها في الاجتماع، الأحد، مع اللجنة`: an engagement that names its own parties
    if any(tokens[k].n in ATTENDANCE for k in range(max(rng.start, i - 25), i)):
        return True  # `بحضور A وB جرى ... في ختام المباحثات التوقيع`: told with its attendees
    markers = (BETWEEN, WITH) if first else (BETWEEN,)
    return marker_soon(doc, i, rng.stop, markers, 5, named=True)


def marker_soon(
    doc: Doc, i: int, stop: int, markers: tuple[str, ...], reach: int, *, named: bool = False
) -> bool:
    """One of `markers` (`بين`, `مع`) within `reach` tokens after the noun at `i`, not counting its
    day and its place (`التوقيع على الاتفاقية اليوم الأربعاء في الرباط بين A وB`); with `named`,
    a party named right after it."""
    counted = 0
    for k in range(i + 1, stop):
        m = doc.inside[k]
        if doc.in_date[k] or m is not None and m.kind in (ActorKind.STATE, ActorKind.PLACE):
            continue
        if doc.tokens[k].n in markers and (not named or k + 1 < stop and doc.inside[k + 1] is not None):
            return True
        counted += 1
        if counted >= reach:
            return False
    return False


CARRY_WORDS = frozenset(normalize(w) for w in "حيث ثم وثم كما".split())


def is_coordinated(doc: Doc, m: Mention) -> bool:
    """The mention is joined to the one before it by `و` (`ورئيس ...`, `و محمد`)."""
    tok = doc.tokens[m.first]
    if tok.n[:1] == "و" and len(tok.n) > 3 and any(f != tok.n for f in _forms(tok.n)):
        return True
    k = m.first - 1
    while k > 0 and doc.tokens[k].text in QUOTE_MARKS:
        k -= 1  # `و"نتنياهو"`: the name in quotes after the `و`
    return k >= 0 and doc.tokens[k].n == "و"


def is_title_head(tok: Token) -> bool:
    return tok.kind == "w" and any(f in lx.PERSON_TITLE_HEADS for f in _forms(tok.n))


def dual_title(tok: Token) -> bool:
    """`الرئيسان`, `الوزيرين`: a title in the dual, before the two it names."""
    n = tok.n
    return (
        tok.kind == "w"
        and n.endswith(("ان", "ين"))
        and any(f in lx.PERSON_TITLE_HEADS for f in _forms(n[:-2]))
    )


_ATTRIBUTIONS = frozenset(normalize(w) for w in "وفق ووفق وفقا حسب بحسب وبحسب عن نقلا لـ ل".split())


def _bare_verb(tok: Token) -> bool:
    """A verb written without `و`, `ف` or `ل` before it."""
    hit = trigger_at(tok)
    return hit is not None and hit[1] and hit[2] == tok.n


def _named_subject(doc: Doc, m: Mention) -> bool:
    """`إن الدليمي، زار`: a person before a comma is the subject of the verb after it, unless
    the phrase only names a source (`ووفق وكالة الأنباء، استقبل`)."""
    if m.kind != ActorKind.PERSON:
        return False
    return m.first == 0 or doc.tokens[m.first - 1].n not in _ATTRIBUTIONS


def subject_before(doc: Doc, trig_index: int, rng: range, etype: EngagementType) -> list[Mention]:
    """Mentions ending right before a verb (SVO): `... فالح الفياض التقى`, `كوتراشيف والخزعلي ناقشا`."""
    tokens = doc.tokens
    k = trig_index - 1
    while k >= rng.start and (
        (
            tokens[k].kind == "p"
            and (
                tokens[k].text in "()"
                or tokens[k].text in QUOTE_MARKS
                or k == trig_index - 1
                and tokens[k].text in COMMAS
            )
        )
        or (tokens[k].kind == "w" and tokens[k].n in AUXILIARIES)
    ):
        k -= 1  # `وكان فلان قد التقى`, `قائد "فيلق القدس" زار`, `إن الدليمي، زار`
    if k < rng.start:
        return []
    if doc.inside[k] is None or doc.inside[k].kind != ActorKind.PERSON:
        # `«X» قائد «فيلق القدس» التابع لـ«الحرس الثوري» وصل`: the person the title describes
        head = appositive_head(doc, k, rng)
        if head is not None:
            return [head]
    if doc.inside[k] is None:
        return []
    m = doc.inside[k]
    if not is_arg(m, etype):
        return []
    if tokens[trig_index - 1].text in COMMAS and not (
        _named_subject(doc, m) and _bare_verb(tokens[trig_index])
    ):
        return []  # `، والتقى`, `، لبحث`: a clause joined to the sentence's own subject
    out = [m]
    while m.first - 1 >= rng.start and doc.inside[m.first - 1] is not None:
        prev = doc.inside[m.first - 1]
        if prev is m or not is_arg(prev, etype) or not tokens[m.first].n.startswith("و"):
            break
        out.insert(0, prev)
        m = prev
    return out


_TITLE_LINKS = frozenset(normalize(w) for w in "التابع التابعة ل لـ في".split())
_APPOSITION_REACH = 10  # words


def appositive_head(doc: Doc, k: int, rng: range) -> Mention | None:
    """The person right before a title phrase that ends at `k` (`X قائد فيلق القدس التابع
    للحرس الثوري`, `X، رئيس هيئة الأركان`): the phrase describes X, the head of the subject."""
    tokens = doc.tokens
    titled = False
    q, words = k, 0
    while q >= rng.start and words <= _APPOSITION_REACH:
        m = doc.inside[q]
        if m is not None and m.kind == ActorKind.PERSON:
            # the title may be the end of the person's own mention (`X قائد فيلق الشام`)
            return m if titled or tokens[m.last].end > m.end else None
        tok = tokens[q]
        words += tok.kind == "w"
        if (
            m is not None
            or tok.kind == "p"
            and (tok.text in QUOTE_MARKS or tok.text in "()ـ" or tok.text in COMMAS)
        ):
            q -= 1
            continue
        forms = _forms(tok.n)
        if any(f in lx.PERSON_TITLE_HEADS for f in forms):
            titled = True
        elif not (
            tok.n in _TITLE_LINKS
            or any(f in lx.TITLE_WORDS or f.removeprefix("ال") in lx.TITLE_WORDS for f in forms)
        ):
            return None
        q -= 1
    return None


BETWEEN_VERB_AND_SUBJECT = frozenset(
    normalize(w)
    for w in "أمس امس اليوم غدا حاليا قد لقد فيه فيها خلالها خلاله بدوره بدورها أيضا أيضاً كذلك رسميا رسمياً يوم صباح مساء ظهر ليلة فجر".split()
)


def unnamed_subject_first(doc: Doc, i: int, m: Mention) -> bool:
    """The first word after a verb, past times and adverbs, is an indefinite noun that is neither
    a title nor a nationality, the head of a construct (`وصل عدد القتلى في الهجوم الذي نفذه X`,
    `استهدفت أربع غارات منطقة X`): that noun is the verb's subject, not the party named later."""
    start = m.title_first if m.title_first is not None else m.first
    for k in range(i + 1, start):
        tok = doc.tokens[k]
        if tok.kind != "w" or doc.in_date[k] or tok.n in BETWEEN_VERB_AND_SUBJECT or tok.n in AUXILIARIES:
            continue
        if doc.inside[k] is not None or tok.n in PLACE_PREPS or tok.n[:1] == "ب":
            return False  # a place or a prepositional phrase first (`استقبل، في مقر إقامته، X`)
        forms = _forms(tok.n)
        titled = any(
            f in lx.PERSON_TITLE_HEADS or f in lx.TITLE_WORDS or f in lx.DEMONYM_FORMS or f.startswith("ال")
            for f in forms
        )
        return not titled
    return False


_THAT_PRONOUNS = frozenset(
    normalize(w) for w in "أنه أنها انه انها بأنه بأنها بانه بانها أنهم انهم أنهما انهما".split()
)


def reported_subject(doc: Doc, i: int, rng: range, etype: EngagementType) -> Mention | None:
    """`أعلنت موسكو أمس أنها أبرمت ...`, `أكد X أنه التقى ...`: the pronoun after `أن` is the
    subject of the reporting verb, the party named before it."""
    k = i - 1
    while k >= rng.start and (doc.in_date[k] or doc.tokens[k].n in AUXILIARIES):
        k -= 1
    if k < rng.start or doc.tokens[k].n not in _THAT_PRONOUNS:
        return None
    q = k - 1
    while q >= max(rng.start, k - 8):
        m = doc.inside[q]
        if m is not None:
            return m if is_arg(m, etype) else None
        q -= 1
    return recent_lead(doc, rng, k)


_LEAD_REACH = 3  # sentences back to the person a run of pro-drop sentences is about


def recent_lead(doc: Doc, rng: range, i: int) -> Mention | None:
    """The person a pronoun at `i` stands for when its sentence names no one before it
    (`ودعا البارزاني ... . ووصف ...، مؤكداً أنه سيلتقي X`; `امتدح X ... . جاء ذلك لدى لقائه Y`):
    the first person named in the nearest of the three sentences before."""
    if any(doc.inside[q] is not None for q in range(rng.start, i)):
        return None
    s = doc.sent_of_token[rng.start]
    for back in range(s - 1, max(s - 1 - _LEAD_REACH, -1), -1):
        lead = next(
            (
                m
                for k in doc.sentence_tokens(back)
                if (m := doc.inside[k]) is not None and m.kind == ActorKind.PERSON and not m.embedded
            ),
            None,
        )
        if lead is not None:
            return lead
    return None


def previous_arg(
    doc: Doc, before: int, rng: range, etype: EngagementType, *, bodies: bool = False
) -> Mention | None:
    """The nearest party before `before` in the sentence. A generic body (`القوات العراقية`) only
    with `bodies`, where the caller checks it is the trigger's own subject (`شنت القوات X غارات`):
    it is a party only as the subject or object of the trigger, never as a loose antecedent."""
    k = before - 1
    while k >= rng.start:
        m = doc.inside[k]
        if m is not None and not bodies and is_generic_body(m.actor):
            k -= 1
            continue
        if (
            m is not None
            and is_arg(m, etype)
            and m.kind == ActorKind.PERSON
            or (m is not None and m.kind == ActorKind.ORGANIZATION and is_arg(m, etype))
        ):
            return m
        k -= 1
    return None


_TIME_WORDS = frozenset(normalize(w) for w in "اليوم أمس امس غدا غداً حاليا حالياً صباح مساء".split())
_LIST_OPENERS = frozenset(normalize(w) for w in "كل من كلا كلا من".split())


def light_verb_subjects(doc: Doc, i: int, rng: range, etype: EngagementType) -> list[Mention]:
    """The parties between a light verb and its verbal noun: `عقد X ونظيره Y جلسة مباحثات`,
    `بدأ كل من A، وB، وC، اجتماعاً`, `أجرى X، زيارة`, `عقد X والوفد المرافق له في مقر ... اجتماعاً`."""
    tokens = doc.tokens
    v = i - 1
    while v >= max(rng.start, i - 25) and not (doc.inside[v] is None and tokens[v].n in LIGHT_VERBS):
        hit = trigger_at(tokens[v]) if doc.inside[v] is None else None
        if hit is not None and hit[1]:
            return []  # another verb's clause
        v -= 1
    if v < max(rng.start, i - 25):
        return []
    found: list[Mention] = []
    k = v + 1
    while k < i:
        m = doc.inside[k]
        if m is not None:
            if not is_arg(m, etype) or found and not (is_coordinated(doc, m) or tokens[k - 1].text in COMMAS):
                break
            found.append(m)
            k = m.last + 1
            continue
        tok = tokens[k]
        skip_mark = tok.kind == "p" and (tok.text in COMMAS or tok.text in "()" or tok.text in QUOTE_MARKS)
        if (
            skip_mark
            or tok.n == "و"
            or doc.in_date[k]
            or tok.n in _TIME_WORDS
            or (
                tok.n in _LIST_OPENERS or tok.n in PERSONNEL or dual_title(tok) or _units_adjective(tokens, k)
            )
            and not found
        ):
            k += 1
            continue
        break
    return found


def _units_adjective(tokens: Sequence[Token], k: int) -> bool:
    """`قطع بحرية من`, `وحدات مختلفة من`: an indefinite adjective of the units before their body."""
    tok = tokens[k]
    return (
        k > 0
        and tokens[k - 1].n in PERSONNEL
        and tok.kind == "w"
        and not tok.n.startswith("ال")
        and tok.n.endswith("ه")
    )


def antecedent_candidate(
    doc: Doc, s: int, in_sentence: list[Candidate], previous: list[Candidate]
) -> Candidate | None:
    for cand in reversed(in_sentence):
        if cand.subject is not None:
            return cand
    for cand in reversed(previous):
        if cand.sentence < s - 3:
            break
        if cand.subject is not None and cand.subject.kind == ActorKind.PERSON:
            return cand
    return None


def stands_alone(doc: Doc, m: Mention, trigger: int) -> bool:
    """A state named as a party: right after the trigger, after punctuation or joined by `و`;
    not with `ب` attached (`(بصنعاء)`: where, not who)."""
    if m.start > doc.tokens[m.first].start and doc.text[m.start - 1] == "ب":
        return False
    prev = m.first - 1
    if prev <= trigger:
        return True
    tok = doc.tokens[prev]
    return tok.kind == "p" or doc.tokens[m.first].n[:1] == "و" and m.start > doc.tokens[m.first].start


def receives_or_gives(doc: Doc, m: Mention) -> bool:
    """A state after `إلى`, `من`, `مع` or with `ل` attached (`سلمت إلى سورية`, `من روسيا`,
    `للعراق`): the other side of a transfer or a deal, not a place."""
    tok = doc.tokens[m.first]
    if tok.n[:1] == "ل" and normalize(m.actor) in _forms(tok.n)[1:]:
        return True
    return m.first > 0 and doc.tokens[m.first - 1].n in PARTY_PREPOSITIONS


def has_b_clitic(tokens: Sequence[Token], m: Mention) -> bool:
    """`بالرئيس X`, `بنظيره X`: the mention is governed by `ب` (not `برئاسة X`: X leads)."""
    tok = tokens[m.first]
    return tok.n.startswith("ب") and m.start > tok.start and tok.n[1:] not in LEADING_WORDS


def last_two_persons(doc: Doc, i: int, rng: range) -> list[Mention] | None:
    seen: list[Mention] = []
    k = i - 1
    while k >= rng.start and len(seen) < 2:
        m = doc.inside[k]
        if m is not None and m.kind == ActorKind.PERSON and not m.embedded:
            if all(x.actor != m.actor for x in seen):
                seen.insert(0, m)
            k = m.first - 1
            continue
        k -= 1
    return seen if len(seen) == 2 else None


def agent_after(doc: Doc, i: int, stop: int, etype: EngagementType, *, light: bool) -> Mention | None:
    """The doer named right after a verbal noun: `زيارة رئيس ...`, `التي قام بها ...`, `وفد من ...`."""
    k = i + 1
    skipped = 0
    while k < stop and skipped <= 4:
        m = doc.inside[k]
        if m is not None and m.first == k:
            return m if is_arg(m, etype) and m.kind != ActorKind.STATE else None
        tok = doc.tokens[k]
        if tok.kind == "w" and (tok.n in AGENT_SKIP or light and skipped == 0 and tok.n not in lx.STOPWORDS):
            skipped += 1
            k += 1
            continue
        if tok.kind == "p" and tok.text in COMMAS | set("()"):
            k += 1
            continue
        return None
    return None


ESCORT_WORDS = frozenset(normalize(w) for w in "والوفد الوفد المرافق المرافقه له لها".split())


_ESCORT_NOUNS = frozenset(normalize(w) for w in "والوفد والوفود".split())
_ESCORT_ADJ = frozenset(normalize(w) for w in "المرافق المرافقه".split())


def escorted(doc: Doc, m: Mention) -> bool:
    """`X والوفد المرافق له`, `X، رئيس الأركان، والوفد المرافق له`: X travels with a delegation,
    so X is the visitor of the sentence (a host receives, no delegation accompanies him)."""
    s = doc.sent_of_token[m.last]
    for k in range(m.first + 1, min(m.last + 16, len(doc.tokens) - 1)):
        tok = doc.tokens[k]
        other = doc.inside[k]
        if other is not None and other is not m and other.kind == ActorKind.PERSON and not other.title_only:
            return False  # another person's delegation
        if doc.sent_of_token[k] != s or tok.kind == "p" and tok.n not in "،,":
            return False
        if tok.n in _ESCORT_NOUNS:
            return doc.tokens[k + 1].n in _ESCORT_ADJ
    return False


def relative_antecedent(doc: Doc, rel: int, rng: range) -> Mention | None:
    """The person a relative pronoun at `rel` refers to: the mention right before it, past a
    comma and `والوفد المرافق له`; None when another noun (`الملحق العسكري الذي`) is nearer."""
    k = rel - 1
    while k >= max(rng.start, rel - 8):
        m = doc.inside[k]
        if m is not None:
            return m if m.kind == ActorKind.PERSON else None
        tok = doc.tokens[k]
        if tok.kind == "w" and tok.n not in ESCORT_WORDS:
            return None
        k -= 1
    return None


def fronted_subject(doc: Doc, i: int, rng: range) -> Mention | None:
    """For a sentence that opens with `خلال لقائه ...،`: the person named right after the
    comma and its verb (`، أكد رئيس الوزراء X`)."""
    if i - rng.start > 2:
        return None
    k = i + 1
    while k < rng.stop and doc.tokens[k].text not in COMMAS:
        m = doc.inside[k]
        k = m.last + 1 if m is not None else k + 1
    for q in range(k + 1, min(k + 4, rng.stop)):
        m = doc.inside[q]
        if m is not None:
            return m if m.kind == ActorKind.PERSON else None
    return None


def b_clitic_noun(tok: Token) -> bool:
    """`بلقاء`, `باجتماع`: a trigger noun governed by the preposition ب."""
    return tok.n[:1] == "ب" and tok.n[1:] in lx.TRIGGERS and not lx.TRIGGERS[tok.n[1:]][1]


def as_place(doc: Doc, m: Mention) -> bool:
    """A state named after `في`, a quarter or a place (`في بغداد`, `جنوب لبنان`) is where something happened."""
    return m.kind == ActorKind.STATE and m.first > 0 and place_before(doc, m.first - 1)
