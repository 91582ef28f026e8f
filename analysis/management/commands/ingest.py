"""Ingest article files (.txt, .html, .pdf, .docx) or folders of them: store documents and the facts extracted from them.

python manage.py ingest seeds/
python manage.py ingest --reextract seeds/000_0fe2ef76fa9356ca.txt
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from analysis.extraction.read import article_paths
from analysis.selectors import stored_totals
from analysis.services.ingestion import (
    IngestInterrupted,
    IngestOutcome,
    IngestStatus,
    documents_ingest,
    ingest_lock,
    ingest_workers_default,
)

PROGRESS_MIN_FILES = 50


class Command(BaseCommand):
    help = "Ingest article files or folders: documents, actors, engagements and their evidence."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", help="files or folders of articles (.txt, .html, .pdf, .docx)"
        )
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="run the extraction again on documents already stored with this extractor version",
        )
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
        parser.add_argument(
            "--workers",
            type=int,
            help="processes to ingest with (default: one per CPU, at most four, from 200 files on; else one)",
        )

    def handle(self, *args, paths: list[str], reextract: bool, no_progress: bool, workers: int | None, **_):
        files = article_paths(paths=paths)
        if not files:
            raise CommandError("no article files (.txt, .html, .pdf, .docx) found in the given paths")
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1")
        workers = workers or ingest_workers_default(files=len(files))
        progress = tqdm(
            total=len(files),
            unit="doc",
            file=getattr(self.stderr, "_out", sys.stderr),
            disable=no_progress or len(files) < PROGRESS_MIN_FILES,
            mininterval=0.5,
        )

        def report(outcome: IngestOutcome) -> None:
            if outcome.status is IngestStatus.FAILED:
                progress.clear()
                self.stderr.write(f"{outcome.path}: {outcome.reason}")
            for notice in outcome.notices:
                progress.clear()
                self.stderr.write(f"{outcome.path}: note: {notice}")
            progress.update(1)

        def waiting() -> None:
            progress.clear()
            self.stderr.write("another ingest is running on this database: waiting for it to finish")

        try:
            with ingest_lock(on_wait=waiting):
                summary = documents_ingest(
                    paths=files, reextract=reextract, on_outcome=report, workers=workers
                )
        except IngestInterrupted as interrupted:
            progress.close()
            done = interrupted.summary
            raise CommandError(
                f"{interrupted.reason}: ingestion stopped after {done.new} new, {done.unchanged} unchanged "
                f"and {done.updated} updated documents; run the same command again when the database is back",
                returncode=2,
            ) from None
        except KeyboardInterrupt:
            progress.close()
            raise CommandError(
                "interrupted: the documents stored so far stay stored; run the same command again to go on",
                returncode=130,
            ) from None
        progress.close()
        totals = stored_totals()
        self.stdout.write(
            f"Documents: {summary.new} new, {summary.unchanged} unchanged, {summary.updated} updated, "
            f"{summary.failed} failed.\n"
            f"Actors: {totals.actors} ({summary.actors_created} new). "
            f"Engagements: {totals.engagements} ({summary.engagements_created} new). "
            f"Evidence: {totals.evidence} ({summary.evidence_created} new)."
        )
        if summary.failed:
            raise CommandError(f"{summary.failed} of {len(files)} documents failed", returncode=1)
        self.stdout.write(self.style.SUCCESS("Ingestion complete."))
