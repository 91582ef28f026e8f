"""`manage.py user_grant`: a curator made from the command line can curate in the admin at once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def grant(*args: str) -> str:
    out = StringIO()
    call_command("user_grant", *args, stdout=out)
    return out.getvalue()


def test_a_created_curator_logs_in_to_the_admin_with_the_printed_password(client):
    output = grant("sara", "--role", "curator", "--create")

    password = output.split("password:")[1].strip()
    assert "created" in output
    assert client.login(username="sara", password=password)
    admin_index = client.get(reverse("admin:index"))
    assert admin_index.status_code == 200
    assert reverse("admin:analysis_engagement_changelist") in admin_index.content.decode()  # may curate


def test_an_existing_user_becomes_an_analyst_and_a_curator_can_be_made_analyst_again(client):
    user = get_user_model().objects.create_user(username="omar", password="omar-password-1")

    assert "password" not in grant("omar", "--role", "curator")
    user.refresh_from_db()
    assert user.is_staff and list(user.groups.values_list("name", flat=True)) == ["curator"]

    grant("omar", "--role", "analyst")
    user.refresh_from_db()
    assert not user.is_staff and list(user.groups.values_list("name", flat=True)) == ["analyst"]
    client.force_login(user)
    assert client.get("/").status_code == 200  # reads the dashboard
    assert client.get(reverse("admin:index")).status_code == 302  # but not the admin


def test_an_unknown_user_or_role_is_refused_clearly():
    with pytest.raises(CommandError, match="--create"):
        grant("nobody", "--role", "curator")
    with pytest.raises(CommandError, match="invalid choice"):
        grant("nobody", "--role", "editor", "--create")
    assert not get_user_model().objects.filter(username="nobody").exists()
