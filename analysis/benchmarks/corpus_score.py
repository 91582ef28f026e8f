"""Score the extractor on a part of the real corpus (`../shared/corpus`) with the shared `score.py`.

    python -m analysis.benchmarks.corpus_score --part dev [--verbose] [--fold K] [--cv [--extra DIR ...]]

`tests/data/corpus_split.json` names the corpus's blind part (empty since pass 1's was spent);
`dev` is every other article. `fresh` is a blind set of further real articles collected and annotated
outside the repository (`$FRESH_CORPUS`, default `../newcorpus`, with `gold/` and `texts/`). `--fold K` (0-3) scores one of four fixed dev folds.
`--cv` cross-validates the learned stages: for each fold, `train_extractor --exclude-fold K`
trains a model folder without it, that fold is extracted with those models, and the four
outputs are scored together by the unmodified `score.py` (through a stand-in project whose
`manage.py` prints them); `--extra DIR` (repeatable: a set with gold/ and texts/) joins every fold's
training of the tagger and the interaction model; the pair review, which never learns from the corpus
(it reads the rules' output, written from it), keeps the shipped model in every fold. Any part scores with the models of `$EXTRACTION_MODELS` when it is set. The gold files of
the part are linked, and the folds' models trained, in a folder of `var/` of the run's own (removed
after it), so that runs at the same time in one tree do not disturb each other.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from analysis.extraction.pair_review.model import MODEL_FILE as REVIEW_FILE
from analysis.extraction.training import PACKAGED_MODELS

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
SPLIT = ROOT / "tests" / "data" / "corpus_split.json"
FRESH = Path(os.environ.get("FRESH_CORPUS", ROOT.parent / "newcorpus"))
FOLDS = 4
CV_STAGES = ("tagger", "interactions")  # the stages a fold retrains; the others' shipped files are copied


def corpus_ids() -> list[str]:
    """Every article id of the corpus, sorted."""
    return sorted(p.stem for p in (CORPUS / "gold").glob("*.json"))


def part_ids(part: str, *, fold: int | None = None) -> list[str]:
    """The ids of `dev` or `blind`; with `fold`, one of the four dev folds (every fourth id)."""
    blind = set(json.loads(SPLIT.read_text())["blind"])
    if part == "blind":
        return [i for i in corpus_ids() if i in blind]
    dev = [i for i in corpus_ids() if i not in blind]
    return dev if fold is None else dev[fold::FOLDS]


def part_gold_dir(ids: list[str], folder: Path) -> Path:
    """`folder`, made, with links to the gold files of `ids`."""
    folder.mkdir(parents=True)
    for i in ids:
        (folder / f"{i}.json").symlink_to(CORPUS / "gold" / f"{i}.json")
    return folder


def cross_validated_project(work: Path, extra: Sequence[Path] = ()) -> Path:
    """Train and extract each dev fold with a model that never saw it (trained on the other folds, the
    seeds and the `extra` sets), in the folder `work`; a stand-in project prints the result."""
    documents: list[dict] = []
    for fold in range(FOLDS):
        models = work / f"fold{fold}"
        manage = [sys.executable, "manage.py"]
        extras = [arg for folder in extra for arg in ("--extra", str(folder))]
        stages = [arg for stage in CV_STAGES for arg in ("--stage", stage)]
        train = [
            *manage,
            "train_extractor",
            "--exclude-fold",
            str(fold),
            "--out",
            str(models),
            *extras,
            *stages,
        ]
        subprocess.run(train, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        if (PACKAGED_MODELS / REVIEW_FILE).is_file():
            shutil.copy(PACKAGED_MODELS / REVIEW_FILE, models / REVIEW_FILE)
        texts = [str(CORPUS / "texts" / f"{i}.txt") for i in part_ids("dev", fold=fold)]
        env = {**os.environ, "EXTRACTION_MODELS": str(models)}
        out = subprocess.run(
            [*manage, "extract", "--json", *texts],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        documents += json.loads(out)["documents"]
    project = work / "project"
    project.mkdir(parents=True, exist_ok=True)
    (project / "extracted.json").write_text(json.dumps({"documents": documents}, ensure_ascii=False))
    (project / "manage.py").write_text(
        "import pathlib, sys\nsys.stdout.write(pathlib.Path(__file__).with_name('extracted.json').read_text())\n"
    )
    return project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "blind", "fresh"], default="dev")
    parser.add_argument("--fold", type=int, choices=range(FOLDS))
    parser.add_argument("--cv", action="store_true", help="cross-validate the learned stages (dev only)")
    parser.add_argument("--extra", type=Path, action="append", default=[], help="with --cv: a set to learn")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.extra and not args.cv:
        parser.error("--extra joins the training of --cv")
    if args.part == "fresh":
        if args.cv or args.fold is not None:
            parser.error("the fresh set is scored whole ($EXTRACTION_MODELS or the shipped models)")
        return score(FRESH / "gold", FRESH / "texts", ROOT, args.verbose)
    if args.cv and (args.part != "dev" or args.fold is not None):
        parser.error("--cv scores the whole dev part")
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    (ROOT / "var").mkdir(exist_ok=True)
    # one folder per run: several people score the same tree at once
    with tempfile.TemporaryDirectory(prefix="corpus_score-", dir=ROOT / "var") as work:
        gold = part_gold_dir(part_ids(args.part, fold=args.fold), Path(work) / "gold")
        project = cross_validated_project(Path(work), args.extra) if args.cv else ROOT
        return score(gold, CORPUS / "texts", project, args.verbose)


def score(gold: Path, texts: Path, project: Path, verbose: bool) -> int:
    """Run the shared `score.py` on a part's gold and texts against `project`'s extractor."""
    cmd = [sys.executable, str(SCORE), str(gold), str(texts), "--project", str(project)]
    return subprocess.call(cmd + (["--verbose"] if verbose else []), cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
