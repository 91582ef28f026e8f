"""Load test: gunicorn serving the dashboard over 100,000 engagements, driven by wrk on 127.0.0.1.

The data comes from the timeline benchmark's builder (`analysis.benchmarks.dashboard`) in a
database of its own (`<name>_load`), built once and reused while it holds enough engagements.
gunicorn runs the production settings (DEBUG off, a throwaway secret key) on a free loopback
port; wrk sends a logged-in analyst's requests over N connections for D seconds, twice:
- the mix: a wrk Lua script cycles through a fixed, seeded list of the pages an analyst loads, taken
  from the load database (`load_mix_build`): the home page, the timeline filtered by an actor and a
  year, the unfiltered timeline's first page and the next one by its keyset link, actor profiles,
  searches, and the timeline's HTMX partials. Its figures are the load test's (`requests_per_s`...).
- home only: `/` alone, the plain home page served from a cache once per data version (`home_only`).
- with `per_kind` (`loadtest --per-kind N`), each kind of page of the mix alone for N s (`kinds`): which
  page is slow under load.
Every URL must answer 200 to the analyst before wrk starts.
Nothing listens on or talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote_plus, urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.db import DatabaseError, connection
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.urls import reverse

from analysis.benchmarks import dashboard
from analysis.benchmarks.harness import analyze, bench_database_use
from analysis.models import Actor, Document, Engagement, Participation

HOST = "127.0.0.1"
LOAD_SUFFIX = "_load"
LOAD_USER = "load-test-analyst"
WRK_INSTALL = "wrk is not installed: `apt-get install -y wrk` (Debian) and run again"


class LoadTestError(Exception):
    """A reason the load test cannot run or did not pass (said in one line)."""


@dataclass(frozen=True, slots=True)
class LoadOptions:
    engagements: int = 100_000
    connections: int = 32
    duration: int = 30
    threads: int = 2
    timeout: int = 30  # seconds before wrk counts a request as failed: gunicorn's own worker timeout
    workers: int = 0  # 0: two per CPU
    seed: int = 7
    per_kind: int = 0  # seconds of wrk on each kind of page of the mix alone, after the mix (0: none)
    database: str = ""
    output: Path = settings.VAR_DIR / "bench" / "load.json"


@dataclass(slots=True)
class WrkResult:
    requests: int
    seconds: float
    requests_per_second: float
    latency_ms: dict[str, float]
    transfer_per_second: str
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise LoadTestError(WRK_INSTALL)
    return path


def load_database_name() -> str:
    return f"{connection.settings_dict['NAME']}{LOAD_SUFFIX}"


def load_data_ensure(*, name: str, engagements: int, seed: int, log: Callable[[str], None]) -> int:
    """Point the connection at database `name`, holding at least `engagements` engagements
    (built with the timeline benchmark's builder when it does not). Returns how many it holds."""
    try:
        bench_database_use(name=name)
        have = Engagement.objects.count()
    except DatabaseError:  # no such database yet, or not migrated
        connection.close()
        have = 0
    if have >= engagements:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        log(f"database {name}: reusing {have} engagements")
        return have
    started = time.monotonic()
    bench_database_use(name=name, reset=True)
    actor_ids = dashboard.actors_build(count=max(60, engagements // 25), seed=seed)
    documents = dashboard.documents_ensure(count=max(10, engagements // 10), seed=seed)
    dashboard.engagements_build(
        start=0, stop=engagements, seed=seed, actor_ids=actor_ids, documents=documents
    )
    analyze()
    log(f"database {name}: built {engagements} engagements in {time.monotonic() - started:.0f} s")
    return Engagement.objects.count()


def analyst_session_create() -> str:
    """A session key for an analyst account in the load database."""
    user, _ = get_user_model().objects.get_or_create(username=LOAD_USER)
    if group := Group.objects.filter(name="analyst").first():
        user.groups.add(group)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def database_url() -> str:
    """The connection's database as a DATABASE_URL, for the gunicorn workers."""
    db = connection.settings_dict
    connection.ensure_connection()
    user = quote(db.get("USER") or "postgres", safe="")
    auth = f"{user}:{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else user
    host, port, name = db.get("HOST") or "", db.get("PORT") or "", quote(db["NAME"], safe="")
    if host.startswith("/"):
        return f"postgres://{auth}@/{name}?host={quote(host, safe='/')}" + (f"&port={port}" if port else "")
    return f"postgres://{auth}@{host}{':' + str(port) if port else ''}/{name}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def gunicorn_start(*, port: int, workers: int, secret_key: str, log_file: Path) -> subprocess.Popen:
    """gunicorn with the production settings on HOST:port, once it answers."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_HTTPS": "0",  # plain HTTP on loopback; TLS is the proxy's job
        "DATABASE_URL": database_url(),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "analysis.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--backlog",
            "256",
            "--error-logfile",
            str(log_file),
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise LoadTestError(f"gunicorn exited with status {server.returncode}; see {log_file}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise LoadTestError(f"gunicorn did not answer on {HOST}:{port} within 60 s; see {log_file}")


HTMX = {"HX-Request": "true"}
PER_KIND_KEYS = ("requests", "requests_per_s", "p99_ms", "errors", "error_kinds", "load_average_before")
MIX_BUSIEST = 10  # the busiest actors, half the mix's actors are drawn from them
NEXT_PAGE_LINK = re.compile(r'<a id="timeline-more-2"[^>]*\shref="([^"]+)"')
ARABIC_WORD = re.compile(r"[\u0621-\u064a]{3,}")


@dataclass(frozen=True, slots=True)
class LoadRequest:
    """One request of the load mix: which page it is, its path (quoted, ASCII) and its own headers."""

    kind: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)


def _timeline_path(**params: str | int) -> str:
    return reverse("timeline") + (f"?{urlencode(params)}" if params else "")


def _actor_years(actor_id: int) -> list[int]:
    return list(
        Engagement.objects.filter(participations__actor_id=actor_id, date_start__isnull=False)
        .annotate(year=ExtractYear("date_start"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("year")
    )


def _search_terms(rng: random.Random, busy: Actor, other: Actor) -> list[str]:
    """What an analyst types: a busy actor's name, another's last name, a word of one article and two
    words that follow each other in another."""
    terms = [busy.name, other.name.split()[-1]]
    document_ids = list(Document.objects.order_by("id").values_list("id", flat=True))
    for length in (1, 2):
        words = ARABIC_WORD.findall(Document.objects.get(pk=rng.choice(document_ids)).text)
        if len(words) >= length:
            at = rng.randrange(len(words) - length + 1)
            terms.append(" ".join(words[at : at + length]))
    return terms


def load_mix_build(*, seed: int, page_get: Callable[[str], str]) -> list[LoadRequest]:
    """The mix wrk cycles through, from the database: the home page; the timeline filtered by an actor and
    one of its years (six, and two more as the filter form's HTMX partial); the unfiltered timeline's first
    page, the next one by the link that page gives (`page_get(path)`: the page's HTML, for the analyst),
    and that link as HTMX loads it; four actor profiles; four searches. Half the actors are among the
    busiest, half any actor with an engagement; the same seed gives the same mix on the same data."""
    rng = random.Random(f"{seed}:load-mix")
    counts = Participation.objects.values("actor").annotate(n=Count("id")).order_by("-n", "actor")
    busiest = [row["actor"] for row in counts[:MIX_BUSIEST]]
    active = sorted(Participation.objects.values_list("actor", flat=True).distinct())
    if not active:
        raise LoadTestError("the load database holds no engagement with an actor")
    picked = rng.sample(busiest, min(4, len(busiest)))
    others = [actor for actor in active if actor not in picked]
    picked += rng.sample(others, min(4, len(others)))
    actors = Actor.objects.in_bulk(picked)
    mix = [LoadRequest("home", _timeline_path())]
    filtered = [
        _timeline_path(actor=actors[actor_id].slug, date_from=year, date_to=year)
        for actor_id in picked
        if (years := _actor_years(actor_id)) and (year := rng.choice(years))
    ]
    mix += [LoadRequest("timeline-actor-year", path) for path in filtered[:6]]
    results = {**HTMX, "HX-Target": "timeline-results"}
    mix += [LoadRequest("htmx-timeline-actor-year", path, results) for path in filtered[6:8]]
    first = _timeline_path(page=1)
    if not (link := NEXT_PAGE_LINK.search(page_get(first))):
        raise LoadTestError(f"GET {first} gave no link to the next page: too few engagements")
    following = html.unescape(link.group(1))
    mix += [
        LoadRequest("timeline-page-1", first),
        LoadRequest("timeline-next-page", following),
        LoadRequest("htmx-timeline-next-page", following, {**HTMX, "HX-Target": "timeline-more-2"}),
    ]
    profiles = picked[:2] + picked[4:6]
    mix += [LoadRequest("profile", reverse("actor_detail", args=[actors[pk].slug])) for pk in profiles]
    terms = _search_terms(rng, actors[picked[0]], actors[picked[-1]])
    mix += [LoadRequest("search", f"{reverse('search')}?{urlencode({'q': term})}") for term in terms]
    return mix


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def page_get(*, url: str, cookie: str, headers: dict[str, str] | None = None) -> str:
    """GET the page once as the analyst: it must answer 200 (a login redirect is a failure); its HTML."""
    request = urllib.request.Request(url, headers={"Cookie": cookie, **(headers or {})})
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=60) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:
        raise LoadTestError(f"GET {url} {headers or ''} answered HTTP {error.code}, not 200") from None


def page_check(*, url: str, cookie: str) -> int:
    """GET `/` once as the analyst: it must be the timeline itself (200), not a login redirect."""
    body = page_get(url=url, cookie=cookie)
    if 'id="timeline-heading"' not in body:
        raise LoadTestError(f"GET {url} did not serve the timeline")
    return len(body)


def mix_check(*, base: str, cookie: str, mix: list[LoadRequest], times: int = 3) -> list[dict]:
    """Every request of the mix once more than `times`, one at a time: each must answer 200. The mix as
    load.json lists it, with each page's size and its median time alone (which page is slow)."""
    checked = []
    for request in mix:
        url, elapsed = base + request.path, []
        for _ in range(times + 1):  # the first warms the worker
            started = time.perf_counter()
            body = page_get(url=url, cookie=cookie, headers=request.headers)
            elapsed.append((time.perf_counter() - started) * 1000)
        checked.append(
            {
                **asdict(request),
                "decoded": unquote_plus(request.path),  # the path as the analyst reads it
                "status": 200,
                "bytes": len(body.encode()),
                "alone_median_ms": round(statistics.median(elapsed[1:]), 1),
            }
        )
    return checked


def wrk_script(*, mix: list[LoadRequest], cookie: str) -> str:
    """A wrk Lua script sending the mix's requests in turn, with the analyst's cookie; each wrk thread
    starts at another place in the list."""

    def lua(text: str) -> str:
        if not text.isascii():
            raise LoadTestError(f"not ASCII, cannot go into wrk's script: {text!r}")
        return json.dumps(text)

    entries = []
    for request in mix:
        headers = ", ".join(
            f"[{lua(k)}] = {lua(v)}" for k, v in {"Cookie": cookie, **request.headers}.items()
        )
        entries.append(f"  {{{lua(request.path)}, {{{headers}}}}},")
    return "\n".join(
        [
            "-- the load mix (analysis/benchmarks/load.py): path and headers of each request",
            "local mix = {",
            *entries,
            "}",
            "local requests, counter, threads = {}, 0, {}",
            "redirects = 0  -- a login redirect is a 3xx, which wrk counts as a success",
            "function setup(thread)",
            "  thread:set('thread_number', #threads)",
            "  table.insert(threads, thread)",
            "end",
            "function init(args)",
            "  for i, entry in ipairs(mix) do requests[i] = wrk.format('GET', entry[1], entry[2]) end",
            "  counter = (thread_number or 0) * 7",
            "end",
            "function request()",
            "  counter = counter + 1",
            "  return requests[counter % #requests + 1]",
            "end",
            "function response(status, headers, body)",
            "  if status >= 300 and status < 400 then redirects = redirects + 1 end",
            "end",
            "function done(summary, latency, requests)",
            "  local total = 0",
            "  for _, thread in ipairs(threads) do total = total + thread:get('redirects') end",
            "  io.write(string.format('Redirects (3xx): %d\\n', total))",
            "end",
            "",
        ]
    )


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * _UNITS_MS[unit]


def wrk_parse(output: str) -> WrkResult:
    """The numbers of `wrk --latency` output."""
    summary = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+\w+) read", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    transfer = re.search(r"Transfer/sec:\s+([\d.]+\w+)", output)
    if not (summary and rate):
        raise LoadTestError(f"could not read wrk's output:\n{output}")
    latency = {f"p{p}": _ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)\s*$", output, re.M)}
    errors: dict[str, int] = {}
    if socket_errors := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors |= dict(
            zip(("connect", "read", "write", "timeout"), map(int, socket_errors.groups()), strict=True)
        )
    if non_2xx := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors["non_2xx_3xx"] = int(non_2xx.group(1))
    if redirects := re.search(r"Redirects \(3xx\): (\d+)", output):  # the mix's script counts them
        errors["redirect_3xx"] = int(redirects.group(1))
    return WrkResult(
        requests=int(summary.group(1)),
        seconds=_ms(summary.group(2) + summary.group(3)) / 1000,
        requests_per_second=float(rate.group(1)),
        latency_ms=latency,
        transfer_per_second=transfer.group(1) if transfer else "",
        errors=errors,
    )


def wrk_run(
    *,
    url: str,
    cookie: str,
    connections: int,
    duration: int,
    threads: int,
    timeout: int = 30,
    script: Path | None = None,
) -> tuple[WrkResult, str]:
    """wrk against `url`, or against the requests of a Lua `script` (which carries its own headers)."""
    command = [
        wrk_path(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        f"{timeout}s",
        "-H",
        f"Cookie: {cookie}",
        *(["-s", str(script)] if script else []),
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    if result.returncode != 0:
        raise LoadTestError(
            f"wrk failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}"
        )
    return wrk_parse(result.stdout), result.stdout


def _worker_timeouts(log_file: Path) -> int:
    return log_file.read_text().count("WORKER TIMEOUT") if log_file.exists() else 0


def _wrk_phase(
    *,
    url: str,
    cookie: str,
    options: LoadOptions,
    workers: int,
    log_file: Path,
    script: Path | None,
    log,
    label: str,
    duration: int = 0,
    warm: bool = True,
) -> dict:
    """A 3 s warm-up (`warm`), then the run of `duration` s (the options' by default); its figures, read
    the same way for the mix, the home page and each kind of page."""
    duration = duration or options.duration
    if warm:
        wrk_run(url=url, cookie=cookie, connections=workers, duration=3, threads=1, script=script)
    timeouts_before, load_before = _worker_timeouts(log_file), os.getloadavg()[0]
    log(
        f"wrk ({label}): {options.connections} connections, {options.threads} threads, {duration} s, "
        f"timeout {options.timeout} s; load average {load_before:.1f}"
    )
    result, raw = wrk_run(
        url=url,
        cookie=cookie,
        connections=options.connections,
        duration=duration,
        threads=options.threads,
        timeout=options.timeout,
        script=script,
    )
    load_after = os.getloadavg()[0]
    # Requests gunicorn gave up on (its worker was killed after 30 s) never reach wrk's counts.
    if timeouts := _worker_timeouts(log_file) - timeouts_before:
        result.errors["gunicorn_worker_timeouts"] = timeouts
    if result.requests == 0:
        result.errors["no_request_completed"] = 1
    return {
        "load_average_before": round(load_before, 2),
        "load_average_after": round(load_after, 2),
        **asdict(result),
        # the figures, read the same way every time (the ones above are wrk's own)
        "requests_per_s": result.requests_per_second,
        "p99_ms": result.latency_ms.get("p99"),
        "errors": result.error_count,
        "error_kinds": result.errors,
        "wrk_output": raw,
    }


def load_run(options: LoadOptions, *, log: Callable[[str], None]) -> dict:
    """Build or reuse the data, serve it with gunicorn, drive it with wrk (the mix, then the home page
    alone); the results as a dict, the mix's figures at the top and the home page's under `home_only`."""
    wrk_path()
    name = options.database or load_database_name()
    engagements = load_data_ensure(name=name, engagements=options.engagements, seed=options.seed, log=log)
    # One key for this process and gunicorn's workers: they must read the session made here.
    secret_key = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)
    settings.SECRET_KEY = secret_key
    cookie = f"{settings.SESSION_COOKIE_NAME}={analyst_session_create()}"
    workers = options.workers or 2 * (os.cpu_count() or 1)
    port = free_port()
    base = f"http://{HOST}:{port}"
    url = f"{base}/"
    options.output.parent.mkdir(parents=True, exist_ok=True)
    log_file = options.output.with_suffix(".gunicorn.log")
    log_file.unlink(missing_ok=True)
    server = gunicorn_start(port=port, workers=workers, secret_key=secret_key, log_file=log_file)
    handle, script_name = tempfile.mkstemp(prefix="load-mix-", suffix=".lua")  # holds the cookie: 0600
    os.close(handle)
    script = Path(script_name)
    try:
        page_bytes = page_check(url=url, cookie=cookie)
        mix = load_mix_build(
            seed=options.seed, page_get=lambda path: page_get(url=base + path, cookie=cookie)
        )
        checked = mix_check(base=base, cookie=cookie, mix=mix)
        log(f"gunicorn: {workers} workers on {url}; the home page is {page_bytes} bytes; the mix's pages:")
        for page in checked:
            log(
                f"  {page['alone_median_ms']:7.1f} ms  {page['bytes']:7d} B  {page['kind']:25s} "
                f"{unquote_plus(page['path'])}"
            )
        script.write_text(wrk_script(mix=mix, cookie=cookie))
        phase = {"url": url, "cookie": cookie, "options": options, "workers": workers, "log_file": log_file}
        mixed = _wrk_phase(**phase, script=script, log=log, label="the mix")
        home_only = _wrk_phase(**phase, script=None, log=log, label="home only")
        kinds = {}
        for kind in dict.fromkeys(request.kind for request in mix) if options.per_kind else ():
            script.write_text(wrk_script(mix=[r for r in mix if r.kind == kind], cookie=cookie))
            figures = _wrk_phase(
                **phase, script=script, log=log, label=kind, duration=options.per_kind, warm=False
            )
            kinds[kind] = {key: figures[key] for key in PER_KIND_KEYS} | {"latency_ms": figures["latency_ms"]}
    finally:
        script.unlink(missing_ok=True)
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    results = {
        "url": url,
        "database": name,
        "engagements": engagements,
        "gunicorn_workers": workers,
        "cache": "redis" if settings.CACHE_SHARED else "local",  # REDIS_URL set for the workers or not
        "cpus": os.cpu_count(),
        "connections": options.connections,
        "threads": options.threads,
        "duration_s": options.duration,
        "timeout_s": options.timeout,
        "seed": options.seed,
        **mixed,
        "urls": checked,  # the mix, cycled in this order (each wrk thread from its own place)
        "home_only": {"url": url, **home_only},
        # each kind of page of the mix alone, `per_kind` s each after the mix (which page is slow under load)
        **({"kinds": kinds, "per_kind_s": options.per_kind} if kinds else {}),
    }
    options.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return results
