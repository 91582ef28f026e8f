"""Extraction throughput on one core: documents per second through `extract_document`, the time
each stage takes, and what a new process pays to load the models and lexical resources. Pure
Python (no database). Over the real corpus's dev part when `../shared/corpus` is there (issue 13's
target: >= 40 documents/s on one core, load < 2 s), else over the seeds:

    python -m analysis.benchmarks.extraction [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from analysis.extraction.pipeline import extract_document, extract_with_timings

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"


LOAD_PROBE = (
    "import time; t = time.perf_counter();"
    "from analysis.extraction.pipeline import extract_document;"
    "extract_document('استقبل الرئيس العراقي السفير الروسي في بغداد أمس.');"
    "print(time.perf_counter() - t)"
)


def _corpus() -> tuple[str, list[str]]:
    """The texts to time: the corpus's dev articles when present, else the seeds."""
    from analysis.benchmarks.corpus_score import CORPUS, part_ids

    if (CORPUS / "texts").is_dir():
        paths = [CORPUS / "texts" / f"{i}.txt" for i in part_ids("dev")]
        return "corpus dev part", [p.read_text(encoding="utf-8") for p in paths]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seed articles in {SEEDS}")
    return "seeds", texts


def load_seconds() -> float:
    """Seconds a new process takes to import the pipeline, load its models and resources and extract once."""
    out = subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True, check=True)
    return round(float(out.stdout.strip().splitlines()[-1]), 3)


def run(*, rounds: int = 3) -> dict:
    """Extract the articles `rounds` times over; report docs/s, per-stage ms and the load time."""
    source, texts = _corpus()
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
        "texts": source,
        "load_seconds": load_seconds(),
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
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(run(rounds=args.rounds), indent=2))


if __name__ == "__main__":
    main()
