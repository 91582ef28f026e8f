"""Pair-review candidates: every unordered pair of party actors (person, organization, state) of a
document that one of its sentences names together or one of its output engagements links, with the
sentences that name both (or report the linking engagement) read as the interaction model reads a
pair, and that model's probability for each.

Pure Python. The document is `interactions.candidates.build_document` over the output engagements
(the rules' and the pair model's), so each sentence's `rules` are the output engagements it is
evidence of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from analysis.extraction.interactions.candidates import PARTY_KINDS, Candidate, Document, Sentence
from analysis.extraction.interactions.features import candidate_features, sentence_features
from analysis.extraction.interactions.model import InteractionModel
from analysis.extraction.results import ExtractedEngagement


@dataclass(slots=True)
class Reading:
    """One sentence's reading of a pair: the interaction model's candidate, its features and probability
    (None without an interaction model)."""

    candidate: Candidate
    features: list[str]
    probability: float | None

    @property
    def named(self) -> bool:
        """Both parties are named in the sentence (not carried over by an engagement)."""
        return all(m is not None for m in self.candidate.mentions)


@dataclass(slots=True)
class PairCandidate:
    """Two actors of one document, the sentences that read them and the output engagements linking them."""

    parties: tuple[str, str]
    readings: list[Reading] = field(default_factory=list)
    engagements: list[ExtractedEngagement] = field(default_factory=list)

    @property
    def key(self) -> frozenset[str]:
        return frozenset(self.parties)

    @property
    def linked(self) -> bool:
        return bool(self.engagements)

    def named_readings(self) -> list[Reading]:
        return [r for r in self.readings if r.named]

    def probability(self) -> float | None:
        """The interaction model's highest probability over the sentences that name both."""
        ps = [r.probability for r in self.named_readings() if r.probability is not None]
        return max(ps) if ps else None


def pair_key(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


def _sentence_pairs(sent: Sentence) -> list[Candidate]:
    """Every pair of party actors the sentence names, in the order it names them."""
    named = [m for m in sent.mentions if m.kind in PARTY_KINDS]
    return [
        Candidate(sent, (a.actor, b.actor), (a, b)) for a, b in combinations(named, 2) if a.actor != b.actor
    ]


def _engagement_readings(sent: Sentence) -> list[Candidate]:
    """Every pair of participants of the sentence's output engagements, read in it (a party the sentence
    does not name is implied, as the interaction model reads a rule's carried-over party)."""
    by_actor = {m.actor: m for m in sent.mentions}
    out = []
    for e in sent.rules:
        for a, b in combinations(dict.fromkeys(p.name for p in e.participants), 2):
            out.append(Candidate(sent, (a, b), (by_actor.get(a), by_actor.get(b))))
    return out


def document_pairs(doc: Document, model: InteractionModel | None) -> list[PairCandidate]:
    """The document's pair candidates, in the order they are first read; each sentence reads a pair once."""
    pairs: dict[frozenset[str], PairCandidate] = {}
    shared: dict[int, list[str]] = {}

    def read(cand: Candidate) -> None:
        pair = pairs.setdefault(pair_key(*cand.parties), PairCandidate(tuple(sorted(cand.parties))))
        if any(r.candidate.sentence.index == cand.sentence.index for r in pair.readings):
            return
        sent = cand.sentence
        if sent.index not in shared:
            shared[sent.index] = sentence_features(doc, sent)
        features = candidate_features(doc, cand, shared[sent.index])
        p = model.probability(features, "pair") if model is not None else None
        pair.readings.append(Reading(cand, features, p))

    for sent in doc.sentences:
        for cand in _sentence_pairs(sent) + _engagement_readings(sent):
            read(cand)
    for e in doc.engagements:
        for a, b in combinations(dict.fromkeys(p.name for p in e.participants), 2):
            pair = pairs.setdefault(pair_key(a, b), PairCandidate(tuple(sorted((a, b)))))
            if all(x is not e for x in pair.engagements):
                pair.engagements.append(e)
    return list(pairs.values())
