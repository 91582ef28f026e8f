"""What a process keeps written for itself: values computed once per key, the whole table emptied when it
is full. For what is keyed by everything it shows (a card, a chart's script, a compiled query), so that a
kept value is never stale, only cold; what only a write changes goes in the shared cache instead
(`selectors.cached`, keyed on the data version)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Kept(Generic[V]):
    """At most `limit` values by key, in this process."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._values: dict[Hashable, V] = {}

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept under `key`, made by `make()` the first time (and after the table was emptied)."""
        try:
            return self._values[key]
        except KeyError:
            value = make()
            if len(self._values) >= self.limit:
                self._values.clear()
            self._values[key] = value
            return value
