"""Our Arabic date parser against `dateparser` on the shared phrase table.

Scores a phrase as right when both the prefix date and its precision match the table.
Run with `python -m analysis.benchmarks.dates_vs_dateparser`. dateparser is a dev dependency.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from analysis.benchmarks.date_phrases import DATE_PHRASES, DatePhrase
from analysis.extraction.dates import parse_date

Reading = tuple[str | None, str]
_PERIOD_PRECISION = {"time": "day", "day": "day", "week": "day", "month": "month", "year": "year"}
_ISO_LENGTH = {"day": 10, "month": 7, "year": 4}


def ours(case: DatePhrase) -> Reading:
    mention = parse_date(case.phrase, published=case.published)
    if mention is None:
        return None, "unknown"
    return mention.value.iso, str(mention.precision)


def dateparser_reader() -> Callable[[DatePhrase], Reading]:
    """dateparser's `DateDataParser`, one per publication date, its `period` read as the precision."""
    from dateparser.date import DateDataParser

    parsers: dict[date | None, Any] = {}

    def parser_for(published: date | None) -> Any:
        if published not in parsers:
            settings: dict[str, Any] = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
            if published is not None:
                settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
            parsers[published] = DateDataParser(languages=["ar"], settings=settings)
        return parsers[published]

    def read(case: DatePhrase) -> Reading:
        data = parser_for(case.published).get_date_data(case.phrase)
        if data.date_obj is None:
            return None, "unknown"
        precision = _PERIOD_PRECISION.get(data.period or "day", "day")
        return data.date_obj.date().isoformat()[: _ISO_LENGTH[precision]], precision

    return read


def _score(read: Callable[[DatePhrase], Reading], min_seconds: float) -> dict[str, Any]:
    misses = [
        {"phrase": case.phrase, "expected": (case.iso, case.precision), "got": got}
        for case in DATE_PHRASES
        if (got := read(case)) != (case.iso, case.precision)
    ]
    rounds, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < min_seconds or rounds == 0:
        for case in DATE_PHRASES:
            read(case)
        rounds += 1
    total = len(DATE_PHRASES)
    return {
        "correct": total - len(misses),
        "accuracy": round((total - len(misses)) / total, 3),
        "phrases_per_second": round(rounds * total / elapsed),
        "misses": misses,
    }


def run(min_seconds: float = 1.0) -> dict[str, Any]:
    """Accuracy (prefix date and precision both right) and throughput of each parser."""
    results: dict[str, Any] = {"phrases": len(DATE_PHRASES), "ours": _score(ours, min_seconds)}
    try:
        read = dateparser_reader()
    except ImportError:
        results["dateparser"] = None
        return results
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results["dateparser"] = _score(read, min_seconds)
    return results


def _table(results: dict[str, Any]) -> str:
    lines = [f"{'parser':<12} {'correct':>9} {'accuracy':>9} {'phrases/s':>10}"]
    for name in ("ours", "dateparser"):
        row = results.get(name)
        if row is None:
            lines.append(f"{name:<12} {'not installed':>30}")
            continue
        correct = f"{row['correct']}/{results['phrases']}"
        lines.append(f"{name:<12} {correct:>9} {row['accuracy']:>9.1%} {row['phrases_per_second']:>10,}")
    return "\n".join(lines)


if __name__ == "__main__":
    outcome = run()
    print(_table(outcome))
    for miss in outcome["ours"]["misses"]:
        print("ours missed:", miss)
