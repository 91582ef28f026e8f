"""The skeleton: settings from the environment, the embedded server's lifecycle, deployment files."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import NoReverseMatch, reverse

from analysis import settings as project_settings

ROOT = Path(__file__).resolve().parent.parent
EMBEDDED = not os.environ.get("DATABASE_URL")


def manage(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without the project's settings variables, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    return {**env, **extra}


def test_debug_is_off_and_a_secret_key_is_required_unless_configured():
    env = clean_env()
    probe = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG); settings.SECRET_KEY"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "analysis.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False"
    assert "SECRET_KEY setting must not be empty" in result.stderr


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://analyst:pw@/dashboard?host=/run/postgresql")
    database = project_settings.database_from_env()
    assert database["NAME"] == "dashboard"
    assert database["HOST"] == "/run/postgresql"
    assert "host" not in database.get("OPTIONS", {})
    assert project_settings.env_list("MISSING_LIST", "a, b,") == ["a", "b"]
    assert project_settings.LANGUAGE_CODE == "ar"


@pytest.mark.skipif(not EMBEDDED, reason="DATABASE_URL points at an external server")
def test_embedded_server_is_shared_and_survives_a_killed_holder(tmp_path):
    env = clean_env(ANALYSIS_VAR_DIR=str(tmp_path / "var"), DJANGO_SECRET_KEY="test")
    started = "SELECT extract(epoch FROM pg_postmaster_start_time())::bigint"
    holder_code = (
        "import django, sys, time; django.setup(); from django.db import connection;"
        f"c = connection.cursor(); c.execute('{started}'); print(c.fetchone()[0], flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", holder_code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "analysis.settings"},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        holder_start = holder.stdout.readline().strip()
        assert holder_start, "the first process could not start the embedded server"

        second = manage("dbshell", "--", "-At", "-c", started, env=env)
        assert second.returncode == 0, second.stderr
        assert second.stdout.strip() == holder_start, "the second process started its own server"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()

    after_crash = manage("migrate", "--noinput", env=env, timeout=120)
    assert after_crash.returncode == 0, after_crash.stderr

    pgdata = tmp_path / "var" / "pgdata"
    deadline = time.monotonic() + 15
    while (pgdata / "postmaster.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not (pgdata / "postmaster.pid").exists(), "the last holder left the server running"


@pytest.mark.skipif(
    not shutil.which("docker-compose") and not os.environ.get("CI"), reason="no docker-compose"
)
def test_docker_compose_file_is_valid():
    result = subprocess.run(
        ["docker-compose", "config", "-q"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SECRET_KEY": "compose-check"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(
    not shutil.which("docker-compose") and not os.environ.get("CI"), reason="no docker-compose"
)
def test_docker_compose_serves_two_web_replicas_on_one_port_with_a_shared_redis():
    import yaml

    result = subprocess.run(
        ["docker-compose", "config"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SECRET_KEY": "compose-check"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    web, proxy = services["web"], services["proxy"]
    assert web["deploy"]["replicas"] == 2
    assert "ports" not in web, "the replicas are reached through the proxy only"
    assert web["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert web["environment"]["DJANGO_BEHIND_PROXY"] == "1"
    assert "redis" in services and "redis" in web["depends_on"]
    # docker-compose v1 prints the short syntax ("127.0.0.1:8000:8000/tcp", "source:target:ro"), v2 the long
    targets = [port["target"] if isinstance(port, dict) else port.split(":")[-1] for port in proxy["ports"]]
    assert [str(target).removesuffix("/tcp") for target in targets] == ["8000"]
    mounts = [
        (v["source"], v["target"]) if isinstance(v, dict) else v.split(":")[:2] for v in proxy["volumes"]
    ]
    config = next(source for source, target in mounts if target.endswith("default.conf"))
    assert "server web:8000 resolve;" in Path(config).read_text()


EXTERNAL_URL = re.compile(
    r"""(?:src|href|action|url)\s*[=(]\s*["']?\s*(?:https?:)?//(?!127\.0\.0\.1|localhost)""", re.I
)
SIGNED_IN_PAGES = ["timeline", "search", "admin:index", "admin:analysis_engagement_changelist"]
SIGNED_OUT_PAGES = ["login", "admin:login"]


@pytest.mark.django_db
def test_no_served_page_refers_to_an_external_host(admin_client, client):
    checked = 0
    pages = [(admin_client, name) for name in SIGNED_IN_PAGES] + [(client, name) for name in SIGNED_OUT_PAGES]
    for browser, name in pages:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        response = browser.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert not EXTERNAL_URL.search(html), f"{url} refers to an external host"
        checked += 1
    css = (ROOT / "static" / "css" / "app.css").read_text()
    assert not EXTERNAL_URL.search(css)
    assert checked >= 2


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    head = readme[: readme.find("\n## ")]
    assert "make run" in head and "make test" in head
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
