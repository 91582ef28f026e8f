"""Who else makes a visit a frame found: the further places of one trip (`زيارتين إلى لبنان
وسوريا`), whoever goes along (`يرافقه Y`), and each person of a joint subject (`وصل A وB`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.arabic import normalize
from analysis.extraction.frame_doc import Candidate
from analysis.extraction.generic_bodies import is_generic_body
from analysis.extraction.results import ActorKind, Role

if TYPE_CHECKING:
    from analysis.extraction.frames import Frame


def more_stops(f: Frame, visit: Candidate) -> list[Candidate]:
    """`زيارتين إلى لبنان وسوريا`: one visit to each place joined to the first by `و`."""
    doc = f.clause.doc
    first = next(
        (
            m
            for m in doc.geo_between(f.clause.i, f.clause.next_boundary)
            if doc.text[m.start : m.end] == f.location
        ),
        None,
    )
    out: list[Candidate] = []
    while (
        first is not None
        and (nxt := doc.geo_at.get(first.last + 1)) is not None
        and doc.tokens[nxt.first].n[:1] == "و"
    ):
        stop = f.make(list(visit.participants))
        stop.location = doc.text[nxt.start : nxt.end]
        stop.emit, stop.tour_stop, visit.tour_stop = visit.emit, True, True
        out.append(stop)
        first = nxt
    return out


COMPANION_WORDS = frozenset(
    normalize(w) for w in "يرافقه يرافقها ويرافقه ويرافقها رافقه رافقها ورافقه ورافقها".split()
)


def companions(f: Frame, visit: Candidate) -> list[Candidate]:
    """`تصل X إلى بيروت، يرافقها Y`: whoever goes along makes the same visit."""
    doc, rng = f.clause.doc, f.clause.rng
    k = next((q for q in range(f.clause.i + 1, rng.stop) if doc.tokens[q].n in COMPANION_WORDS), None)
    if k is None:
        return []
    m = next((doc.inside[q] for q in range(k + 1, min(k + 3, rng.stop)) if doc.inside[q] is not None), None)
    if m is None or m.kind != ActorKind.PERSON or m.actor == visit.participants[0][0].actor:
        return []
    along = f.make([(m, Role.VISITOR)])
    along.emit = visit.emit
    return [along]


def co_visitors(f: Frame, visit: Candidate) -> list[Candidate]:
    """`وصل A وB إلى القاهرة`, `وصل كل من A وB`: each person of the verb's subjects makes a visit."""
    if not f.clause.trig.verb:
        return []
    out: list[Candidate] = []
    seen = {visit.participants[0][0].actor}
    for m in f.roles.subjects[1:]:
        if m.kind != ActorKind.PERSON or m.actor in seen or is_generic_body(m.actor):
            continue
        seen.add(m.actor)
        along = f.make([(m, Role.VISITOR)])
        along.emit, along.tour_stop = visit.emit, visit.tour_stop
        out.append(along)
    return out
