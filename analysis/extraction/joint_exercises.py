"""Joint exercises: a training noun said joint with a partner (`أعلن المغرب عن القيام بمناورات عسكرية
مشتركة مع الولايات المتحدة`, `أعلن الجيش المصري عن انطلاق التدريب العسكري المشترك مع الإمارات`):
the partner after `مع` is one side, the party the sentence names before the noun the other."""

from __future__ import annotations

from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention
from analysis.extraction.announced_acts import announcing_subject
from analysis.extraction.arguments import as_place
from analysis.extraction.frame_doc import WITH, Doc, trigger_at
from analysis.extraction.results import ActorKind, EngagementType

_REACH = 3  # words from the noun to the joint word (`مناورات عسكرية بحرية مشتركة مع`)
_HOLDERS = (ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.STATE)


def joint_with(doc: Doc, i: int, stop: int) -> bool:
    """A joint word within a few words after the noun at `i`, then `مع`."""
    words = [k for k in range(i + 1, min(stop, i + 1 + 2 * _REACH)) if doc.tokens[k].kind == "w"][:_REACH]
    return any(
        doc.tokens[k].n in lx.JOINT_WORDS and k + 1 < stop and doc.tokens[k + 1].n == WITH for k in words
    )


def joint_holder(doc: Doc, i: int, rng: range, stop: int) -> list[Mention]:
    """The party that holds a joint exercise with a partner: the nearest one named before the noun in
    its sentence, past no other engagement verb (`أعلن المغرب عن القيام بمناورات مشتركة مع Y`)."""
    if not joint_with(doc, i, stop):
        return []
    k = i - 1
    while k >= rng.start:
        m = doc.inside[k]
        if m is not None:
            if not m.embedded and m.kind in _HOLDERS and not as_place(doc, m):
                return [] if m.kind == ActorKind.PERSON and announcing_subject(doc, i, rng) is m else [m]
            k = m.first - 1
            continue
        hit = trigger_at(doc.tokens[k])
        if hit is not None and hit[1]:
            return []  # another verb's clause
        k -= 1
    return []


def qualifies_engagement(doc: Doc, i: int, rng: range) -> bool:
    """The joint word at `i` describes a training, deal or transfer noun just before it
    (`مناورات عسكرية مشتركة مع`, `اتفاقية الدفاع المشترك مع`), not a joint appearance."""
    words = [k for k in range(i - 1, max(rng.start, i - 1 - 2 * _REACH) - 1, -1) if doc.tokens[k].kind == "w"]
    for k in words[: _REACH + 1]:
        hit = trigger_at(doc.tokens[k])
        if hit is not None and not hit[1]:
            return hit[0] != EngagementType.MEETING
    return False
