"""The seller of a sale approved: `وافقت X على بيع مقاتلات لـY`, `X وافقت على صفقة محتملة لبيع
منظومة لـY` — the subject of the approving verb (data: `approving` in `data/triggers.json`) is the
party that sells; the sale's nouns (`selling`) are arms transfers only with goods after them."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token
from analysis.extraction.arguments import subject_before
from analysis.extraction.frame_doc import Doc, trigger_at
from analysis.extraction.results import EngagementType

_ON = normalize("على")


def approver(doc: Doc, i: int, rng: range, etype: EngagementType) -> list[Mention]:
    """`وافقت X (في شباط) على بيع`, `X وافقت على صفقة (محتملة) لبيع`: the subject of the approving
    verb before the `على` of the noun at `i` (its deal noun between), the seller."""
    tokens = doc.tokens
    k = i - 1
    if tokens[i].n in lx.SELLING:  # `صفقة محتملة لبيع`: the deal the sale is
        deal = next((q for q in (k, k - 1) if q > rng.start and _deal_noun(tokens[q])), None)
        k = deal - 1 if deal is not None else k
    if k <= rng.start or tokens[k].n != _ON:
        return []
    k -= 1
    while k > rng.start and (doc.in_date[k] or tokens[k].n == "في" and doc.in_date[k + 1]):
        k -= 1
    after_verb = doc.inside[k]
    if after_verb is not None and after_verb.first > rng.start:  # VSO: `وافقت X على`
        k = after_verb.first - 1
    if tokens[k].n not in lx.APPROVING:
        return []
    return [after_verb] if after_verb is not None else subject_before(doc, k, rng, etype)


def _deal_noun(tok: Token) -> bool:
    hit = trigger_at(tok)
    return hit is not None and not hit[1] and hit[0] == EngagementType.ARMS_TRANSFER
