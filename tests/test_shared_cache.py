"""With REDIS_URL, every web process shares one cache: the cached timeline and the data version live in
Redis, so a curation through one server shows at once on another's cached page.

Starts a real `redis-server` (Debian package `redis-server`; `.ci/run` installs it) on a free loopback
port and two gunicorn servers on the test database, as two web machines would run.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from analysis.benchmarks.load import HOST, free_port, gunicorn_start
from tests.factories import actor_create, engagement_create
from tests.redis_server import redis_url  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db(transaction=True)  # the servers read what the test commits


@pytest.fixture
def web_servers(redis_url: str, tmp_path: Path, monkeypatch):  # noqa: F811 - the fixture
    """Two gunicorn servers (one worker each) on the test database and the same Redis: two web nodes."""
    monkeypatch.setenv("REDIS_URL", redis_url)
    ports = [free_port(), free_port()]
    servers = [
        gunicorn_start(
            port=port, workers=1, secret_key=settings.SECRET_KEY, log_file=tmp_path / f"{port}.log"
        )
        for port in ports
    ]
    yield [f"http://{HOST}:{port}" for port in ports]
    for server in servers:
        server.terminate()
        server.wait(timeout=30)


class Visitor:
    """A logged-in user's HTTP requests to the servers (their session is in the shared database), with
    the cookies the servers set (the CSRF token's); redirects are not followed."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, user) -> None:
        client = Client()
        client.force_login(user)
        self.cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
        self.opener = urllib.request.build_opener(self._NoRedirect)

    def _send(self, request: urllib.request.Request) -> tuple[int, str]:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:  # a redirect, or a failure the test reports
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or ():
                name, _, rest = header.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
            return response.status, response.read().decode()

    def get(self, url: str) -> str:
        status, body = self._send(urllib.request.Request(url))
        assert status == 200, (url, status)
        return body

    def post(self, url: str, form: dict) -> int:
        return self._send(urllib.request.Request(url, data=urllib.parse.urlencode(form).encode()))[0]


def test_a_curation_through_one_server_shows_at_once_on_the_others_cached_timeline(
    web_servers,
    redis_url,  # noqa: F811 - the fixture
    analyst,
    curator,
):
    import redis

    first, second = web_servers
    actor = actor_create(name="سيرغي لافروف")
    kept = engagement_create(actors=[actor], date="2024-01-10", type="visit")
    rejected = engagement_create(actors=[actor], date="2024-02-01", type="meeting")
    reader, editor = Visitor(analyst), Visitor(curator)
    card = f'data-engagement-card="{rejected.pk}"'

    assert card in reader.get(f"{second}/")
    store = redis.Redis.from_url(redis_url)
    assert store.keys("analysis:*:timeline-home:*"), "the second server cached its page in Redis"
    assert card in reader.get(f"{second}/")  # served from the cache
    version = int(store.get("analysis:1:data-version"))

    changelist = editor.get(f"{first}/admin/analysis/engagement/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', changelist).group(1)
    form = {"action": "reject_selected", "_selected_action": rejected.pk, "index": 0}
    status = editor.post(f"{first}/admin/analysis/engagement/", form | {"csrfmiddlewaretoken": token})
    assert status == 302  # done, back to the list

    assert int(store.get("analysis:1:data-version")) > version
    after = reader.get(f"{second}/")
    assert card not in after
    assert f'data-engagement-card="{kept.pk}"' in after


@pytest.fixture
def redis_gone(settings):
    """The shared cache configured as in production (REDIS_URL) on a port where no Redis listens."""
    settings.CACHE_SHARED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "analysis.shared_cache.TolerantRedisCache",
            "LOCATION": f"redis://{HOST}:{free_port()}/0",
        }
    }


def test_a_web_node_whose_redis_is_gone_reports_it_on_healthz(client, redis_gone):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"shared cache unreachable"


def test_pages_are_served_from_the_database_while_redis_is_gone(client, analyst, curator, redis_gone):
    actor = actor_create(name="سيرغي لافروف")
    first = engagement_create(actors=[actor], date="2024-01-10", type="visit")
    client.force_login(analyst)
    response = client.get("/")
    assert response.status_code == 200
    assert f'data-engagement-card="{first.pk}"' in response.content.decode()

    later = engagement_create(actors=[actor], date="2024-03-02", type="meeting")  # a write during the outage
    again = client.get("/").content.decode()
    assert f'data-engagement-card="{later.pk}"' in again, "nothing stale is served while the cache is gone"


def test_the_shared_cache_is_used_again_once_redis_is_back(client, analyst, settings, redis_url):  # noqa: F811
    import redis

    from analysis import shared_cache

    settings.CACHE_SHARED = True
    settings.CACHES = {
        "default": {"BACKEND": "analysis.shared_cache.TolerantRedisCache", "LOCATION": redis_url}
    }
    from django.core.cache import cache

    engagement_create(actors=[actor_create(name="سيرغي لافروف")], date="2024-01-10", type="visit")
    cache._cache._down_until = time.monotonic() + shared_cache.RETRY_SECONDS  # as after a failed call
    client.force_login(analyst)
    assert client.get("/").status_code == 200
    store = redis.Redis.from_url(redis_url)
    assert not store.keys("*timeline-home*"), "no call to Redis during the retry pause"

    cache._cache._down_until = 0.0  # the pause is over
    assert client.get("/").status_code == 200
    assert store.keys("*timeline-home*"), "the page is cached in Redis again"
    assert client.get("/healthz").content == b"ok"
