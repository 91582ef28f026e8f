"""Score the extractor on a part of the real corpus (`../shared/corpus`) with the shared `score.py`.

    python -m analysis.benchmarks.corpus_score --part dev [--verbose] [--fold K]

`tests/data/corpus_split.json` names the blind part (drawn at random before any rule was
written); `dev` is every other article. `--fold K` (0-3) scores one of four fixed dev folds,
for cross-validating anything trained. The gold files of the part are linked into
`var/corpus_parts/<part>/` so `score.py` sees only them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
SPLIT = ROOT / "tests" / "data" / "corpus_split.json"
FOLDS = 4


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


def part_gold_dir(ids: list[str], name: str) -> Path:
    """A folder of links to the gold files of `ids`, rebuilt each time."""
    folder = ROOT / "var" / "corpus_parts" / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    for i in ids:
        (folder / f"{i}.json").symlink_to(CORPUS / "gold" / f"{i}.json")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "blind"], default="dev")
    parser.add_argument("--fold", type=int, choices=range(FOLDS))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    ids = part_ids(args.part, fold=args.fold)
    name = args.part if args.fold is None else f"{args.part}-fold{args.fold}"
    gold = part_gold_dir(ids, name)
    cmd = [sys.executable, str(SCORE), str(gold), str(CORPUS / "texts"), "--project", str(ROOT)]
    return subprocess.call(cmd + (["--verbose"] if args.verbose else []), cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
