"""The calibration stage (issue 18): a fact's confidence is the probability a calibrator gives its cue
codes (`interactions.cues` and `engagement_party_cues` for engagements, `actor_cues` for actors).

The calibrator is a logistic regression over binary cue features (Platt scaling on the cues), fitted
on facts judged against gold for articles the rules were *not* written from (`python -m
analysis.benchmarks.reliability --fit`), and stored as `models/calibration.json`: one weight per cue,
a bias, and the cross-validated reliability table it was judged by. Without that file, or without a
section for a kind of fact, the stage states no confidence (None): the dashboard never shows a number
nobody calibrated. Fitting and scoring are pure Python (a few hundred facts, a few dozen cues).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.extraction.results import ActorKind, ExtractedEngagement, ExtractionResult, Status
from analysis.extraction.training import model_path

MODEL_FILE = "calibration.json"
FORMAT = 1
SUBJECTS = ("engagement", "actor")
L2 = 2.0  # the penalty on each cue's weight when none is chosen: a cue seen in a few facts moves little
L2_GRID = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)  # the penalties `fit_by_article` chooses from
INNER_FOLDS = 4
# Probabilities read in bands (`head:<0.5`, `head:0.8+`): the edges of each cue head.
BAND_EDGES = {
    "tagger": (0.5, 0.8, 0.95),  # the tagger's mean marginal over an actor's names (`actor_cues`)
    "party_tagger": (0.5, 0.8, 0.95),  # the least of it over an engagement's parties
    "parties_actor": (0.6, 0.7, 0.8, 0.9),  # the product of its parties' calibrated actor confidences
}
PARTIES_ACTOR = "parties_actor"


def band(head: str, p: float) -> str:
    """The band code of probability `p` for a cue head: `tagger:0.8+`, `tagger:<0.5`."""
    edges = BAND_EDGES[head]
    top = max((edge for edge in edges if p >= edge), default=None)
    return f"{head}:<{edges[0]:g}" if top is None else f"{head}:{top:g}+"


def _is_band(value: str) -> bool:
    return value.startswith("<") or value.endswith("+")


def _band_rank(head: str, value: str) -> int:
    """0 for the lowest band of the head, then 1, 2 ... (the number of edges at or below it)."""
    return 0 if value.startswith("<") else BAND_EDGES[head].index(float(value.rstrip("+"))) + 1


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def features(cues: Iterable[str]) -> list[str]:
    """The calibrator's binary features of a list of cue codes: `named:2/2` is `named:all`, a band of
    the tagger or a count turns on every band below it too (so weights add up monotonically)."""
    out = []
    for code in cues:
        head, _, value = code.rpartition(":")
        if head == "named":
            named, _, total = value.partition("/")
            out.append("named:all" if named == total else "named:part")
        elif head in BAND_EDGES and _is_band(value):
            rank = _band_rank(head, value)
            out += [f"{head}:{edge:g}+" for edge in BAND_EDGES[head][:rank]] or [code]
        elif head in ("mentions", "parties") and value.rstrip("+").isdigit():
            n = int(value.rstrip("+"))
            out += [f"{head}:{k}+" for k in range(2, n + 1)] or [f"{head}:1"]
        else:
            out.append(code)
    return sorted(set(out))


@dataclass(frozen=True)
class Calibrator:
    weights: dict[str, float]
    bias: float
    report: dict = field(default_factory=dict)  # what it was fitted on and its cross-validated table

    def probability(self, cues: Iterable[str]) -> float:
        return sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in features(cues)))

    def to_json(self) -> dict:
        return {"bias": self.bias, "weights": dict(sorted(self.weights.items())), "report": self.report}

    @classmethod
    def from_json(cls, data: Mapping) -> Calibrator:
        return cls(dict(data["weights"]), float(data["bias"]), dict(data.get("report", {})))


def fit(examples: Sequence[tuple[Sequence[str], bool]], l2: float = L2) -> Calibrator:
    """A logistic regression of right/wrong on the cue features (L2 on the weights, none on the bias),
    by Newton's method: deterministic, exact, no packages."""
    rows = [features(cues) for cues, _ in examples]
    ys = [1.0 if ok else 0.0 for _, ok in examples]
    names = sorted({f for row in rows for f in row})
    index = {f: k + 1 for k, f in enumerate(names)}  # 0: the bias
    xs = [[0, *sorted(index[f] for f in row)] for row in rows]
    size = len(names) + 1
    w = [0.0] * size
    if ys:
        rate = (sum(ys) + 0.5) / (len(ys) + 1.0)
        w[0] = math.log(rate / (1 - rate))
    for _ in range(50):
        grad = [0.0] * size
        hess = [[0.0] * size for _ in range(size)]
        for x, y in zip(xs, ys, strict=True):
            p = sigmoid(sum(w[k] for k in x))
            for a in x:
                grad[a] += p - y
                for b in x:
                    hess[a][b] += p * (1 - p)
        for k in range(1, size):
            grad[k] += l2 * w[k]
            hess[k][k] += l2
        hess[0][0] += 1e-6
        step = _solve(hess, grad)
        w = [wk - sk for wk, sk in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    weights = {f: round(w[index[f]], 4) for f in names if abs(w[index[f]]) >= 1e-4}
    return Calibrator(weights, round(w[0], 4), {"facts": len(ys), "right": int(sum(ys)), "l2": l2})


def folds_by_article(articles: Sequence[str], folds: int) -> list[set[str]]:
    """The distinct articles dealt into `folds` groups in sorted order (every `folds`-th article)."""
    distinct = sorted(set(articles))
    return [g for g in (set(distinct[k::folds]) for k in range(min(folds, len(distinct)))) if g]


def log_loss(model: Calibrator, examples: Sequence[tuple[Sequence[str], bool]]) -> float:
    total = 0.0
    for cues, ok in examples:
        p = min(max(model.probability(cues), 1e-6), 1 - 1e-6)
        total -= math.log(p if ok else 1 - p)
    return total


def fit_by_article(
    examples: Sequence[tuple[Sequence[str], bool]], articles: Sequence[str], grid: Sequence[float] = L2_GRID
) -> Calibrator:
    """`fit` with its L2 penalty chosen by cross-validation over articles (INNER_FOLDS groups of
    articles; the held-out log loss, a proper score, decides): few facts get a strong penalty, many a
    weak one. The report names the penalty chosen."""
    groups = folds_by_article(articles, INNER_FOLDS)
    if len(groups) < 2:
        return fit(examples)
    losses = {}
    for l2 in grid:
        losses[l2] = 0.0
        for group in groups:
            train = [ex for ex, a in zip(examples, articles, strict=True) if a not in group]
            held = [ex for ex, a in zip(examples, articles, strict=True) if a in group]
            losses[l2] += log_loss(fit(train, l2), held)
    best = min(grid, key=lambda l2: (losses[l2], -l2))
    return fit(examples, best)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[k]] for k, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def save(calibrators: Mapping[str, Calibrator], path: Path) -> None:
    data = {"format": FORMAT, **{subject: c.to_json() for subject, c in calibrators.items()}}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> dict[str, Calibrator]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        return {}
    return {subject: Calibrator.from_json(data[subject]) for subject in SUBJECTS if subject in data}


