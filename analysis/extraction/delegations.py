"""A delegation as the subject of a visit verb (`وصل، مساء اليوم، الوفد الأمني إلى غزة`, `زار
واشنطن وفد عسكري عراقي`, `إن وفداً أمنياً مصرياً وصل إلى غزة`): the visitor is the person the
document names as a delegation's head (`برئاسة X`, `يترأسه X`, `X على رأس وفد`, told in a
sentence about a delegation or a visit), when it names exactly one; otherwise no one — never the
person an earlier clause was about. Seen across outlets: the head is often named only in the
sentence before or after the arrival (dev articles D11, N10).

The delegation nouns and the heading words are data (`data/triggers.json`: `delegations`,
`delegation_heads`).
"""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.arguments import BETWEEN_VERB_AND_SUBJECT
from analysis.extraction.frame_doc import AUXILIARIES, CITY_WORDS, COMMAS, PLACE_PREPS, Doc, trigger_at
from analysis.extraction.results import ActorKind, EngagementType

_VSO_REACH = 10  # tokens from the verb to its delegation subject (past times and the place)
_ADJECTIVES = 3  # words between a fronted delegation noun and its verb (`وفداً أمنياً مصرياً`)
_HEAD_REACH = 10  # tokens from `برئاسة` to the head's name (past a title and a comma)
_ESCORT = frozenset(normalize(w) for w in "المرافق المرافقة".split())
_OPENERS = frozenset(normalize(w) for w in "إن أن ان بأن بان وإن و كما".split())
_HEAD_OF = frozenset(normalize(w) for w in "رأس راس".split())
_ON = normalize("على")
_FROM = normalize("من")


def _delegation_noun(doc: Doc, k: int) -> bool:
    """A delegation noun at `k` that is no escort (`والوفد المرافق له`)."""
    if not any(f in lx.DELEGATIONS for f in _forms(doc.tokens[k].n)):
        return False
    return k + 1 >= len(doc.tokens) or doc.tokens[k + 1].n not in _ESCORT


def headed_delegation_at(doc: Doc, k: int, stop: int) -> bool:
    """A delegation noun at `k` with its adjectives and then its head (`وفداً عسكرياً قطرياً
    برئاسة X`): the object of a meeting verb, named through the one who leads it."""
    if k >= stop or doc.inside[k] is not None or not _delegation_noun(doc, k):
        return False
    for q in range(k + 1, min(k + 2 + _ADJECTIVES, stop)):
        if doc.tokens[q].n in lx.DELEGATION_HEADS:
            return _person_after(doc, q) is not None
        if doc.tokens[q].kind != "w" or doc.inside[q] is not None:
            return False
    return False


def sent_delegation(doc: Doc, verb: bool, i: int, visitor: Mention) -> bool:
    """`وصل وفد الجيش السوداني`, `زيارة وفد من لجنة الدفاع`: a body or state visits only when named
    right after a delegation noun, as the visit verb's subject or after the visit noun at `i`."""
    k = visitor.first - 1
    if k > 0 and doc.tokens[k].n == _FROM:
        k -= 1  # `وفد من لجنة ...`
    return k >= 0 and _delegation_noun(doc, k) and (verb or visitor.first > i)


def visit_subject(doc: Doc, i: int, rng: range, before: list[Mention]) -> list[Mention]:
    """The subject of the visit verb at `i`: the person named after it with a title (VSO), rather
    than `before`, the one named before it (`... برئاسة Y، وصل إلى الخرطوم وزير الخارجية X`: X
    arrived); `before` when there is no one before it or no such person after it."""
    named = person_after_visit_verb(doc, i, rng) if before else None
    return [named] if named is not None else before


def person_after_visit_verb(doc: Doc, i: int, rng: range) -> Mention | None:
    """`وصل، صباح اليوم، إلى الخرطوم وزير الخارجية X`: the person named after the visit verb at
    `i`, past times, dates, commas and the place visited, before any other word: the verb's
    subject (VSO), whoever a phrase before the verb names (`الحكومة برئاسة Y، وصل`)."""
    k = i + 1
    while k < min(rng.stop, i + _VSO_REACH):
        m = doc.inside[k]
        if m is not None:
            if m.kind == ActorKind.PERSON:
                return m
            if m.kind not in (ActorKind.STATE, ActorKind.PLACE):
                return None
            k = m.last + 1
            continue
        if not _passable(doc, k):
            # `وزير الخارجية X`: a word that opens the title of the person named next
            nxt = next(
                (doc.inside[q] for q in range(k, min(rng.stop, k + _VSO_REACH)) if doc.inside[q]), None
            )
            titled = nxt is not None and nxt.title_first is not None and nxt.title_first <= k
            return nxt if titled and nxt.kind == ActorKind.PERSON else None
        k += 1
    return None


