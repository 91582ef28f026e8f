"""Leave one set out: how the pair model's accept threshold does on gold sets it was not fitted on.

    python -m analysis.benchmarks.pair_threshold --set corpus=../shared/corpus --set f1=../newcorpus ...
        [--held f5 --held f6 ...] [--grid 0.5 0.6 0.7 0.8]

Each `--set NAME=DIR` is a folder with gold/ and texts/. For each held set (default: every set), the
interaction model is fitted on all the other sets' candidates (`interactions.learn.fit`, the shipped
tagger and rules reading the texts), and the held set's engagement F1 is computed as score.py counts
it (`learn.f1_of`, the run-time decision) with the rules alone and with new pairs accepted at each
threshold of the grid. The last line is the mean gain over the held sets. The shipped `ACCEPT_PAIR`
was chosen with the sets where the rules are least in-sample held (fresh 5-8): on the others the
rules were written from the same articles and miss almost nothing a pair could add.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.extraction.interactions import learn
from analysis.extraction.training import PACKAGED_MODELS, gold_documents


def held_out_f1(
    sets: dict[str, list[learn.Labelled]], held: str, grid: list[float]
) -> tuple[float, list[float]]:
    """The held set's F1 with the rules alone and at each threshold, by a model fitted on the others."""
    model = learn.fit([ex for name, docs in sets.items() if name != held for d in docs for ex in d.examples])
    docs = sets[held]
    probs = [[model.probability(ex.features) for ex in d.examples] for d in docs]
    rules = learn.f1_of(docs, probs, {"pair": learn.NEVER, "visit": learn.NEVER}, 0.0)
    return rules, [learn.f1_of(docs, probs, {"pair": t, "visit": learn.NEVER}, 0.0) for t in grid]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", action="append", required=True, help="NAME=DIR (gold/ and texts/)")
    parser.add_argument("--held", action="append", help="a set to hold out (default: each)")
    parser.add_argument("--grid", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8])
    args = parser.parse_args(argv)
    folders = dict(item.split("=", 1) for item in args.set)
    sets = {
        name: learn.labelled_documents(
            gold_documents(Path(folder) / "gold", Path(folder) / "texts"), PACKAGED_MODELS
        )
        for name, folder in folders.items()
    }
    held_sets = args.held or list(sets)
    print("held    rules  " + "  ".join(f"{t:>6}" for t in args.grid))
    gains = [0.0] * len(args.grid)
    for held in held_sets:
        rules, f1s = held_out_f1(sets, held, args.grid)
        gains = [g + (f - rules) / len(held_sets) for g, f in zip(gains, f1s, strict=True)]
        print(f"{held:<7} {rules:.3f}  " + "  ".join(f"{f - rules:+.3f}" for f in f1s))
    print("mean          " + "  ".join(f"{g:+.3f}" for g in gains))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
