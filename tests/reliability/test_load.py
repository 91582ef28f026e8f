"""The load test: its mix of an analyst's pages, built from the database, each answering; the wrk script
that sends them; and the reading of wrk: requests per second, latency percentiles and every kind of error."""

from __future__ import annotations

import re
import shutil
from urllib.parse import unquote

import pytest

from analysis.benchmarks import dashboard
from analysis.benchmarks.load import (
    WRK_INSTALL,
    LoadRequest,
    LoadTestError,
    load_mix_build,
    wrk_parse,
    wrk_path,
    wrk_run,
    wrk_script,
)
from analysis.models import Actor, Engagement

MIX_KINDS = {
    "home",
    "timeline-actor-year",
    "htmx-timeline-actor-year",
    "timeline-page-1",
    "timeline-next-page",
    "htmx-timeline-next-page",
    "profile",
    "search",
}

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


def _small_load_database(engagements: int = 300) -> None:
    actor_ids = dashboard.actors_build(count=60, seed=7)
    documents = dashboard.documents_ensure(count=20, seed=7)
    dashboard.engagements_build(start=0, stop=engagements, seed=7, actor_ids=actor_ids, documents=documents)


def _html_of(client):
    def get(path: str) -> str:
        response = client.get(path)
        assert response.status_code == 200, path
        return response.content.decode()

    return get


@pytest.mark.django_db
def test_the_mix_is_an_analysts_pages_from_the_database_and_every_one_answers(client, analyst):
    _small_load_database()
    client.force_login(analyst)
    mix = load_mix_build(seed=7, page_get=_html_of(client))
    assert mix == load_mix_build(seed=7, page_get=_html_of(client))  # the same seed, the same mix
    assert {request.kind for request in mix} == MIX_KINDS
    assert len({request.path for request in mix if request.kind == "timeline-actor-year"}) == 6
    pages = {}
    for request in mix:
        response = client.get(request.path, headers=request.headers)
        assert response.status_code == 200, request
        pages.setdefault(request.kind, []).append(response.content.decode())
    # what the analyst sees: a filtered timeline lists engagements, the next page other ones than the first,
    # the HTMX requests get a part of the page, the profiles and the searches name what was asked for
    assert all("engagement-card" in page for page in pages["timeline-actor-year"])
    first, following = pages["timeline-page-1"][0], pages["timeline-next-page"][0]
    assert following.count("engagement-card") > 0
    assert set(_engagement_links(first)).isdisjoint(_engagement_links(following))
    assert all(
        "<html" not in page
        for kind in ("htmx-timeline-actor-year", "htmx-timeline-next-page")
        for page in pages[kind]
    )
    profiled = [request.path.split("/")[2] for request in mix if request.kind == "profile"]
    for slug, page in zip(profiled, pages["profile"], strict=True):
        assert "<h1" in page and Actor.objects.get(slug=unquote(slug)).name in page
    assert len(pages["search"]) == 4
    for page in pages["search"]:  # each search finds an actor or a document
        assert "لا فاعل يشبه" not in page or "لا وثيقة تحوي" not in page


def _engagement_links(page: str) -> list[str]:
    return re.findall(r"engagement=(\d+)", page)


def test_the_wrk_script_sends_each_request_with_the_cookie_and_its_headers():
    mix = [
        LoadRequest("home", "/"),
        LoadRequest("htmx-timeline-next-page", "/?page=2&after=9", {"HX-Request": "true", "HX-Target": "t"}),
    ]
    script = wrk_script(mix=mix, cookie="sessionid=abc")
    assert '{"/", {["Cookie"] = "sessionid=abc"}},' in script
    assert '["HX-Request"] = "true", ["HX-Target"] = "t"' in script
    with pytest.raises(LoadTestError, match="not ASCII"):
        wrk_script(mix=[LoadRequest("search", "/search/?q=بغداد")], cookie="sessionid=abc")


@pytest.mark.skipif(shutil.which("wrk") is None, reason=WRK_INSTALL)
@pytest.mark.django_db(transaction=True)
def test_wrk_drives_the_whole_mix_as_the_analyst_without_an_error(client, analyst, live_server, tmp_path):
    _small_load_database(engagements=120)
    assert Engagement.objects.count() == 120
    client.force_login(analyst)
    mix = load_mix_build(seed=7, page_get=_html_of(client))
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    script = tmp_path / "mix.lua"
    script.write_text(wrk_script(mix=mix, cookie=cookie))
    result, output = wrk_run(
        url=f"{live_server.url}/", cookie=cookie, connections=2, duration=2, threads=1, script=script
    )
    assert result.requests >= len(mix), output
    assert result.errors == {"redirect_3xx": 0}, (
        output
    )  # no failure, and the session held (no login redirect)


def test_a_logged_out_mix_is_counted_as_failing():
    output = CLEAN.replace("Requests/sec", "Redirects (3xx): 40\nRequests/sec")
    assert wrk_parse(output).errors == {"redirect_3xx": 40}
