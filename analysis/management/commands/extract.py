"""Run the extraction pipeline on article files and print what it finds; the database is not used.

    python manage.py extract seeds/000.txt            # a readable summary per document
    python manage.py extract --json seeds/            # {"documents": [...]} (the extraction contract)

Files are read as `manage.py ingest` reads them (text in UTF-8, UTF-16 or a legacy encoding, web
pages, PDF, .docx; the format from the content); a folder stands for the article files under it. A file that cannot be read or decoded is reported on
stderr with the reason; the other files are still processed and the command ends with a
non-zero status.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from analysis.extraction.pipeline import extract_document
from analysis.extraction.read import DocumentError, article_paths, article_read
from analysis.extraction.results import ExtractionResult


class Command(BaseCommand):
    help = "Extract actors and engagements from article files (no database access)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="PATH", help="article files, or folders of them")
        parser.add_argument("--json", action="store_true", help="print the extraction contract as JSON")

    def handle(self, *args, **options):
        documents: list[dict] = []
        failures = 0
        paths = article_paths(paths=options["files"])
        for path in paths:
            name = str(path)
            try:
                article = article_read(path=path)
            except DocumentError as error:
                failures += self._fail(name, str(error))
                continue
            result = extract_document(article.text, metadata=article.metadata)
            result.notices[:0] = article.notices
            if options["json"]:
                documents.append(result.to_contract(name))
            else:
                self._print_summary(name, result)
        if options["json"]:
            self.stdout.write(json.dumps({"documents": documents}, ensure_ascii=False, indent=1))
        if failures:
            raise CommandError(f"{failures} of {len(paths)} file(s) could not be read")

    def _fail(self, name: str, reason: str) -> int:
        self.stderr.write(f"extract: {name}: {reason}")
        return 1

    def _print_summary(self, name: str, result: ExtractionResult) -> None:
        meta = result.metadata
        self.stdout.write(self.style.MIGRATE_HEADING(name))
        self.stdout.write(f"  title:     {meta.title or '—'}")
        self.stdout.write(f"  outlet:    {meta.outlet or '—'}    author: {meta.author or '—'}")
        self.stdout.write(f"  published: {meta.published.isoformat() if meta.published else 'unknown'}")
        self.stdout.write(f"  actors ({len(result.actors)}):")
        for actor in result.actors:
            title = f" — {actor.title}" if actor.title else ""
            aliases = f"  [{', '.join(actor.aliases)}]" if actor.aliases else ""
            self.stdout.write(f"    {actor.kind:<12} {actor.name}{title}{aliases}")
        self.stdout.write(f"  engagements ({len(result.engagements)}):")
        for e in result.engagements:
            date = e.date.iso or "unknown"
            if e.date_text:
                date += f" ({e.date_text})"
            who = " + ".join(f"{p.name} ({p.role})" for p in e.participants)
            where = f" @ {e.location}" if e.location else ""
            self.stdout.write(f"    {date:<28} {e.type:<10} {e.status:<8} {who}{where}")
        for notice in result.notices:
            self.stdout.write(self.style.WARNING(f"  note: {notice}"))
        self.stdout.write("")
