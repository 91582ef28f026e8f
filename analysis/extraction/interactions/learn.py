"""Training the interaction model (registered in `analysis.extraction.training.LEARNED_STAGES`).

Each gold document is run through the pipeline with this stage recording the rules' output; its
candidates are labelled by the gold engagements they would hit (`labels.py`), a logistic regression
(scikit-learn, BSD-3-Clause; needed only here) is fitted on their features, and the two decision
thresholds are chosen by an inner four-fold cross-validation over the training documents, for the
best engagement F1 as score.py counts it. Deterministic: fixed folds, a deterministic solver.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from analysis.extraction.interactions.candidates import Candidate, build_document
from analysis.extraction.interactions.labels import GoldIndex, candidate_hits
from analysis.extraction.interactions.model import MODEL_FILE, InteractionModel
from analysis.extraction.interactions.stage import featured_candidates, rule_outputs
from analysis.extraction.training import GoldDocument

INNER_FOLDS = 4
MIN_COUNT = 2  # a feature seen fewer times in training is left out
C = 0.5  # inverse L2 strength
ACCEPT_GRID = tuple(round(0.2 + 0.05 * k, 2) for k in range(17))
DROP_GRID = (0.0, 0.1, 0.2, 0.3)


@dataclass
class Example:
    candidate: Candidate
    features: list[str]
    hits: list[int]


@dataclass
class Labelled:
    id: str
    examples: list[Example]
    core: set[int]


@contextmanager
def _models_from(folder: Path):
    old = os.environ.get("EXTRACTION_MODELS")
    os.environ["EXTRACTION_MODELS"] = str(folder)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("EXTRACTION_MODELS", None)
        else:
            os.environ["EXTRACTION_MODELS"] = old


def labelled_documents(documents: Sequence[GoldDocument], models: Path) -> list[Labelled]:
    """Each document's candidates with their features and the gold engagements they would hit."""
    from analysis.extraction.pipeline import extract_document

    out = []
    with _models_from(models), rule_outputs() as seen:
        for gd in documents:
            before = len(seen)
            extract_document(gd.text)
            if len(seen) == before:
                continue
            rules = seen[-1]
            doc = build_document(rules.text, rules.analysis, rules.engagements)
            gold = GoldIndex(gd.gold, {a.name: [a.name, *a.aliases] for a in rules.analysis.actors})
            examples = [Example(c, f, candidate_hits(c, gold)) for c, f in featured_candidates(doc)]
            out.append(Labelled(gd.id, examples, set(gold.core())))
    return out


def fit(examples: Sequence[Example]) -> InteractionModel:
    """A logistic regression on the examples' binary features (threshold defaults)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for ex in examples:
        for f in set(ex.features):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    rows, cols = [], []
    for r, ex in enumerate(examples):
        for c in sorted({vocab[f] for f in ex.features if f in vocab}):
            rows.append(r)
            cols.append(c)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocab)))
    y = np.array([1 if ex.hits else 0 for ex in examples])
    if len(set(y)) < 2:
        return InteractionModel(weights={}, bias=0.0 if y.sum() else -5.0)
    lr = LogisticRegression(C=C, solver="liblinear", max_iter=1000).fit(x, y)
    names = sorted(vocab, key=vocab.get)
    weights = {f: round(float(w), 4) for f, w in zip(names, lr.coef_[0], strict=True) if abs(w) >= 1e-4}
    return InteractionModel(weights=weights, bias=round(float(lr.intercept_[0]), 4))


def simulated_counts(
    doc: Labelled, probs: Sequence[float], accept: dict[str, float], drop: float
) -> tuple[int, int, int]:
    """(predictions, predictions that hit, core gold hit) if the document were decided so."""
    preds: list[list[int]] = []
    kept_keys: list[frozenset[str]] = []
    new: dict[tuple[frozenset[str], bool], list[int]] = {}
    for ex, p in zip(doc.examples, probs, strict=True):
        if ex.candidate.rule is not None and p >= drop:
            preds.append(ex.hits)
            kept_keys.append(frozenset(ex.candidate.parties))
    for k in sorted(range(len(probs)), key=lambda k: -probs[k]):
        ex = doc.examples[k]
        if ex.candidate.rule is not None or probs[k] < accept[ex.candidate.kind]:
            continue
        key = (frozenset(ex.candidate.parties), ex.candidate.place is not None)
        if key in new or any(key[0] <= kk for kk in kept_keys):
            continue
        new[key] = ex.hits
    preds += list(new.values())
    hit_gold = set().union(*preds) if preds else set()
    return len(preds), sum(1 for h in preds if h), len(hit_gold & doc.core)


def f1_of(
    docs: Sequence[Labelled], probs: Sequence[Sequence[float]], accept: dict[str, float], drop: float
) -> float:
    n = hit = gold_hit = 0
    for doc, ps in zip(docs, probs, strict=True):
        a, b, c = simulated_counts(doc, ps, accept, drop)
        n, hit, gold_hit = n + a, hit + b, gold_hit + c
    core = sum(len(d.core) for d in docs)
    p, r = (hit / n if n else 0.0), (gold_hit / core if core else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def out_of_fold(docs: Sequence[Labelled]) -> list[list[float]]:
    """Each document's candidate probabilities from a model fitted without its inner fold."""
    probs: list[list[float]] = [[] for _ in docs]
    for fold in range(INNER_FOLDS):
        model = fit([ex for k, d in enumerate(docs) if k % INNER_FOLDS != fold for ex in d.examples])
        for k, d in enumerate(docs):
            if k % INNER_FOLDS == fold:
                probs[k] = [model.probability(ex.features) for ex in d.examples]
    return probs


def choose_thresholds(docs: Sequence[Labelled]) -> tuple[dict[str, float], float, float, float]:
    """The accept thresholds (per kind) and drop threshold that do best on out-of-fold probabilities
    of the training documents, their F1, and the F1 of the rules alone on the same documents.
    Coordinate ascent: the pair threshold, then the visit threshold, then the drop threshold, twice."""
    probs = out_of_fold(docs)
    accept, drop = {"pair": 0.5, "visit": 0.5}, 0.0
    best = f1_of(docs, probs, accept, drop)
    for _ in range(2):
        for kind in ("pair", "visit"):
            for t in ACCEPT_GRID:
                f1 = f1_of(docs, probs, {**accept, kind: t}, drop)
                if f1 > best + 1e-9:
                    best, accept = f1, {**accept, kind: t}
        for t in DROP_GRID:
            f1 = f1_of(docs, probs, accept, t)
            if f1 > best + 1e-9:
                best, drop = f1, t
    rules = f1_of(docs, probs, {"pair": 2.0, "visit": 2.0}, 0.0)
    return accept, drop, round(best, 3), round(rules, 3)


def train(documents: Sequence[GoldDocument], out_dir: Path) -> dict:
    """Fit the model on `documents` and write it to `out_dir`; the report says what it learned."""
    docs = labelled_documents(documents, out_dir)
    examples = [ex for d in docs for ex in d.examples]
    accept, drop, inner_f1, rules_f1 = choose_thresholds(docs)
    model = fit(examples)
    report = {
        "documents": len(docs),
        "candidates": len(examples),
        "positives": sum(1 for ex in examples if ex.hits),
        "features": len(model.weights),
        "accept": accept,
        "drop": drop,
        "inner_cv_f1": inner_f1,
        "inner_rules_f1": rules_f1,
    }
    model = InteractionModel(model.weights, model.bias, accept, drop, report)
    model.save(out_dir / MODEL_FILE)
    return report
