"""Export engagements or actors as CSV or JSON Lines, to a file or standard output.

python manage.py export engagements --format jsonl --output var/engagements.jsonl
python manage.py export actors --format csv
python manage.py export gold PATH      # curated documents as gold files + texts (train_extractor --gold-dir)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from analysis.services.export import ExportFormat, actors_export, engagements_export
from analysis.services.gold import gold_export

EXPORTS = {"engagements": engagements_export, "actors": actors_export}


class Command(BaseCommand):
    help = "Export engagements (ACLED-like columns) or actors as CSV or JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=sorted([*EXPORTS, "gold"]))
        parser.add_argument("path", nargs="?", help="gold: the folder to write the gold files into")
        parser.add_argument(
            "--format", choices=[f.value for f in ExportFormat], default=ExportFormat.CSV.value
        )
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args, what: str, format: str, output: str | None, path: str | None, **options):
        if what == "gold":
            if not path:
                raise CommandError("export gold PATH: give the folder to write into")
            count = gold_export(path=Path(path))
            self.stderr.write(self.style.SUCCESS(f"{count} curated documents written to {path}"))
            return
        export = EXPORTS[what]
        if output is None:
            try:
                export(stream=self.stdout, format=format)
            except BrokenPipeError:  # the reader stopped early (`| head`): not an error
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        try:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = export(stream=stream, format=format)
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror or error}") from None
        self.stderr.write(self.style.SUCCESS(f"{count} {what} written to {output}"))
