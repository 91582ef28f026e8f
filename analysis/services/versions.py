"""The data version: advanced by the services that write, read by `selectors.data_version()`."""

from __future__ import annotations

from django.db import connection, transaction

SEQUENCE = "analysis_data_version"


def _advance() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT nextval('{SEQUENCE}')")


def data_version_bump() -> None:
    """Advance the version now and again once the surrounding transaction commits.

    A sequence ignores rollbacks, so the first step is seen at once (also inside the same transaction);
    a page read between it and the commit may cache the old data under the new version, which the
    second step retires. Outside a transaction both steps run at once."""
    _advance()
    transaction.on_commit(_advance)
