"""An organisation after the unnamed head met as such (`بحث X مع رئيس Y`, `التقى X برئيس Y`): the
body is the party met (CONVENTIONS: the body, when no named person of it acts), where a title that
only describes (`رئيس هيئة الأركان يلتقي`) adds none. Seen in Manchette (V05 `يلتقي ... بزعيم
جماعة الحوثي`). Read by the frame document, before its mentions are placed.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token, _forms
from analysis.extraction.results import ActorKind

_WITH = normalize("مع")


def met_through_head(tokens: Sequence[Token], m: Mention) -> bool:
    """`بحث X مع رئيس Y`, `التقى X برئيس Y`: the organisation `m` after an unnamed head met as
    such (`مع` before the title, or `ب` on it); no party where the title only describes
    (`رئيس هيئة الأركان يلتقي`: the rules' `_in_unnamed_title`)."""
    if m.kind != ActorKind.ORGANIZATION or m.first < 2:
        return False
    head = tokens[m.first - 1].n
    if not any(f in lx.PERSON_TITLE_HEADS for f in _forms(head)):
        return False
    with_before = tokens[m.first - 2].n == _WITH
    b_clitic = head[:1] == "ب" and head[1:] in lx.PERSON_TITLE_HEADS
    return with_before or b_clitic
