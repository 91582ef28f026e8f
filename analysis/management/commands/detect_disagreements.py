"""Flag what the sources of stored engagements disagree about (ingestion does it for each new document).

python manage.py detect_disagreements    # once, for data stored before the flags existed
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from analysis.models import Engagement
from analysis.services.disagreement import disagreements_detect

BATCH = 500


class Command(BaseCommand):
    help = "Flag engagements whose sources disagree (place, a date within 14 days, participants)."

    def handle(self, *args, **options):
        ids = list(Engagement.objects.order_by("pk").values_list("pk", flat=True))
        created = 0
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                created += disagreements_detect(engagement_ids=ids[start : start + BATCH])
        self.stdout.write(
            self.style.SUCCESS(f"{len(ids)} engagements read; {created} new disagreements flagged.")
        )
