"""What the web-layer tests share: the small dashboard world and an analyst's logged-in client."""

from __future__ import annotations

import pytest

from tests.dashboard_data import world_create


@pytest.fixture
def world():
    return world_create()


@pytest.fixture
def reader(client, analyst):
    client.force_login(analyst)
    return client
