"""Load-test the dashboard: gunicorn over 100,000 engagements, wrk with 32 connections for 30 s, on 127.0.0.1,
first cycling through a seeded mix of an analyst's pages (timeline filtered, next page, profiles, searches,
HTMX partials), then on the home page alone.

python manage.py loadtest
python manage.py loadtest --engagements 10000 --duration 10

Needs wrk (`apt-get install -y wrk`). The data lives in its own database (`<name>_load`), built
with the timeline benchmark's builder and kept for the next run. Fails unless every request of
both runs succeeded.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from analysis.benchmarks.load import LoadOptions, LoadTestError, load_run


class Command(BaseCommand):
    help = (
        "Drive gunicorn with wrk: a mix of an analyst's pages, then the home page alone; "
        "report requests per second and p99 latency of each."
    )

    def add_arguments(self, parser):
        defaults = LoadOptions()
        parser.add_argument("--engagements", type=int, default=defaults.engagements)
        parser.add_argument("--connections", type=int, default=defaults.connections)
        parser.add_argument("--duration", type=int, default=defaults.duration, help="seconds")
        parser.add_argument("--threads", type=int, default=defaults.threads, help="wrk threads")
        parser.add_argument(
            "--timeout", type=int, default=defaults.timeout, help="seconds before a request counts as failed"
        )
        parser.add_argument(
            "--workers", type=int, default=defaults.workers, help="gunicorn workers (0: 2 per CPU)"
        )
        parser.add_argument("--seed", type=int, default=defaults.seed)
        parser.add_argument(
            "--per-kind",
            type=int,
            default=defaults.per_kind,
            help="then this many seconds of wrk on each kind of page of the mix alone (0: none)",
        )
        parser.add_argument("--database-name", default="", help="load database (default: <name>_load)")
        parser.add_argument("--output", type=Path, default=defaults.output, help="where the JSON goes")

    def handle(self, *args, **options):
        load = LoadOptions(
            engagements=options["engagements"],
            connections=options["connections"],
            duration=options["duration"],
            threads=options["threads"],
            timeout=options["timeout"],
            workers=options["workers"],
            seed=options["seed"],
            per_kind=options["per_kind"],
            database=options["database_name"],
            output=options["output"],
        )
        try:
            results = load_run(load, log=self.stdout.write)
        except LoadTestError as error:
            raise CommandError(str(error)) from None
        for label, r in (("the mix", results), ("home only", results["home_only"])):
            latency = r["latency_ms"]
            self.stdout.write(
                f"{label}: {r['requests']} requests in {r['seconds']:.1f} s over {results['connections']} "
                f"connections to {results['gunicorn_workers']} gunicorn workers "
                f"({results['engagements']} engagements, load average {r['load_average_before']:.1f})\n"
                f"  requests/s: {r['requests_per_second']:.1f}   latency p50 {latency.get('p50', 0):.0f} ms, "
                f"p90 {latency.get('p90', 0):.0f} ms, p99 {latency.get('p99', 0):.0f} ms   "
                f"errors: {r['errors']} {r['error_kinds'] or ''}"
            )
        for kind, r in results.get("kinds", {}).items():
            self.stdout.write(
                f"  {kind:25s} alone: {r['requests_per_s']:6.1f} requests/s, p50 "
                f"{r['latency_ms'].get('p50', 0):5.0f} ms, p99 {r['p99_ms'] or 0:5.0f} ms, errors {r['errors']}"
            )
        self.stdout.write(f"wrote {load.output}")
        if failed := {
            label: r["error_kinds"]
            for label, r in (
                ("mix", results),
                ("home", results["home_only"]),
                *results.get("kinds", {}).items(),
            )
            if r["errors"]
        }:
            raise CommandError(f"requests failed: {failed}")
        self.stdout.write(self.style.SUCCESS("load test passed: no errors"))
