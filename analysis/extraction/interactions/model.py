"""The interaction model: a logistic regression over the binary features of `features.py`, stored
as JSON (a weight per feature, a bias and the decision thresholds) and scored in pure Python, so
running it needs neither scikit-learn nor pickle. It loads once per process and model folder.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.extraction.training import model_path

MODEL_FILE = "interactions.json"
FORMAT = 3


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass(frozen=True)
class InteractionModel:
    weights: dict[str, float]
    bias: float
    # a new candidate of each kind ("pair", "visit") becomes an engagement at or above its probability
    accept: dict[str, float] = field(default_factory=lambda: {"pair": 0.5, "visit": 0.5})
    drop: float = 0.0  # a rule engagement is dropped below this probability (0: never)
    # Platt scaling per candidate kind, fitted on held-out scores: probability = sigmoid(a * z + b)
    calibration: dict[str, tuple[float, float]] = field(default_factory=dict)
    report: dict = field(default_factory=dict)

    def score(self, features: Iterable[str]) -> float:
        """The regression's log-odds (uncalibrated)."""
        return self.bias + sum(self.weights.get(f, 0.0) for f in set(features))

    def probability(self, features: Iterable[str], kind: str | None = None) -> float:
        """The chance the candidate is right; calibrated for its `kind` when the model has a scaling."""
        return self.calibrated(self.score(features), kind)

    def calibrated(self, score: float, kind: str | None) -> float:
        a, b = self.calibration.get(kind, (1.0, 0.0)) if kind else (1.0, 0.0)
        return sigmoid(a * score + b)

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "bias": self.bias,
            "accept": self.accept,
            "drop": self.drop,
            "calibration": self.calibration,
            "report": self.report,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: dict) -> InteractionModel:
        return cls(
            weights=data["weights"],
            bias=data["bias"],
            accept=data["accept"],
            drop=data["drop"],
            calibration={k: tuple(v) for k, v in data.get("calibration", {}).items()},
            report=data.get("report", {}),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> InteractionModel | None:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        return None
    return InteractionModel.from_json(data)


def load_model(name: str = MODEL_FILE) -> InteractionModel | None:
    """The model file `name` of the current model folder, or None when it has none (the rules stand
    alone). The pair review's model (`pair_review.model`) is stored the same way under its own name."""
    path = model_path(name)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    return _load(str(path), mtime)
