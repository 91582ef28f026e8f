"""Ingest throughput against its floor, each run in a fresh subprocess that reports its peak RSS.

The floor stores the same files as documents only: read and decode, normalize, insert (the same
`document_insert` ingestion uses), one transaction per document, no extraction, in one process.
The ingest is `documents_ingest` over the folder, exactly what `manage.py ingest` runs, with its
worker processes. For comparison the floor also runs in as many processes as the ingest
(`floor-parallel`): storing a document costs ~4 ms of CPU, extracting it ~12, so against that
floor the ratio says mostly how much more work extraction is than an insert.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, connections, transaction

from analysis.benchmarks.harness import stopwatch
from analysis.benchmarks.memory import peak_rss_mb

WORKERS = ("floor", "floor-parallel", "ingest", "extract")


@dataclass(frozen=True, slots=True)
class WorkerResult:
    worker: str
    docs: int
    seconds: float
    peak_rss_mb: float
    engagements: int = 0
    failed: int = 0
    workers: int = 1

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def _floor_document_store(path: Path) -> None:
    """One document stored as ingestion stores it (`document_insert`), with no extraction."""
    from analysis.arabic import normalize
    from analysis.extraction.read import document_read, text_sha256
    from analysis.services.ingestion import document_insert

    raw_text = document_read(path=path)
    with transaction.atomic():
        document_insert(
            path=path,
            raw_text=raw_text,
            sha256=text_sha256(text=raw_text),
            text=raw_text,
            normalized_text=normalize(raw_text),
        )


def floor_store(*, folder: Path, parallel: bool = False) -> WorkerResult:
    """Documents only: read, normalize, insert, in one process (the issue's floor) or, with
    `parallel`, in as many worker processes as the ingest uses."""
    from analysis.extraction.read import article_paths
    from analysis.services.ingestion import ingest_workers_default, worker_start

    paths = article_paths(paths=[folder])
    workers = ingest_workers_default(files=len(paths)) if parallel else 1
    with stopwatch() as elapsed:
        if workers > 1:
            connection.ensure_connection()  # an embedded server is up and located before the fork
            connections.close_all()
            with multiprocessing.get_context("fork").Pool(workers, initializer=worker_start) as pool:
                for _ in pool.imap(_floor_document_store, paths, chunksize=4):
                    pass
        else:
            for path in paths:
                _floor_document_store(path)
        seconds = elapsed()
    peak = peak_rss_mb() + (workers * peak_rss_mb(children=True) if workers > 1 else 0.0)
    return WorkerResult("floor", len(paths), seconds, round(peak, 1), workers=workers)


def ingest_run(*, folder: Path) -> WorkerResult:
    """The ingestion service over the folder, as `manage.py ingest` runs it (same number of processes).

    Peak memory counts every process: this one plus, for each worker, the largest worker's peak.
    """
    from analysis.extraction import pipeline  # noqa: F401 - imported before the clock starts
    from analysis.extraction.read import article_paths
    from analysis.services.ingestion import documents_ingest, ingest_workers_default

    workers = ingest_workers_default(files=len(article_paths(paths=[folder])))
    with stopwatch() as elapsed:
        summary = documents_ingest(paths=[folder], workers=workers)
        seconds = elapsed()
    docs = summary.new + summary.updated + summary.unchanged + summary.failed
    peak = peak_rss_mb() + (workers * peak_rss_mb(children=True) if workers > 1 else 0.0)
    return WorkerResult(
        "ingest",
        docs,
        seconds,
        round(peak, 1),
        engagements=summary.engagements_created,
        failed=summary.failed,
        workers=workers,
    )


def extract_only(*, folder: Path) -> WorkerResult:
    """The extraction pipeline alone over the folder (no database), for the profile."""
    from analysis.extraction.pipeline import extract_document
    from analysis.extraction.read import article_paths, document_read

    paths = article_paths(paths=[folder])
    engagements = 0
    with stopwatch() as elapsed:
        for path in paths:
            engagements += len(extract_document(document_read(path=path)).engagements)
        seconds = elapsed()
    return WorkerResult("extract", len(paths), seconds, peak_rss_mb(), engagements=engagements)


def worker_run(*, worker: str, folder: Path) -> WorkerResult:
    """Run one worker in this process (the subprocess side)."""
    if worker == "floor-parallel":
        return floor_store(folder=folder, parallel=True)
    runner = {"floor": floor_store, "ingest": ingest_run, "extract": extract_only}[worker]
    return runner(folder=folder)


def worker_spawn(*, worker: str, folder: Path, database: str, profile: Path | None = None) -> WorkerResult:
    """Run a worker in a fresh `manage.py bench --worker` process and read its JSON line."""
    command = [
        sys.executable,
        str(Path(settings.BASE_DIR) / "manage.py"),
        "bench",
        "--worker",
        worker,
        "--corpus",
        str(folder),
        "--database-name",
        database,
    ]
    if profile is not None:
        command += ["--profile", str(profile)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False, cwd=settings.BASE_DIR)
    if completed.returncode != 0:
        raise RuntimeError(f"bench worker {worker} failed:\n{completed.stderr[-4000:]}")
    line = completed.stdout.strip().splitlines()[-1]
    return WorkerResult(**json.loads(line))


def worker_line(result: WorkerResult) -> str:
    return json.dumps(asdict(result))
