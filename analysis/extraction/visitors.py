"""Which of a meeting's two persons a visit noun after it belongs to: the one from abroad.

`التقى وزير الخارجية الروسي A في دمشق، بالرئيس B، في زيارة`: the noun follows the person met, yet
the trip is the one of the party whose title names a state other than the place visited
(`التقى الرئيس B في دمشق وزير الدفاع الروسي A في زيارة`: A, named last, came). Pure Python.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token
from analysis.extraction.event_places import states_named
from analysis.extraction.frame_doc import PAIRWISE, TALK_TYPES, Candidate, Doc, trigger_at
from analysis.extraction.results import ActorKind, EngagementType, Role

__all__ = ["guests_from_abroad", "visitor_from_abroad"]

_HOSTING = ("استقبل", "يستقبل", "سيستقبل", "تستقبل", "ستستقبل", "استضاف")
_TITLE_REACH = 8  # words of a title in apposition after the name


def visitor_from_abroad(doc: Doc, rng: range, i: int, nearest: Mention, place: str | None) -> Mention:
    """The visitor of a visit noun at `i` whose nearest person is `nearest`: the first person of
    the sentence, the subject of a meeting verb before it, when that person's title names a state
    other than the one of `place` and the nearest person's names no other; else `nearest`."""
    destination = states_named(place)
    verb = _meeting_verb(doc, rng.start, nearest.first)
    if not destination or verb is None:
        return nearest
    lead = next(
        (
            m
            for k in range(max(rng.start, verb - _TITLE_REACH), nearest.first)
            if (m := doc.mention_at.get(k)) is not None and m.kind == ActorKind.PERSON and not m.embedded
        ),
        None,
    )
    if lead is None or lead.actor == nearest.actor:
        return nearest
    theirs, ours = nationalities(doc, lead), nationalities(doc, nearest)
    if theirs and not theirs & destination and (not ours or ours <= destination):
        return lead
    return nearest


def _meeting_verb(doc: Doc, lo: int, hi: int) -> int | None:
    """A verb of meeting (not of receiving a guest) between `lo` and `hi`."""
    for k in range(lo, hi):
        hit = trigger_at(doc.tokens[k]) if doc.inside[k] is None else None
        if hit is not None and hit[1] and hit[0] in PAIRWISE:
            return None if hit[2].startswith(_HOSTING) else k
    return None


def nationalities(doc: Doc, m: Mention) -> frozenset[str]:
    """The states a person's title names by their adjective: the title before the name, or one
    after it between commas or brackets (`A (قائد القيادة الوسطى للجيش الأمريكي)`)."""
    first = m.title_first if m.title_first is not None else m.first
    span = list(range(first, m.last + 1))
    k = first - 1
    if k >= 0 and doc.tokens[k].n == ")":  # `(رئيس الوزراء العراقي) B`
        while k > 0 and doc.tokens[k].n != "(" and first - k <= _TITLE_REACH + 1:
            k -= 1
            span.append(k)
    k = m.last + 1
    if k < len(doc.tokens) and doc.tokens[k].n in ("(", "،", ",") and _opens_title(doc, k + 1):
        for q in range(k + 1, min(k + 1 + _TITLE_REACH, len(doc.tokens))):
            other = doc.inside[q]
            if (
                doc.tokens[q].kind == "p"
                or other is not None
                and other is not m
                and other.kind == ActorKind.PERSON
            ):
                break
            span.append(q)
    return frozenset(s for q in span if (s := lx.DEMONYM_FORMS.get(doc.tokens[q].n)))


def _opens_title(doc: Doc, k: int) -> bool:
    """`A، وزير الدفاع التركي`, not `A، العاصمة القطرية` or `A، في العاصمة التركية`: an apposition
    opens with a title's head or `نظيره`."""
    if k >= len(doc.tokens):
        return False
    word = doc.tokens[k].n
    return word in lx.PERSON_TITLE_HEADS or word in lx.RANKS or word.startswith("نظير")


_ENVOY_WORDS = ("سفير", "القائم", "ملحق")  # an envoy received where he serves makes no visit


def guests_from_abroad(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`استقبل رئيس الوزراء الأردني في عمان وزير الدفاع العراقي`: in an article that tells of a visit,
    a person met whose title names a state other than the one of the place (or, with no place, of
    the host who received him), met by someone of that state, is visiting it."""
    if not any(_visit_cue(t) for k, t in enumerate(doc.tokens) if doc.inside[k] is None):
        return []  # not `فيصل` read as `ف` + `يصل`
    visiting = {c.participants[0][0].actor for c in candidates if c.type == EngagementType.VISIT and c.emit}
    out: list[Candidate] = []
    for cand in candidates:
        if not cand.emit or cand.type not in TALK_TYPES:
            continue
        persons = [(m, role) for m, role in cand.participants if m.kind == ActorKind.PERSON]
        hosts = [m for m, role in persons if role == Role.HOST]
        destination = states_named(cand.location)
        if not destination and len(hosts) == 1:
            destination = nationalities(doc, hosts[0])
        if not destination:
            continue
        states = {m.actor: nationalities(doc, m) for m, _ in persons}
        local = [m for m, _ in persons if states[m.actor] and states[m.actor] <= destination]
        for m, role in persons:
            theirs = states[m.actor]
            if role == Role.HOST or m.actor in visiting or not theirs or theirs & destination:
                continue
            if not local or _envoy(doc, m):
                continue
            visiting.add(m.actor)
            out.append(
                replace(cand, type=EngagementType.VISIT, participants=[(m, Role.VISITOR)], same_as=None)
            )
    return out


def _visit_cue(tok: Token) -> bool:
    if tok.n in lx.TOUR_NOUNS or tok.n.removeprefix("و") in lx.VISIT_CUES:
        return True
    return (hit := trigger_at(tok)) is not None and hit[0] == EngagementType.VISIT


def _envoy(doc: Doc, m: Mention) -> bool:
    first = m.title_first if m.title_first is not None else m.first
    return any(w in doc.tokens[k].n for k in range(first, m.last + 1) for w in _ENVOY_WORDS)
