"""The pair review's decision rule, the same at run time and in training: a pair the output does not
link becomes an engagement at or above ADD; an output engagement of two or more parties is dropped
when every pair of its parties is below DROP (an engagement of one party is never judged here).

Pure Python.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import NamedTuple

NEVER = 1.01  # an add threshold no probability reaches


class Scored(NamedTuple):
    """A pair candidate as the decision sees it."""

    key: frozenset[str]
    linked: bool
    probability: float


def dropped(parties: Sequence[str], probability: Mapping[frozenset[str], float], drop: float) -> bool:
    """Whether an engagement with these parties goes: two or more of them, and every pair below `drop`."""
    names = list(dict.fromkeys(parties))
    if len(names) < 2 or drop <= 0.0:
        return False
    return all(probability.get(frozenset(pair), 1.0) < drop for pair in combinations(names, 2))


def decide(
    pairs: Sequence[Scored], engagements: Sequence[Sequence[str]], add: float, drop: float
) -> tuple[list[int], list[int]]:
    """(the indexes of the engagements kept, the indexes of the pairs that become engagements)."""
    probability = {pair.key: pair.probability for pair in pairs}
    kept = [k for k, parties in enumerate(engagements) if not dropped(parties, probability, drop)]
    added = [k for k, pair in enumerate(pairs) if not pair.linked and pair.probability >= add]
    return kept, added
