"""Where a meeting held on a visit took place: the visit's destination.

`وصل X إلى طهران ... وسيلتقي خلال زيارته الرئيس Y`, `والتقى X خلال الزيارة بـY`: a meeting the text
places on the trip (its sentence names the visit, or the visit is told in the same sentence) and
gives no place of its own was held where the visitor went. Pure Python.
"""

from __future__ import annotations

from analysis.extraction.frame_doc import TALK_TYPES, Candidate, Doc
from analysis.extraction.results import EngagementType

__all__ = ["fill_visit_places"]

_VISIT_STEM = "زيار"  # زيارة, زيارته, الزيارة, خلال زيارتها
_REACH = 6  # sentences after the visit a meeting may still be told of it


def _names_the_visit(doc: Doc, sentence: int) -> bool:
    rng = doc.sentence_tokens(sentence)
    return any(_VISIT_STEM in doc.tokens[k].n[:6] for k in rng)


def fill_visit_places(doc: Doc, candidates: list[Candidate]) -> None:
    """Give each placeless meeting or talks held by a visitor on the visit told last before it
    (or in its sentence) that visit's destination."""
    for at, cand in enumerate(candidates):
        if cand.location is not None or cand.type not in TALK_TYPES:
            continue
        names = {m.actor for m, _ in cand.participants}
        same = [c for c in candidates[at + 1 :] if c.sentence == cand.sentence]
        for other in [*same, *reversed(candidates[:at])]:
            if other.sentence < cand.sentence - _REACH:
                break
            if other.type != EngagementType.VISIT or other.tour_stop or other.planned != cand.planned:
                continue
            if other.location is None or other.participants[0][0].actor not in names:
                continue
            if other.sentence == cand.sentence or _names_the_visit(doc, cand.sentence):
                cand.location = other.location
            break
