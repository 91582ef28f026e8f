"""Whether a trigger's clause tells of something still to come, when its verb stands far before it.

A news lead puts the time and the parties between the verb and the trigger noun it governs
(`يعقد الرئيسان X ونظيره Y، اليوم الاثنين، قمة`, `من المقرر أن يشارك X، اليوم الثلاثاء، في قمة`,
`يجري X، غدًا الأربعاء، زيارة`): the words that make it planned (a marker before the verb, today's
or tomorrow's time after it) belong to the clause however many names come between. Pure Python.
"""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction.frame_doc import Doc
from analysis.extraction.lexical import is_verb

__all__ = ["TOMORROW", "clause_verb", "tomorrow_in"]

# `غدا`, `يوم غد`, `بعد غد`: tomorrow is always still to come
TOMORROW = frozenset(normalize(w) for w in "غدا غداً وغدا غد".split())


def clause_verb(doc: Doc, i: int, lo: int) -> int | None:
    """The nearest verb before the trigger at `i`, back to `lo` (the clause's start)."""
    for k in range(i - 1, lo - 1, -1):
        tok = doc.tokens[k]
        if tok.kind == "w" and doc.inside[k] is None and is_verb(tok.n):
            return k
    return None


def tomorrow_in(doc: Doc, lo: int, hi: int) -> bool:
    """`غدًا`, `يوم غد` among the tokens `lo`..`hi`."""
    return any(doc.tokens[k].n in TOMORROW for k in range(lo, hi))
