"""The load test's reading of wrk: requests per second, latency percentiles and every kind of error."""

from __future__ import annotations

import pytest

from analysis.benchmarks.load import WRK_INSTALL, LoadTestError, wrk_parse, wrk_path

CLEAN = """Running 30s test @ http://127.0.0.1:8000/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   412.50ms   80.12ms   1.20s    71.00%
    Req/Sec    39.10     10.02    70.00     68.00%
  Latency Distribution
     50%  401.00ms
     75%  450.00ms
     90%  520.00ms
     99%    1.10s
  2331 requests in 30.05s, 188.40MB read
Requests/sec:     77.57
Transfer/sec:      6.27MB
"""

FAILING = """Running 30s test @ http://127.0.0.1:8000/
  2 threads and 32 connections
  Latency Distribution
     50%    9.12s
     75%    9.12s
     90%    9.12s
     99%    9.12s
  13 requests in 30.04s, 1.08MB read
  Socket errors: connect 0, read 1, write 0, timeout 12
  Non-2xx or 3xx responses: 2
Requests/sec:      0.43
Transfer/sec:     36.90KB
"""


def test_a_clean_run_is_read_with_its_percentiles_and_no_error():
    result = wrk_parse(CLEAN)
    assert result.requests == 2331
    assert result.seconds == pytest.approx(30.05)
    assert result.requests_per_second == pytest.approx(77.57)
    assert result.latency_ms == {"p50": 401.0, "p75": 450.0, "p90": 520.0, "p99": 1100.0}
    assert result.error_count == 0


def test_socket_errors_timeouts_and_bad_statuses_are_errors():
    result = wrk_parse(FAILING)
    assert result.errors == {"connect": 0, "read": 1, "write": 0, "timeout": 12, "non_2xx_3xx": 2}
    assert result.error_count == 15
    assert result.latency_ms["p99"] == 9120.0


def test_output_that_is_not_wrk_is_refused():
    with pytest.raises(LoadTestError, match="could not read"):
        wrk_parse("command not found")


def test_a_missing_wrk_is_said_plainly(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(LoadTestError) as error:
        wrk_path()
    assert str(error.value) == WRK_INSTALL
    assert "apt-get install -y wrk" in WRK_INSTALL
