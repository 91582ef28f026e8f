"""Shared fixtures: real PostgreSQL (pytest-django) and a real Chromium (Playwright)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-results"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(autouse=True)
def _cache_cleared():
    """Each test starts with an empty cache: factories write without the services that advance
    `selectors.data_version()`, so an aggregate cached by an earlier test could otherwise show."""
    from django.conf import settings

    if settings.configured:  # the pure extraction tests also run without Django (-p no:django)
        from django.core.cache import cache

        cache.clear()
    yield


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ar", "viewport": {"width": 1440, "height": 900}}


@pytest.fixture
def external_requests(page) -> list[str]:
    """URLs of every request the page makes to a host other than this machine."""
    leaked: list[str] = []

    def watch(request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http://", "https://", "ws://", "wss://")) and host not in LOCAL_HOSTS:
            leaked.append(request.url)

    page.on("request", watch)
    return leaked


@pytest.fixture
def console_errors(page) -> list[str]:
    """Console errors and uncaught exceptions of the page (a CSP violation shows up here)."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture
def screenshot(page, request):
    """Save a full-page screenshot under test-results/screenshots/ and return its path."""

    def take(name: str = "") -> Path:
        folder = ARTIFACTS / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{request.node.name}{'-' + name if name else ''}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def analyst(django_user_model):
    """A logged-in-able user in the `analyst` group when that group exists."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="analyst", password="analyst-password-1")
    group = Group.objects.filter(name="analyst").first()
    if group:
        user.groups.add(group)
    return user


@pytest.fixture
def curator(django_user_model):
    """A staff user whose only rights come from the `curator` group (not a superuser)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="curator", password="curator-password-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name="curator"))
    return user


def _logged_in(page, live_server, client, user):
    """`page` with a session cookie of `user` for the live server."""
    from django.conf import settings

    client.force_login(user)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie.value, "url": live_server.url}]
    )
    return page


@pytest.fixture
def analyst_page(page, live_server, client, analyst):
    """A Chromium page whose session is logged in as the analyst."""
    return _logged_in(page, live_server, client, analyst)


@pytest.fixture
def curator_page(page, live_server, client, curator):
    """A Chromium page whose session is logged in as the curator (staff, in the curator group)."""
    return _logged_in(page, live_server, client, curator)
