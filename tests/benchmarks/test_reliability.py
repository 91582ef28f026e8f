"""The reliability table's arithmetic (analysis/benchmarks/reliability.py)."""

from __future__ import annotations

from analysis.benchmarks.reliability import markdown, reliability


def test_buckets_share_right_ece_and_the_most_confident_third():
    pairs = [(0.95, True)] * 9 + [(0.95, False)] + [(0.6, True), (0.6, False), (None, True)]
    r = reliability(pairs)
    rows = {name: (n, mean, share) for name, n, mean, share in r.rows}
    assert rows["0.85–1"] == (10, 0.95, 0.9)
    assert rows["0.5–0.7"] == (2, 0.6, 0.5)
    assert rows["0–0.5"][0] == 0
    assert r.ece == round((10 / 12) * 0.05 + (2 / 12) * 0.1, 3)
    assert r.top_third_precision == 1.0  # the four most confident of twelve stated
    assert r.unstated == 1
    assert "| 0.85–1 | 10 | 0.950 | 0.900 |" in markdown(r)
    assert "13 engagements on the 48 dev articles, 1 without a stated confidence" in markdown(r)
