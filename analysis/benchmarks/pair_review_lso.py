"""Leave one set out, end to end: the pair review trained on all sets but one, that one scored by the
unmodified `score.py` with and without the stage.

    python -m analysis.benchmarks.pair_review_lso --set ../newcorpus11 --set ../newcorpus12 ... [--held DIR]
        [--no-guard]

For each held set (default: each), `train_extractor --stage pair_review --extra` the others trains a
copy of the shipped model folder (its own ADD and DROP chosen by an inner leave-one-set-out over those
sets, guarded by the corpus's dev part and the seeds unless `--no-guard`), and score.py scores the
held set twice: with the shipped models minus the pair review ("main")
and with that folder. Prints engagement R / P / F1 of both and the gain, then the mean gain.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from analysis.extraction.pair_review.model import MODEL_FILE
from analysis.extraction.training import PACKAGED_MODELS

ROOT = Path(__file__).resolve().parent.parent.parent
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
METRICS = ("engagement_recall", "engagement_precision", "engagement_f1")


def scored(folder: Path, models: Path) -> dict[str, float]:
    """score.py's metrics for the set `folder` extracted with the model folder `models`."""
    env = {**os.environ, "EXTRACTION_MODELS": str(models)}
    cmd = [sys.executable, str(SCORE), str(folder / "gold"), str(folder / "texts"), "--project", str(ROOT)]
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    return {k: float(v) for k, v in re.findall(r"^(\w+): ([\d.]+)$", out, re.M)}


def trained(others: list[Path], models: Path, unguarded: Path | None) -> dict:
    """Train the pair review on `others` into `models` (with `unguarded`, an empty corpus folder: no
    corpus and no seeds guard the choice); its report."""
    extras = [arg for folder in others for arg in ("--extra", str(folder))]
    cmd = [sys.executable, "manage.py", "train_extractor", "--stage", "pair_review", "--out", str(models)]
    if unguarded is not None:
        cmd += ["--corpus", str(unguarded), "--no-seeds"]
    out = subprocess.run(cmd + extras, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("analysis.extraction.pair_review.learn: "))
    return json.loads(line.split(": ", 1)[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, action="append", required=True, help="a set with gold/, texts/")
    parser.add_argument("--held", type=Path, action="append", help="a set to hold out (default: each)")
    parser.add_argument("--no-guard", action="store_true", help="no corpus or seeds guard the choice")
    args = parser.parse_args(argv)
    (ROOT / "var").mkdir(exist_ok=True)
    gains = []
    with tempfile.TemporaryDirectory(prefix="pair_review_lso-", dir=ROOT / "var") as work:
        main_models = Path(work) / "main"
        shutil.copytree(PACKAGED_MODELS, main_models)
        (main_models / MODEL_FILE).unlink(missing_ok=True)
        unguarded = None
        if args.no_guard:
            unguarded = Path(work) / "no-corpus"
            (unguarded / "gold").mkdir(parents=True)
            (unguarded / "texts").mkdir()
        print("held set        main R / P / F1         review R / P / F1       gain    C / add / drop")
        for held in args.held or args.set:
            models = Path(work) / held.name
            shutil.copytree(main_models, models)
            report = trained([s for s in args.set if s != held], models, unguarded)
            before = scored(held, main_models)
            after = scored(held, models) if (models / MODEL_FILE).is_file() else before
            gain = after["engagement_f1"] - before["engagement_f1"]
            gains.append(gain)
            row = (
                " / ".join(f"{before[m]:.3f}" for m in METRICS),
                " / ".join(f"{after[m]:.3f}" for m in METRICS),
            )
            print(
                f"{held.name:<15} {row[0]:<23} {row[1]:<23} {gain:+.3f}  {report.get('c')} / {report.get('add')} / {report.get('drop')}"
            )
            print(
                f"    inner: {json.dumps(report.get('held_out'), ensure_ascii=False)} {report.get('skipped', '')}"
            )
    print(f"mean gain {sum(gains) / len(gains):+.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
