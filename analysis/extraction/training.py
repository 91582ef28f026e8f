"""Training data for the learned stages: gold annotations (../shared/gold/CONVENTIONS.md) with their texts.

Pure Python. A learned stage registers itself in `LEARNED_STAGES` and offers
`train(documents, out_dir) -> dict` (its report); at run time it loads its model file through
`model_path(name)`, which is the packaged `analysis/extraction/models/` unless `EXTRACTION_MODELS`
names another folder (cross-validation trains one model folder per fold and points there).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from analysis.extraction.actors import ActorAnalysis
    from analysis.extraction.results import DateMention, ExtractedEngagement

PACKAGED_MODELS = Path(__file__).resolve().parent / "models"

# Modules with `train(documents, out_dir) -> dict`, trained in this order by `manage.py train_extractor`.
LEARNED_STAGES: tuple[str, ...] = (
    "analysis.extraction.tagger",
    "analysis.extraction.interactions.learn",
    "analysis.extraction.pair_review.learn",
)


@dataclass(frozen=True)
class GoldDocument:
    """One annotated article: its id, its raw text (as the extractor reads it) and the gold dict."""

    id: str
    text: str
    gold: dict
    # the `--extra` set (folder name) it came from; None for the corpus, the seeds and `--gold-dir`
    extra_set: str | None = None


def model_dir() -> Path:
    """Where model files are read from: `$EXTRACTION_MODELS`, else the packaged folder."""
    return Path(os.environ.get("EXTRACTION_MODELS") or PACKAGED_MODELS)


def model_path(name: str) -> Path:
    """The path of one model file (it may not exist: a stage without its model falls back to rules)."""
    return model_dir() / name


@contextmanager
def models_from(folder: Path) -> Iterator[None]:
    """While open, the extractor reads its model files from `folder` (a stage being trained there)."""
    old = os.environ.get("EXTRACTION_MODELS")
    os.environ["EXTRACTION_MODELS"] = str(folder)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("EXTRACTION_MODELS", None)
        else:
            os.environ["EXTRACTION_MODELS"] = old


@dataclass(frozen=True)
class StageInput:
    """What a learned stage was given for one document (recorded while training)."""

    text: str
    analysis: ActorAnalysis
    dates: tuple[DateMention, ...]
    engagements: tuple[ExtractedEngagement, ...]
    published: date | None = None


Recorded = TypeVar("Recorded")


@contextmanager
def recording(channel: ContextVar[list[Recorded] | None]) -> Iterator[list[Recorded]]:
    """While open, the stage that reads `channel` records what it is given there and changes nothing."""
    seen: list[Recorded] = []
    token = channel.set(seen)
    try:
        yield seen
    finally:
        channel.reset(token)


def recorded_runs(
    documents: Sequence[GoldDocument],
    models: Path,
    recorder: Callable[[], AbstractContextManager[list[Recorded]]],
) -> Iterator[tuple[GoldDocument, Recorded]]:
    """Each gold document run through the pipeline with the model files of `models` and a stage's
    `recorder` open, with what that stage recorded for it (a document it saw nothing of is left out)."""
    from analysis.extraction.pipeline import extract_document

    with models_from(models), recorder() as seen:
        for gd in documents:
            before = len(seen)
            extract_document(gd.text)
            if len(seen) > before:
                yield gd, seen[-1]


def gold_documents(
    gold_dir: Path, text_dir: Path, ids: Iterable[str] | None = None, *, extra_set: str | None = None
) -> list[GoldDocument]:
    """The gold files of `gold_dir` (only `ids` when given) with `text_dir/<id>.txt`, sorted by id
    (each marked as coming from `extra_set`)."""
    wanted = None if ids is None else set(ids)
    documents = []
    for path in sorted(gold_dir.glob("*.json")):
        if wanted is not None and path.stem not in wanted:
            continue
        text_path = text_dir / f"{path.stem}.txt"
        if not text_path.is_file():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        documents.append(GoldDocument(id=path.stem, text=text, gold=gold, extra_set=extra_set))
    return documents


MANIFEST = "training.json"  # the texts a model folder was trained on (their sha256), beside its models


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def distinct_texts(documents: Sequence[GoldDocument]) -> list[GoldDocument]:
    """The documents without a second copy of a text (same sha256; the first given is kept): a set
    given twice, or an article in two sets, is learnt from once."""
    seen: set[str] = set()
    out = []
    for document in documents:
        digest = text_sha256(document.text)
        if digest not in seen:
            seen.add(digest)
            out.append(document)
    return out


def manifest_write(documents: Sequence[GoldDocument], out_dir: Path, *, keep: bool = False) -> None:
    """Record which texts the models of `out_dir` learnt from, so that a calibration or a score can
    tell whether a set is held out from them (`trained_on`). With `keep` (one stage retrained, the
    others' models kept) the texts already recorded stay."""
    rows = {(d.id, text_sha256(d.text)) for d in documents}
    if keep and (out_dir / MANIFEST).is_file():
        old = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        rows |= {(row["id"], row["sha256"]) for row in old.get("documents", [])}
    rows = sorted(rows)
    data = {"documents": [{"id": i, "sha256": h} for i, h in rows]}
    (out_dir / MANIFEST).write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")


def trained_on() -> frozenset[str] | None:
    """The sha256 of every text the current model folder was trained on; None without a manifest."""
    try:
        data = json.loads(model_path(MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return frozenset(row["sha256"] for row in data.get("documents", []))


def train_all(
    documents: Sequence[GoldDocument], out_dir: Path, stages: Sequence[str] = LEARNED_STAGES
) -> dict[str, dict]:
    """Train the learned `stages` (all by default) on `documents` into `out_dir`; each stage's report
    by module name. The other stages' model files in `out_dir` are left as they are."""
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_write(documents, out_dir, keep=set(stages) != set(LEARNED_STAGES))
    reports = {}
    for module_name in stages:
        stage = importlib.import_module(module_name)
        reports[module_name] = stage.train(documents, out_dir)
    return reports
