"""An event watched: a training, transfer or attack noun right after a verb of attending or watching
(`وحضر تمارين القوات X و Y، الأربعاء، الملك Z`): the one who watched is the verb's subject, no
party of the event; the event's parties are named with the noun itself (its genitive), so they
end at the first comma after it (CONVENTIONS: attendance is not taking part). Plain Arabic
grammar; the verbs live in `data/triggers.json` (`watching_verbs`).
"""

from __future__ import annotations

from analysis.extraction import lexicon as lx
from analysis.extraction.frame_doc import COMMAS, Doc
from analysis.extraction.results import EngagementType

WATCHING_VERBS = lx._fold_list("watching_verbs")
_PARTY_TYPES = frozenset({EngagementType.TRAINING, EngagementType.ARMS_TRANSFER, EngagementType.ATTACK})


def watched_stop(doc: Doc, i: int, etype: EngagementType, stop: int) -> int:
    """Where the parties of the trigger noun at `i` end: at the first comma after it when the noun
    is what a watching verb right before it takes (`حضر تمارين ...`); else `stop`."""
    if etype not in _PARTY_TYPES or i == 0 or doc.tokens[i - 1].n not in WATCHING_VERBS:
        return stop
    return next((k for k in range(i + 1, stop) if doc.tokens[k].text in COMMAS), stop)
