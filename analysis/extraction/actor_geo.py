"""States and places named in a document (capitals standing for their state), and which words can
open a title, an organisation or a place name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_tokens import Token, _forms, _strip_clitic_offset
from analysis.extraction.results import ActorKind

_DEFINITE_ORG_STEMS = re.compile("|".join(sorted({h[2:5] for h in lx.DEFINITE_ORG_HEADS})))


def _geo_tables() -> tuple[dict[tuple[str, ...], tuple[str, ActorKind]], frozenset[str]]:
    table: dict[tuple[str, ...], tuple[str, ActorKind]] = {}
    for canonical, others in lx.STATES.items():
        for form in (canonical, *others):
            table[tuple(normalize(form).split())] = (canonical, ActorKind.STATE)
    for place in (*lx.PLACES, *lx.PLACE_PHRASES):
        table.setdefault(tuple(normalize(place).split()), (place, ActorKind.PLACE))
    for variant, place in lx.PLACE_VARIANTS.items():
        table.setdefault(tuple(normalize(variant).split()), table[tuple(normalize(place).split())])
    singles = frozenset(k[0] for k in table if len(k) == 1)
    return table, singles


_GEO, _GEO_SINGLE = _geo_tables()
_GEO_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _key in sorted(_GEO, key=len, reverse=True):
    _GEO_FIRST.setdefault(_key[0], []).append(_key)


@lru_cache(maxsize=65536)
def _reads_as(n: str, role: str) -> bool:
    """Whether one of the word's readings (`_forms`) can open a person title (`title`), an
    organisation (`org`), a definite group (`definite_org`) or a state/place name (`geo`).

    The token scanners ask this of every word of a document; the answer depends on the word alone."""
    forms = _forms(n)
    if role == "title":
        return any(f in lx.PERSON_TITLE_HEADS for f in forms)
    if role == "org":
        return any(f in lx.ORG_HEADS for f in forms)
    if role == "definite_org":
        return bool(_DEFINITE_ORG_STEMS.search(n)) and any(f in lx.DEFINITE_ORG_HEADS for f in forms)
    if role == "geo":
        return any(f in _GEO_FIRST for f in forms)
    raise ValueError(role)


def _geo_at(tokens: Sequence[Token], i: int) -> tuple[int, str, ActorKind, int] | None:
    """(end, canonical, kind, clitic chars) of a state or place named at token `i`."""
    tok = tokens[i]
    if tok.kind != "w" or not _reads_as(tok.n, "geo"):
        return None
    for f in _forms(tok.n):
        for key in _GEO_FIRST.get(f, ()):
            size = len(key)
            if i + size > len(tokens):
                continue
            if all(tokens[i + s].kind == "w" and tokens[i + s].n == key[s] for s in range(1, size)):
                hit = _GEO[key]
                return i + size, hit[0], hit[1], _strip_clitic_offset(tok, f)
    return None


def _is_geo(n: str) -> bool:
    return any(f in _GEO_SINGLE for f in _forms(n))
