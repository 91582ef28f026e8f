"""`كما التقى وزير الخارجية المصري نظيرته A ... وB`: a counterpart (`نظيره`, `نظيرته`) right after a
title that names no one it could link to is the object of the verb; its subject is that unnamed
title, not A (fresh 11 Alrakoba H03; fresh 16 ...)."""

from __future__ import annotations

from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, _forms
from analysis.extraction.frame_doc import Doc
from analysis.extraction.title_holders import COUNTERPARTS


def counterpart_after_title(doc: Doc, i: int, m: Mention) -> bool:
    """The first party after the verb at `i` opens with a counterpart word, and a person's title that
    is part of no mention stands between the verb and it."""
    start = m.title_first if m.title_first is not None else m.first
    counterpart = next((k for k in range(i + 1, m.first + 1) if doc.tokens[k].n in COUNTERPARTS), None)
    if counterpart is None or counterpart > max(start, m.first):
        return False
    return any(
        doc.inside[k] is None and any(f in lx.PERSON_TITLE_HEADS for f in _forms(doc.tokens[k].n))
        for k in range(i + 1, counterpart)
    )
