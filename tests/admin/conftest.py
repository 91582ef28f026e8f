"""A client logged in as the curator (tests/conftest.py's `curator`)."""

from __future__ import annotations

import pytest


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
