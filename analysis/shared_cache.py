"""The shared cache (REDIS_URL) as an optional speed-up: while Redis cannot be reached, every read is a
miss and every write is skipped, so pages are computed from the database (slower, never wrong) instead
of failing; `/healthz` still reports the outage (503) for the operator and the proxy.

After a failure the client leaves Redis alone for `RETRY_SECONDS`, so an outage costs one connection
timeout per process per interval, not one per cache call. The data version the cache keys carry
(`selectors.data_version`) lives in Redis only `SHARED_VERSION_SECONDS`, so when Redis comes back a
version it missed during the outage is corrected within seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

RETRY_SECONDS = 5.0
SOCKET_SECONDS = 1.0  # connect and read timeout: an unreachable host must not hold a page for long

log = logging.getLogger(__name__)
T = TypeVar("T")


class _TolerantClient(RedisCacheClient):
    """Django's Redis client whose calls return what a miss returns while Redis is unreachable."""

    def __init__(self, servers, **options) -> None:
        options.setdefault("socket_connect_timeout", SOCKET_SECONDS)
        options.setdefault("socket_timeout", SOCKET_SECONDS)
        super().__init__(servers, **options)
        self._down_until = 0.0
        self._lock = threading.Lock()

    def reachable(self) -> bool:
        """Whether Redis answers a ping now (asked even during the retry pause)."""
        try:
            return bool(self.get_client(write=True).ping())
        except self._lib.RedisError:
            return False

    def _tolerant(self, call: Callable[[], T], missed: T) -> T:
        if time.monotonic() < self._down_until:
            return missed
        try:
            return call()
        except (self._lib.ConnectionError, self._lib.TimeoutError) as error:
            with self._lock:
                if time.monotonic() >= self._down_until:
                    log.warning("shared cache unreachable (%s); pages are computed uncached", error)
                self._down_until = time.monotonic() + RETRY_SECONDS
            return missed

    def add(self, key, value, timeout):
        return self._tolerant(lambda: super(_TolerantClient, self).add(key, value, timeout), False)

    def get(self, key, default):
        return self._tolerant(lambda: super(_TolerantClient, self).get(key, default), default)

    def set(self, key, value, timeout):
        return self._tolerant(lambda: super(_TolerantClient, self).set(key, value, timeout), None)

    def touch(self, key, timeout):
        return self._tolerant(lambda: super(_TolerantClient, self).touch(key, timeout), False)

    def delete(self, key):
        return self._tolerant(lambda: super(_TolerantClient, self).delete(key), False)

    def get_many(self, keys):
        return self._tolerant(lambda: super(_TolerantClient, self).get_many(keys), {})

    def has_key(self, key):
        return self._tolerant(lambda: super(_TolerantClient, self).has_key(key), False)

    def incr(self, key, delta):
        # a ValueError (no such key) still reaches the caller: only the outage is a miss
        return self._tolerant(lambda: super(_TolerantClient, self).incr(key, delta), delta)

    def set_many(self, data, timeout):
        return self._tolerant(lambda: super(_TolerantClient, self).set_many(data, timeout), list(data))

    def delete_many(self, keys):
        return self._tolerant(lambda: super(_TolerantClient, self).delete_many(keys), None)

    def clear(self):
        return self._tolerant(lambda: super(_TolerantClient, self).clear(), False)


class TolerantRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` that degrades to misses while Redis is down."""

    def __init__(self, server: Any, params: dict) -> None:
        super().__init__(server, params)
        self._class = _TolerantClient

    def reachable(self) -> bool:
        return self._cache.reachable()
