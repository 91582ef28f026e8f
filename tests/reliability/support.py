"""What the reliability tests share: running `manage.py` in a child process, the seeds, bidi controls."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data" / "bad_input"
EMBEDDED = not os.environ.get("DATABASE_URL")

# Explicit directional formatting characters (Unicode bidi classes LRE RLE LRO RLO PDF LRI RLI FSI PDI).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def seed_text(prefix: str) -> str:
    """The text of the seed article whose file name starts with `prefix` ("000" ... "004")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def child_env(**extra: str) -> dict[str, str]:
    """This process's environment without the project's settings variables, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "DATABASE_URL"))}
    return {**env, "DJANGO_SECRET_KEY": "reliability-tests-only", **extra}


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for the database this test process is connected to (the test database)."""
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{quote(password, safe='')}" if password else user
    host, port = settings_dict.get("HOST") or "", settings_dict.get("PORT") or ""
    name = quote(settings_dict["NAME"], safe="")
    if host.startswith("/"):
        return f"postgres://{auth}@/{name}?host={quote(host, safe='/')}" + (f"&port={port}" if port else "")
    return f"postgres://{auth}@{host}{':' + port if port else ''}/{name}"


@contextmanager
def socket_relay(settings_dict: dict, folder: Path) -> Iterator[dict]:
    """Database settings whose Unix socket lives in `folder` and forwards to the real server's.

    The embedded server's socket sits inside its data folder, which only its own system user may
    enter; a child without root's power over file permissions reaches it through this relay.
    Settings with a TCP host are given back unchanged.
    """
    host = settings_dict.get("HOST") or ""
    if not host.startswith("/"):
        yield settings_dict
        return
    port = settings_dict.get("PORT") or "5432"
    target = f"{host}/.s.PGSQL.{port}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f".s.PGSQL.{port}"
    path.unlink(missing_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(16)

    def pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def accept() -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            upstream.connect(target)
            threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield {**settings_dict, "HOST": str(folder), "PORT": port}
    finally:
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        path.unlink(missing_ok=True)


def without_file_read_override() -> list[str]:
    """A command prefix that takes away root's power to read any file (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH), so that a file with mode 000 is unreadable for the child as for anyone.
    Empty when this process is not root: file permissions already apply to it."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise RuntimeError("running as root needs setpriv (util-linux) to make a file unreadable")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


def manage(
    *args: str, env: dict[str, str], timeout: float = 120, prefix: list[str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*(prefix or []), sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
