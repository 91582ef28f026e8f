"""`manage.py bench`: every measurement in one run, written to var/bench/latest.json.

Order: extraction throughput on one core and a new process's load time (`extraction`, no
database); generate the corpus; time reading its first articles as text, web page, PDF and
.docx (`reading`, no database); in a fresh benchmark database store it as documents only (the
floor), empty it, ingest it (throughput and peak RSS from the same subprocess); search the
ingested documents; then replace the extracted facts with bulk-built engagements and time the
timeline.
"""

from __future__ import annotations

import json
import platform
import secrets
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import override_settings

from analysis.benchmarks import corpus, dashboard, extraction, ingest, reading, scale, search
from analysis.benchmarks.harness import (
    analysis_tables_clear,
    bench_database_drop,
    bench_database_name,
    bench_database_use,
    machine_load,
    tables_settle,
)

PHASES = ("extraction", "reading", "ingest", "search", "timeline", "scale")
TARGETS = {
    "extraction": ("docs_per_second", ">=", 40.0),
    "ingest": ("ratio", "<=", 4.0),
    "timeline": ("ratio", "<=", 3.0),
    "search": ("p95_ms", "<=", 50.0),
    "memory": ("ingest_peak_mb", "<=", 500.0),
    "scale": ("timeline_growth", "<=", 1.5),
}
SCALE_PROFILE_GROWTH = 1.5
SEARCH_P95_MS_100K = 60.0


@dataclass(slots=True)
class BenchOptions:
    docs: int = 10_000
    engagements: int = 100_000
    seed: int = corpus.DEFAULT_SEED
    repeat: int = 25
    corpus_dir: Path = field(default_factory=lambda: Path(settings.VAR_DIR) / "bench" / "corpus")
    output: Path = field(default_factory=lambda: Path(settings.VAR_DIR) / "bench" / "latest.json")
    database: str = ""
    phases: tuple[str, ...] = PHASES
    keep_database: bool = True
    scale_sizes: tuple[int, ...] = scale.SIZES
    scale_reuse: bool = False  # time the databases a previous run built (the 1,000,000 takes ~6 minutes)


def _target_met(section: dict, key: str, op: str, limit: float) -> bool | None:
    value = section.get(key)
    if value is None:
        return None
    return value <= limit if op == "<=" else value >= limit


def _secret_key_ensure() -> None:
    """Without a configured key, a throwaway one for this process: the benchmark serves no one."""
    try:
        settings.SECRET_KEY  # noqa: B018
    except ImproperlyConfigured:
        settings.SECRET_KEY = "bench-only-" + secrets.token_urlsafe(32)


