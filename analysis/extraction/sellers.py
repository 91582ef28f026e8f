"""The seller of a sale approved: `وافقت X على بيع مقاتلات لـY`, `X وافقت على صفقة محتملة لبيع
منظومة لـY` — the subject of the approving verb (data: `approving` in `data/triggers.json`) is the
party that sells; the sale's nouns (`selling`) are arms transfers only with goods after them.
The sides of a purchase (`buying`: `لشراء`): the party right before it buys (`تخطط القاهرة لشراء
مقاتلات`), or the two sides of the deal its sentence signs (`وقّعت X اتفاقا مع Y لشراء`)."""

from __future__ import annotations

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token
from analysis.extraction.frame_doc import Candidate, Doc, trigger_at
from analysis.extraction.results import ActorKind, EngagementType
from analysis.extraction.set_off_verbs import subject_before_aside, word_before_aside

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
    k = word_before_aside(doc, k, rng, lx.APPROVING) or k - 1  # `X، وافقت، على بيع`
    while k > rng.start and (doc.in_date[k] or tokens[k].n == "في" and doc.in_date[k + 1]):
        k -= 1
    after_verb = doc.inside[k]
    if after_verb is not None and after_verb.first > rng.start:  # VSO: `وافقت X على`
        k = after_verb.first - 1
    if tokens[k].n not in lx.APPROVING:
        return []
    return [after_verb] if after_verb is not None else subject_before_aside(doc, k, rng, etype)


def _deal_noun(tok: Token) -> bool:
    hit = trigger_at(tok)
    return hit is not None and not hit[1] and hit[0] == EngagementType.ARMS_TRANSFER


_BUYER_REACH = 3  # `الجزائر تتعاقد على شراء`
_PREPOSITIONS = frozenset(normalize(w) for w in "من إلى الى مع عن في".split())
_WITH = normalize("مع")


def purchase_sides(doc: Doc, i: int, rng: range, in_sentence: list[Candidate]) -> list[Mention]:
    """The sides of a purchase noun at `i`: those of the deal its sentence signed before it
    (`وقّعت X اتفاقات مع Y ... لشراء مقاتلات`), else its buyer."""
    if doc.tokens[i].n not in lx.BUYING:
        return []
    deal = next((d for d in in_sentence if d.type == EngagementType.AGREEMENT and d.trigger < i), None)
    return [m for m, _ in deal.participants] if deal is not None else buyer(doc, i, rng)


def buyer(doc: Doc, i: int, rng: range) -> list[Mention]:
    """`تخطط القاهرة لشراء مقاتلات`, `بتعاقد الجزائر على شراء`: the party named right before a
    purchase noun (past `على` or one verb, no mark or preposition between) is the one who buys;
    `وقّعت X اتفاقا مع Y لشراء`: the deal's two sides, X and its partner Y, buy and sell. Not the
    party after `من` or `إلى` (`طلبت من روسيا شراء`: Russia is asked)."""
    m = _named_before(doc, i, rng)
    if m is None or m.first == rng.start:
        return [m] if m is not None else []
    before = doc.tokens[m.first - 1]
    if before.n == _WITH:  # `اتفاقا مع Y لشراء`: Y sells to the one who signed with it
        partner = _named_before(doc, m.first - 1, rng, reach=_BUYER_REACH + 1)
        return [partner, m] if partner is not None else []
    return [] if before.n in _PREPOSITIONS else [m]


def _named_before(doc: Doc, i: int, rng: range, reach: int = _BUYER_REACH) -> Mention | None:
    for k in range(i - 1, max(rng.start, i - reach) - 1, -1):
        m = doc.inside[k]
        if m is not None:
            return m if not m.embedded and m.kind != ActorKind.PLACE else None
        if doc.tokens[k].kind != "w" or doc.tokens[k].n in _PREPOSITIONS:
            return None
    return None


def given_to(doc: Doc, m: Mention, subjects: list[Mention]) -> bool:
    """`وسلمت الحكومة الروسية العراق 13 طائرة`: a state named right after a giving verb's subject,
    the verb's first object, is the one it is given to (not a place)."""
    return m.kind == ActorKind.STATE and any(s.last + 1 == m.first for s in subjects)
