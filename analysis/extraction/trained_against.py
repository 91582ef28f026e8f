"""The enemy a training or a transfer is for: `تدريب القوات العراقية بهدف التصدي لتنظيم X`,
`بتدريب مقاتلي Y ... لخوض معركة تحرير المحافظة من تنظيم X` (fresh 11 Nineveh Al-Ghad, fresh 12
DW Arabic): X is what the trained fight, no party of the training."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction.frame_doc import PURPOSE_WORDS, Doc
from analysis.extraction.results import EngagementType

# `لمواجهة`, `للتصدي`: what the ones trained or armed are to fight; `بهدف` and the like open it too
AGAINST_PURPOSES = PURPOSE_WORDS | frozenset(
    normalize(w) for w in "لمواجهة للتصدي لمحاربة لمكافحة لقتال لخوض لصد".split()
)
_FOR_FIGHTING = (EngagementType.TRAINING, EngagementType.ARMS_TRANSFER)


def purpose_end(doc: Doc, start: int, stop: int, etype: EngagementType) -> int:
    """Where the parties of a training or a transfer end: at the first purpose word after `start`."""
    if etype not in _FOR_FIGHTING:
        return stop
    return next(
        (k for k in range(start, stop) if doc.inside[k] is None and doc.tokens[k].n in AGAINST_PURPOSES),
        stop,
    )
