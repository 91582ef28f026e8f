"""`manage.py bench` at toy sizes: it runs end to end and writes every key. No timing is asserted."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.db import connection

pytest.importorskip("analysis.extraction.pipeline")

EXPECTED = {
    "extraction": {"docs_per_second", "load_seconds", "ms_per_doc_median"},
    "ingest": {"docs_per_s", "floor_docs_per_s", "ratio", "floor_parallel_docs_per_s", "ratio_same_workers"},
    "timeline": {"median_ms", "p95_ms", "sql_median_ms", "ratio", "queries"},
    "search": {"median_ms", "p95_ms"},
    "memory": {"ingest_peak_mb"},
    "scale": {"timeline_p95_ms", "profile_p95_ms", "timeline_growth", "profile_growth"},
}


@pytest.fixture
def bench_database(django_db_blocker):
    """A throwaway database for the bench beside the test database; the connection is restored after."""
    base = connection.settings_dict.get("TEST", {}).get("NAME") or f"test_{connection.settings_dict['NAME']}"
    original = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        yield f"{base}_bench_smoke"
        connection.close()
        connection.settings_dict["NAME"] = original


def test_bench_writes_every_measurement(tmp_path, bench_database, capsys):
    output = tmp_path / "latest.json"

    call_command(
        "bench",
        docs=20,
        engagements=500,
        scale_sizes="200,2000",
        repeat=1,
        corpus=tmp_path / "corpus",
        output=output,
        database_name=bench_database,
        drop_database=True,
    )

    results = json.loads(output.read_text(encoding="utf-8"))
    for section, keys in EXPECTED.items():
        assert keys <= results[section].keys(), section
        assert all(results[section][key] is not None for key in keys), section
    assert results["ingest"]["docs"] == 20
    assert results["ingest"]["floor_workers"] == 1
    assert results["timeline"]["engagements"] == 500
    assert results["timeline"]["queries_constant"] is True
    assert results["timeline"]["views_queries_constant"] is True  # the time axis and the networks
    assert set(results["scale"]["timeline_p95_ms"]) == {"200", "2000"}
    assert results["scale"]["queries_constant"] is True
    assert len(list((tmp_path / "corpus").glob("*.txt"))) == 20
    assert all("median_ms" in results["reading"][fmt] for fmt in ("text", "html", "docx"))
    printed = capsys.readouterr().out
    assert "ingest.ratio" in printed and "search.p95_ms" in printed