def _passable(doc: Doc, k: int) -> bool:
    tok = doc.tokens[k]
    return (
        tok.kind == "p"
        and tok.text in COMMAS
        or doc.in_date[k]
        or tok.n in BETWEEN_VERB_AND_SUBJECT
        or tok.n in PLACE_PREPS
        or tok.n in CITY_WORDS
    )


def delegation_subject(doc: Doc, i: int, rng: range) -> bool:
    """The subject of the visit verb at `i` is a delegation noun: after it, past times, dates,
    commas and the place visited, before any other party (`زار واشنطن وفد`); or right before it
    with its adjectives, opening its clause (`إن وفداً أمنياً وصل`)."""
    tokens = doc.tokens
    k = i + 1
    while k < min(rng.stop, i + _VSO_REACH):
        m = doc.inside[k]
        if m is not None:
            if m.kind not in (ActorKind.STATE, ActorKind.PLACE):
                break
            k = m.last + 1
            continue
        tok = tokens[k]
        if tok.kind == "w" and _delegation_noun(doc, k):
            return True
        if not _passable(doc, k):
            break
        k += 1
    k = i - 1
    while k >= rng.start and tokens[k].n in AUXILIARIES:
        k -= 1
    for q in range(k, max(rng.start - 1, k - _ADJECTIVES - 1), -1):
        if doc.inside[q] is not None or tokens[q].kind != "w":
            return False
        if _delegation_noun(doc, q):
            return q == rng.start or tokens[q - 1].kind == "p" or tokens[q - 1].n in _OPENERS
    return False


def delegation_head(doc: Doc) -> Mention | None:
    """The one person the document names as a delegation's head, or None (none, or several)."""
    heads: dict[str, Mention] = {}
    for k, tok in enumerate(doc.tokens):
        head = None
        if tok.kind != "w":
            continue
        if tok.n in lx.DELEGATION_HEADS:
            head = _person_after(doc, k)
        elif tok.n in _HEAD_OF and k > 0 and doc.tokens[k - 1].n == _ON and k + 1 < len(doc.tokens):
            if _delegation_noun(doc, k + 1):
                head = _person_before(doc, k - 1)  # `وصل X ... على رأس وفد`
        if head is not None and _about_delegation(doc, doc.sent_of_token[k]):
            heads.setdefault(head.actor, head)
    return next(iter(heads.values())) if len(heads) == 1 else None


def _about_delegation(doc: Doc, s: int) -> bool:
    """The sentence names a delegation or a visit (not `الحكومة برئاسة X`: a government's head)."""
    for k in doc.sentence_tokens(s):
        if doc.tokens[k].kind != "w":
            continue
        if _delegation_noun(doc, k):
            return True
        hit = trigger_at(doc.tokens[k])
        if hit is not None and hit[0] == EngagementType.VISIT:
            return True
    return False


def _person_after(doc: Doc, k: int) -> Mention | None:
    s = doc.sent_of_token[k]
    for q in range(k + 1, min(k + 1 + _HEAD_REACH, len(doc.tokens))):
        if doc.sent_of_token[q] != s:
            return None
        m = doc.inside[q]
        if m is not None and m.kind == ActorKind.PERSON and not m.embedded:
            return m
        hit = trigger_at(doc.tokens[q])
        if hit is not None and hit[1]:
            return None  # `الوفد، برئاسة وزير الدفاع، ناقش`: the clause goes on, no name
    return None


def _person_before(doc: Doc, k: int) -> Mention | None:
    s = doc.sent_of_token[k]
    for q in range(k - 1, max(-1, k - 1 - _HEAD_REACH * 2), -1):
        if doc.sent_of_token[q] != s:
            return None
        m = doc.inside[q]
        if m is not None and m.kind == ActorKind.PERSON and not m.embedded:
            return m
    return None
