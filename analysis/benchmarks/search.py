"""Full-text search over the benchmark's documents: the search page's server time, and its SQL."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.test import Client

from analysis.benchmarks import corpus
from analysis.benchmarks.dashboard import page_get, page_queries, sql_replay
from analysis.benchmarks.harness import Timings, timed
from analysis.models import Document


def search_bench(*, seed: int, repeat: int, queries: int = 36, log: Callable[[str], None]) -> dict:
    """Each query timed `repeat` times after one warm-up search; median and p95 over every request."""
    client = Client(HTTP_HOST="localhost")
    page_samples: list[float] = []
    sql_samples: list[float] = []
    query_counts = set()
    texts = corpus.search_queries(seed=seed, count=queries)
    page_get(client, f"/search/?{urlencode({'q': texts[0]})}")()  # the first search loads camel-tools
    for text in texts:
        url = f"/search/?{urlencode({'q': text})}"
        statements = page_queries(client, url)
        query_counts.add(len(statements))
        page_samples += timed(page_get(client, url), repeat=repeat, warmup=0).samples_ms
        sql_samples += timed(sql_replay(statements), repeat=repeat, warmup=0).samples_ms
    page, sql = Timings(tuple(page_samples)), Timings(tuple(sql_samples))
    result = {
        "median_ms": round(page.median_ms, 2),
        "p95_ms": round(page.p95_ms, 2),
        "sql_median_ms": round(sql.median_ms, 2),
        "sql_p95_ms": round(sql.p95_ms, 2),
        "queries": max(query_counts),
        "documents": Document.objects.count(),
        "requests": len(page_samples),
    }
    log(f"search: {result}")
    return result
