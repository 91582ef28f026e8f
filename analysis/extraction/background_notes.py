"""Background notes of a news item: `يذكر أن ...`, `يشار إلى أن ...`, `تجدر الإشارة إلى أن ...`,
`والجدير بالذكر أن ...` open a sentence that recalls an earlier or other fact (`يذكر أن X تولى
المنصب بعد مقتل Y في يناير 2020`). Its dates are that fact's: an engagement told in the next
sentence does not borrow them. The openers are data (`data/background_markers.json`)."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.arabic import normalize
from analysis.extraction.frame_doc import Doc

_DATA = json.loads((Path(__file__).parent / "data" / "background_markers.json").read_text(encoding="utf-8"))
_OPENERS = frozenset(normalize(w) for w in _DATA["openers"])
_FOLLOWERS = frozenset(normalize(w) for w in _DATA["followers"])


def opens_background(doc: Doc, sentence: int) -> bool:
    """The sentence begins with a background note's opener (a leading `و` allowed)."""
    rng = doc.sentence_tokens(sentence)
    if len(rng) < 2:
        return False
    first, second = doc.tokens[rng.start].n, doc.tokens[rng.start + 1].n
    if first.startswith("و") and first[1:] in _OPENERS:
        first = first[1:]
    return first in _OPENERS and second in _FOLLOWERS
