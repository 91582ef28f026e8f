"""Back up the whole database (documents, facts, curation and its history, users) to one file.

python manage.py backup var/backups/dashboard-2026-12-06.dump

A consistent pg_dump in PostgreSQL's custom format, of the database in DATABASE_URL or of the
embedded server; the dashboard may keep running meanwhile. `manage.py restore` reads it back.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from analysis.services.backup import BackupError, database_backup, size_text


class Command(BaseCommand):
    help = "Write a consistent backup of the database (pg_dump, custom format) to PATH."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="the backup file to write (replaced only once the new one is complete)"
        )

    def handle(self, *args, path: str, **options):
        try:
            result = database_backup(path=path, on_progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {result.path} ({size_text(result.file_bytes)}; database "
                f"{size_text(result.database_bytes)}, {result.tables} tables) in {result.seconds:.1f} s"
            )
        )
