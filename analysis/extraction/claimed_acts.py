"""An attack its doer announces: `أعلن X، اليوم، قصف أهداف لـY`, `أعلن X عن استهداف منشأة تابعة لـY`,
`أعلن X أنه نفّذ غارة استهدفت قياديا في Y`, `أعلنت X إطلاق صاروخ على منشأة لـY`. The act opens what
is announced (past the day, `عن`, `أنه` and a light verb); what was struck is the first party named
after it in the clause (an organisation, or a state that is no mere place). Plain Arabic grammar."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.arguments import as_place
from analysis.extraction.frame_doc import Doc, trigger_at
from analysis.extraction.launches import PROJECTILES
from analysis.extraction.results import ActorKind, EngagementType

_LEAD_INS = frozenset(normalize(w) for w in "عن أنه أنها انه انها بأنه بأنها إنه إنها".split())
_LAUNCH_NOUNS = frozenset(normalize(w) for w in "إطلاق اطلاق".split())
_REACH = 12  # words from the act to what it struck
_CLAUSE_ENDS = frozenset(".،;؛:")


def _attack_word(doc: Doc, k: int) -> bool:
    tok = doc.tokens[k]
    if any(f in lx.CLAIMED_ACTS for f in _forms(tok.n)):
        return True
    if tok.n.lstrip("و") in _LAUNCH_NOUNS and k + 1 < len(doc.tokens):
        return any(f in PROJECTILES for f in _forms(doc.tokens[k + 1].n))  # `إطلاق صاروخ`
    hit = trigger_at(tok)
    return hit is not None and hit[0] == EngagementType.ATTACK and not hit[1]  # `غارة`, `ضربة`


def announced_act(doc: Doc, after: Sequence[int]) -> int | None:
    """The attack word that opens what the claimant announced (`after`: the words after it)."""
    for k in after:
        if doc.in_date[k]:
            continue
        if _attack_word(doc, k):
            return k
        if doc.tokens[k].n in _LEAD_INS or doc.tokens[k].n.lstrip("و") in lx.ATTACK_LIGHT_VERBS:
            continue
        return None
    return None


def struck_party(doc: Doc, act: int, rng: range, claimant: Mention) -> Mention | None:
    """The first party named after the act, before the clause ends."""
    for k in range(act + 1, min(act + _REACH, rng.stop)):
        tok = doc.tokens[k]
        if tok.kind == "p" and tok.text in _CLAUSE_ENDS:
            return None
        m = doc.inside[k]
        if m is None or m.first != k or m.embedded or m.actor == claimant.actor:
            continue
        if m.kind == ActorKind.ORGANIZATION or m.kind == ActorKind.STATE and not as_place(doc, m):
            return m
    return None
