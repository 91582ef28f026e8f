"""Ingestion: article files in; documents, resolved actors and cross-source engagements stored.

- `directory`: which stored actor an extracted name stands for (`ActorDirectory`), new actors.
- `store`: one document in one transaction (`document_ingest`, `document_reextract` from its stored text).
- `run`: many files, one transaction each, in a pool of worker processes (`documents_ingest`).

Reading files is `extraction.read`; when two reports are one engagement is `engagement_identity`.
"""

from analysis.services.ingestion.directory import ActorDirectory
from analysis.services.ingestion.run import (
    IngestInterrupted,
    IngestSummary,
    documents_ingest,
    ingest_lock,
    ingest_workers_default,
    worker_start,
)
from analysis.services.ingestion.store import (
    IngestOutcome,
    IngestStatus,
    document_ingest,
    document_insert,
    document_reextract,
)

__all__ = [
    "ActorDirectory",
    "IngestInterrupted",
    "IngestOutcome",
    "IngestStatus",
    "IngestSummary",
    "document_ingest",
    "document_insert",
    "document_reextract",
    "documents_ingest",
    "ingest_lock",
    "ingest_workers_default",
    "worker_start",
]
