"""The extractor's quality on the real corpus does not silently drop (issue 13).

Scores the corpus's dev part with the shared `score.py` and the shipped models, and fails when the
engagement F1 falls more than 0.02 below the figure README.md states for it. Skipped when
`../shared/corpus` is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from analysis.benchmarks.corpus_score import CORPUS, ROOT, SCORE

README_FLOOR = re.compile(r"regression floor[^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|\s*\*{0,2}(?P<f1>0\.\d+)")

pytestmark = pytest.mark.skipif(
    not (CORPUS / "gold").is_dir() or not SCORE.is_file(), reason="no ../shared corpus"
)


def readme_floor() -> float:
    """The dev part's engagement F1 that README's extraction table gives as the regression floor."""
    match = README_FLOOR.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert match, "README.md's extraction table has no 'regression floor' row"
    return float(match.group("f1"))


def test_dev_engagement_f1_holds_the_readme_figure():
    run = subprocess.run(
        [sys.executable, "-m", "analysis.benchmarks.corpus_score", "--part", "dev"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    f1 = float(re.search(r"^engagement_f1: (\S+)$", run.stdout, re.M).group(1))
    assert f1 >= readme_floor() - 0.02, f"dev engagement F1 {f1} fell below README's {readme_floor()}"
