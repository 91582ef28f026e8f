"""Accepted candidates become engagements: one per pair of parties (or visitor) in a document,
its most probable sentence as evidence and the others as more evidence; a pair the rules already
report adds its sentence to that engagement instead. Type from the nearest trigger word, status
planned on a future or intention marker, date as the rules date that sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from analysis.arabic import DateValue, Precision
from analysis.extraction.interactions.candidates import Candidate, Document
from analysis.extraction.interactions.words import token_reading, trigger_of
from analysis.extraction.results import (
    UNKNOWN_DATE,
    DateMention,
    EngagementType,
    ExtractedEngagement,
    Participant,
    Role,
    Span,
    Status,
)

Key = tuple[frozenset[str], bool, bool]  # parties, a visit, planned


def _status(doc: Document | None, cand: Candidate) -> Status:
    """The candidate's status; without the document (training's simulation) every one is reported."""
    return Status.PLANNED if doc is not None and planned(doc, cand) else Status.REPORTED


def _restates(doc: Document | None, cand: Candidate) -> bool:
    """A headline's candidate (with the document): the headline retells the story in its own tense (a
    present `يلتقي` for a meeting the body tells as planned), so it opens no second interaction by it."""
    return doc is not None and cand.sentence.index == 0


def _key(doc: Document | None, cand: Candidate) -> Key:
    return frozenset(cand.parties), cand.place is not None, _status(doc, cand) == Status.PLANNED


def _add_evidence(e: ExtractedEngagement, doc: Document, cand: Candidate) -> None:
    sent = cand.sentence
    if sent.start == e.evidence.start or any(s.start == sent.start for s in e.more_evidence):
        return
    e.more_evidence.append(Span(doc.text[sent.start : sent.end], sent.start, sent.end))


def _anchor(cand: Candidate) -> int:
    spots = [m.first for m in (*cand.mentions, cand.place) if m is not None]
    return sum(spots) // len(spots) if spots else cand.sentence.tokens.start


def engagement_type(doc: Document, cand: Candidate) -> EngagementType:
    """A visit for an actor-and-place candidate; else the type of the trigger nearest the parties."""
    if cand.place is not None:
        return EngagementType.VISIT
    anchor = _anchor(cand)
    best: tuple[int, str] | None = None
    for i in cand.sentence.tokens:
        hit = trigger_of(doc.analysis.tokens[i])
        if (
            hit is not None
            and hit[0] != EngagementType.STATEMENT
            and (best is None or abs(i - anchor) < best[0])
        ):
            best = (abs(i - anchor), hit[0])
    return EngagementType(best[1]) if best else EngagementType.MEETING


def planned(doc: Document, cand: Candidate) -> bool:
    """A future verb trigger (`سيلتقي`) or an intention marker (`من المقرر`, `يعتزم`) in the sentence."""
    return any(
        token_reading(doc.analysis.tokens[i]).cues & {"planned_marker", "future_verb"}
        for i in cand.sentence.tokens
    )


def sentence_date(doc: Document, cand: Candidate, dates: Sequence[DateMention], published: date | None):
    """The date of the sentence's own rule engagement or of a day written in it; for a reported
    interaction, else the date of the rule engagement before it (the story's day), else the
    publication date; a planned one has no date unless its sentence gives one."""
    sent = cand.sentence
    for e in sent.rules:
        if e.date.year is not None:
            return e.date, e.date_text
    for d in dates:
        if sent.start <= d.start < sent.end and d.value.precision == Precision.DAY:
            return d.value, d.text
    if planned(doc, cand):
        return UNKNOWN_DATE, None
    before = [e for e in doc.engagements if e.evidence.start < sent.start and e.date.year is not None]
    if before:
        return before[-1].date, before[-1].date_text
    if published is not None:
        return DateValue.of(published), None
    return UNKNOWN_DATE, None


def _engagement(
    doc: Document, cand: Candidate, dates: Sequence[DateMention], published: date | None
) -> ExtractedEngagement:
    sent = cand.sentence
    etype = engagement_type(doc, cand)
    role = Role.VISITOR if cand.place is not None else Role.PARTICIPANT
    day, date_text = sentence_date(doc, cand, dates, published)
    location = cand.place.actor if cand.place is not None else None
    if location is None:
        location = next((e.location for e in sent.rules if e.location), None)
    return ExtractedEngagement(
        type=etype,
        participants=[Participant(name=n, role=role) for n in cand.parties],
        evidence=Span(doc.text[sent.start : sent.end], sent.start, sent.end),
        date=day,
        date_text=date_text,
        location=location,
        status=Status.PLANNED if planned(doc, cand) else Status.REPORTED,
    )


def covering(
    cand: Candidate,
    kept: Sequence[tuple[frozenset[str], EngagementType]],
    statuses: Sequence[Status] = (),
    status: Status = Status.REPORTED,
) -> int | None:
    """The index of the kept engagement (parties, type) that already reports this candidate: one
    with both its parties, or for a visit candidate a visit by its visitor; with the kept ones'
    `statuses`, one of the candidate's `status` too (a planned meeting and a past one are two)."""
    parties, visit = frozenset(cand.parties), cand.place is not None
    for k, (names, etype) in enumerate(kept):
        if statuses and statuses[k] != status:
            continue
        if parties <= names and (not visit or etype == EngagementType.VISIT):
            return k
    return None


def decide(
    new: Sequence[tuple[Candidate, float]],
    kept: Sequence[tuple[frozenset[str], EngagementType]],
    *,
    doc: Document | None = None,
    statuses: Sequence[Status] = (),
) -> tuple[dict[Key, tuple[Candidate, float]], list[tuple[Candidate, int | None, Key]]]:
    """Which accepted candidates become engagements (the most probable one per key) and which only
    add evidence: to a kept engagement (its index) or to the new engagement of their key (None, and
    that key). With `doc` and the kept ones' `statuses`, planned and reported interactions of a pair
    stay apart, except that a headline's candidate joins its pair's interaction whatever its status."""
    made: dict[Key, tuple[Candidate, float]] = {}
    extra: list[tuple[Candidate, int | None, Key]] = []
    for cand, p in sorted(new, key=lambda cp: (_restates(doc, cp[0]), -cp[1], cp[0].sentence.start)):
        key = _key(doc, cand)
        if _restates(doc, cand):  # after the body's candidates: joins one of its pair, whatever its status
            key = next((m for m in made if m[:2] == key[:2]), key)
            k = covering(cand, kept)
        else:
            k = covering(cand, kept, statuses, _status(doc, cand))
        if k is not None or key in made:
            extra.append((cand, k, key))
        else:
            made[key] = (cand, p)
    return made, extra


def made_from(
    engagements: Sequence[ExtractedEngagement], new: Sequence[tuple[Candidate, float]]
) -> list[tuple[ExtractedEngagement, Candidate]]:
    """The engagements `merge_new` made from new candidates, each with its candidate (by evidence
    sentence and parties)."""
    by_key = {(c.sentence.start, frozenset(c.parties)): c for c, _ in new}
    out = []
    for e in engagements:
        cand = by_key.get((e.evidence.start, frozenset(p.name for p in e.participants)))
        if cand is not None and not e.cues:
            out.append((e, cand))
    return out


def merge_new(
    doc: Document,
    kept: list[ExtractedEngagement],
    new: list[tuple[Candidate, float]],
    dates: Sequence[DateMention],
    published: date | None = None,
) -> list[ExtractedEngagement]:
    """`kept` (rule engagements) plus one engagement per new pair, most probable sentence first."""
    made, extra = decide(
        new,
        [(frozenset(p.name for p in e.participants), e.type) for e in kept],
        doc=doc,
        statuses=[e.status for e in kept],
    )
    engagements = {key: _engagement(doc, cand, dates, published) for key, (cand, _) in made.items()}
    for cand, k, key in extra:
        target = kept[k] if k is not None else engagements[key]
        _add_evidence(target, doc, cand)
    out = kept + list(engagements.values())
    out.sort(key=lambda e: e.evidence.start)
    return out
