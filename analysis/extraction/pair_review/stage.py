"""The pair review stage of the pipeline, after the interaction stage (`interactions.stage`) and
before the confidence stage: its model scores every pair of actors the document names together or
its output links (`candidates.py`, `features.py`); an unlinked pair it believes becomes an engagement
(evidence its most probable sentence, type, date and status as `interactions.merge` makes them; the
pairs of one sentence that link three or more parties each to each become one engagement) and
an engagement whose every pair of parties it doubts is dropped (`decisions.py`). Without a model file
the engagements pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from contextvars import ContextVar
from dataclasses import replace
from datetime import date

from analysis.extraction.actors import ActorAnalysis
from analysis.extraction.interactions.candidates import Candidate, Document, build_document
from analysis.extraction.interactions.cues import engagement_cues
from analysis.extraction.interactions.merge import made_from, merge_new
from analysis.extraction.interactions.model import load_model
from analysis.extraction.pair_review.candidates import PairCandidate, document_pairs
from analysis.extraction.pair_review.decisions import Scored, decide, together
from analysis.extraction.pair_review.features import pair_features
from analysis.extraction.pair_review.model import add_threshold, load_review_model
from analysis.extraction.results import DateMention, ExtractedEngagement, Participant, Role
from analysis.extraction.training import StageInput, recording

_COLLECT: ContextVar[list[StageInput] | None] = ContextVar("pair_review_collect", default=None)


def review_inputs() -> AbstractContextManager[list[StageInput]]:
    """While open, the stage records each document's input and changes nothing."""
    return recording(_COLLECT)


def review_document(
    text: str, analysis: ActorAnalysis, engagements: Sequence[ExtractedEngagement]
) -> Document:
    """The document as the review reads it: sentences, mentions and the output engagements."""
    return build_document(text, analysis, engagements, visit_words=False)


def sentence_choices(pair: PairCandidate) -> list[tuple[Candidate, float]]:
    """The sentences naming both parties with the interaction model's probability (the most probable
    becomes the evidence of the engagement made of the pair)."""
    return [(r.candidate, r.probability or 0.0) for r in pair.named_readings()]


def made_engagements(
    doc: Document,
    kept: list[ExtractedEngagement],
    pairs: Sequence[PairCandidate],
    dates: Sequence[DateMention],
    published: date | None,
) -> list[ExtractedEngagement]:
    """`kept` plus one engagement per pair of `pairs` (`interactions.merge.merge_new`), with its cues."""
    new = [choice for pair in pairs for choice in sentence_choices(pair)]
    out = merge_new(doc, kept, new, dates, published)
    features = {id(r.candidate): r.features for pair in pairs for r in pair.readings}
    made = made_from(out, new)
    for e, cand in made:
        e.cues = engagement_cues(doc, cand, features[id(cand)])
    keys = [(frozenset(p.name for p in e.participants), (e.evidence.start, e.type)) for e, _ in made]
    gone = [e for group in together(keys) if len(group) > 1 for e in _fold([made[k][0] for k in group])]
    return [e for e in out if all(e is not x for x in gone)]


def _fold(engagements: list[ExtractedEngagement]) -> list[ExtractedEngagement]:
    """Make the first engagement the one of all their parties and evidence; the others (returned) go."""
    first, *others = engagements
    names = dict.fromkeys(p.name for e in engagements for p in e.participants)
    first.participants = [Participant(name=n, role=Role.PARTICIPANT) for n in names]
    seen = {first.evidence.start, *(s.start for s in first.more_evidence)}
    for span in (s for e in others for s in (e.evidence, *e.more_evidence)):
        if span.start not in seen:
            seen.add(span.start)
            first.more_evidence.append(span)
    return others


def review_pairs(
    text: str,
    analysis: ActorAnalysis,
    dates: Sequence[DateMention],
    engagements: list[ExtractedEngagement],
    *,
    published: date | None = None,
) -> list[ExtractedEngagement]:
    """The engagements with the pairs the review model adds and without those it drops."""
    if (seen := _COLLECT.get()) is not None:
        # copies: the confidence stage adds cues to the engagements afterwards, which this stage never sees
        snapshot = tuple(
            replace(e, cues=list(e.cues), more_evidence=list(e.more_evidence)) for e in engagements
        )
        seen.append(StageInput(text, analysis, tuple(dates), snapshot, published))
        return engagements
    model = load_review_model()
    if model is None:
        return engagements
    doc = review_document(text, analysis, engagements)
    pairs = document_pairs(doc, load_model())
    scored = [Scored(pair.key, pair.linked, model.probability(pair_features(doc, pair))) for pair in pairs]
    kept, added = decide(
        scored, [[p.name for p in e.participants] for e in engagements], add_threshold(model), model.drop
    )
    if len(kept) == len(engagements) and not added:
        return engagements
    return made_engagements(doc, [engagements[k] for k in kept], [pairs[k] for k in added], dates, published)
