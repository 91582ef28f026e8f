"""What the browser tests share: axe's serious findings and the screenshots README shows."""

from __future__ import annotations

import os
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from tests import conftest as shared

README_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def serious_violations(page) -> list[str]:
    """axe's serious and critical violations on the page, one line each."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def readme_shot(target, name: str, **options) -> None:
    """A screenshot of a page or a locator the README shows: into docs/screenshots/ (committed) when
    `README_SHOTS=1` (`make screenshots`), else beside the other test screenshots, so that a test run
    leaves the working tree as it was."""
    folder = README_SHOTS if os.environ.get("README_SHOTS") == "1" else shared.ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=str(folder / f"{name}.png"), **options)
