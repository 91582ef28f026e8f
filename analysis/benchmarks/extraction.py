"""Extraction throughput on one core: documents per second through `extract_document`, and
the time each stage takes. Pure Python (no database), so it runs anywhere:

    python -m analysis.benchmarks.extraction [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from analysis.extraction.pipeline import extract_document, extract_with_timings

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"


def _corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seed articles in {SEEDS}")
    return texts


def run(*, rounds: int = 20) -> dict:
    """Extract the seed articles `rounds` times over; report docs/s and per-stage seconds."""
    texts = _corpus()
    t0 = time.perf_counter()
    extract_document(texts[0])  # first call builds the lexicon caches
    warmup = time.perf_counter() - t0

    stage_totals: dict[str, float] = {}
    per_doc: list[float] = []
    chars = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            t = time.perf_counter()
            _, timings = extract_with_timings(text)
            per_doc.append(time.perf_counter() - t)
            chars += len(text)
            for stage, seconds in timings.items():
                stage_totals[stage] = stage_totals.get(stage, 0.0) + seconds
    elapsed = time.perf_counter() - start
    docs = rounds * len(texts)
    per_doc.sort()
    return {
        "documents": docs,
        "seconds": round(elapsed, 3),
        "docs_per_second": round(docs / elapsed, 1),
        "chars_per_second": round(chars / elapsed),
        "ms_per_doc_median": round(statistics.median(per_doc) * 1000, 2),
        "ms_per_doc_p95": round(per_doc[int(0.95 * (len(per_doc) - 1))] * 1000, 2),
        "first_call_seconds": round(warmup, 3),
        "stage_ms_per_doc": {k: round(v / docs * 1000, 2) for k, v in stage_totals.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(run(rounds=args.rounds), indent=2))


if __name__ == "__main__":
    main()
