"""Two `manage.py ingest` at once, and one killed with `kill -9`, on real PostgreSQL.

The same 200 synthetic articles (analysis.benchmarks.corpus) are ingested once, undisturbed, to
know what one run stores. Then, on an emptied database: two ingests of the same folder started
together must store exactly that; an ingest killed (SIGKILL to it and its worker processes) once a
random number of documents is in, then run again, must store exactly that too.

"Exactly" holds for ingests in one process (`--workers 1`): with worker processes (the default
from 200 files) the order in which documents are reached decides some actor resolutions (a last
name that only one stored person has yet), so two undisturbed parallel runs already differ, e.g.
313 and 315 engagements. For them the test asserts what concurrency could break: nothing stored
twice, nothing lost.

The children reach the test database through DATABASE_URL; each phase starts from empty tables.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from analysis.benchmarks.corpus import corpus_write
from analysis.models import Actor, Document, Engagement, Evidence
from analysis.services.confidence import actors_confidence_refresh, engagements_confidence_refresh
from tests.reliability.support import ROOT, child_env, database_url

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLES = 200


def _ingest(folder: Path, env: dict[str, str], *options: str) -> subprocess.Popen:
    """`manage.py ingest` in a session of its own, so that it and its workers can be killed together."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "ingest", "--no-progress", *options, str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _finished(process: subprocess.Popen, timeout: float = 300) -> str:
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output[-3000:]
    return output


def _stored() -> dict:
    """What the database holds, by what identifies it to a reader. Not by row ids, nor by the
    engagement fingerprint, a hash over actor ids: both follow the order in which rows were created,
    which worker processes make differ from run to run (two undisturbed runs differ in 71 of them)."""
    documents = sorted(Document.objects.values_list("sha256", "source_path", "title", "published_on"))
    actors = sorted(
        (
            actor.slug,
            actor.name,
            actor.kind,
            actor.name_key,
            tuple(sorted(a.key for a in actor.aliases.all())),
        )
        for actor in Actor.objects.prefetch_related("aliases")
    )
    engagements = sorted(
        (
            engagement.type,
            engagement.status,
            engagement.date_precision,
            str(engagement.date_start),
            str(engagement.date_end),
            engagement.location,
            tuple(sorted((p.actor.slug, p.role) for p in engagement.participations.all())),
            tuple(sorted((e.document.sha256, e.start, e.end) for e in engagement.evidence.all())),
        )
        for engagement in Engagement.objects.prefetch_related("participations__actor", "evidence__document")
    )
    return {"documents": documents, "actors": actors, "engagements": engagements}


def _evidence_spans() -> list[tuple[str, int, int]]:
    return sorted(Evidence.objects.values_list("document__sha256", "start", "end"))


def _differences(expected: dict, found: dict) -> dict:
    """What one holds and the other not (counting repeats), per kind; empty when they are the same."""
    differences = {}
    for kind in expected:
        missing, extra = (
            Counter(expected[kind]) - Counter(found[kind]),
            Counter(found[kind]) - Counter(expected[kind]),
        )
        if missing or extra:
            differences[kind] = {"missing": sorted(missing.elements()), "extra": sorted(extra.elements())}
    return differences


def _empty_tables() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables "
            "WHERE schemaname = 'public' AND tablename LIKE 'analysis\\_%%'"
        )
        (tables,) = cursor.fetchone()
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture(scope="module")
def one_run(tmp_path_factory, django_db_setup, django_db_blocker):
    """(folder of 200 articles, child environment, what one undisturbed ingest of it stores)."""
    folder = tmp_path_factory.mktemp("concurrent") / "articles"
    corpus_write(folder=folder, docs=ARTICLES)
    with django_db_blocker.unblock():
        connection.ensure_connection()
        env = child_env(DATABASE_URL=database_url(connection.settings_dict))
        _finished(_ingest(folder, env, "--workers", "1"))
        reference = _stored()
        _empty_tables()
    assert len(reference["documents"]) == ARTICLES
    assert len(reference["actors"]) > 100 and len(reference["engagements"]) > 100
    return folder, env, reference


def test_two_ingests_of_the_same_files_at_once_store_what_one_run_stores(one_run):
    folder, env, reference = one_run

    first, second = _ingest(folder, env, "--workers", "1"), _ingest(folder, env, "--workers", "1")
    outputs = [_finished(first), _finished(second)]

    assert _differences(reference, _stored()) == {}
    assert all("Ingestion complete." in output for output in outputs)


def _nothing_twice_nothing_lost(reference: dict) -> None:
    """What concurrency or a crash could break even where order may change a resolution."""
    assert _stored()["documents"] == reference["documents"]
    assert _evidence_spans() == sorted(span for e in reference["engagements"] for span in e[-1])
    names = Counter(Actor.objects.values_list("name_key", flat=True))
    assert [key for key, n in names.items() if n > 1] == []
    assert Engagement.objects.filter(evidence__isnull=True).count() == 0
    assert Engagement.objects.filter(participations__isnull=True).count() == 0
    # every actor's per-source confidences, folded in document by document by parallel workers, are
    # what all its mentions say (no worker wrote back what it read before another's commit)
    assert Actor.objects.filter(confidence__isnull=False).exists()
    assert actors_confidence_refresh(actor_ids=Actor.objects.values_list("pk", flat=True)) == 0
    assert engagements_confidence_refresh(engagement_ids=Engagement.objects.values_list("pk", flat=True)) == 0


def _killed_at_random_point(folder: Path, env: dict[str, str], *options: str) -> tuple[int, int]:
    """Start an ingest, SIGKILL it (and its worker processes) once a random number of documents is
    in, mid-document; returns (the seed of that number, documents stored when it died)."""
    seed = int.from_bytes(os.urandom(4), "big")
    kill_after = random.Random(seed).randrange(1, ARTICLES - 20)
    killed = _ingest(folder, env, *options)
    deadline = time.monotonic() + 300
    while Document.objects.count() < kill_after:
        assert killed.poll() is None, f"seed {seed}: the ingest ended before {kill_after} documents"
        assert time.monotonic() < deadline, f"seed {seed}: {kill_after} documents never came"
        time.sleep(0.02)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=30)
    assert killed.returncode == -signal.SIGKILL
    interrupted = Document.objects.count()
    assert kill_after <= interrupted < ARTICLES, f"seed {seed}"
    return seed, interrupted


def test_two_parallel_ingests_at_once_store_nothing_twice_and_lose_nothing(one_run):
    folder, env, reference = one_run

    first, second = _ingest(folder, env), _ingest(folder, env)  # two worker processes each here
    _finished(first), _finished(second)

    _nothing_twice_nothing_lost(reference)


def test_an_ingest_killed_at_a_random_point_and_run_again_stores_what_one_run_stores(one_run):
    folder, env, reference = one_run

    seed, interrupted = _killed_at_random_point(folder, env, "--workers", "1")
    _finished(_ingest(folder, env, "--workers", "1"))

    assert _differences(reference, _stored()) == {}, f"seed {seed}: killed after {interrupted} documents"


def test_a_parallel_ingest_killed_and_run_again_stores_nothing_twice_and_loses_nothing(one_run):
    folder, env, reference = one_run

    seed, interrupted = _killed_at_random_point(folder, env)  # its worker processes die mid-document too
    _finished(_ingest(folder, env))

    _nothing_twice_nothing_lost(reference)
