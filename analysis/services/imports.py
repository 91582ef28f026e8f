"""Import in the browser: a curator's uploaded files become documents through `document_ingest`.

`import_batch_create` records the upload (a file refused at once for its type or size keeps no bytes)
and starts `import_batch_run` in a thread once the request commits, so the page answers at once and
polls the batch. The batch lives in the database (`ImportBatch`, `ImportFile`): any web process can
show it, and a batch whose thread died (the process restarted) is resumed when its page is next read.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone

from analysis.extraction.read import ARTICLE_SUFFIXES, MAX_FILE_BYTES
from analysis.models import ImportBatch, ImportFile
from analysis.services.ingestion import ActorDirectory, IngestStatus, document_ingest

logger = logging.getLogger(__name__)

STALLED_AFTER = timedelta(
    minutes=5
)  # one article takes ~1 s to extract; minutes without progress is a dead thread
MEGABYTE = 1024 * 1024

# `extraction.read`'s reasons (English, for the command line), as the import page tells a curator.
REASONS = (
    ("binary file", "ملف ثنائي وليس نصًّا؛ لم يُحفظ منه شيء."),
    ("empty", "الملف فارغ."),
    ("undecodable", "ترميز النص غير مقروء (ليس UTF-8 ولا UTF-16 ولا Windows-1256)."),
    ("too large", f"الملف أكبر من الحد ({MAX_FILE_BYTES // MEGABYTE} م.ب)."),
    ("no article text", "لا نص مقال فيه (عناصر صفحة فقط)."),
)


def refusal_reason(reason: str) -> str:
    """An ingestion failure's reason in Arabic, for the import page."""
    for prefix, arabic in REASONS:
        if reason.startswith(prefix):
            return arabic
    return f"تعذّرت قراءته ({reason})."


def upload_refusal(*, name: str, size: int) -> str:
    """Why an uploaded file is refused before it is read ("" when it may be read)."""
    suffix = Path(name).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        accepted = "، ".join(sorted(ARTICLE_SUFFIXES))
        shown = f"«{suffix}»" if suffix else "دون امتداد"
        return f"نوع الملف {shown} غير مقبول؛ المقبول: {accepted}."
    if size > MAX_FILE_BYTES:
        return (
            f"الملف أكبر من الحد: {size / MEGABYTE:.1f} م.ب والحد {MAX_FILE_BYTES // MEGABYTE} م.ب؛"
            " لم يُحفظ منه شيء."
        )
    if size == 0:
        return "الملف فارغ."
    return ""


def batch_thread_start(batch_id: int) -> None:
    """Read the batch's files in a thread of this process (tests replace it to run them inline)."""
    threading.Thread(
        target=import_batch_run, kwargs={"batch_id": batch_id}, name=f"import-batch-{batch_id}", daemon=True
    ).start()


@transaction.atomic
def import_batch_create(*, files: Sequence[UploadedFile], user: AbstractBaseUser | None) -> ImportBatch:
    """Record an upload and, once it commits, start reading its files outside the request."""
    now = timezone.now()
    (batch,) = ImportBatch.objects.bulk_create([ImportBatch(created_by=user, heartbeat_at=now)])
    rows = []
    for position, upload in enumerate(files):
        name = Path(upload.name or "").name[:255] or "—"
        refusal = upload_refusal(name=name, size=upload.size or 0)
        rows.append(
            ImportFile(
                batch=batch,
                position=position,
                name=name,
                size=upload.size or 0,
                content=None if refusal else upload.read(),
                outcome=ImportFile.Outcome.REFUSED if refusal else ImportFile.Outcome.WAITING,
                reason=refusal,
            )
        )
    ImportFile.objects.bulk_create(rows)
    if any(row.outcome == ImportFile.Outcome.WAITING for row in rows):
        transaction.on_commit(lambda: batch_thread_start(batch.pk))
    else:
        ImportBatch.objects.filter(pk=batch.pk).update(finished_at=now)
        batch.finished_at = now
    return batch


def _file_ingest(upload: ImportFile, *, directory: ActorDirectory, folder: Path) -> dict:
    """Ingest one uploaded file from a temporary copy that keeps its name's suffix (how `extraction.read`
    tells HTML from text); the fields of its `ImportFile` row that say what became of it."""
    path = folder / f"upload-{upload.pk}{Path(upload.name).suffix.lower()}"
    path.write_bytes(bytes(upload.content or b""))
    try:
        outcome = document_ingest(
            path=path, directory=directory, source_path=f"upload/{upload.batch_id}/{upload.name}"
        )
    finally:
        path.unlink(missing_ok=True)
    if outcome.status is IngestStatus.FAILED:
        return {"outcome": ImportFile.Outcome.REFUSED, "reason": refusal_reason(outcome.reason)[:300]}
    if outcome.status is IngestStatus.UNCHANGED:
        return {"outcome": ImportFile.Outcome.DUPLICATE, "document_id": outcome.document_id}
    return {"outcome": ImportFile.Outcome.STORED, "document_id": outcome.document_id}


def import_batch_run(*, batch_id: int) -> None:
    """Read the batch's waiting files one by one, each in its own transaction (`document_ingest`).

    A file is claimed before it is read, so two runs of one batch (a resumed one) never read it twice.
    """
    try:
        directory = ActorDirectory.load()
        with tempfile.TemporaryDirectory(prefix="import-") as folder:
            while True:
                upload = (
                    ImportFile.objects.filter(batch_id=batch_id, outcome=ImportFile.Outcome.WAITING)
                    .order_by("position")
                    .first()
                )
                if upload is None:
                    break
                claimed = ImportFile.objects.filter(pk=upload.pk, outcome=ImportFile.Outcome.WAITING).update(
                    outcome=ImportFile.Outcome.READING
                )
                if not claimed:
                    continue
                ImportBatch.objects.filter(pk=batch_id).update(heartbeat_at=timezone.now())
                try:
                    fields = _file_ingest(upload, directory=directory, folder=Path(folder))
                except Exception as error:  # one bad file must not stop the batch
                    logger.exception("import of %s failed", upload.name)
                    fields = {
                        "outcome": ImportFile.Outcome.REFUSED,
                        "reason": f"خطأ أثناء القراءة: {error}"[:300],
                    }
                ImportFile.objects.filter(pk=upload.pk).update(content=None, **fields)
                ImportBatch.objects.filter(pk=batch_id).update(heartbeat_at=timezone.now())
        if not ImportFile.objects.filter(
            batch_id=batch_id, outcome__in=[ImportFile.Outcome.WAITING, ImportFile.Outcome.READING]
        ).exists():
            ImportBatch.objects.filter(pk=batch_id, finished_at=None).update(finished_at=timezone.now())
    finally:
        if threading.current_thread() is not threading.main_thread():
            connection.close()


def import_batch_resume_if_stalled(*, batch: ImportBatch) -> bool:
    """Start a batch again whose thread died (no progress for `STALLED_AFTER`); returns whether it did."""
    if batch.finished_at is not None:
        return False
    stalled = timezone.now() - STALLED_AFTER
    restarted = ImportBatch.objects.filter(pk=batch.pk, finished_at=None, heartbeat_at__lt=stalled).update(
        heartbeat_at=timezone.now()
    )
    if not restarted:
        return False
    ImportFile.objects.filter(batch=batch, outcome=ImportFile.Outcome.READING).update(
        outcome=ImportFile.Outcome.WAITING
    )
    transaction.on_commit(lambda: batch_thread_start(batch.pk))
    return True
