"""Load test: gunicorn serving the timeline over 100,000 engagements, driven by wrk on 127.0.0.1.

The data comes from the timeline benchmark's builder (`analysis.benchmarks.dashboard`) in a
database of its own (`<name>_load`), built once and reused while it holds enough engagements.
gunicorn runs the production settings (DEBUG off, a throwaway secret key) on a free loopback
port; wrk sends a logged-in analyst's requests to `/` over N connections for D seconds.
Nothing listens on or talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.db import DatabaseError, connection

from analysis.benchmarks import dashboard
from analysis.benchmarks.harness import analyze, bench_database_use
from analysis.models import Engagement

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
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
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


def page_check(*, url: str, cookie: str) -> int:
    """GET the page once as the analyst: it must be the timeline itself (200), not a login redirect."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            body = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        raise LoadTestError(f"GET {url} answered HTTP {error.code}, not the timeline") from None
    if status != 200 or 'id="timeline-heading"' not in body:
        raise LoadTestError(f"GET {url} did not serve the timeline (HTTP {status})")
    return len(body)


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
    return WrkResult(
        requests=int(summary.group(1)),
        seconds=_ms(summary.group(2) + summary.group(3)) / 1000,
        requests_per_second=float(rate.group(1)),
        latency_ms=latency,
        transfer_per_second=transfer.group(1) if transfer else "",
        errors=errors,
    )


def wrk_run(
    *, url: str, cookie: str, connections: int, duration: int, threads: int, timeout: int = 30
) -> tuple[WrkResult, str]:
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
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    if result.returncode != 0:
        raise LoadTestError(
            f"wrk failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}"
        )
    return wrk_parse(result.stdout), result.stdout


def load_run(options: LoadOptions, *, log: Callable[[str], None]) -> dict:
    """Build or reuse the data, serve it with gunicorn, drive it with wrk; the results as a dict."""
    wrk_path()
    name = options.database or load_database_name()
    engagements = load_data_ensure(name=name, engagements=options.engagements, seed=options.seed, log=log)
    # One key for this process and gunicorn's workers: they must read the session made here.
    secret_key = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)
    settings.SECRET_KEY = secret_key
    cookie = f"{settings.SESSION_COOKIE_NAME}={analyst_session_create()}"
    workers = options.workers or 2 * (os.cpu_count() or 1)
    port = free_port()
    url = f"http://{HOST}:{port}/"
    options.output.parent.mkdir(parents=True, exist_ok=True)
    log_file = options.output.with_suffix(".gunicorn.log")
    log_file.unlink(missing_ok=True)
    server = gunicorn_start(port=port, workers=workers, secret_key=secret_key, log_file=log_file)
    try:
        page_bytes = page_check(url=url, cookie=cookie)
        log(f"gunicorn: {workers} workers on {url}; the timeline page is {page_bytes} bytes; warming up")
        wrk_run(url=url, cookie=cookie, connections=workers, duration=3, threads=1)
        load_before = os.getloadavg()[0]
        log(
            f"wrk: {options.connections} connections, {options.threads} threads, {options.duration} s, "
            f"timeout {options.timeout} s; load average {load_before:.1f}"
        )
        result, raw = wrk_run(
            url=url,
            cookie=cookie,
            connections=options.connections,
            duration=options.duration,
            threads=options.threads,
            timeout=options.timeout,
        )
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    # Requests gunicorn gave up on (its worker was killed after 30 s) never reach wrk's counts.
    if timeouts := log_file.read_text().count("WORKER TIMEOUT"):
        result.errors["gunicorn_worker_timeouts"] = timeouts
    if result.requests == 0:
        result.errors["no_request_completed"] = 1
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
    options.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return results
