"""The pair review's decision rule, the same at run time and in training: a pair the output does not
link becomes an engagement at or above ADD; an output engagement of two or more parties is dropped
when every pair of its parties is below DROP (an engagement of one party is never judged here). Added
pairs that link three or more parties of one sentence each to each become one engagement (`together`).

Pure Python.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
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


def together(added: Sequence[tuple[frozenset[str], Hashable]]) -> list[list[int]]:
    """Which added pairs become one engagement (indexes into `added`, each pair with the sentence and
    type it would be given): the pairs of one sentence and type that link three or more parties each
    to each (`مناورات بين A وB وC`: one event of many parties, as annotators give it, not a pair per
    two of them); every other pair alone (`التقى A كلاً من B وC`: two meetings)."""
    groups: dict[Hashable, list[int]] = {}
    for k, (_, where) in enumerate(added):
        groups.setdefault(where, []).append(k)
    out = []
    for members in groups.values():
        for part in _components([added[k][0] for k in members]):
            parties = set().union(*(added[members[k]][0] for k in part))
            keys = {added[members[k]][0] for k in part}
            if len(parties) >= 3 and all(frozenset(p) in keys for p in combinations(parties, 2)):
                out.append([members[k] for k in part])
            else:
                out.extend([members[k]] for k in part)
    return sorted(out)


def _components(keys: Sequence[frozenset[str]]) -> list[list[int]]:
    """The pairs `keys` grouped by shared parties (connected components), in order."""
    parent = list(range(len(keys)))

    def root(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, j in combinations(range(len(keys)), 2):
        if keys[i] & keys[j]:
            parent[root(j)] = root(i)
    parts: dict[int, list[int]] = {}
    for k in range(len(keys)):
        parts.setdefault(root(k), []).append(k)
    return list(parts.values())
