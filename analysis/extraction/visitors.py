"""Which of a meeting's two persons a visit noun after it belongs to: the one from abroad.

`التقى وزير الخارجية الروسي A في دمشق، بالرئيس B، في زيارة`: the noun follows the person met, yet
the trip is the one of the party whose title names a state other than the place visited
(`التقى الرئيس B في دمشق وزير الدفاع الروسي A في زيارة`: A, named last, came). Pure Python.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache, partial

from analysis.extraction import lexicon as lx
from analysis.extraction.actor_tokens import tokenize
from analysis.extraction.actors import Mention, Token
from analysis.extraction.event_places import first_dateline, past_escort, states_named
from analysis.extraction.frame_doc import COMMAS, PAIRWISE, TALK_TYPES, Candidate, Doc, trigger_at
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


def actor_nationalities(doc: Doc, actor: str) -> frozenset[str]:
    """The states named by the titles of an actor's mentions anywhere in the article (`وزير
    الخارجية الإيراني محمد جواد ظريف` first, `ظريف` alone at the meeting)."""
    found: frozenset[str] = frozenset()
    for m in doc.mentions:
        if m.actor == actor and m.kind == ActorKind.PERSON and not m.embedded:
            found |= nationalities(doc, m)
    return found


def _opens_title(doc: Doc, k: int) -> bool:
    """`A، وزير الدفاع التركي`, not `A، العاصمة القطرية` or `A، في العاصمة التركية`: an apposition
    opens with a title's head or `نظيره`."""
    if k >= len(doc.tokens):
        return False
    word = doc.tokens[k].n
    return word in lx.PERSON_TITLE_HEADS or word in lx.RANKS or word.startswith("نظير")


_ENVOY_WORDS = ("سفير", "القائم", "ملحق")  # an envoy received where he serves makes no visit


def guests_from_abroad(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """`استقبل رئيس الوزراء الأردني في عمان وزير الدفاع العراقي`: a person met whose title names a
    state other than the one of the place (or, with no place, of the host who received him, or of
    the dateline), met by someone of that state, is visiting it."""
    cued = any(_visit_cue(t) for k, t in enumerate(doc.tokens) if doc.inside[k] is None)
    visited: dict[str, frozenset[str]] = {}  # each visitor: the states of the places he visits
    for c in candidates:
        if c.type == EngagementType.VISIT and c.emit:
            actor = c.participants[0][0].actor
            visited[actor] = visited.get(actor, frozenset()) | _place_states(c.location)
    dateline = first_dateline(doc)
    nationals = cache(partial(actor_nationalities, doc))  # read once per actor
    out: list[Candidate] = []
    for cand in candidates:
        if not cand.emit or cand.type not in TALK_TYPES:
            continue
        persons = [(m, role) for m, role in cand.participants if m.kind == ActorKind.PERSON]
        states = {m.actor: _title_states(doc, m) or nationals(m.actor) for m, _ in persons}
        for m, role in persons:
            theirs = states[m.actor]
            if role == Role.HOST or m.actor in visited or not theirs or _envoy(doc, m):
                continue
            if any(visited.get(o.actor, frozenset()) & theirs for o, _ in persons):
                continue  # the other party came to the guest's state: the meeting is in his visit
            place, destination = _destination(doc, cand, m, persons, dateline)
            # someone of the destination's state, or a host whose title names no state
            local = [
                o
                for o, r in persons
                if states[o.actor] <= destination and (states[o.actor] or r == Role.HOST)
            ]
            if not destination or theirs & destination or not local:
                continue
            if not cued and not states_named(place):
                continue  # a visit read from the host's state alone needs the article to tell of one
            visited[m.actor] = destination
            out.append(
                replace(
                    cand,
                    type=EngagementType.VISIT,
                    participants=[(m, Role.VISITOR)],
                    location=place,
                    same_as=None,
                )
            )
    return out


def _destination(
    doc: Doc, cand: Candidate, guest: Mention, persons: list[tuple[Mention, Role]], dateline: str | None
) -> tuple[str | None, frozenset[str]]:
    """Where the guest is and the states it names: a place right after his name (`وزير الخارجية
    الأرمني A في طهران`), the meeting's place, the state of the one host who received him, or the
    dateline's place."""
    after = _place_after(doc, guest)
    if states := states_named(after):
        return after, states
    if states := states_named(cand.location):
        return cand.location, states
    hosts = [m for m, role in persons if role == Role.HOST]
    if len(hosts) == 1 and (states := nationalities(doc, hosts[0])):
        return cand.location, states
    return dateline, states_named(dateline)


def _title_states(doc: Doc, m: Mention) -> frozenset[str]:
    """The states a person's title names, by adjective or by name (`أمير دولة قطر`)."""
    return nationalities(doc, m) | states_named(_title_text(doc, m))


def _title_text(doc: Doc, m: Mention) -> str:
    """The title before the name (`المبعوث الأمريكي إلى ليبيا`: a post there, not a visit)."""
    first = m.title_first if m.title_first is not None else m.first
    return doc.text[doc.tokens[first].start : m.start]


def _place_states(place: str | None) -> frozenset[str]:
    """The states a place names, also by an adjective (`العاصمة العراقية`: العراق)."""
    adjectives = (lx.DEMONYM_FORMS.get(t.n) for t in tokenize(place or ""))
    return states_named(place) | {s for s in adjectives if s}


def _place_after(doc: Doc, m: Mention) -> str | None:
    """`وزير الخارجية الأرمني A في طهران`, `A، والوفد المرافق له، بدمشق`: a place right after the
    name (and its escort), in `في` or with a clitic `ب`."""
    k = past_escort(doc, m.last) + 1
    n = len(doc.tokens)
    while k < n and (doc.tokens[k].text in COMMAS or doc.in_date[k]):
        k += 1
    if k < n and doc.tokens[k].n == "في":
        k += 1
    geo = doc.geo_at.get(k)
    if geo is None or doc.tokens[k - 1].n != "في" and doc.tokens[k].n[:1] != "ب":
        return None
    return doc.text[geo.start : geo.end]


def _visit_cue(tok: Token) -> bool:
    if tok.n in lx.TOUR_NOUNS or tok.n.removeprefix("و") in lx.VISIT_CUES:
        return True
    return (hit := trigger_at(tok)) is not None and hit[0] == EngagementType.VISIT


def _envoy(doc: Doc, m: Mention) -> bool:
    first = m.title_first if m.title_first is not None else m.first
    return any(w in doc.tokens[k].n for k in range(first, m.last + 1) for w in _ENVOY_WORDS)
