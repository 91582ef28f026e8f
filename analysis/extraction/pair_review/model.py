"""The pair review's model: a logistic regression over the binary features of `features.py`, stored
like the interaction model (`interactions.model.InteractionModel`, JSON, scored in pure Python) in its
own file. Its `accept["pair"]` is ADD (a pair the output does not link becomes an engagement at or
above it) and its `drop` is DROP (`decisions.py`). No file: the stage changes nothing.
"""

from __future__ import annotations

from analysis.extraction.interactions.model import InteractionModel, load_model
from analysis.extraction.pair_review.decisions import NEVER

MODEL_FILE = "pair_review.json"


def load_review_model() -> InteractionModel | None:
    """The pair review's model in the current model folder, or None."""
    return load_model(MODEL_FILE)


def add_threshold(model: InteractionModel) -> float:
    return model.accept.get("pair", NEVER)
