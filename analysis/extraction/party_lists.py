"""Parties named as a list or by nationality: attendees (`بمشاركة`, `بحضور`), signatories
(`عن الجانب X`), the invited visitor, hedges that void an attack or a transfer, and
the state an attack's nationality adjective names."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.frame_doc import (
    ATTENDANCE,
    AUXILIARIES,
    MULTILATERAL,
    QUOTE_MARKS,
    Candidate,
    Doc,
    pseudo_mention,
    sentence_words,
    trigger_at,
    unique_mentions,
)
from analysis.extraction.generic_bodies import is_generic_body
from analysis.extraction.results import ActorKind, EngagementType, Role


def nearest_demonym(doc: Doc, i: int, rng: range) -> str | None:
    """The state whose nationality adjective stands nearest the attack word (`قوات أمريكية`), or
    the generic body it names (`القوات الأمريكية`)."""
    found = [
        (abs(k - i), state if doc.inside[k] is None else doc.inside[k].actor)
        for k in rng
        if (state := lx.DEMONYM_FORMS.get(doc.tokens[k].n))
        and (doc.inside[k] is None or is_generic_body(doc.inside[k].actor))
    ]
    return min(found)[1] if found else None


def struck_state(
    doc: Doc,
    objects: list[tuple[Mention, int, int, str]],
    parts: list[tuple[Mention, Role]],
    told: list[Candidate],
) -> Mention | None:
    """`نفّذ X غارات على مواقع في سوريا`: when an attack names its attacker alone (`parts`) and no
    party it hit, the state where its targets lie (after `في`/`على`) is the one attacked; never the
    attacker's own state, nor where an attack the sentence told already struck (`قُتل Y بغارة
    استهدفت شقته في دمشق`)."""
    if len(parts) != 1 or any(c.type == EngagementType.ATTACK for c in told):
        return None
    attacker = parts[0][0]
    own = (
        lx.DEMONYM_FORMS.get(normalize(attacker.actor).split()[-1])
        if is_generic_body(attacker.actor)
        else None
    )
    for m, *_ in objects:
        if m.kind != ActorKind.STATE or m.first == 0 or doc.tokens[m.first - 1].n not in _STRUCK_LEADS:
            continue
        return None if m.actor in (attacker.actor, own) else m
    return None


_STRUCK_LEADS = frozenset(normalize(w) for w in "في على".split())


def light_verb_attackers(doc: Doc, i: int, rng: range) -> list[Mention]:
    """The states that are the subject of an attack light verb before the attack noun at `i`:
    after the verb (`شنت الولايات المتحدة وبريطانيا غارات`, `شنت المقاتلات الأميركية البريطانية
    غارات`) or joined right before it (`أن الولايات المتحدة وبريطانيا شنتا غارات`). [] when a
    person or a body is the subject there, or no light verb comes shortly before the noun."""
    tokens = doc.tokens
    v = next(
        (
            k
            for k in range(i - 1, max(rng.start, i - 10) - 1, -1)
            if doc.inside[k] is None and tokens[k].n.lstrip("وف") in lx.ATTACK_LIGHT_VERBS
        ),
        None,
    )
    if v is None or any((hit := trigger_at(tokens[k])) and hit[1] for k in range(v + 1, i)):
        return []
    inner = [doc.inside[k] for k in range(v + 1, i) if doc.inside[k] is not None and doc.inside[k].first == k]
    if inner:
        return unique_mentions(inner) if all(m.kind == ActorKind.STATE for m in inner) else []
    adjectives = [lx.DEMONYM_FORMS.get(tokens[k].n) for k in range(v + 1, i)]
    if any(adjectives):
        return unique_mentions([pseudo_mention(state, v) for state in adjectives if state])
    before: list[Mention] = []
    k = v - 1
    while k >= rng.start and (m := doc.inside[k]) is not None and m.kind == ActorKind.STATE:
        before.insert(0, m)
        k = m.first - 1
    return [] if before and k >= rng.start and tokens[k].n in _PLACE_LEADS else before


_PLACE_LEADS = frozenset(normalize(w) for w in "في إلى الى من على".split())


def is_hedged(doc: Doc, rng: range) -> bool:
    """A hedge word in the sentence (`قد يكون`, `ربما`); `وكان X قد شنّ` is a pluperfect, not one."""
    hedges = sentence_words(doc, rng) & lx.HEDGES
    if hedges != {"قد"}:
        return bool(hedges)
    words = [doc.tokens[k].n for k in rng]
    return not any(w in AUXILIARIES for w in words[: words.index("قد")])


def attack_light_verb(doc: Doc, attacker: Mention, i: int, rng: range) -> bool:
    """An attack light verb just before the attacker or between it and the attack noun."""
    lo = max(rng.start, attacker.first - 2)
    return any(
        doc.inside[k] is None and doc.tokens[k].n.lstrip("وف") in lx.ATTACK_LIGHT_VERBS
        for k in [*range(lo, attacker.first), *range(attacker.last + 1, i)]
    )


def attendees_of(doc: Doc, i: int, rng: range) -> list[Mention] | None:
    """Persons listed after `بمشاركة`/`بحضور` following a meeting noun (at least two), or
    before it when the sentence opens with them (`بحضور A وB جرى ... في ختام المباحثات`)."""
    k = i + 1
    while k < rng.stop and doc.tokens[k].n not in ATTENDANCE:
        hit = trigger_at(doc.tokens[k]) if doc.inside[k] is None else None
        if hit is not None and hit[1]:
            return None
        k += 1
    opening = next(
        (q for q in range(i - 1, max(rng.start, i - 25) - 1, -1) if doc.tokens[q].n in ATTENDANCE), None
    )
    if k >= rng.stop and opening is None:
        return None
    stop = rng.stop if k < rng.stop else i
    k = k if k < rng.stop else opening
    found: list[Mention] = []
    while k < stop:
        m = doc.inside[k]
        if m is not None and m.first == k:
            if m.kind == ActorKind.PERSON and all(x.actor != m.actor for x in found):
                found.append(m)
            k = m.last + 1
            continue
        hit = trigger_at(doc.tokens[k])
        if hit is not None and hit[1]:
            break
        k += 1
    return found if len(found) >= 2 else None


SIDE_WORDS = frozenset(normalize(w) for w in "الجانب جانب الطرف طرف".split())


def signatories_of(doc: Doc, i: int, rng: range) -> list[Mention] | None:
    """Persons who sign `عن الجانب X` (for side X) after a signing word: two or more, or None."""
    found: list[Mention] = []
    side = False
    k = i + 1
    while k < rng.stop:
        m = doc.inside[k]
        if m is not None and m.first == k:
            if side and m.kind == ActorKind.PERSON and all(x.actor != m.actor for x in found):
                found.append(m)
            side = side and m.kind != ActorKind.PERSON  # `عن جانب دولة الإمارات X`: the side's name
            k = m.last + 1
            continue
        tok = doc.tokens[k]
        if tok.n in SIDE_WORDS and k - 1 > i and doc.tokens[k - 1].n in ("عن", "وعن"):
            side = True
        k += 1
    return found if len(found) >= 2 else None


def in_visit_phrase(doc: Doc, i: int, rng: range) -> bool:
    """`في زيارة`, `بزيارة` (after `يقوم/قام`): a visit noun that describes its sentence's subject."""
    tok = doc.tokens[i]
    if tok.n.startswith(("بزيار", "وبزيار")):
        return True
    return i - 1 >= rng.start and doc.tokens[i - 1].n == "في"


def invited_visitor(doc: Doc, i: int, rng: range) -> Mention | None:
    """`قدم دعوة للغانمي بزيارة روسيا`: the invited person is the visitor (a planned visit)."""
    window = [doc.tokens[k].n for k in range(max(rng.start, i - 4), i)]
    if not any(w in lx.PLANNED_MARKERS for w in window):
        return _invited_object(doc, i, rng)
    k = i - 1
    while k >= max(rng.start, i - 3):
        m = doc.inside[k]
        if m is not None and m.kind == ActorKind.PERSON and doc.tokens[m.first].n.startswith("ل"):
            return m
        k -= 1
    return None


_INVITING = frozenset(normalize(w) for w in "دعا دعت ودعا ودعت يدعو تدعو دعوة".split())
_TO = frozenset(normalize(w) for w in "إلى الى".split())


def _invited_object(doc: Doc, i: int, rng: range) -> Mention | None:
    """`دعا X Y لزيارة P`, `دعا X Y إلى زيارة P`: the person invited, right before the visit,
    right after the inviting verb and its subject."""
    k = i - 1
    if k >= rng.start and doc.tokens[k].n in _TO:
        k -= 1
    m = doc.inside[k] if k >= rng.start else None
    if m is None or m.kind != ActorKind.PERSON or m.last != k:
        return None
    opening = m.title_first if m.title_first is not None else m.first
    q = opening - 1
    while q >= max(rng.start, opening - 12):
        if doc.tokens[q].n in _INVITING:
            return m
        if doc.tokens[q].kind == "p" or doc.inside[q] is None and trigger_at(doc.tokens[q]):
            return None
        q -= 1
    return None


def demonym_state(doc: Doc, i: int, stop: int) -> str | None:
    """`هجوم الطائرة المسيرة الأميركية`, `طائرات إسرائيلية غارة`: the attacker's nationality."""
    ahead = [k for k in range(i + 1, min(i + 12, stop)) if doc.inside[k] is None][:4]
    for k in [*ahead, *range(i - 1, max(i - 4, -1), -1)]:
        if doc.inside[k] is not None:
            continue
        state = lx.DEMONYM_FORMS.get(doc.tokens[k].n)
        if state:
            return state
    return None


def nationalities(doc: Doc, i: int, stop: int) -> list[str]:
    """The states named by nationality adjectives on the nouns around a transfer or training
    word (`العسكريين الروس بدأوا تدريب الخبراء السوريين`): its two sides, nearest first."""
    found: list[tuple[int, str]] = []
    for k in [*_goods_phrase(doc, i, stop), *range(i - 1, max(i - 5, -1), -1)]:
        # `المناورات المصرية السعودية`: an adjective that is also the state's name is read as its adjective
        if _adjective_at(doc, k) and (state := lx.DEMONYM_FORMS.get(doc.tokens[k].n)):
            found.append((abs(k - i), state))
    return list(dict.fromkeys(state for _, state in sorted(found)))


def _adjective_at(doc: Doc, k: int) -> bool:
    """No actor's word, or a state's one-word name right after another nationality adjective."""
    m = doc.inside[k]
    if m is None:
        return True
    after_adjective = k > 0 and doc.inside[k - 1] is None and doc.tokens[k - 1].n in lx.DEMONYM_FORMS
    return m.first == m.last == k and m.kind == ActorKind.STATE and after_adjective


def _goods_phrase(doc: Doc, i: int, stop: int) -> list[int]:
    """The eight words after a transfer or training word, up to a punctuation mark, past a short
    name in quotes (`غواصة من طراز "كيلو 636" الروسية الصنع`): the goods' phrase."""
    out: list[int] = []
    k = i + 1
    while k < stop and len(out) < 8:
        tok = doc.tokens[k]
        if tok.text in QUOTE_MARKS:
            close = next(
                (q for q in range(k + 1, min(k + 6, stop)) if doc.tokens[q].text in QUOTE_MARKS), None
            )
            if close is None:
                break
            k = close + 1
            continue
        if tok.kind == "p":
            break
        out.append(k)
        k += 1
    return out


_ATTEND_VERBS = frozenset(normalize(w) for w in "حضر وحضر حضره وحضره حضرها وحضرها حضرته وحضرته".split())


# `وشارك في الاجتماع A وB`, `وشارك في اللقاء أيضا X`: took part in the meeting told, as attending it
_PARTAKE_VERBS = frozenset(normalize(w) for w in "شارك وشارك شاركت وشاركت".split())


def _took_part(doc: Doc, rng: range) -> int | None:
    """A verb of taking part and `في` before the definite meeting noun, opening the sentence: the
    index of `في`, read like `حضر` before the noun (`حضر الاجتماع`)."""
    verb = next((k for k in rng[:4] if doc.tokens[k].n in _PARTAKE_VERBS), None)
    if verb is None or verb + 1 >= rng.stop or doc.tokens[verb + 1].n != "في":
        return None
    return verb + 1 if _told_meeting_noun(doc, verb + 2, rng.stop) else None


# Sentences back from `وحضر اللقاء` to the meeting it attended: the definite noun names the meeting the
# story told, however many sentences of its talk came between (3 left attendees of a meeting told 4-6
# sentences up as a meeting of their own: wrong on fresh 11-13, where the whole story's reach added
# F1 +0.002 / +0.004 / +0.002; corpus -0.003).
_ANAPHORIC_REACH = 1000


def _has_person(c: Candidate) -> bool:
    return any(m.kind == ActorKind.PERSON for m, _ in c.participants)


def _told_meeting_noun(doc: Doc, k: int, stop: int) -> bool:
    """`اللقاء`, `الاجتماع`, `المباحثات` at `k`: a definite meeting noun, the one told before."""
    hit = trigger_at(doc.tokens[k]) if k < stop and doc.inside[k] is None else None
    return hit is not None and not hit[1] and hit[0] in MULTILATERAL and hit[2].startswith("ال")


def join_attendees(doc: Doc, s: int, known: list[Candidate]) -> list[Candidate]:
    """`و حضر اللقاء كل من A و B`, `وحضره A`: those named attended the meeting told just
    before, and become its parties. When no meeting before names its parties (`والتقى فيها مع
    المعارضة`: none found), those named attending the meeting noun (`حضر اللقاء`) are the
    meeting: a new candidate of them (two or more), returned."""
    rng = doc.sentence_tokens(s)
    verb = next((k for k in rng[:4] if doc.tokens[k].n in _ATTEND_VERBS), None)
    if verb is None:
        verb = _took_part(doc, rng)
    if verb is None:
        return []
    # `وحضر اللقاء X`: the definite meeting noun points back at the meeting told, a few sentences up
    back = _ANAPHORIC_REACH if _told_meeting_noun(doc, verb + 1, rng.stop) else 1
    target = next(
        (
            c
            for c in reversed(known)
            if c.type in MULTILATERAL
            and s - back <= c.sentence <= s
            and c.emit
            and (c.sentence >= s - 1 or _has_person(c))
        ),
        None,
    )
    attendees: list[Mention] = []
    for k in range(verb + 1, rng.stop):
        m = doc.mention_at.get(k)
        if m is not None and m.kind == ActorKind.PERSON and all(m.actor != a.actor for a in attendees):
            attendees.append(m)
    if target is not None:
        names = {m.actor for m, _ in target.participants}
        target.participants.extend((m, Role.PARTICIPANT) for m in attendees if m.actor not in names)
        return []
    noun = verb + 1
    hit = trigger_at(doc.tokens[noun]) if noun < rng.stop else None
    if hit is None or hit[1] or hit[0] not in MULTILATERAL or len(attendees) < 2:
        return []
    return [
        Candidate(
            type=hit[0], participants=[(m, Role.PARTICIPANT) for m in attendees], sentence=s, trigger=noun
        )
    ]


def state_of_unnamed(doc: Doc, i: int, stop: int) -> str | None:
    """`التقى مع القادة في بغداد`, `اجتمع بالسفير الروسي`: an official left unnamed right after
    the trigger stands for their state, named by its adjective or its capital."""
    for k in range(i + 1, min(i + 4, stop)):
        if doc.inside[k] is not None:
            return None
        if any(f in lx.UNNAMED_OFFICIALS for f in _forms(doc.tokens[k].n)):
            nxt = k + 1
            if nxt < stop and doc.inside[nxt] is None and (state := lx.DEMONYM_FORMS.get(doc.tokens[nxt].n)):
                return state
            if nxt + 1 < stop and doc.tokens[nxt].n == "في" and (m := doc.geo_at.get(nxt + 1)) is not None:
                return m.actor if m.kind == ActorKind.STATE else None
            return None
    return None
