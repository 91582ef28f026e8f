"""Training the pair review (registered in `analysis.extraction.training.LEARNED_STAGES`).

It learns ONLY from the `--extra` sets (`GoldDocument.extra_set`), never from the corpus or the seeds:
its features read the rules' output, and the rules were written from the corpus and the seeds, where
they are in-sample and miss little, so a model fitted there would learn to trust them. Give it sets no
rule was written from (`train_extractor --stage pair_review --extra ../newcorpus11 ...`).

The labelled pairs (`examples.py`) are fitted by a logistic regression (`interactions.learn.fit`,
scikit-learn, needed only here). ADD, DROP and the regularisation are chosen by leaving one set out
(`selection.py`): the best mean held-out gain as score.py counts it, costing no held set more than
0.005; the other documents given (the corpus's dev part and the seeds, where the rules are in-sample)
are not learnt from but only guard the choice: their precision and recall may not fall by more than
0.005. When the chosen mean gain is at most MARGIN no model file is written and the stage stays off.
Deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from analysis.extraction.interactions.learn import fit
from analysis.extraction.interactions.model import InteractionModel
from analysis.extraction.pair_review import selection
from analysis.extraction.pair_review.examples import review_documents
from analysis.extraction.pair_review.model import MODEL_FILE
from analysis.extraction.training import GoldDocument

MARGIN = 0.005  # the least mean held-out F1 gain that turns the stage on


def train(documents: Sequence[GoldDocument], out_dir: Path) -> dict:
    """Fit the pair review on the `--extra` documents of `documents` and write it to `out_dir` when its
    leave-one-set-out gain is above MARGIN (else remove the file); the report says what it learned."""
    fresh = [d for d in documents if d.extra_set is not None]
    guarding = [d for d in documents if d.extra_set is None]
    docs = review_documents(fresh, out_dir)
    examples = [ex for d in docs for ex in d.examples]
    report: dict = {
        "sets": sorted({d.extra_set for d in fresh}),
        "documents": len(docs),
        "pairs": len(examples),
        "guard_documents": len(guarding),
    }
    if len(docs) < selection.FOLDS or len({ex.label for ex in examples}) < 2:
        (out_dir / MODEL_FILE).unlink(missing_ok=True)
        return {**report, "skipped": "too little to learn from (the --extra sets only are used)"}
    guard = review_documents(guarding, out_dir)
    tables = {c: selection.leave_one_set_out(docs, c) for c in selection.C_GRID}
    models = {c: fit(examples, c) for c in selection.C_GRID}
    best = selection.choose(tables, {c: selection.guarded(guard, models[c]) for c in selection.C_GRID})
    report.update(
        positives=sum(ex.label for ex in examples),
        c=best.c,
        add=best.add,
        drop=best.drop,
        mean_gain=round(best.mean, 4),
        worst_gain=round(best.worst, 4),
        held_out=selection.table_report(tables[best.c], best.add, best.drop),
    )
    if best.mean <= MARGIN:
        (out_dir / MODEL_FILE).unlink(missing_ok=True)
        return {**report, "skipped": f"mean held-out gain {best.mean:+.4f} <= {MARGIN}: the stage stays off"}
    model = models[best.c]
    report["features"] = len(model.weights)
    accept = {"pair": best.add}
    InteractionModel(model.weights, model.bias, accept, best.drop, report=report).save(out_dir / MODEL_FILE)
    return report
