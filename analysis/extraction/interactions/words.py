"""What one word says to the interaction stage: its trigger (type, verb or noun) and its cues
(negation, hedge, intention, speech, visit), read once per distinct word form and cached.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Token, _forms
from analysis.extraction.results import EngagementType

_CUE_LISTS = (
    ("negation", lx.NEGATIONS),
    ("hedge", lx.HEDGES),
    ("planned_marker", lx.PLANNED_MARKERS),
    ("speech", lx.SPEECH_VERBS),
    ("visit_word", lx.TOUR_NOUNS),
)


class Reading(NamedTuple):
    trigger: tuple[str, bool] | None  # (engagement type, is a verb)
    cues: frozenset[str]


@lru_cache(maxsize=65536)
def reading(n: str) -> Reading:
    """The reading of a normalized word, after its clitics (`وزيارة` -> a visit noun)."""
    forms = _forms(n)
    trigger = next(((str(hit[0]), hit[1]) for f in forms if (hit := lx.TRIGGERS.get(f))), None)
    cues = {name for name, words in _CUE_LISTS if any(f in words for f in forms)}
    if trigger is not None and trigger[0] == EngagementType.VISIT:
        cues.add("visit_word")
    if trigger is not None and trigger[1] and n.startswith(("سي", "ست")):
        cues.add("future_verb")
    return Reading(trigger, frozenset(cues))


_NOTHING = Reading(None, frozenset())


def token_reading(tok: Token) -> Reading:
    return reading(tok.n) if tok.kind == "w" else _NOTHING


def trigger_of(tok: Token) -> tuple[str, bool] | None:
    """(type, is_verb) when the token is a trigger word (after its clitics), else None."""
    return token_reading(tok).trigger
