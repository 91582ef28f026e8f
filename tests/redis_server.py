"""A throwaway redis-server for the tests of the shared cache (Debian package `redis-server`)."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from analysis.benchmarks.load import HOST, free_port


def redis_server_path() -> str | None:
    return shutil.which("redis-server") or next(
        (path for path in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if Path(path).exists()), None
    )


@pytest.fixture
def redis_url(tmp_path: Path):
    """A throwaway redis-server on 127.0.0.1, no persistence; stopped after the test."""
    import redis

    executable = redis_server_path()
    if executable is None:
        pytest.skip("redis-server not found (apt-get install redis-server)")
    port = free_port()
    server = subprocess.Popen(
        [executable, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://{HOST}:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.1)
    yield url
    client.close()
    server.terminate()
    server.wait(timeout=10)
