"""The session and its user, read with compiled queries, let in exactly whom Django's own backends do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, analyst):
    assert client.login(username="analyst", password="analyst-password-1")
    assert client.get("/search/").status_code == 200
    return client


def _is_sent_to_login(client: Client) -> bool:
    response = client.get("/search/")
    return response.status_code == 302 and "/login" in response["Location"]


def test_a_signed_in_analyst_reads_pages_and_a_stranger_is_sent_to_login(signed_in):
    assert signed_in.get("/search/").status_code == 200
    assert _is_sent_to_login(Client())


def test_a_session_is_over_once_the_analyst_logs_out(signed_in):
    cookie = signed_in.cookies["sessionid"].value
    signed_in.post("/accounts/logout/")
    stranger = Client()
    stranger.cookies["sessionid"] = cookie
    assert _is_sent_to_login(stranger)


def test_an_expired_session_lets_no_one_in(signed_in):
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert _is_sent_to_login(signed_in)


def test_a_deactivated_or_repassworded_analyst_is_signed_out_at_the_next_page(signed_in, analyst, client):
    analyst.is_active = False
    analyst.save()
    assert _is_sent_to_login(signed_in)
    analyst.is_active = True
    analyst.save()
    assert client.login(username="analyst", password="analyst-password-1")
    analyst.set_password("another-password-2")
    analyst.save()
    assert _is_sent_to_login(client)
