"""Fighting between two sides: a noun of fighting (`اشتباكات`, `معارك`, `مواجهات`; `data/triggers.json`
`fighting`), or fire exchanged (`تبادل القصف`, `تبادل إطلاق النار`: `exchanged_fire` after `تبادل`),
followed by `بين A وB` is an attack of A and B, the two sides (`وقعت اشتباكات عنيفة بين الجيش X
وقوات Y`, `تبادل للقصف بين A من جهة، وB من جهة أخرى`). Each side attacks the other, so neither is
its only initiator.

Not when the sentence stops or averts it (`halting`: `وقف القتال بين A وB`), nor when it is negated
or only supposed; the parties follow the noun closely, past its adjectives and a place
(`المعارك في الجنوب بين`), with no other party or mark between."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import _forms
from analysis.extraction.documents_between import event_between, parties_between, told_already
from analysis.extraction.frame_doc import BETWEEN, Candidate, Doc
from analysis.extraction.results import ActorKind, EngagementType
from analysis.extraction.trigger_mood import is_unreal

FIGHTING = lx._fold_list("fighting")
EXCHANGED_FIRE = lx._fold_list("exchanged_fire")
HALTING = lx._fold_list("halting")
_EXCHANGE = normalize("تبادل")
_EXCHANGE_REACH = 3  # `تبادلا شبه يومي للقصف`, `تبادل إطلاق النار`
_REACH = 4  # words from the noun to `بين` (`اشتباكات عنيفة ومتقطعة بين`, `المعارك في الجنوب اللبناني بين`)


def fights_between(doc: Doc, s: int, known: list[Candidate]) -> list[Candidate]:
    """One attack for each fighting noun of sentence `s` followed by its two sides."""
    rng = doc.sentence_tokens(s)
    out: list[Candidate] = []
    for k in rng:
        opener = _fight_at(doc, k, rng)
        if opener is None or _halted(doc, opener, rng) or is_unreal(doc, k, rng, False):
            continue
        between = _between_at(doc, k, rng)
        parties = parties_between(doc, between + 1, rng) if between is not None else []
        if len(parties) < 2:
            continue
        if not told_already(parties, s, known + out):
            out.append(event_between(doc, s, k, EngagementType.ATTACK, parties, mutual=True))
    return out


def _fight_at(doc: Doc, k: int, rng: range) -> int | None:
    """Where the fighting phrase at `k` begins: the noun itself, or the `تبادل` before fire exchanged."""
    tok = doc.tokens[k]
    if tok.kind != "w" or doc.inside[k] is not None:
        return None
    forms = _forms(tok.n)
    if any(f in FIGHTING for f in forms):
        return k
    if not any(f in EXCHANGED_FIRE for f in forms):
        return None
    for q in range(k - 1, max(rng.start, k - _EXCHANGE_REACH) - 1, -1):
        if doc.tokens[q].kind == "w" and any(f.startswith(_EXCHANGE) for f in _forms(doc.tokens[q].n)):
            return q
    return None


def _halted(doc: Doc, opener: int, rng: range) -> bool:
    """`وقف القتال`, `لإنهاء المعارك`: the fighting is what is stopped or averted."""
    return opener > rng.start and any(f in HALTING for f in _forms(doc.tokens[opener - 1].n))


def _between_at(doc: Doc, k: int, rng: range) -> int | None:
    """`بين` within a few words after the noun, past its adjectives and places (no other party, no mark)."""
    for q in range(k + 1, min(k + 1 + _REACH, rng.stop)):
        tok = doc.tokens[q]
        if tok.kind == "w" and tok.n == BETWEEN:
            return q
        m = doc.inside[q]
        if tok.kind != "w" or m is not None and m.kind != ActorKind.PLACE:
            return None
    return None
