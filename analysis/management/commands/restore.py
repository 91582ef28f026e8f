"""Restore a backup written by `manage.py backup` into the configured (or embedded) database.

python manage.py restore var/backups/dashboard-2026-12-06.dump
python manage.py restore --force backup.dump   # replace a database that already holds data

The backup is read through before anything changes, and loaded in one transaction. A database
that holds any table is refused unless --force, which drops what it holds first.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from analysis.services.backup import BackupError, database_restore, size_text


class Command(BaseCommand):
    help = "Load a backup written by `manage.py backup`; refuses a non-empty database unless --force."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a backup file written by `manage.py backup`")
        parser.add_argument(
            "--force", action="store_true", help="replace everything the database holds now with the backup"
        )

    def handle(self, *args, path: str, force: bool, **options):
        try:
            result = database_restore(path=path, force=force, on_progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if result.replaced_tables:
            self.stdout.write(f"Replaced what the database held ({result.replaced_tables} tables).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {result.path} ({size_text(result.file_bytes)}) into database {result.database!r}: "
                f"{result.tables} tables, {size_text(result.database_bytes)}, in {result.seconds:.1f} s"
            )
        )