def bench_run(options: BenchOptions, *, log: Callable[[str], None]) -> dict:
    started = time.perf_counter()
    write = log

    def log(line: str) -> None:
        write(f"[{time.perf_counter() - started:6.1f} s] {line}")

    database = options.database or bench_database_name()
    results: dict = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"before": machine_load(), "python": platform.python_version()},
        "sizes": {
            "docs": options.docs,
            "engagements": options.engagements,
            "seed": options.seed,
            "repeat": options.repeat,
            "database": database,
        },
    }
    info = corpus.corpus_write(folder=options.corpus_dir, docs=options.docs, seed=options.seed)
    results["sizes"] |= {"corpus_bytes": info.bytes, "corpus_sha256": info.digest}
    log(f"corpus: {info.docs} articles, {info.bytes / 1e6:.1f} MB in {info.folder}")
    if "extraction" in options.phases:
        results["extraction"] = extraction.run()
        log(
            f"extraction: {results['extraction']['docs_per_second']} docs/s on one core, "
            f"load {results['extraction']['load_seconds']} s"
        )
    if "reading" in options.phases:
        results["reading"] = reading.reading_bench(corpus_dir=options.corpus_dir, log=log)

    bench_database_use(name=database, reset=True)
    log(f"database {database}: created and migrated")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        results["machine"]["postgres"] = cursor.fetchone()[0]

    if {"ingest", "search", "timeline"} & set(options.phases):  # the scale phase makes its own data
        floor = ingest.worker_spawn(worker="floor", folder=options.corpus_dir, database=database)
        log(f"floor: {floor.docs} documents in {floor.seconds:.1f} s, {floor.docs_per_s:.1f} docs/s")
        if "ingest" in options.phases:
            analysis_tables_clear()
            floor_parallel = ingest.worker_spawn(
                worker="floor-parallel", folder=options.corpus_dir, database=database
            )
            log(
                f"floor in {floor_parallel.workers} processes: {floor_parallel.seconds:.1f} s, "
                f"{floor_parallel.docs_per_s:.1f} docs/s"
            )
            analysis_tables_clear()
            run = ingest.worker_spawn(worker="ingest", folder=options.corpus_dir, database=database)
            log(
                f"ingest: {run.docs} documents in {run.seconds:.1f} s, {run.docs_per_s:.1f} docs/s, "
                f"{run.engagements} engagements, peak {run.peak_rss_mb} MB"
            )
            results["ingest"] = {
                "docs_per_s": round(run.docs_per_s, 2),
                "floor_docs_per_s": round(floor.docs_per_s, 2),
                "ratio": round(floor.docs_per_s / run.docs_per_s, 2) if run.docs_per_s else None,
                "docs": run.docs,
                "seconds": round(run.seconds, 2),
                "floor_seconds": round(floor.seconds, 2),
                "workers": run.workers,
                "floor_workers": floor.workers,
                "floor_parallel_docs_per_s": round(floor_parallel.docs_per_s, 2),
                "ratio_same_workers": round(floor_parallel.docs_per_s / run.docs_per_s, 2)
                if run.docs_per_s
                else None,
                "engagements_created": run.engagements,
                "failed": run.failed,
            }
            results["memory"] = {"ingest_peak_mb": run.peak_rss_mb, "floor_peak_mb": floor.peak_rss_mb}
        tables_settle()  # what autovacuum does soon after a 10,000-document load, before anything is timed

    _secret_key_ensure()
    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise and an uncollected STATIC_ROOT
    # The profile and search pages timed as they work, not as the page cache serves them once per data
    # version (the load test measures that): growth with the data is the pages' own work.
    with override_settings(DASHBOARD_ANONYMOUS_READ=True, DEBUG=False, DASHBOARD_PAGE_CACHE=False):
        if "search" in options.phases:
            results["search"] = search.search_bench(
                seed=options.seed, repeat=max(1, options.repeat // 5), log=log
            )
        if "timeline" in options.phases:
            analysis_tables_clear(keep=("document",))
            results["timeline"] = dashboard.timeline_bench(
                engagements=options.engagements, seed=options.seed, repeat=options.repeat, log=log
            )

        if "scale" in options.phases:
            results["scale"] = scale.scale_bench(
                sizes=options.scale_sizes,
                seed=options.seed,
                repeat=options.repeat,
                log=log,
                reuse=options.scale_reuse,
            )

    for section, (key, op, limit) in TARGETS.items():
        if section in results:
            results[section]["target"] = f"{key} {op} {limit:g}"
            results[section]["met"] = _target_met(results[section], key, op, limit)
    if "scale" in results:
        results["scale"]["target"] = (
            "growth <= 1.5 (timeline, profile), timeline ratio <= 3 at every size, queries constant, "
            "search p95 <= 60 ms at 100,000 documents"
        )
        results["scale"]["met"] = _scale_met(results["scale"])
        searched = results["scale"]["search_p95_ms"].get("100000")
        if searched is not None:
            results.setdefault("search", {})["p95_ms_100k"] = searched
    results["machine"]["after"] = machine_load()
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    if not options.keep_database:
        bench_database_drop(name=database)
        if "scale" in options.phases:
            for name in scale.scale_databases(base=database, sizes=options.scale_sizes).values():
                bench_database_drop(name=name)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    written = _with_earlier(results, options.output) if set(options.phases) != set(PHASES) else results
    options.output.write_text(json.dumps(written, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return results


def _scale_met(section: dict) -> bool | None:
    """Issue 15's targets: growth <= 1.5 (timeline, profile), the timeline <= 3 x its SQL at every size,
    the same number of queries at every size, search p95 <= 60 ms at 100,000 documents."""
    growths = (section.get("timeline_growth"), section.get("profile_growth"))
    if None in growths:
        return None
    searched = section["search_p95_ms"].get("100000")
    return (
        (searched is None or searched <= SEARCH_P95_MS_100K)
        and all(growth <= SCALE_PROFILE_GROWTH for growth in growths)
        and all(ratio <= TARGETS["timeline"][2] for ratio in section["timeline_ratio"].values())
        and section["queries_constant"]
    )


def _with_earlier(results: dict, output: Path) -> dict:
    """A run of some phases (`--only scale`) keeps the sections of the last full run it did not measure, so
    latest.json always holds every key; each section says when it was measured."""
    try:
        earlier = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return results
    for section, data in results.items():
        if isinstance(data, dict) and section not in ("machine", "sizes"):
            data.setdefault("measured_at", results["generated_at"])
    merged = earlier | {key: value for key, value in results.items() if key != "search"}
    if "search" in results:
        merged["search"] = earlier.get("search", {}) | results["search"]
    return merged


def results_table(results: dict) -> list[str]:
    """The results as aligned text rows: measurement, value, target, met."""
    rows = [("measurement", "value", "target", "met")]
    shown = {
        "extraction": ("docs_per_second", "ms_per_doc_median", "load_seconds", "texts"),
        "ingest": (
            "docs_per_s",
            "floor_docs_per_s",
            "ratio",
            "floor_parallel_docs_per_s",
            "ratio_same_workers",
        ),
        "timeline": ("median_ms", "p95_ms", "sql_median_ms", "ratio", "queries", "queries_constant"),
        "search": ("median_ms", "p95_ms", "sql_median_ms", "p95_ms_100k"),
        "memory": ("ingest_peak_mb",),
        "scale": (
            "timeline_p95_ms",
            "profile_p95_ms",
            "timeline_growth",
            "profile_growth",
            "timeline_ratio",
            "queries_constant",
            "search_p95_ms",
        ),
    }
    for fmt in reading.FORMATS:
        if fmt in results.get("reading", {}):
            run = results["reading"][fmt]
            value = (
                f"{run['median_ms']} ms/doc"
                + (f" (x{run['ratio_to_text']} text)" if "ratio_to_text" in run else "")
                if "median_ms" in run
                else f"missing: {run['missing']}"
            )
            rows.append((f"reading.{fmt}", value, "", ""))
    for section, keys in shown.items():
        if section not in results:
            continue
        data = results[section]
        target_key = TARGETS[section][0]
        for key in keys:
            if key not in data:  # a section only partly measured (`--only scale` adds search.p95_ms_100k)
                continue
            target = data.get("target", "") if key == target_key else ""
            met = {True: "yes", False: "NO", None: ""}[data.get("met")] if key == target_key else ""
            rows.append((f"{section}.{key}", str(data.get(key)), target, met))
        for scenario in ("unfiltered", "filtered"):
            if scenario in data:
                run = data[scenario]
                rows.append(
                    (
                        f"{section}.{scenario}",
                        f"{run['median_ms']} ms / sql {run['sql_median_ms']} ms "
                        f"/ x{run['ratio']} / {run['queries']} q",
                        "",
                        "",
                    )
                )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
