"""Choosing the pair review's ADD, DROP and regularisation: each set held out in turn, the model fitted
on the others decides it as at run time (`decisions.py`) and the result is counted as score.py counts
it (`scoring.py`); the choice with the best mean gain over the held sets wins, among those that cost
no held set more than HELD_LOSS and keep the guard documents (where the rules are in-sample: the
corpus and the seeds) within GUARD of their precision and recall.

Pure Python; used only to train.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.extraction.interactions.learn import fit
from analysis.extraction.interactions.model import InteractionModel
from analysis.extraction.pair_review.decisions import NEVER, Scored, decide, together
from analysis.extraction.pair_review.examples import ReviewDocument
from analysis.extraction.pair_review.scoring import Counts, document_counts, prediction_of, total

C_GRID = (0.05, 0.1, 0.2, 0.5)  # inverse L2 strengths tried (the interaction model's: 0.1)
ADD_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, NEVER)
DROP_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
UNCHANGED = (NEVER, 0.0)
HELD_LOSS = 0.005  # the most one held set may lose (the project's keep rule for a change)
GUARD = 0.005  # the most the guard documents' precision or recall may fall
FOLDS = 3  # folds of one set, when only one is given

Table = dict[str, dict[tuple[float, float], float]]  # held set -> (add, drop) -> its F1


def simulated(doc: ReviewDocument, probs: Sequence[float], add: float, drop: float) -> Counts:
    """score.py's counts for the document decided at (`add`, `drop`) with these probabilities (an
    engagement made of pairs counts only where it fits a gold engagement of two or more)."""
    scored = [Scored(ex.key, ex.linked, p) for ex, p in zip(doc.examples, probs, strict=True)]
    kept, added = decide(scored, [parties for parties, _ in doc.engagements], add, drop)
    chosen = sorted((doc.examples[k] for k in added), key=lambda ex: (ex.made.start, -ex.order))
    new = []
    for group in together([(ex.key, (ex.made.start, ex.made.type)) for ex in chosen]):
        first = chosen[group[0]].made
        parties = set().union(*(chosen[k].made.parties for k in group))
        new.append(
            prediction_of(first.start, parties, first.type, None, first.date, doc.gold, pairs_only=True)
        )
    preds = [doc.engagements[k][1] for k in kept] + new
    return document_counts(sorted(preds, key=lambda pred: pred.start), doc.gold)


def counts_at(docs: Sequence[ReviewDocument], model: InteractionModel) -> dict[tuple[float, float], Counts]:
    """The documents' counts at every (add, drop) of the grids, decided with `model`."""
    probs = [[model.probability(ex.features) for ex in d.examples] for d in docs]
    return {
        (a, dr): total([simulated(d, ps, a, dr) for d, ps in zip(docs, probs, strict=True)])
        for a in ADD_GRID
        for dr in DROP_GRID
    }


def groups(docs: Sequence[ReviewDocument]) -> dict[str, list[ReviewDocument]]:
    """The documents by set; one set is split into FOLDS folds (every FOLDS-th document)."""
    by_set: dict[str, list[ReviewDocument]] = {}
    for d in docs:
        by_set.setdefault(d.group, []).append(d)
    if len(by_set) >= 2:
        return dict(sorted(by_set.items()))
    return {f"fold{k}": list(docs[k::FOLDS]) for k in range(FOLDS)}


def leave_one_set_out(docs: Sequence[ReviewDocument], c: float) -> Table:
    """For each held set, its F1 at every (add, drop) of the grids with a model fitted on the others."""
    sets = groups(docs)
    table = {}
    for held, held_docs in sets.items():
        model = fit([ex for name, ds in sets.items() if name != held for d in ds for ex in d.examples], c)
        table[held] = {t: counts.f1() for t, counts in counts_at(held_docs, model).items()}
    return table


def gains(table: Table, at: tuple[float, float]) -> list[float]:
    """Each held set's F1 gain at (add, drop) over the output unchanged."""
    return [row[at] - row[UNCHANGED] for row in table.values()]


def _precision_recall(counts: Counts) -> tuple[float, float]:
    p = counts.hits / counts.predictions if counts.predictions else 1.0
    return p, (counts.gold_hit / counts.gold if counts.gold else 1.0)


def guarded(guard: Sequence[ReviewDocument], model: InteractionModel) -> set[tuple[float, float]]:
    """The (add, drop) that keep the guard documents' precision and recall within GUARD of the output's
    (every one, without guard documents)."""
    table = counts_at(guard, model)
    p0, r0 = _precision_recall(table[UNCHANGED])

    def within(counts: Counts) -> bool:
        p, r = _precision_recall(counts)
        return p >= p0 - GUARD and r >= r0 - GUARD

    return {t for t, counts in table.items() if within(counts)}


@dataclass(frozen=True)
class Choice:
    c: float
    add: float
    drop: float
    mean: float  # the mean held-out gain
    worst: float  # the gain of the held set that gains least


def choose(tables: dict[float, Table], allowed: dict[float, set[tuple[float, float]]]) -> Choice:
    """The allowed (C, ADD, DROP) with the best mean held-out gain that costs no held set more than
    HELD_LOSS; of equals the fewest changes (highest add, lowest drop) and the strongest regularisation.
    The output unchanged is always a choice."""
    options = [Choice(min(tables), NEVER, 0.0, 0.0, 0.0)]
    for c, table in tables.items():
        for t in allowed[c]:
            g = gains(table, t)
            if min(g) >= -HELD_LOSS:
                options.append(Choice(c, t[0], t[1], sum(g) / len(g), min(g)))
    return max(options, key=lambda o: (round(o.mean, 9), o.add, -o.drop, -o.c))


def table_report(table: Table, add: float, drop: float) -> dict:
    return {
        held: {
            "main_f1": round(row[UNCHANGED], 4),
            "review_f1": round(row[(add, drop)], 4),
            "gain": round(row[(add, drop)] - row[UNCHANGED], 4),
        }
        for held, row in table.items()
    }
