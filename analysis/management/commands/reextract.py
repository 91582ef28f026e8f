"""Run the current extractor again over every stored document, from its stored text.

python manage.py reextract            # every document, with a progress bar
python manage.py reextract --stale    # only documents stored by another extractor version

Each document is one transaction, as at ingestion: facts a curator verified, rejected, edited or
merged are kept, and only what the extractor found before is replaced.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from analysis.extraction.pipeline import EXTRACTOR_VERSION
from analysis.models import Document
from analysis.selectors import stored_totals
from analysis.services.ingestion import ActorDirectory, IngestStatus, document_reextract, ingest_lock


class Command(BaseCommand):
    help = "Re-extract every stored document with the current extractor, keeping curated decisions."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale", action="store_true", help="only documents of another extractor version"
        )
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    def handle(self, *args, stale: bool, no_progress: bool, **_):
        documents = Document.objects.order_by("pk")
        if stale:
            documents = documents.exclude(extractor_version=EXTRACTOR_VERSION)
        ids = list(documents.values_list("pk", flat=True))
        if not ids:
            self.stdout.write("No stored document to re-extract.")
            return
        with ingest_lock(on_wait=lambda: self.stderr.write("an ingest is running: waiting for it to finish")):
            failed = self._reextract(ids, no_progress=no_progress)
        totals = stored_totals()
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-extracted {len(ids) - failed} of {len(ids)} documents with {EXTRACTOR_VERSION}. "
                f"Actors: {totals.actors}. Engagements: {totals.engagements}."
            )
        )

    def _reextract(self, ids: list[int], *, no_progress: bool) -> int:
        """Each document in its own transaction; the number that failed."""
        directory = ActorDirectory.load()
        failed = 0
        with tqdm(
            total=len(ids),
            unit="doc",
            file=getattr(self.stderr, "_out", sys.stderr),
            disable=no_progress,
            mininterval=0.5,
        ) as progress:
            for document_id in ids:
                outcome = document_reextract(document_id=document_id, directory=directory)
                if outcome.status is IngestStatus.FAILED:
                    failed += 1
                    progress.clear()
                    self.stderr.write(f"document {document_id} ({outcome.path}): {outcome.reason}")
                progress.update(1)
        return failed
