"""What the browser tests share: axe's serious findings and the screenshots README shows."""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

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
    """A screenshot of a page or a locator into docs/screenshots/ (committed; README links them)."""
    README_SHOTS.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=str(README_SHOTS / f"{name}.png"), **options)
