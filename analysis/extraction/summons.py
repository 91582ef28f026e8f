"""Summonses: `استدعت الخارجية X السفير Y`, `أعلنت بغداد أنها ستستدعي السفير الأمريكي`, `قامت
باستدعاء سفيرها من تونس`. A state, ministry or person summons an envoy; CONVENTIONS: an unnamed
ambassador stands for his state, a named one is himself. The summoned is the named person
after the trigger, else the state of the unnamed envoy (his adjective, or `في`/`لدى`/`من` and a
state after `سفيرها`); the summoner is the trigger's subject, else the nearest state or body named
before it in the sentence (`أعلنت بغداد أنها ستستدعي`). Type `other` (a diplomatic act that is
neither a meeting nor an agreement). The trigger words are data (`data/triggers.json`, `other`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.arabic import normalize
from analysis.extraction.actor_records import Mention
from analysis.extraction.frame_doc import Candidate, Doc, pseudo_mention
from analysis.extraction.party_lists import state_of_unnamed
from analysis.extraction.results import ActorKind, Role

if TYPE_CHECKING:
    from analysis.extraction.frames import Frame

_OWN_ENVOYS = frozenset(normalize(w) for w in "سفيرها سفيره سفيرتها".split())
_POSTED_AT = frozenset(normalize(w) for w in "لدى في من".split())
_PARTY_KINDS = (ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.PERSON)


def summons_frames(f: Frame) -> list[Candidate]:
    """The summoner and the summoned of the trigger of `f`, as one `other` candidate."""
    c = f.clause
    doc, i = c.doc, c.i
    before = _named_before(doc, i, c.rng)
    summoner = f.subject if f.subject is not None else before
    summoned = _summoned(f)
    if (
        summoner is not None
        and summoner.first > i
        and summoner.kind == ActorKind.PERSON
        and before is not None
    ):
        # `الخارجية X؛ استدعت اليوم، سفيرها Y`: with a body before the verb the person after it is
        # its object (subject, verb, object), not its subject
        summoner, summoned = before, summoner
    if summoner is None or summoned is None or summoner.actor == summoned.actor:
        return []
    cand = f.make([(summoner, Role.INITIATOR), (summoned, Role.PARTICIPANT)])
    cand.subject = summoner  # the one a later pro-drop clause continues
    return [cand]


def _summoned(f: Frame) -> Mention | None:
    c = f.clause
    doc, i = c.doc, c.i
    person = next((o[0] for o in f.roles.objects if o[0].kind == ActorKind.PERSON), None)
    if person is not None:
        return person
    state = state_of_unnamed(doc, i, c.next_boundary)
    if state is None:
        state = _posted_at(doc, i, c.next_boundary)
    return pseudo_mention(state, i) if state is not None else None


def _posted_at(doc: Doc, i: int, stop: int) -> str | None:
    """`باستدعاء سفيرها من تونس`, `سفيره لدى طهران`: the state where the own envoy serves."""
    k = i + 1
    if k + 2 > stop or doc.tokens[k].n not in _OWN_ENVOYS or doc.tokens[k + 1].n not in _POSTED_AT:
        return None
    m = doc.geo_at.get(k + 2)
    return m.actor if m is not None and m.kind == ActorKind.STATE else None


def _named_before(doc: Doc, i: int, rng: range) -> Mention | None:
    """The nearest state or body (not inside a title) named before the trigger in its sentence."""
    for k in range(i - 1, rng.start - 1, -1):
        m = doc.inside[k]
        if m is not None and not m.embedded and m.kind in _PARTY_KINDS[:2]:
            return m
    return None