def load_calibrators() -> dict[str, Calibrator]:
    """The calibrators of the current model folder by subject (`engagement`, `actor`); {} without a file."""
    return load_calibrators_from(model_path(MODEL_FILE))


def load_calibrators_from(path: Path) -> dict[str, Calibrator]:
    """The calibrators of one calibration file by subject; {} when it is absent or of another format."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    return _load(str(path), mtime)


def _weakest_band(cue_lists: Iterable[Sequence[str]], head: str = "tagger") -> str | None:
    values = [
        value
        for cues in cue_lists
        for code in cues
        for h, _, value in [code.rpartition(":")]
        if h == head and _is_band(value)
    ]
    return min(values, key=lambda v: _band_rank(head, v)) if values else None


def parties_actor_cue(confidences: Iterable[float | None]) -> list[str]:
    """The band of the product of an engagement's parties' actor confidences (the chance that every
    party is an actor the text names), or nothing when one has none."""
    ps = list(confidences)
    if not ps or any(p is None for p in ps):
        return []
    return [band(PARTIES_ACTOR, math.prod(ps))]


def engagement_party_cues(
    e: ExtractedEngagement, kinds: Mapping[str, ActorKind], actors: Mapping[str, Sequence[str]]
) -> list[str]:
    """Cues of an engagement from its parties and its form: how many parties and of what kinds (and
    whether the kinds are mixed), the least sure of the tagger about them, whether a person party has
    no title in the document, its status, and whether more sentences report it. (The band of its parties' calibrated confidences,
    `parties_actor_cue`, is added by `state_confidence`.)"""
    names = [p.name for p in e.participants]
    n = len(names)
    out = [f"parties:{min(n, 3)}{'+' if n >= 3 else ''}"]
    party_kinds = {kinds.get(name) for name in names}
    if party_kinds == {ActorKind.PERSON}:
        out.append("parties:persons")
    out += [f"party:{kind}" for kind in (ActorKind.ORGANIZATION, ActorKind.STATE) if kind in party_kinds]
    if len(party_kinds - {None}) > 1:
        out.append("parties:mixed")  # a person with a state or a body: more often a party misread
    if (band := _weakest_band(actors.get(name, ()) for name in names)) is not None:
        out.append(f"party_tagger:{band}")
    if any(
        kinds.get(name) == ActorKind.PERSON and "found:title" not in actors.get(name, ()) for name in names
    ):
        out.append("party:untitled_person")
    if e.status == Status.PLANNED:
        out.append("status:planned")
    if e.more_evidence:
        out.append("evidence:2+")
    return out


def state_confidence(result: ExtractionResult, actors: Mapping[str, list[str]]) -> None:
    """Give every actor and engagement of `result` its cues and its calibrated confidence (None where
    no calibrator was fitted for that kind of fact). `actors`: each actor's cues (`actor_cues`)."""
    calibrators = load_calibrators()
    kinds = {a.name: a.kind for a in result.actors}
    for actor in result.actors:
        actor.cues = list(actors.get(actor.name, ()))
        actor.confidence = _stated(calibrators.get("actor"), actor.cues)
    confidence = {a.name: a.confidence for a in result.actors}
    for e in result.engagements:
        parties = parties_actor_cue(confidence.get(p.name) for p in e.participants)
        e.cues = [*e.cues, *engagement_party_cues(e, kinds, actors), *parties]
        e.confidence = _stated(calibrators.get("engagement"), e.cues)


STATED_BOUNDS = (0.001, 0.999)  # a stated confidence is never certainty, either way


def stated_probability(p: float) -> float:
    """`p` as the dashboard states it: three decimals, never 0 or 1 (no fact is certain)."""
    low, high = STATED_BOUNDS
    return min(max(round(p, 3), low), high)


def _stated(calibrator: Calibrator | None, cues: Sequence[str]) -> float | None:
    return None if calibrator is None else stated_probability(calibrator.probability(cues))
