"""The counts the database keeps as data changes: `EngagementTally`, `ActorEngagement`, `ActorCounterpart`
and `ActorDocument`, kept by statement triggers (migration 0008) on every write, whoever makes it.

Nothing here is needed for them to stay right; these are for bulk loads and repairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

COUNTED = {  # table: the operations its count triggers follow (migration 0008)
    "analysis_engagement": ("insert", "update", "delete"),
    "analysis_participation": ("insert", "update", "delete"),
    "analysis_evidence": ("insert", "update", "delete"),
    "analysis_mention": ("insert", "update", "delete"),
    "analysis_document": ("update",),
}


def counts_rebuild() -> None:
    """Recompute the four count tables from the data, from scratch (one aggregate each)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT analysis_counts_rebuild()")


def _triggers_enable(enabled: bool) -> None:
    with connection.cursor() as cursor:
        if connection.in_atomic_block:  # ALTER TABLE refuses while deferred foreign-key checks wait
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, operations in COUNTED.items():
            for operation in operations:
                state = "ENABLE" if enabled else "DISABLE"
                cursor.execute(f"ALTER TABLE {table} {state} TRIGGER {table}_counts_{operation}")
        if connection.in_atomic_block:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def counts_paused() -> Iterator[None]:
    """A bulk load without the count triggers, the counts rebuilt once at the end: a million engagements
    load in one pass instead of one per statement. For a loader that has the database to itself (the
    benchmark); the rebuild counts whatever was written meanwhile too."""
    _triggers_enable(False)
    try:
        yield
    finally:
        _triggers_enable(True)
        counts_rebuild()
