"""`manage.py backup` / `manage.py restore`: curation survives losing the database folder.

Everything runs in child processes, as an analyst would type it, against a database of its own on
the test server: ingest, curate, export, back up, wipe the database, restore, export again.
"""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from analysis.services import backup
from tests.reliability.support import SEEDS, child_env, database_url, manage

# The seeds ingested, then a curator's day: a verified and a rejected engagement, a renamed actor
# with a curated alias.
CURATE = """
import sys
from django.core.management import call_command
call_command("migrate", "--noinput", verbosity=0)
call_command("ingest", "--no-progress", sys.argv[-1])
from django.contrib.auth import get_user_model
from analysis.models import Actor, Engagement
from analysis.services import curation
curator = get_user_model().objects.create_user("huda", password="huda-password-1", is_staff=True)
first, second, *_ = Engagement.objects.order_by("fingerprint")
curation.engagements_verify(engagements=[first], user=curator, reason="مؤكد من مصدرين")
curation.engagements_reject(engagements=[second], user=curator, reason="ليس لقاءً")
actor = Actor.objects.order_by("slug").first()
actor.name = actor.name + " (منقح)"
curation.actor_update(actor=actor, user=curator, reason="تصحيح الاسم")
curation.alias_add(actor=actor, name="اسم بديل للاختبار", user=curator)
"""

# What a user of the data sees: both exports in both formats, and the audit history as the admin's
# history pages read it (every historical row of every model).
SNAPSHOT = """
import io, json
from django.apps import apps
from django.core.management import call_command
seen = {}
for what in ("engagements", "actors"):
    for format in ("csv", "jsonl"):
        out = io.StringIO()
        call_command("export", what, "--format", format, stdout=out)
        seen[f"{what}.{format}"] = out.getvalue()
for model in apps.get_app_config("analysis").get_models():
    if model.__name__.startswith("Historical"):
        seen[model.__name__] = [
            {k: str(v) for k, v in row.items()} for row in model.objects.order_by("history_id").values()
        ]
print(json.dumps(seen, ensure_ascii=False))
"""


@pytest.fixture
def scratch_database(django_db_setup, django_db_blocker):
    """A database of its own on the test server, and a way to wipe it (drop it, create it empty)."""
    from django.db import connection

    # Connected only to learn the server's socket and port. Closed at once: these tests are not
    # django_db tests, so nothing else closes it, and once Playwright has marked the main thread's
    # event loop as running, `connection` is another object than the one the test-database
    # teardown closes (the session stayed open: "test_... is being accessed by other users").
    with django_db_blocker.unblock():
        connection.ensure_connection()
        settings = {**connection.settings_dict, "NAME": f"{connection.settings_dict['NAME']}_backup"}
        connection.close()

    def wipe(*, drop_only: bool = False) -> None:
        with psycopg.connect(
            host=settings["HOST"] or None,
            port=settings["PORT"] or None,
            user=settings["USER"] or None,
            password=settings["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as maintenance:
            maintenance.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}" WITH (FORCE)')
            if not drop_only:
                maintenance.execute(f'CREATE DATABASE "{settings["NAME"]}"')

    wipe()
    yield settings, wipe
    wipe(drop_only=True)


def _snapshot(env: dict[str, str]) -> dict:
    result = manage("shell", "-c", SNAPSHOT, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_backup_wipe_restore_gives_back_the_same_exports_and_history(tmp_path, scratch_database):
    settings, wipe = scratch_database
    env = child_env(DATABASE_URL=database_url(settings))
    curated = manage("shell", "-c", CURATE.replace("sys.argv[-1]", repr(str(SEEDS))), env=env, timeout=300)
    assert curated.returncode == 0, curated.stdout + curated.stderr
    before = _snapshot(env)
    assert {row["history_change_reason"] for row in before["HistoricalEngagement"]} >= {
        "مؤكد من مصدرين",
        "ليس لقاءً",
    }
    assert any(row["history_change_reason"] == "تصحيح الاسم" for row in before["HistoricalActor"])
    assert "(منقح)" in before["actors.csv"] and "verified" in before["engagements.csv"]

    backup = tmp_path / "backups" / "dashboard.dump"
    backup.parent.mkdir()
    made = manage("backup", str(backup), env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    assert "public.analysis_historicalengagement" in made.stdout  # progress, table by table
    assert f"Backup written: {backup}" in made.stdout and " KB" in made.stdout
    assert backup.stat().st_size > 10_000

    wipe()  # the database is lost: an empty one in its place
    restored = manage("restore", str(backup), env=env, timeout=180)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Restored" in restored.stdout and "public.analysis_engagement" in restored.stdout
    assert _snapshot(env) == before

    # Over data that is there now, restore refuses unless told to replace it; --force replaces it.
    refused = manage("restore", str(backup), env=env)
    assert refused.returncode == 1
    assert f"CommandError: database '{settings['NAME']}' is not empty" in refused.stderr
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    changed = manage(
        "shell",
        "-c",
        "from analysis.models import Engagement; print(Engagement.objects.all().delete())",
        env=env,
    )
    assert changed.returncode == 0 and "analysis.Engagement" in changed.stdout
    forced = manage("restore", "--force", str(backup), env=env, timeout=180)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert "--force: dropping the" in forced.stdout and "Replaced what the database held" in forced.stdout
    assert _snapshot(env) == before


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path):
    env = child_env(ANALYSIS_VAR_DIR=str(tmp_path / "var"))  # a server is started only if it gets that far
    empty, foreign = tmp_path / "empty.dump", tmp_path / "foreign.dump"
    empty.write_bytes(b"")
    foreign.write_bytes(b"PGDMP" + bytes(200))
    for junk in (empty, foreign):
        result = manage("restore", "--force", str(junk), env=env)
        assert result.returncode == 1
        assert f"CommandError: {junk} is not a backup written by `manage.py backup`" in result.stderr
    assert not (tmp_path / "var" / "pgdata").exists()


@pytest.mark.django_db
def test_a_failed_backup_leaves_an_older_backup_of_the_same_name_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "postgres_tool", lambda name: (Path(shutil.which("false")), "0"))
    older = tmp_path / "dashboard.dump"
    older.write_bytes(b"an older backup")

    with pytest.raises(CommandError, match="pg_dump failed|false failed"):
        call_command("backup", str(older), stdout=StringIO())

    assert older.read_bytes() == b"an older backup"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["dashboard.dump"]  # no partial file left


@pytest.mark.django_db
def test_backup_and_restore_say_what_is_wrong_with_the_path(tmp_path):
    with pytest.raises(CommandError, match="is a folder; give the name of the backup file to write"):
        call_command("backup", str(tmp_path), stdout=StringIO())
    with pytest.raises(CommandError, match="no-such-folder: no such folder"):
        call_command("backup", str(tmp_path / "no-such-folder" / "x.dump"), stdout=StringIO())
    with pytest.raises(CommandError, match="missing.dump: no such backup file"):
        call_command("restore", str(tmp_path / "missing.dump"), stdout=StringIO())
