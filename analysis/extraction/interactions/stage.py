"""The interaction stage of the pipeline: after the rules' `find_engagements`, the learned model
scores every candidate interaction (`candidates.py`); candidates it accepts become engagements,
rule engagements it rejects strongly are dropped, and every engagement gets the cues it was scored
on. Its probabilities decide; they are not stated: the calibration stage (`calibration.py`) states
each engagement's confidence. Without a model file the rule engagements pass through unchanged. The model learns its thresholds (`learn.py`): where it cannot beat the rules on
held-out documents it accepts no new kind and only judges the rule engagements.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from contextvars import ContextVar
from datetime import date

from analysis.extraction.actors import ActorAnalysis
from analysis.extraction.interactions.candidates import (
    ALL_NEW,
    Candidate,
    Document,
    accepted,
    build_document,
    sentence_candidates,
)
from analysis.extraction.interactions.cues import engagement_cues
from analysis.extraction.interactions.features import candidate_features, sentence_features
from analysis.extraction.interactions.merge import made_from, merge_new
from analysis.extraction.interactions.model import load_model
from analysis.extraction.results import DateMention, ExtractedEngagement
from analysis.extraction.training import StageInput, recording

_COLLECT: ContextVar[list[StageInput] | None] = ContextVar("interaction_collect", default=None)


def rule_outputs() -> AbstractContextManager[list[StageInput]]:
    """While open, the stage records each document's rule output and changes nothing."""
    return recording(_COLLECT)


def featured_candidates(
    doc: Document, new: Collection[str] = ALL_NEW, *, covered: bool = False
) -> list[tuple[Candidate, list[str]]]:
    """Every candidate of the document (new ones of the kinds in `new`; with `covered`, also the pairs
    the rules report) with its features."""
    out = []
    for sent in doc.sentences:
        cands = sentence_candidates(sent, new, covered=covered)
        if cands:
            shared = sentence_features(doc, sent)
            out.extend((cand, candidate_features(doc, cand, shared)) for cand in cands)
    return out


def refine_engagements(
    text: str,
    analysis: ActorAnalysis,
    dates: Sequence[DateMention],
    engagements: list[ExtractedEngagement],
    *,
    published: date | None = None,
) -> list[ExtractedEngagement]:
    """The rule engagements, judged by the model, plus the interactions the model finds
    (`published`: the article's date, for a reported interaction the text dates no other way)."""
    if (seen := _COLLECT.get()) is not None:
        seen.append(StageInput(text, analysis, tuple(dates), tuple(engagements), published))
        return engagements
    model = load_model()
    if model is None:
        return engagements
    open_kinds = {kind for kind, threshold in model.accept.items() if threshold <= 1.0}
    doc = build_document(text, analysis, engagements, visit_words="visit" in open_kinds)
    featured = featured_candidates(doc, open_kinds)
    scored = [(cand, model.probability(features, cand.kind)) for cand, features in featured]
    kept = []
    for (cand, p), (_, features) in zip(scored, featured, strict=True):
        if cand.rule is not None:
            cand.rule.cues = engagement_cues(doc, cand, features)
            if p >= model.drop:
                kept.append(cand.rule)
    cues = {
        id(cand): engagement_cues(doc, cand, features) for cand, features in featured if cand.rule is None
    }
    new = [(c, p) for c, p in scored if accepted(c, p, model.accept)]
    out = merge_new(doc, kept, new, dates, published)
    for e, cand in made_from(out, new):
        e.cues = cues[id(cand)]
    return out
