"""Who else makes a visit a frame found: the further places of one trip (`زيارتين إلى لبنان
وسوريا`), whoever goes along (`يرافقه Y`), and each person of a joint subject (`وصل A وB`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.frame_doc import Candidate
from analysis.extraction.generic_bodies import is_generic_body
from analysis.extraction.results import ActorKind, EngagementType, ExtractedEngagement, Role

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


_ALONG_WITH = frozenset(normalize(w) for w in "برفقة وبرفقة رفقة بصحبة وبصحبة".split())
_HEADING = (normalize("على"), normalize("رأس"))
_INCLUDING = frozenset(normalize(w) for w in "ضم يضم وضم ضمّ".split())
_MEMBERS_REACH = 40  # tokens: a delegation of four with their titles
_STOPS = frozenset(normalize(w) for w in "في إلى الى حيث بدعوة لدعوة تلبية وذلك إلا لكن".split())


def delegation_members(f: Frame, visit: Candidate) -> list[Candidate]:
    """`وصل X على رأس وفد ضم A وB`, `زار X دمشق برفقة A وB`: the persons listed make the visit
    with X, one engagement of all (fresh 11 AD03 Al-Iraq Times, fresh 16 U12 Al-Khabour; corpus
    A15 SANA-style lists only X and still matches)."""
    doc, rng = f.clause.doc, f.clause.rng
    tokens = doc.tokens
    start = next((q + 1 for q in range(f.clause.i + 1, rng.stop) if _opens_list(doc, q, rng)), None)
    if start is None:
        return []
    out: list[Candidate] = []
    seen = {m.actor for m, _ in visit.participants}
    q = start
    while q < min(rng.stop, start + _MEMBERS_REACH):
        m = doc.inside[q]
        if m is not None:
            if m.kind == ActorKind.PERSON and m.actor not in seen and not is_generic_body(m.actor):
                seen.add(m.actor)
                out.append(f.make([(m, Role.VISITOR)]))
            q = m.last + 1
            continue
        tok = tokens[q]
        if tok.kind == "p" and tok.text not in "،,":
            break
        if tok.kind == "w" and tok.n in _STOPS:
            break
        q += 1
    return out


def _opens_list(doc, q: int, rng: range) -> bool:
    """`برفقة`, or `على رأس وفد ضم` ending at `q`."""
    tokens = doc.tokens
    if doc.inside[q] is not None or tokens[q].kind != "w":
        return False
    if tokens[q].n in _ALONG_WITH:
        return True
    if tokens[q].n not in _INCLUDING:
        return False
    words = [tokens[k].n for k in range(max(rng.start, q - 6), q) if tokens[k].kind == "w"]
    return any(
        words[j : j + 2] == list(_HEADING) and any(w in lx.DELEGATIONS for w in words[j + 2 :])
        for j in range(len(words) - 1)
    )


def fold_restated_visits(engagements: list[ExtractedEngagement]) -> list[ExtractedEngagement]:
    """A visit of one visitor who makes, in another sentence, the same visit with company (`وصل X
    على رأس وفد ضم A وB` ... `الهدف من زيارة X`) is more evidence of that visit, not another one."""
    groups = [e for e in engagements if e.type == EngagementType.VISIT and len(e.participants) > 1]
    out: list[ExtractedEngagement] = []
    for e in engagements:
        group = next(
            (
                g
                for g in groups
                if e.type == EngagementType.VISIT
                and len(e.participants) == 1
                and e.participants[0].name in {p.name for p in g.participants}
                and e.location in (None, g.location)
                and e.status == g.status
            ),
            None,
        )
        if group is None:
            out.append(e)
        elif all(span.start != e.evidence.start for span in group.more_evidence):
            group.more_evidence.append(e.evidence)
    return out
