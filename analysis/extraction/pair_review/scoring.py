"""score.py's engagement metric on one document, for engagements not yet written out: each
prediction hits when it fits a gold engagement (`labels.GoldIndex.matches`), and the gold engagements
are matched one to one in score.py's greedy order (an unmatched one first, one whose date agrees
first), so that a simulated decision counts as the scorer will (an engagement the review makes counts
only where it fits a gold engagement of two or more parties: `prediction_of`).

Pure Python; used only to train (choosing the pair review's thresholds).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from analysis.extraction.interactions.labels import GoldIndex
from analysis.extraction.results import ExtractedEngagement


@dataclass(frozen=True, slots=True)
class Prediction:
    """One output engagement as the scorer reads it: the gold engagements it fits and, of those,
    the ones whose date it gives right."""

    start: int  # its evidence's offset (the output's order)
    fits: tuple[int, ...]
    dated: frozenset[int]


@dataclass(frozen=True, slots=True)
class Counts:
    predictions: int = 0
    hits: int = 0
    gold: int = 0
    gold_hit: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.predictions + other.predictions,
            self.hits + other.hits,
            self.gold + other.gold,
            self.gold_hit + other.gold_hit,
        )

    def f1(self) -> float:
        p = self.hits / self.predictions if self.predictions else 0.0
        r = self.gold_hit / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _date_ok(iso: str | None, gold: dict) -> bool:
    ok = [d for d in (gold.get("date_ok") or [gold.get("date")]) if d]
    return iso in (None, "", "unknown") if not ok else iso in ok


def gold_parties(names: Iterable[str], gold: GoldIndex) -> set[int]:
    """The gold actors these extracted names are (score.py's name matching)."""
    return {j for n in names if (j := gold.gold_of(n)) is not None}


def prediction_of(
    start: int,
    parties: set[int],
    etype: str,
    location: str | None,
    date: str | None,
    gold: GoldIndex,
    *,
    pairs_only: bool = False,
) -> Prediction:
    """How the scorer reads an engagement of these gold `parties`; with `pairs_only`, only the gold
    engagements of two or more parties it fits count (an engagement the review makes of a pair is right
    only as a pair: score.py would also let a made `visit` of a visitor and another actor hit the
    visitor's one-party visit again, a second time)."""
    fits = tuple(
        k for k in gold.matches(parties, etype, location) if not pairs_only or len(gold.parties[k]) >= 2
    )
    dated = frozenset(k for k in fits if _date_ok(date, gold.engagements[k]))
    return Prediction(start, fits, dated)


def prediction(e: ExtractedEngagement, gold: GoldIndex) -> Prediction:
    parties = gold_parties((p.name for p in e.participants), gold)
    return prediction_of(e.evidence.start, parties, str(e.type), e.location, e.date.iso, gold)


def document_counts(predictions: Iterable[Prediction], gold: GoldIndex) -> Counts:
    """score.py's counts for a document whose output is `predictions` (in output order)."""
    matched: dict[int, bool] = {}
    n = hits = 0
    for pred in predictions:
        n += 1
        if not pred.fits:
            continue
        hits += 1
        k = min(pred.fits, key=lambda k: (matched.get(k, False), k in matched, k not in pred.dated))
        matched[k] = matched.get(k, False) or k in pred.dated
    core = gold.core()
    return Counts(n, hits, len(core), sum(1 for k in core if k in matched))


def total(counts: Sequence[Counts]) -> Counts:
    return sum(counts, Counts())
