"""Cooperation announced with a list of states: `أعلنت قيادة العمليات المشتركة عن تعاون استخباراتي وأمني
مع كل من روسيا وإيران وسوريا`, `عن وجود تنسيق أمني مع كل من ايران و روسيا و سوريا`. A cooperation noun
(`data/triggers.json` `cooperation`), its adjectives, then `مع كل من` and two or more parties joined
by `و`: an agreement of those parties. Only with `كل من`: a cooperation with one party
(`التعاون مع روسيا`) is too often a topic or a wish to be an engagement."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import _forms
from analysis.extraction.documents_between import event_between, parties_between, told_already
from analysis.extraction.frame_doc import WITH, Candidate, Doc, trigger_at
from analysis.extraction.results import EngagementType
from analysis.extraction.trigger_mood import is_unreal

_ADJECTIVES = 4  # words between the noun and `مع` (`تعاون استخباراتي وأمني`)
_EACH_OF = (normalize("كل"), normalize("من"))


def cooperation_with_each(doc: Doc, s: int, known: list[Candidate]) -> list[Candidate]:
    """One agreement for each cooperation noun of sentence `s` followed by `مع كل من A وB`."""
    rng = doc.sentence_tokens(s)
    out: list[Candidate] = []
    for k in rng:
        if not _cooperation(doc, k) or is_unreal(doc, k, rng, False):
            continue
        listed = _each_of_at(doc, k, rng)
        parties = parties_between(doc, listed, rng) if listed is not None else []
        if len(parties) >= 2 and not told_already(parties, s, known + out):
            out.append(event_between(doc, s, k, EngagementType.AGREEMENT, parties))
    return out


def _cooperation(doc: Doc, k: int) -> bool:
    tok = doc.tokens[k]
    return (
        tok.kind == "w"
        and doc.inside[k] is None
        and any(f.removeprefix("ال") in lx.COOPERATION for f in _forms(tok.n))
    )


def _each_of_at(doc: Doc, k: int, rng: range) -> int | None:
    """The first party after `مع كل من`, past a few adjectives of the noun and no party or trigger."""
    for q in range(k + 1, min(k + 2 + _ADJECTIVES, rng.stop)):
        tok = doc.tokens[q]
        if doc.inside[q] is not None or tok.kind != "w" or trigger_at(tok) is not None:
            return None
        if tok.n == WITH:
            each = tuple(doc.tokens[x].n for x in range(q + 1, min(q + 3, rng.stop)))
            return q + 3 if each == _EACH_OF else None
    return None
