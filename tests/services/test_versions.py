"""The data version advances once per committed transaction that changes the analysis models."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from analysis import selectors
from analysis.arabic import name_key
from analysis.models import Actor, Alias, Engagement, Participation
from analysis.services.ingestion import document_ingest
from analysis.services.versions import SHARED_VERSION_SECONDS, data_version_bump, shared_version_forget
from tests.factories import actor_create, article_text, engagement_create, scripted_extract
from tests.redis_server import redis_url  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def advances(queries: CaptureQueriesContext) -> int:
    return sum("nextval('analysis_data_version')" in query["sql"] for query in queries.captured_queries)


def test_a_500_row_save_loop_advances_the_version_once_at_commit(django_capture_on_commit_callbacks):
    actor = actor_create(name="فالح الفياض")
    version = selectors.data_version()
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for n in range(500):
                Alias.objects.create(actor=actor, name=f"اسم {n}", key=name_key(f"اسم {n}"))
            assert selectors.data_version() == version  # not before the commit
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    # each create is its row and its history row, plus the data_version read above: one extra round trip
    assert len(statements) == 2 * 500 + 1 + 1
    assert advances(queries) == 1
    assert selectors.data_version() == version + 1


def test_deletes_and_participant_changes_advance_it_too(django_capture_on_commit_callbacks):
    fayyad, kutrashev = actor_create(name="فالح الفياض"), actor_create(name="ألبروس كوتراشيف")
    meeting = engagement_create(actors=[fayyad], date="2024-02-01")
    version = selectors.data_version()

    with django_capture_on_commit_callbacks(execute=True):
        meeting.actors.add(kutrashev)  # through the many-to-many: no Participation.save()
    assert selectors.data_version() == version + 1
    with django_capture_on_commit_callbacks(execute=True):
        Alias.objects.filter(actor=fayyad).delete()  # nothing to delete: nothing committed
        fayyad.delete()
    assert selectors.data_version() == version + 2
    assert Participation.objects.filter(engagement=meeting).count() == 1


def test_a_rolled_back_write_advances_nothing_and_leaves_no_bump_behind(django_capture_on_commit_callbacks):
    actor = actor_create(name="فالح الفياض")
    version = selectors.data_version()

    def rolled_back_alias() -> None:
        try:
            with transaction.atomic():
                Alias.objects.create(actor=actor, name="الفياض", key="الفياض")
                raise RuntimeError
        except RuntimeError:
            pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            rolled_back_alias()
    assert callbacks == [] and selectors.data_version() == version

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            rolled_back_alias()
            actor.name = "فالح فياض"
            actor.save()  # the same transaction: its bump went with the savepoint, so this one registers
    assert len(callbacks) == 1
    assert selectors.data_version() == version + 1


def test_an_explicit_bump_and_the_saves_share_one_advance_at_commit(django_capture_on_commit_callbacks):
    actor = actor_create(name="فالح الفياض")
    version = selectors.data_version()
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            data_version_bump()  # e.g. before a bulk_create, which sends no signals
            assert selectors.data_version() == version + 1  # seen at once inside the transaction
            Actor.objects.filter(pk=actor.pk).update(description="رئيس هيئة الحشد")
            actor.refresh_from_db()
            actor.save()
            engagement_create(actors=[actor], date="2024-02-01")
    assert advances(queries) == 2  # the one at once and the one at commit, as before the receivers
    assert selectors.data_version() == version + 2


def test_an_ingest_costs_one_advance_however_much_it_writes(
    tmp_path: Path, django_capture_on_commit_callbacks
):
    path = tmp_path / "a.txt"
    path.write_text(
        article_text(
            actors=[("فالح الفياض", "person"), ("ألبروس كوتراشيف", "person"), ("العراق", "state")],
            engagements=[("meeting", "2024-02-01", ["فالح الفياض", "ألبروس كوتراشيف"])],
        ),
        encoding="utf-8",
    )
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        outcome = document_ingest(path=path, extractor=scripted_extract, extractor_version="v1")
    assert outcome.document_id
    assert Engagement.objects.count() == 1
    assert advances(queries) == 1  # at commit


@pytest.fixture
def shared_cache(redis_url, settings):  # noqa: F811 - the fixture
    """The settings REDIS_URL gives: Django's Redis cache, holding the data version too."""
    settings.CACHES = {
        "default": {
            "BACKEND": "analysis.shared_cache.TolerantRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "analysis",
        }
    }
    settings.CACHE_SHARED = True
    return redis.Redis.from_url(redis_url)


def test_with_a_shared_cache_the_version_is_read_from_redis_and_a_bump_shows_there_at_once(shared_cache):
    version = selectors.data_version()
    with CaptureQueriesContext(connection) as queries:
        assert selectors.data_version() == version
    assert len(queries) == 0, "read from Redis, not the sequence"
    data_version_bump()
    with CaptureQueriesContext(connection) as queries:
        assert selectors.data_version() == version + 1
    assert len(queries) == 0


def test_a_write_that_bypasses_redis_shows_once_redis_copy_expires(shared_cache):
    version = selectors.data_version()
    assert 0 < shared_cache.ttl("analysis:1:data-version") <= SHARED_VERSION_SECONDS
    with connection.cursor() as cursor:  # a process without REDIS_URL, or raw SQL
        cursor.execute("SELECT nextval('analysis_data_version')")
    assert selectors.data_version() == version  # for at most SHARED_VERSION_SECONDS
    shared_version_forget()  # what the expiry does
    assert selectors.data_version() == version + 1
