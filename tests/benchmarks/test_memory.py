"""The ingest's peak memory is the bench worker's own, not that of the process that started it."""

from __future__ import annotations

import subprocess
import sys

from django.conf import settings

# A parent that once held ~200 MB starts a small process that reports its peak, as `bench` starts
# `bench --worker ingest` after its extraction and reading phases.
_PARENT = """
import subprocess, sys
held = bytearray(200 * 1024 * 1024)
held[::4096] = b"x" * len(held[::4096])
del held
child = "from analysis.benchmarks.memory import peak_rss_mb; print(peak_rss_mb())"
print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True).stdout)
"""


def test_a_worker_reports_its_own_peak_not_its_starters():
    completed = subprocess.run(
        [sys.executable, "-c", _PARENT], capture_output=True, text=True, check=True, cwd=settings.BASE_DIR
    )

    assert float(completed.stdout.strip()) < 100
