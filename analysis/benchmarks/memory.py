"""Peak resident memory of this process."""

from __future__ import annotations

import resource
import sys


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident set of this process (or of its largest finished child) in MiB.

    ru_maxrss is KiB on Linux, bytes on macOS.
    """
    peak = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)
