"""The data version: advanced by the services that write, read by `selectors.data_version()`.

Every committed transaction that changes the analysis models advances it once at commit
(`data_version_bump_on_commit`, deduplicated per transaction): model saves and deletes reach it
through `analysis.signals`, so the admin and the shell need nothing. Writes that send no signals
(`bulk_create`, `bulk_update`, `QuerySet.update()`, raw SQL, a queryset delete of mentions or titles)
must call `data_version_bump()` inside the same transaction; it costs no extra round trip at commit.

With a shared cache (REDIS_URL, `settings.CACHE_SHARED`) the web processes read the version from the
cache, not the database: each advance also increments it there, so every process and machine sees it
at once. The cached copy lives `SHARED_VERSION_SECONDS` and is then read again from the sequence, so a
write by a process without the shared cache (or raw SQL that advances the sequence) shows within that.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

SEQUENCE = "analysis_data_version"
SHARED_VERSION_KEY = "data-version"
SHARED_VERSION_SECONDS = 5  # one read of the sequence per 5 s for the whole deployment
_PENDING = "_analysis_data_version_pending"


def _advance(using: str = DEFAULT_DB_ALIAS) -> None:
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT nextval('{SEQUENCE}')")
        value = cursor.fetchone()[0]
    if settings.CACHE_SHARED:
        shared_version_advance(value)


def shared_version_advance(value: int) -> None:
    """Increment the shared cache's copy of the version (atomic in Redis), or start it at `value`, the
    sequence's new value, when it has expired. It never passes the sequence, so a copy read again from
    the sequence never goes back to a version some process has already cached under."""
    try:
        cache.incr(SHARED_VERSION_KEY)
    except ValueError:  # expired or never set
        if not cache.add(SHARED_VERSION_KEY, value, SHARED_VERSION_SECONDS):
            cache.incr(SHARED_VERSION_KEY)  # another process started it in between


def shared_version_forget() -> None:
    """Drop the shared cache's copy, so the next read takes the sequence (after a restore sets it)."""
    if settings.CACHE_SHARED:
        cache.delete(SHARED_VERSION_KEY)


class _CommitBump:
    """The one advance a transaction has registered with `on_commit`; `done` once it has run."""

    __slots__ = ("done", "root", "using")

    def __init__(self, using: str, root: tuple) -> None:
        self.using = using
        self.root = root
        self.done = False

    def __call__(self) -> None:
        self.done = True
        _advance(self.using)


def _transaction_root(connection) -> tuple:
    """The block that commits: the outermost atomic block, passing over those Django's `TestCase`
    opens around a test (so `captureOnCommitCallbacks` sees one bump per block a test runs), with
    its savepoint, since one block object serves every call of a function it decorates."""
    offset = len(connection.atomic_blocks) - len(connection.savepoint_ids)
    for index, block in enumerate(connection.atomic_blocks):
        if not getattr(block, "_from_testcase", False):
            return block, connection.savepoint_ids[index - offset] if index >= offset else None
    return None, None


def _bump_pending(connection, root: tuple) -> bool:
    """Whether the transaction has an advance waiting for its commit already.

    Django drops the callbacks of a rolled-back transaction or savepoint from `run_on_commit`, so a
    bump that was rolled back away is registered again by the next write."""
    pending = getattr(connection, _PENDING, None)
    return (
        pending is not None
        and not pending.done
        and pending.root[0] is root[0]
        and pending.root[1] == root[1]
        and any(entry[1] is pending for entry in connection.run_on_commit)
    )


def data_version_bump_on_commit(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Advance the version once when the current transaction commits, however often this is called
    inside it (one round trip per transaction); outside a transaction, at once."""
    connection = connections[using]
    root = (None, None)
    if connection.in_atomic_block:
        root = _transaction_root(connection)
        if _bump_pending(connection, root):
            return
    elif not connection.get_autocommit():  # manual transaction management: no commit hook to use
        _advance(using)
        return
    bump = _CommitBump(using, root)
    setattr(connection, _PENDING, bump)
    # robust: a failed advance (logged) must not turn a committed write into an error
    transaction.on_commit(bump, using=using, robust=True)


def data_version_bump(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Advance the version now and again once the surrounding transaction commits.

    A sequence ignores rollbacks, so the first step is seen at once, also by reads inside this
    transaction (and by tests, which run inside one); a page read between it and the commit may
    cache the old data under the new version, which the second step retires. The second step is
    shared with every other write of the transaction (`data_version_bump_on_commit`). Outside a
    transaction both steps run at once."""
    _advance(using)
    data_version_bump_on_commit(using=using)
