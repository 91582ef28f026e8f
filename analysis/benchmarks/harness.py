"""What the benchmarks share: a dedicated database, timing statistics, the machine's load.

The benchmarks never touch the development data: `bench_database_use` points the default
connection at a separate database (`<name>_bench` unless told otherwise) on the same server.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.core.management import call_command
from django.db import connection

BENCH_SUFFIX = "_bench"


def bench_database_name() -> str:
    """The benchmark database beside the configured one: `analysis` -> `analysis_bench`."""
    return f"{connection.settings_dict['NAME']}{BENCH_SUFFIX}"


def bench_database_use(*, name: str, reset: bool = False) -> None:
    """Point the default connection at database `name`, (re)created and migrated when `reset`."""
    if name == connection.settings_dict["NAME"] and not reset:
        return
    connection.close()
    if reset:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.settings_dict["NAME"] = name
    if reset:
        call_command("migrate", verbosity=0, interactive=False)


def bench_database_drop(*, name: str) -> None:
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def analysis_tables_clear(*, keep: tuple[str, ...] = ()) -> None:
    """Empty the app's tables (and their history tables), except the models named in `keep`."""
    tables = [
        model._meta.db_table
        for model in apps.get_app_config("analysis").get_models()
        if model._meta.model_name not in keep and not model._meta.proxy
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def analyze() -> None:
    """Fresh planner statistics after a bulk load (autovacuum would get there, later)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def tables_settle(*, models: tuple[str, ...] = ()) -> None:
    """VACUUM (ANALYZE) the app's tables (or the models named), as autovacuum soon would after a
    bulk load: fresh statistics, GIN pending lists merged into their indexes. Left to autovacuum,
    the vacuum starts a few seconds after the load, in the middle of the timings."""
    tables = [
        model._meta.db_table
        for model in apps.get_app_config("analysis").get_models()
        if not model._meta.proxy and (not models or model._meta.model_name in models)
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {', '.join(tables)}")


@dataclass(frozen=True, slots=True)
class Timings:
    samples_ms: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def timed(action: Callable[[], object], *, repeat: int, warmup: int = 2) -> Timings:
    """Run `action` `warmup` times untimed, then `repeat` times, each timed in milliseconds."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return Timings(tuple(samples))


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """`with stopwatch() as elapsed: ...; elapsed()` gives seconds since the block started."""
    start = time.perf_counter()
    yield lambda: time.perf_counter() - start


def machine_load() -> dict:
    """The 1/5/15-minute load averages and the CPU count, to read the numbers against."""
    one, five, fifteen = os.getloadavg()
    return {
        "load_1m": round(one, 2),
        "load_5m": round(five, 2),
        "load_15m": round(fifteen, 2),
        "cpus": os.cpu_count(),
    }
