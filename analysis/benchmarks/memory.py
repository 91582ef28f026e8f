"""Peak resident memory of this process."""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def _own_peak_kib() -> int | None:
    """This process's own peak resident set (VmHWM) in KiB, where the kernel tells it (Linux)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident set of this process (or of its largest finished child) in MiB.

    This process's own is VmHWM where there is one: Linux keeps ru_maxrss across `exec`, so a
    `bench --worker` process reported the peak of the bench that started it (262 MB after the extraction
    and reading phases) when that was above its own (~114 MB). A forked child's ru_maxrss is its own.
    ru_maxrss is KiB on Linux, bytes on macOS.
    """
    if not children and (own := _own_peak_kib()) is not None:
        return round(own / 1024, 1)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)
