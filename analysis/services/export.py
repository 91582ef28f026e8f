"""Export engagements (ACLED-like rows) and actors as CSV or JSON Lines, streamed row by row."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from enum import StrEnum
from typing import TextIO

from django.db.models import Count, Prefetch, Q

from analysis.arabic import DateValue
from analysis.models import Actor, ActorTitle, Alias, Engagement, Evidence, Participation

CHUNK_SIZE = 500


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


ENGAGEMENT_CSV_COLUMNS = [
    "id",
    "event_date",
    "date_precision",
    "event_type",
    "status",
    "review",
    "actor1",
    "actor2",
    "assoc_actors",
    "location",
    "source",
    "source_count",
    "notes",
]
ACTOR_COLUMNS = ["name", "kind", "aliases", "titles", "engagements"]


def _iso_date(engagement: Engagement) -> str | None:
    """The date as a prefix at its precision: `2024`, `2024-02` or `2024-02-01`."""
    start = engagement.date_start
    if start is None or engagement.date_precision == "unknown":
        return None
    return {
        "year": DateValue(start.year),
        "month": DateValue(start.year, start.month),
        "day": DateValue(start.year, start.month, start.day),
    }[engagement.date_precision].iso


def _engagements() -> Iterator[Engagement]:
    queryset = (
        Engagement.objects.exclude(review=Engagement.Review.REJECTED)
        .order_by("date_start", "id")
        .prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("actor").order_by("id")),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.select_related("document").order_by("document_id", "start"),
            ),
        )
    )
    return queryset.iterator(chunk_size=CHUNK_SIZE)


def engagement_record(engagement: Engagement) -> dict:
    """One engagement as a JSON Lines row."""
    return {
        "id": engagement.pk,
        "date": _iso_date(engagement),
        "date_precision": engagement.date_precision,
        "date_text": engagement.date_text or None,
        "type": engagement.type,
        "status": engagement.status,
        "review": engagement.review,
        "participants": [p.actor.name for p in engagement.participations.all()],
        "roles": {p.actor.name: p.role for p in engagement.participations.all()},
        "location": engagement.location or None,
        "sources": [
            {
                "document": evidence.document_id,
                "path": evidence.document.source_path,
                "title": evidence.document.title or None,
                "outlet": evidence.document.outlet or None,
                "published": evidence.document.published_on.isoformat()
                if evidence.document.published_on
                else None,
                "evidence": evidence.sentence,
                "start": evidence.start,
                "end": evidence.end,
            }
            for evidence in engagement.evidence.all()
        ],
    }


def engagement_row(engagement: Engagement) -> dict:
    """One engagement in ACLED-like CSV columns."""
    names = [p.actor.name for p in engagement.participations.all()]
    evidence = list(engagement.evidence.all())
    outlets = dict.fromkeys(e.document.outlet or e.document.source_path for e in evidence)
    return {
        "id": engagement.pk,
        "event_date": _iso_date(engagement) or "",
        "date_precision": engagement.date_precision,
        "event_type": engagement.type,
        "status": engagement.status,
        "review": engagement.review,
        "actor1": names[0] if names else "",
        "actor2": names[1] if len(names) > 1 else "",
        "assoc_actors": "; ".join(names[2:]),
        "location": engagement.location,
        "source": "; ".join(outlets),
        "source_count": len({e.document_id for e in evidence}),
        "notes": evidence[0].sentence if evidence else "",
    }


def _actors() -> Iterator[Actor]:
    queryset = (
        Actor.objects.order_by("kind", "name", "id")
        .annotate(
            engagement_count=Count(
                "participations__engagement",
                filter=~Q(participations__engagement__review=Engagement.Review.REJECTED),
                distinct=True,
            )
        )
        .prefetch_related(
            Prefetch("aliases", queryset=Alias.objects.order_by("id")),
            Prefetch("titles", queryset=ActorTitle.objects.order_by("seen_on", "id")),
        )
    )
    return queryset.iterator(chunk_size=CHUNK_SIZE)


def actor_record(actor: Actor) -> dict:
    return {
        "name": actor.name,
        "kind": actor.kind,
        "aliases": [alias.name for alias in actor.aliases.all()],
        "titles": list(dict.fromkeys(title.title for title in actor.titles.all())),
        "engagements": actor.engagement_count,
    }


def _write(*, stream: TextIO, format: ExportFormat, columns: list[str], rows: Iterator[dict]) -> int:
    count = 0
    if format == ExportFormat.CSV:
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
            count += 1
    else:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def engagements_export(*, stream: TextIO, format: ExportFormat | str) -> int:
    """Write every engagement an analyst has not rejected; returns the number of rows."""
    format = ExportFormat(format)
    if format == ExportFormat.CSV:
        rows = (engagement_row(e) for e in _engagements())
    else:
        rows = (engagement_record(e) for e in _engagements())
    return _write(stream=stream, format=format, columns=ENGAGEMENT_CSV_COLUMNS, rows=rows)


def actors_export(*, stream: TextIO, format: ExportFormat | str) -> int:
    """Write every actor with its aliases, titles and number of engagements; returns the number of rows."""
    format = ExportFormat(format)
    return _write(
        stream=stream, format=format, columns=ACTOR_COLUMNS, rows=(actor_record(a) for a in _actors())
    )
