"""The pair review's training examples: each gold document run through the pipeline with the stage
recording its input, its pair candidates with their features and labels, and what the scorer would
make of its output and of each engagement a pair could become (`selection.py` decides on them).

A pair is right when both parties take part in one gold engagement of two or more
(`interactions.labels.GoldIndex`, score.py's name matching). Pure Python; used only to train.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from analysis.extraction.interactions.candidates import Document
from analysis.extraction.interactions.labels import GoldIndex
from analysis.extraction.interactions.model import load_model
from analysis.extraction.pair_review.candidates import PairCandidate, document_pairs
from analysis.extraction.pair_review.features import pair_features
from analysis.extraction.pair_review.scoring import Prediction, gold_parties, prediction
from analysis.extraction.pair_review.stage import made_engagements, review_document, review_inputs
from analysis.extraction.training import GoldDocument, recorded_runs


class Made(NamedTuple):
    """The engagement an unlinked pair would become, as the scorer reads it."""

    start: int  # its evidence sentence
    type: str
    parties: frozenset[int]  # gold actors
    date: str | None


@dataclass
class PairExample:
    key: frozenset[str]
    linked: bool
    features: list[str]
    label: int  # 1: the two parties are both participants of one gold engagement of two or more
    made: Made | None  # the engagement an unlinked pair would become
    order: float  # its best sentence's probability (which orders two new engagements of one sentence)


@dataclass
class ReviewDocument:
    id: str
    group: str  # the set it came from
    examples: list[PairExample]
    engagements: list[tuple[list[str], Prediction]]  # the output engagements: parties, as scored
    gold: GoldIndex


def pair_example(doc: Document, pair: PairCandidate, gold: GoldIndex, made: Made | None) -> PairExample:
    parties = gold_parties(pair.parties, gold)
    both = gold.matches(parties, None, None) if len(parties) == 2 else []
    label = 1 if any(len(gold.parties[k]) >= 2 for k in both) else 0
    order = max((r.probability or 0.0 for r in pair.named_readings()), default=0.0)
    return PairExample(pair.key, pair.linked, pair_features(doc, pair), label, made, order)


def review_documents(documents: Sequence[GoldDocument], models: Path) -> list[ReviewDocument]:
    """Each document's pair candidates, labelled, with what the scorer would make of each decision
    (the tagger and interaction model of the folder `models` read the texts)."""
    out = []
    for gd, given in recorded_runs(documents, models, review_inputs):
        interaction_model = load_model()  # the folder's model, loaded once (cached)
        doc = review_document(given.text, given.analysis, given.engagements)
        gold = GoldIndex(gd.gold, {a.name: [a.name, *a.aliases] for a in given.analysis.actors})
        examples = []
        for pair in document_pairs(doc, interaction_model):
            made = None
            if not pair.linked:
                [e] = made_engagements(doc, [], [pair], given.dates, given.published)
                made = Made(
                    e.evidence.start, str(e.type), frozenset(gold_parties(pair.parties, gold)), e.date.iso
                )
            examples.append(pair_example(doc, pair, gold, made))
        engagements = [([p.name for p in e.participants], prediction(e, gold)) for e in given.engagements]
        out.append(ReviewDocument(gd.id, gd.extra_set or "", examples, engagements, gold))
    return out
