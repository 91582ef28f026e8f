"""Ingesting many files: one transaction per document, a failing document skipped, and from
`PARALLEL_MIN_FILES` files on a pool of forked worker processes (each with its own connection and
actor directory). The database going away stops the run with `IngestInterrupted`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from asgiref.local import Local
from django.db import InterfaceError, OperationalError, connection, connections

from analysis.extraction.read import article_paths
from analysis.services.ingestion import store
from analysis.services.ingestion.directory import ActorDirectory
from analysis.services.ingestion.store import Extractor, IngestOutcome, IngestStatus, document_ingest

PARALLEL_MIN_FILES = 200  # below this, starting worker processes costs more than it saves
INGEST_LOCK_KEY = 0x696E6765  # pg_advisory_lock key held by the one running ingest ("inge")


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    actors_created: int = 0
    engagements_created: int = 0
    evidence_created: int = 0
    failures: list[IngestOutcome] = field(default_factory=list)

    def add(self, outcome: IngestOutcome) -> None:
        setattr(self, outcome.status.value, getattr(self, outcome.status.value) + 1)
        self.actors_created += outcome.actors_created
        self.engagements_created += outcome.engagements_created
        self.evidence_created += outcome.evidence_created
        if outcome.status is IngestStatus.FAILED:
            self.failures.append(outcome)


class IngestInterrupted(Exception):
    """The database went away during a run: the run stops; `summary` says what was done before."""

    def __init__(self, reason: str, summary: IngestSummary) -> None:
        super().__init__(reason)
        self.reason = reason
        self.summary = summary


@contextmanager
def ingest_lock(*, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the database-wide ingest lock: a second ingest waits until the first is done.

    Two ingests interleaving could resolve a bare surname against different stored persons and
    store other actors than one run would (two `ingest --workers 1` over 200 articles: 2 runs in 3
    differed). The lock lives on a connection of its own, so forked workers and a kill -9 of the
    holder (PostgreSQL drops the session and its lock) need nothing more.
    """
    try:
        raw = connection.get_new_connection(connection.get_connection_params())
    except (OperationalError, InterfaceError) as error:
        raise IngestInterrupted(f"database unavailable ({_reason(error)})", IngestSummary()) from None
    try:
        raw.autocommit = True
        with raw.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [INGEST_LOCK_KEY])
            if not cursor.fetchone()[0]:
                if on_wait is not None:
                    on_wait()
                cursor.execute("SELECT pg_advisory_lock(%s)", [INGEST_LOCK_KEY])
        yield
    finally:
        raw.close()


def documents_ingest(
    *,
    paths: Iterable[str | os.PathLike],
    reextract: bool = False,
    extractor: Extractor | None = None,
    extractor_version: str | None = None,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Ingest files and folders, one transaction per document; a failing document is skipped.

    With `workers` > 1 the documents are shared out to that many forked processes (each with its
    own connection and actor directory); outcomes still arrive in file order.
    """
    if extractor is None:
        extractor, default_version = store._default_extractor()
        extractor_version = extractor_version or default_version
    files = article_paths(paths=paths)
    summary = IngestSummary()
    if workers > 1 and len(files) > 1 and not connection.in_atomic_block:
        return _documents_ingest_parallel(
            files,
            workers=workers,
            reextract=reextract,
            extractor=extractor,
            extractor_version=extractor_version,
            on_outcome=on_outcome,
            summary=summary,
        )
    directory = ActorDirectory.load()
    for path in files:
        outcome, database_down = _document_ingest_guarded(
            path=path,
            reextract=reextract,
            directory=directory,
            extractor=extractor,
            extractor_version=extractor_version,
        )
        _outcome_add(summary, outcome, on_outcome, database_down=database_down)
    return summary


def ingest_workers_default(*, files: int) -> int:
    """Processes worth starting for a batch: one per CPU (at most four) for a few hundred files or more."""
    return 1 if files < PARALLEL_MIN_FILES else max(1, min(4, os.cpu_count() or 1))


def _document_ingest_guarded(
    *,
    path: Path,
    reextract: bool,
    directory: ActorDirectory,
    extractor: Extractor,
    extractor_version: str | None,
) -> tuple[IngestOutcome, bool]:
    """`document_ingest` with every failure as an outcome; True beside it when the database is gone."""
    try:
        outcome = document_ingest(
            path=path,
            reextract=reextract,
            directory=directory,
            extractor=extractor,
            extractor_version=extractor_version,
        )
    except (OperationalError, InterfaceError) as error:
        if _database_reachable():
            return IngestOutcome(str(path), IngestStatus.FAILED, reason=_reason(error)), False
        reason = f"database unavailable ({_reason(error)})"
        return IngestOutcome(str(path), IngestStatus.FAILED, reason=reason), True
    except Exception as error:  # an unexpected failure skips this document, not the batch
        return IngestOutcome(str(path), IngestStatus.FAILED, reason=_reason(error)), False
    return outcome, False


def _outcome_add(
    summary: IngestSummary,
    outcome: IngestOutcome,
    on_outcome: Callable[[IngestOutcome], None] | None,
    *,
    database_down: bool,
) -> None:
    summary.add(outcome)
    if on_outcome is not None:
        on_outcome(outcome)
    if database_down:
        raise IngestInterrupted(outcome.reason, summary)


# What a forked worker needs, set in the parent just before the fork.
_WORKER: dict = {}
# Connection objects a worker inherited: kept referenced and never closed, since closing one
# would end the parent's session on the shared socket.
_INHERITED_CONNECTIONS: list = []


def worker_start() -> None:
    """Pool initializer: the forked worker opens connections of its own."""
    _INHERITED_CONNECTIONS.append(connections._connections)
    connections._connections = Local(connections.thread_critical)


def _worker_ingest(path: Path) -> tuple[IngestOutcome, bool]:
    if "directory" not in _WORKER:
        _WORKER["directory"] = ActorDirectory.load()
    return _document_ingest_guarded(
        path=path,
        reextract=_WORKER["reextract"],
        directory=_WORKER["directory"],
        extractor=_WORKER["extractor"],
        extractor_version=_WORKER["extractor_version"],
    )


def _documents_ingest_parallel(
    files: list[Path],
    *,
    workers: int,
    reextract: bool,
    extractor: Extractor,
    extractor_version: str | None,
    on_outcome: Callable[[IngestOutcome], None] | None,
    summary: IngestSummary,
) -> IngestSummary:
    """Forked workers share the files out; new actors stay single (ACTOR_CREATE_LOCK), documents are
    unique by content hash, so any order gives the same facts."""
    connection.ensure_connection()  # an embedded server is up and located before the fork
    connections.close_all()  # a child must never reuse the parent's socket
    _WORKER.clear()
    _WORKER.update(reextract=reextract, extractor=extractor, extractor_version=extractor_version)
    context = multiprocessing.get_context("fork")
    with context.Pool(min(workers, len(files)), initializer=worker_start) as pool:
        for outcome, database_down in pool.imap(_worker_ingest, files, chunksize=4):
            _outcome_add(summary, outcome, on_outcome, database_down=database_down)
    return summary


def _reason(error: BaseException) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).split())[:300]}"


def _database_reachable() -> bool:
    """Whether a fresh connection to the database works (after an error on the current one)."""
    try:
        connection.close()
    except Exception:
        pass
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return False
    return True
