"""Login throttling: 5 failures lock a username or an address out for 15 minutes, said in Arabic;
the attempts are in the admin for superusers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
LOCKED = "أُوقف الدخول مؤقتًا بعد 5 محاولات فاشلة"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Dozens of logins here: a hasher built to be slow would make this file take most of a minute."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _login(browser: Client, username: str, password: str, address: str = "10.0.0.1"):
    return browser.post(LOGIN, {"username": username, "password": password, "next": "/"}, REMOTE_ADDR=address)


def _time_passes(delta: timedelta) -> None:
    """Move the recorded attempts back in time, as if `delta` had passed since."""
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= delta
        attempt.save(update_fields=["attempt_time"])


def test_five_bad_passwords_lock_the_account_out_even_for_the_right_one(client, analyst):
    for _ in range(4):
        refused = _login(client, "analyst", "wrong-password")
        assert refused.status_code == 200 and LOCKED not in refused.content.decode()
    fifth = _login(client, "analyst", "wrong-password")
    assert fifth.status_code == 429 and LOCKED in fifth.content.decode()  # said at once

    locked = _login(client, "analyst", "analyst-password-1")

    page = locked.content.decode()
    assert locked.status_code == 429
    assert LOCKED in page and "بعد 15 دقيقة" in page and 'role="alert"' in page
    assert '<html lang="ar" dir="rtl">' in page and 'name="password"' in page  # the login page, in Arabic
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302


def test_after_fifteen_minutes_the_right_password_is_accepted_again(client, analyst):
    for _ in range(5):
        _login(client, "analyst", "wrong-password")

    _time_passes(timedelta(minutes=14, seconds=50))
    assert _login(client, "analyst", "analyst-password-1").status_code == 429

    _time_passes(timedelta(minutes=15, seconds=1))  # counted from the last attempt, the refused one
    accepted = _login(client, "analyst", "analyst-password-1")
    assert accepted.status_code == 302 and accepted["Location"] == "/"
    assert client.get("/").status_code == 200


def test_the_lockout_holds_for_the_username_from_another_address(analyst):
    for attempt in range(5):
        _login(Client(), "analyst", "wrong-password", address=f"10.0.1.{attempt}")

    assert _login(Client(), "analyst", "analyst-password-1", address="10.0.2.1").status_code == 429


def test_the_lockout_holds_for_the_address_whatever_username_it_tries(django_user_model, analyst):
    django_user_model.objects.create_user(username="omar", password="omar-password-1")
    for attempt in range(5):
        _login(Client(), f"guess{attempt}", "wrong-password", address="10.9.9.9")

    assert _login(Client(), "omar", "omar-password-1", address="10.9.9.9").status_code == 429
    assert _login(Client(), "omar", "omar-password-1", address="10.9.9.8").status_code == 302


def test_the_admin_login_is_throttled_too_with_its_own_page(client, admin_user):
    for _ in range(5):
        client.post(
            reverse("admin:login"), {"username": "admin", "password": "wrong"}, REMOTE_ADDR="10.0.0.7"
        )

    locked = client.post(
        reverse("admin:login"), {"username": "admin", "password": "password"}, REMOTE_ADDR="10.0.0.7"
    )
    assert locked.status_code == 429 and LOCKED in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_starts_the_count_again(client, analyst):
    for _ in range(4):
        _login(client, "analyst", "wrong-password")
    assert _login(client, "analyst", "analyst-password-1").status_code == 302
    client.logout()
    for _ in range(4):
        _login(client, "analyst", "wrong-password")

    assert _login(client, "analyst", "analyst-password-1").status_code == 302


def test_failures_and_lockouts_are_listed_in_the_admin_for_superusers(client, analyst, admin_user):
    for _ in range(5):
        _login(Client(), "analyst", "wrong-password", address="10.4.4.4")
    client.force_login(admin_user)

    attempts = client.get(reverse("admin:axes_accessattempt_changelist"))
    failures = client.get(reverse("admin:axes_accessfailurelog_changelist"))

    assert attempts.status_code == 200 and failures.status_code == 200
    assert "10.4.4.4" in attempts.content.decode() and "analyst" in attempts.content.decode()
    assert AccessAttempt.objects.get(username="analyst").failures_since_start == 5
    assert AccessFailureLog.objects.filter(username="analyst", locked_out=True).exists()
    assert (
        reverse("admin:axes_accessattempt_changelist") in client.get(reverse("admin:index")).content.decode()
    )


def test_the_address_behind_a_trusted_proxy_is_the_one_it_appended(settings, rf):
    from analysis.lockout import client_address

    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_address(request) == "10.0.0.1"  # no proxy configured: the header is not trusted
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_address(request) == "203.0.113.9"
