"""A training or a transfer its doer announces: `أعلن الجيش المصري، الجمعة، عن انطلاق فعاليات التدريب
المشترك مع الإمارات`, `أعلنت وزارة الدفاع التركية استمرار تدريب القوات المسلحة الليبية`, `أعلن المغرب
عن القيام بمناورات مشتركة مع الولايات المتحدة`. The act is the announcing verb's object, reached from
its subject past the day, commas and the words of its phase (`data/triggers.json`: `announcing_verbs`,
`announced_phases`); a body or a state that says so is the one that acts (a person who announces
speaks for one). Plain Arabic grammar: the verbal noun's doer is left unsaid when it is the speaker."""

from __future__ import annotations

from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.frame_doc import COMMAS, Doc
from analysis.extraction.results import ActorKind

ANNOUNCING = lx._fold_list("announcing_verbs")
PHASES = lx._fold_list("announced_phases")


def _skippable(doc: Doc, k: int) -> bool:
    tok = doc.tokens[k]
    if tok.kind == "p":
        return tok.text in COMMAS
    return doc.in_date[k] or any(f in PHASES for f in _forms(tok.n))


def announcer(doc: Doc, i: int, rng: range) -> Mention | None:
    """The body or state that announced the act at `i` (its verb right before it), or None."""
    m = announcing_subject(doc, i, rng)
    return m if m is not None and m.kind in (ActorKind.ORGANIZATION, ActorKind.STATE) else None


def announcing_subject(doc: Doc, i: int, rng: range) -> Mention | None:
    """Whoever announced the act at `i`, a person with the title before the name too (`أعلن المتحدث
    X عن انطلاق التدريب`: the spokesman tells of the training, he holds no part of it)."""
    k = i - 1
    while k >= rng.start and doc.inside[k] is None and _skippable(doc, k):
        k -= 1
    m = doc.inside[k] if k >= rng.start else None
    if m is None or m.last != k or m.embedded:
        return None
    v = (m.title_first if m.title_first is not None else m.first) - 1
    while v >= rng.start and doc.in_date[v]:
        v -= 1
    if v < rng.start or doc.inside[v] is not None or doc.tokens[v].kind != "w":
        return None
    return m if any(f in ANNOUNCING for f in _forms(doc.tokens[v].n)) else None
