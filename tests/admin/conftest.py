"""A curator: a staff user whose rights come from the `curator` group, and a client logged in as one."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def curator(django_user_model):
    """A staff user whose only rights come from the `curator` group (not a superuser)."""
    user = django_user_model.objects.create_user(
        username="curator", password="curator-password-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name="curator"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
