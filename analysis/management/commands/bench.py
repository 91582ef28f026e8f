"""Performance benchmarks: ingest throughput against its floor, timeline and search server time, peak memory.

python manage.py bench    # 10,000 articles, 100,000 engagements -> var/bench/latest.json
python manage.py bench --docs 500 --engagements 10000 --only ingest,search
python manage.py bench --only scale    # issue 15: pages at 10,000 / 100,000 / 1,000,000 engagements

Runs in its own database (`<name>_bench`), never in the development data.
"""

from __future__ import annotations

import cProfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from analysis.benchmarks import ingest
from analysis.benchmarks.harness import bench_database_use
from analysis.benchmarks.run import PHASES, BenchOptions, bench_run, results_table


class Command(BaseCommand):
    help = "Measure ingest, timeline, search and memory against their targets; write var/bench/latest.json."

    def add_arguments(self, parser):
        defaults = BenchOptions()
        parser.add_argument(
            "--docs", type=int, default=defaults.docs, help="generated articles (default 10000)"
        )
        parser.add_argument(
            "--engagements",
            type=int,
            default=defaults.engagements,
            help="engagements behind the timeline (default 100000)",
        )
        parser.add_argument("--seed", type=int, default=defaults.seed, help="corpus seed")
        parser.add_argument("--repeat", type=int, default=defaults.repeat, help="timed requests per page")
        parser.add_argument(
            "--corpus", type=Path, default=defaults.corpus_dir, help="folder for the articles"
        )
        parser.add_argument("--output", type=Path, default=defaults.output, help="where the JSON goes")
        parser.add_argument("--database-name", default="", help="benchmark database (default: <name>_bench)")
        parser.add_argument(
            "--only", default=",".join(PHASES), help=f"comma-separated subset of {','.join(PHASES)}"
        )
        parser.add_argument(
            "--scale-sizes",
            default=",".join(str(size) for size in defaults.scale_sizes),
            help="engagements at each step of the scale phase (default 10000,100000,1000000)",
        )
        parser.add_argument(
            "--scale-reuse",
            action="store_true",
            help="time the scale phase on the databases a previous run built (each rebuilt when missing)",
        )
        parser.add_argument(
            "--drop-database", action="store_true", help="drop the benchmark database afterwards"
        )
        parser.add_argument("--worker", choices=ingest.WORKERS, help="internal: one ingest measurement")
        parser.add_argument("--profile", type=Path, help="internal: write the worker's cProfile stats here")

    def handle(self, *args, **options):
        if options["worker"]:
            return self._worker(options)
        phases = tuple(p.strip() for p in options["only"].split(",") if p.strip())
        if unknown := set(phases) - set(PHASES):
            raise CommandError(f"unknown phase(s): {', '.join(sorted(unknown))}")
        if options["docs"] < 1 or options["engagements"] < 10:
            raise CommandError("--docs must be at least 1 and --engagements at least 10")
        bench = BenchOptions(
            docs=options["docs"],
            engagements=options["engagements"],
            seed=options["seed"],
            repeat=max(1, options["repeat"]),
            corpus_dir=options["corpus"],
            output=options["output"],
            database=options["database_name"],
            phases=phases,
            keep_database=not options["drop_database"],
            scale_sizes=tuple(int(size) for size in options["scale_sizes"].split(",") if size.strip()),
            scale_reuse=options["scale_reuse"],
        )
        results = bench_run(bench, log=lambda line: self.stdout.write(line))
        self.stdout.write("")
        for row in results_table(results):
            self.stdout.write(row)
        failed = [
            name
            for name, section in results.items()
            if isinstance(section, dict) and section.get("met") is False
        ]
        summary = f"wrote {bench.output} in {results['total_seconds']} s"
        self.stdout.write(
            self.style.WARNING(f"{summary}; missed: {', '.join(failed)}")
            if failed
            else self.style.SUCCESS(summary)
        )

    def _worker(self, options) -> None:
        if not options["database_name"]:
            raise CommandError("--worker needs --database-name")
        bench_database_use(name=options["database_name"])
        profiler = cProfile.Profile() if options["profile"] else None
        if profiler:
            profiler.enable()
        result = ingest.worker_run(worker=options["worker"], folder=options["corpus"])
        if profiler:
            profiler.disable()
            profiler.dump_stats(options["profile"])
        self.stdout.write(ingest.worker_line(result))
