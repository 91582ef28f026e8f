"""Ingesting many files: idempotent runs, concurrent runs and worker processes store no duplicates."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connection

from analysis.models import Actor, Alias, Document, Engagement, Evidence
from analysis.services.ingestion import documents_ingest, ingest_lock
from analysis.services.ingestion.run import INGEST_LOCK_KEY
from tests.factories import article_text, scripted_extract
from tests.services.ingestion.reports import (
    FAYYAD,
    KUTRASHEV,
    KUTRASHEV_VARIANT,
    MEETING_DAY,
    snapshot,
    write,
)

pytestmark = pytest.mark.django_db


def test_running_twice_changes_nothing(tmp_path):
    write(tmp_path, "1.txt", article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY]))
    write(tmp_path, "2.txt", article_text(actors=[KUTRASHEV_VARIANT], body="ثان"))
    first = documents_ingest(paths=[tmp_path], extractor=scripted_extract, extractor_version="v1")
    before = snapshot()

    second = documents_ingest(paths=[tmp_path], extractor=scripted_extract, extractor_version="v1")

    assert (first.new, second.new, second.unchanged, second.updated) == (2, 0, 2, 0)
    assert snapshot() == before


@pytest.mark.django_db(transaction=True)
def test_two_workers_ingesting_the_same_folder_store_no_duplicates(tmp_path):
    people = [FAYYAD, KUTRASHEV, ("نيكولاي باتروشيف", "person", ["باتروشيف"], "")]
    for n in range(24):
        engagements = [("meeting", f"2024-02-{n % 6 + 1:02d}", ["فالح الفياض", "ألبروس كوتراشيف"])]
        if n % 3 == 0:
            engagements.append(("call", "2023-11", ["باتروشيف", "الفياض"]))
        short = [("الفياض", "person"), ("كوتراشيف", "person"), ("باتروشيف", "person")]
        write(
            tmp_path,
            f"{n:03d}.txt",
            article_text(
                actors=people if n % 2 else short[:2] + people, engagements=engagements, body=f"رقم {n}"
            ),
        )
    errors: list[BaseException] = []
    summaries = []

    def worker():
        try:
            summaries.append(
                documents_ingest(paths=[tmp_path], extractor=scripted_extract, extractor_version="v1")
            )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors and all(s.failed == 0 for s in summaries)
    assert sum(s.new for s in summaries) == 24
    assert Document.objects.count() == 24
    assert Actor.objects.count() == 3
    assert Engagement.objects.count() == 7
    assert Evidence.objects.count() == 24 + 8
    assert Alias.objects.filter(key="فياض").count() == 1


@pytest.mark.django_db(transaction=True)
def test_worker_processes_store_one_meeting_from_many_sources(tmp_path):
    for n in range(6):
        text = article_text(actors=[FAYYAD, KUTRASHEV], engagements=[MEETING_DAY], body=f"خبر رقم {n}")
        write(tmp_path, f"{n}.txt", text)
    seen = []

    summary = documents_ingest(
        paths=[tmp_path],
        extractor=scripted_extract,
        extractor_version="v1",
        workers=2,
        on_outcome=seen.append,
    )

    assert (summary.new, summary.failed) == (6, 0)
    assert [Path(outcome.path).name for outcome in seen] == [f"{n}.txt" for n in range(6)]
    assert sorted(Actor.objects.values_list("name", flat=True)) == sorted([FAYYAD[0], KUTRASHEV[0]])
    assert Engagement.objects.count() == 1
    assert Evidence.objects.values("document").distinct().count() == 6


def test_the_ingest_lock_is_held_for_the_run_and_released_after():
    def lock_free() -> bool:
        other = connection.get_new_connection(connection.get_connection_params())
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [INGEST_LOCK_KEY])
                free = cursor.fetchone()[0]
                if free:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [INGEST_LOCK_KEY])
            return free
        finally:
            other.close()

    with ingest_lock():
        assert not lock_free()
    assert lock_free()
