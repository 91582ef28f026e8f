"""The building a meeting was held in: `استقبل X بقصر الاتحادية Y`, `التقى X في مقر الوزارة Y`.

A venue noun (`data/venues.json`) right after `في` or a glued `بـ`/`في`, read with its genitive chain
to the first definite word and that word's definite adjectives (`مقر وزارة الخارجية الأمريكية`,
`القصر الجمهوري`, `قصر بيان`). Pure Python.
"""

from __future__ import annotations

import json
from pathlib import Path

from analysis.arabic import normalize
from analysis.extraction.frame_doc import Doc

__all__ = ["VENUES", "venue_near"]

_DATA = json.loads((Path(__file__).parent / "data" / "venues.json").read_text(encoding="utf-8"))
VENUES = frozenset(normalize(w) for w in _DATA["venues"])

_IN = normalize("في")
_MAX_WORDS = 4
_CLITIC_ARTICLE = ("وال", "فال", "بال", "لل", "كال")
_POSSESSED = ("ته", "تها", "تهم", "تهما")  # a noun in ة with a possessive pronoun, as folded


def _glued_b(word: str) -> bool:
    """A venue noun with `بـ` glued to it (`بقصر`)."""
    return word[:1] == "ب" and word[1:] in VENUES


def _head(doc: Doc, k: int) -> bool:
    """A venue noun at token `k`, after `في` or with `بـ` glued to it."""
    word = doc.tokens[k].n
    if word in VENUES and k > 0 and doc.tokens[k - 1].n == _IN:
        return True
    return _glued_b(word)


def _phrase(doc: Doc, k: int, hi: int) -> str:
    """The venue from its noun at `k`: indefinite nouns in a chain, then definite words."""
    end, definite = k, doc.tokens[k].n.lstrip("ب").startswith("ال")
    for j in range(k + 1, min(hi, k + _MAX_WORDS)):
        tok = doc.tokens[j]
        if tok.kind != "w" or doc.in_date[j] or not (tok.n.startswith("ال") or not definite):
            break
        if tok.n == _IN or tok.n.startswith(_CLITIC_ARTICLE):
            break  # `بقصر الاتحادية بالقاهرة`: the next phrase
        if tok.n.endswith(_POSSESSED):
            return ""  # `في مقر إقامته`: someone's lodging, no building of its own name
        end, definite = j, definite or tok.n.startswith("ال")
    if end == k and not definite:
        return ""  # `بقصر` alone names no building
    start = doc.tokens[k].start + (1 if _glued_b(doc.tokens[k].n) else 0)
    return doc.text[start : doc.tokens[end].end]


def venue_near(doc: Doc, i: int, lo: int, hi: int) -> str | None:
    """The venue nearest the trigger at `i` among the tokens `lo`..`hi`."""
    found = [
        (abs(k - i), text)
        for k in range(max(lo, 0), min(hi, len(doc.tokens)))
        if doc.tokens[k].kind == "w" and doc.inside[k] is None and _head(doc, k)
        if (text := _phrase(doc, k, hi))
    ]
    return min(found)[1] if found else None
