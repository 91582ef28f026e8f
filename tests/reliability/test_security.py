"""Security settings and their effect: the CSP (and pages that live within it), HTTPS-only cookies
and HSTS from the environment, CSRF on every POST (HTMX ones too), and `check --deploy`."""

from __future__ import annotations

import json
import re
import secrets
import string
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from analysis.models import Engagement
from tests.reliability.support import ROOT, child_env, manage
from tests.reliability.test_hostile_content import hostile_world_create


def _csp(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def _pages(world) -> list[str]:
    timeline = reverse("timeline")
    return [
        timeline,
        f"{timeline}?engagement={world.meeting.pk}&profile={world.fayyad.slug}",
        reverse("engagement_detail", args=[world.meeting.pk]),
        reverse("actor_detail", args=[world.fayyad.slug]),
        reverse("document_detail", args=[world.document.pk]),
        f"{reverse('search')}?q=الفياض",
        reverse("admin:index"),
        reverse("admin:analysis_engagement_changelist"),
        reverse("admin:analysis_engagement_change", args=[world.meeting.pk]),
        reverse("admin:analysis_actor_change", args=[world.fayyad.pk]),
    ]


# ---------------------------------------------------------------------------------------------
# Content Security Policy


@pytest.mark.django_db
def test_every_response_carries_a_csp_without_inline_or_eval_script(admin_client, client):
    world = hostile_world_create()
    responses = [admin_client.get(url) for url in _pages(world)]
    responses += [
        client.get(reverse("login")),
        client.get(reverse("admin:login")),
        client.get("/no-such-page/"),
    ]
    for response in responses:
        csp = _csp(response)
        script_sources = csp.get("script-src", csp.get("default-src"))
        assert script_sources == ["'self'"], response.request["PATH_INFO"]
        assert "'unsafe-inline'" not in csp["default-src"] and "'unsafe-eval'" not in csp["default-src"]
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


class _ScriptAudit(HTMLParser):
    """What a `script-src 'self'` policy blocks: inline scripts, on* handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []
        self._inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and not values.get("src") and values.get("type") != "application/json":
            self._inline = True
        for name, value in attrs:
            if name.startswith("on"):
                self.blocked.append(f"<{tag} {name}=...>")
            if value and re.match(r"\s*javascript:", value, re.I):
                self.blocked.append(f"<{tag} {name}={value[:40]}>")

    def handle_data(self, data: str) -> None:
        if self._inline and data.strip():
            self.blocked.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inline = False


@pytest.mark.django_db
def test_pages_need_nothing_the_csp_forbids(admin_client, client):
    world = hostile_world_create()
    blocked = {}
    pages = [(admin_client, url) for url in _pages(world)] + [(client, reverse("login"))]
    for browser, url in pages:
        response = browser.get(url)
        assert response.status_code == 200, url
        audit = _ScriptAudit()
        audit.feed(response.content.decode())
        if audit.blocked:
            blocked[url] = audit.blocked
    assert blocked == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_work_under_the_csp_in_chromium(analyst_page, live_server, console_errors, external_requests):
    page = analyst_page
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', (e) => window.__violations.push("
        "e.violatedDirective + ' ' + e.blockedURI));"
    )
    world = hostile_world_create()
    violations = {}
    timeline = reverse("timeline")
    for path in [
        timeline,
        reverse("actor_detail", args=[world.fayyad.slug]),
        reverse("document_detail", args=[world.document.pk]),
        f"{reverse('search')}?q=الفياض",
    ]:
        response = page.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        if found := page.evaluate("window.__violations"):
            violations[path] = found
    # Scripts ran under the policy: plotly drew the chart and htmx swapped a pane in.
    page.goto(live_server.url + timeline)
    page.locator(".plotly-chart .main-svg").first.wait_for()
    page.locator(f"[data-engagement-card='{world.meeting.pk}'] a.engagement-link").click()
    page.locator("#engagement-pane .pane-tools").wait_for()
    violations_after_swap = page.evaluate("window.__violations")
    assert violations == {}
    assert violations_after_swap == []
    assert console_errors == []
    assert external_requests == []


# ---------------------------------------------------------------------------------------------
# HTTPS: secure cookies and HSTS, switched by the environment

# The settings module read afresh under each environment, in one child process (not under pytest,
# whose presence changes the defaults).
SETTINGS_PROBE = """
import json, os, runpy, sys
base = dict(os.environ)
found = []
for env in json.loads(sys.argv[1]):
    os.environ.clear()
    os.environ.update({**base, **env})
    s = runpy.run_path("analysis/settings.py")
    found.append({
        "https": s["HTTPS"], "redirect": s["SECURE_SSL_REDIRECT"],
        "session_secure": s["SESSION_COOKIE_SECURE"],
        "csrf_secure": s["CSRF_COOKIE_SECURE"], "hsts": s["SECURE_HSTS_SECONDS"],
        "subdomains": s["SECURE_HSTS_INCLUDE_SUBDOMAINS"], "preload": s["SECURE_HSTS_PRELOAD"],
        "httponly": s["SESSION_COOKIE_HTTPONLY"], "proxy": s.get("SECURE_PROXY_SSL_HEADER"),
    })
print(json.dumps(found))
"""


def _settings_with(*environments: dict[str, str]) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE, json.dumps(environments)],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_settings_follow_the_environment():
    production, plain_http, debug, short_hsts, proxied = _settings_with(
        {"DJANGO_DEBUG": "0"},
        {"DJANGO_DEBUG": "0", "DJANGO_HTTPS": "0"},
        {"DJANGO_DEBUG": "1"},
        {"DJANGO_DEBUG": "0", "DJANGO_HSTS_SECONDS": "600"},
        {"DJANGO_DEBUG": "0", "DJANGO_BEHIND_PROXY": "1"},
    )
    assert production == {
        "https": True,
        "redirect": True,
        "session_secure": True,
        "csrf_secure": True,
        "hsts": 31536000,
        "subdomains": True,
        "preload": True,
        "httponly": True,
        "proxy": None,
    }
    assert not any(plain_http[k] for k in ("https", "redirect", "session_secure", "csrf_secure", "hsts"))
    assert plain_http["httponly"] is True
    assert debug["session_secure"] is False and debug["hsts"] == 0
    assert short_hsts["hsts"] == 600
    assert proxied["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]


HTTPS_ON = dict(
    SECURE_SSL_REDIRECT=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
)


@pytest.mark.django_db
def test_with_https_on_plain_http_is_redirected_and_cookies_are_secure(analyst):
    with override_settings(**HTTPS_ON):
        browser = Client()
        redirect = browser.get(reverse("login"))
        assert redirect.status_code == 301
        assert redirect["Location"].startswith("https://")

        page = browser.get(reverse("login"), secure=True)
        assert page.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        login = browser.post(
            reverse("login"), {"username": "analyst", "password": "analyst-password-1"}, secure=True
        )
        assert login.status_code == 302
        session = login.cookies["sessionid"]
        assert session["secure"] and session["httponly"]
        assert browser.cookies["csrftoken"]["secure"]


@pytest.mark.django_db
def test_with_https_off_there_is_no_hsts(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers


# ---------------------------------------------------------------------------------------------
# CSRF


def _views(patterns, prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def test_no_view_is_exempt_from_csrf():
    exempt = [
        route for route, view in _views(get_resolver().url_patterns) if getattr(view, "csrf_exempt", False)
    ]
    assert exempt == []


def test_every_post_form_in_the_templates_carries_the_token():
    missing = []
    for template in (ROOT / "templates").rglob("*.html"):
        html = template.read_text(encoding="utf-8")
        for form in re.finditer(r"<form\b[^>]*>.*?</form>", html, re.S | re.I):
            if re.search(r"method=[\"']?post", form.group(0), re.I) and "{% csrf_token %}" not in form.group(
                0
            ):
                missing.append(str(template.relative_to(ROOT)))
    assert missing == []


def _body_hx_headers(html: str) -> dict:
    body = re.search(r"<body\b[^>]*\bhx-headers='([^']*)'", html)
    assert body, "the base template's <body> has no hx-headers"
    return json.loads(body.group(1))


@pytest.mark.django_db
def test_posts_without_the_token_are_rejected_and_htmx_posts_send_it(admin_user):
    world = hostile_world_create()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(admin_user)
    changelist = reverse("admin:analysis_engagement_changelist")
    verify = {"action": "verify_selected", "_selected_action": [world.meeting.pk], "index": 0}
    targets = [
        (reverse("timeline"), {}),
        (reverse("search"), {"q": "x"}),
        (reverse("logout"), {}),
        (reverse("admin:analysis_actor_change", args=[world.fayyad.pk]), {"name": "x"}),
        (changelist, verify),
    ]
    for url, data in targets:
        for headers in ({}, {"HX-Request": "true"}):
            response = browser.post(url, data, headers=headers)
            assert response.status_code == 403, f"{url} {headers}: {response.status_code}"
            assert b"CSRF" in response.content
    assert Engagement.objects.get(pk=world.meeting.pk).review == Engagement.Review.EXTRACTED

    # What the base template gives htmx to send with every request is a token the server accepts.
    page = browser.get(reverse("timeline"))
    assert page.status_code == 200
    token = _body_hx_headers(page.content.decode())["x-csrftoken"]
    accepted = browser.post(changelist, verify, headers={"HX-Request": "true", "X-CSRFToken": token})
    assert accepted.status_code in (200, 302)
    assert Engagement.objects.get(pk=world.meeting.pk).review == Engagement.Review.VERIFIED


@pytest.mark.django_db
def test_login_form_is_csrf_protected(analyst):
    browser = Client(enforce_csrf_checks=True)
    rejected = browser.post(reverse("login"), {"username": "analyst", "password": "analyst-password-1"})
    assert rejected.status_code == 403
    form = browser.get(reverse("login")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    accepted = browser.post(
        reverse("login"),
        {"username": "analyst", "password": "analyst-password-1", "csrfmiddlewaretoken": token},
    )
    assert accepted.status_code == 302


# ---------------------------------------------------------------------------------------------
# Deployment check


def test_check_deploy_reports_no_issue():
    secret = "".join(
        secrets.choice(string.ascii_letters + string.digits + "!@#%^&*(-_=+)") for _ in range(50)
    )
    env = child_env(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secret, DJANGO_ALLOWED_HOSTS="dashboard.example.org")
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.django_db
def test_login_never_redirects_to_another_site(client, analyst):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example/"):
        response = client.post(
            f"{reverse('login')}?next={target}",
            {"username": "analyst", "password": "analyst-password-1", "next": target},
        )
        assert response.status_code == 302
        assert "evil.example" not in response["Location"], target
        client.logout()
