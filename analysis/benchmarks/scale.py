"""Pages whose work does not grow with the data (issue 15): the timeline (unfiltered, and one actor in one
year) and that actor's profile at 10,000, 100,000 and 1,000,000 engagements, search at the documents
beside them (a tenth as many: 10,000 and 100,000).

Each size has a database of its own (`<bench>_scale_<size>`): engagements (2-3 participants, 1-3 evidence
rows each) and documents written with `COPY`, the count triggers paused and the counts rebuilt once
(`services.counts`), then VACUUM (ANALYZE) before anything is timed. Every size has the actors of the
largest, so the busiest actor keeps its share of the engagements: at ten times the data it takes part in
ten times as many.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.test import Client
from django.utils import timezone

from analysis.arabic import normalize
from analysis.benchmarks import corpus, search, vocabulary
from analysis.benchmarks.dashboard import (
    ROLES_FIRST,
    ROLES_OTHER,
    TYPE_WEIGHTS,
    TYPES,
    PageRun,
    _dates,
    actors_build,
    page_get,
    page_queries,
    sql_replay,
)
from analysis.benchmarks.harness import (
    Timings,
    bench_database_use,
    machine_load,
    stopwatch,
    tables_settle,
    timed,
)
from analysis.models import Actor, Document, EngagementTally
from analysis.services.counts import counts_paused
from analysis.services.versions import data_version_bump

SIZES = (10_000, 100_000, 1_000_000)
DOCUMENTS_PER_ENGAGEMENT = 0.1
ACTORS_PER_ENGAGEMENT = 0.04  # of the largest size: 40,000 actors for 1,000,000 engagements
SENTENCE_TEXTS = 200  # evidence sentences are cut from the first documents' texts


@dataclass(slots=True)
class _Loaded:
    """What the sizes so far have written, so the next one adds to it."""

    actor_ids: list[int]
    document_lengths: list[tuple[int, int]]  # (id, length of text)
    sentence_texts: list[str]
    engagements: int = 0


def _copy(table: str, columns: tuple[str, ...], rows: Iterator[tuple]) -> int:
    count = 0
    with connection.cursor() as cursor:
        quoted = ", ".join(f'"{column}"' for column in columns)
        with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def documents_add(loaded: _Loaded, *, count: int, seed: int) -> None:
    """Corpus articles `len(document_lengths)`..`count - 1` as documents (the ingest's first 10,000 are
    the same articles), their search vector computed by PostgreSQL as it stores them."""
    pool = corpus.ActorPool(seed)
    start = len(loaded.document_lengths)
    now = timezone.now()
    texts: list[str] = []

    def rows() -> Iterator[tuple]:
        for index in range(start, count):
            generated = corpus.article(pool, index)
            text = generated.text
            if len(loaded.sentence_texts) + len(texts) < SENTENCE_TEXTS:
                texts.append(text)
            outlet = vocabulary.OUTLETS[index % len(vocabulary.OUTLETS)][1]
            digest = hashlib.sha256(text.encode()).hexdigest()
            yield (
                f"bench/scale/{index}.txt", digest, outlet, generated.title, "", generated.published,
                text, text, normalize(text), "bench", now, now,
            )  # fmt: skip

    columns = (
        "source_path", "sha256", "outlet", "title", "author", "published_on",
        "raw_text", "text", "normalized_text", "extractor_version", "ingested_at", "updated_at",
    )  # fmt: skip
    _copy("analysis_document", columns, rows())
    loaded.sentence_texts += texts
    with connection.cursor() as cursor:
        after = loaded.document_lengths[-1][0] if loaded.document_lengths else 0
        cursor.execute("SELECT id, length(text) FROM analysis_document WHERE id > %s ORDER BY id", [after])
        loaded.document_lengths += cursor.fetchall()


def engagements_add(loaded: _Loaded, *, count: int, seed: int) -> None:
    """Engagements number `loaded.engagements`..`count - 1`, as `dashboard.engagements_build` makes them
    (dates at every precision, 3% rejected, 2-3 participants drawn with a skew), written with COPY."""
    start, now = loaded.engagements, timezone.now()
    rng = random.Random(f"{seed}:scale:{start}:{count}")
    cities = [state.capital for state in vocabulary.STATES]
    actor_ids, documents = loaded.actor_ids, loaded.document_lengths
    participations: list[tuple] = []
    evidence: list[tuple] = []

    def engagement_rows(lo: int, hi: int) -> Iterator[tuple]:
        for index in range(lo, hi):
            pk = index + 1
            date_start, date_end, precision, date_text = _dates(rng)
            review = rng.random()
            yield (
                pk, rng.choices(TYPES, weights=TYPE_WEIGHTS)[0], date_start, date_end, precision, date_text,
                rng.choice(cities), "planned" if rng.random() < 0.05 else "reported",
                "rejected" if review < 0.03 else "verified" if review < 0.08 else "extracted",
                False, round(rng.uniform(0.3, 0.95), 2),
                hashlib.sha1(f"{seed}:scale:{index}".encode()).hexdigest(), now, now,
            )  # fmt: skip
            wanted = 3 if rng.random() < 0.15 else 2
            chosen: list[int] = []
            while len(chosen) < wanted:
                actor_id = actor_ids[int(len(actor_ids) * rng.random() ** 2.5)]
                if actor_id not in chosen:
                    chosen.append(actor_id)
            for n, actor_id in enumerate(chosen):
                role = rng.choice(ROLES_FIRST) if n == 0 else rng.choice(ROLES_OTHER)
                participations.append((pk, actor_id, role))
            sources = 1 if rng.random() < 0.6 else 2 if rng.random() < 0.75 else 3
            for document_id, length in rng.sample(documents, min(sources, len(documents))):
                begin = rng.randrange(0, max(1, length - 120))
                end = min(length, begin + rng.randrange(60, 200))
                pool_text = loaded.sentence_texts[document_id % len(loaded.sentence_texts)]
                sentence = pool_text[begin % 1000 :][: end - begin] or "…"
                evidence.append((pk, document_id, begin, max(end, begin + 1), sentence, date_text, "", ""))

    columns = (
        "id", "type", "date_start", "date_end", "date_precision", "date_text", "location", "status",
        "review", "is_edited", "confidence", "fingerprint", "created_at", "updated_at",
    )  # fmt: skip
    for lo in range(start, count, 100_000):  # a batch at a time: the child rows wait in memory
        hi = min(count, lo + 100_000)
        _copy("analysis_engagement", columns, engagement_rows(lo, hi))
        _copy("analysis_participation", ("engagement_id", "actor_id", "role"), iter(participations))
        _copy(
            "analysis_evidence",
            ("engagement_id", "document_id", "start", "end", "sentence", "date_text", "location", "cues"),
            iter(evidence),
        )
        participations.clear()
        evidence.clear()
    loaded.engagements = count
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('analysis_engagement', 'id'), "
            "(SELECT max(id) FROM analysis_engagement))"
        )


@dataclass(frozen=True, slots=True)
class ScaleUrls:
    timeline: str
    timeline_filtered: str
    profile: str


def scale_urls(actor: Actor) -> ScaleUrls:
    """The timeline (its first page, rendered for real), the timeline of `actor` in its busiest year (from the counts), the actor's profile."""
    year_row = (
        EngagementTally.objects.filter(actor_id=actor.pk, start_month__isnull=False)
        .annotate(year=ExtractYear("start_month"))
        .values("year")
        .annotate(n=Sum("count"))
        .order_by("-n", "year")
        .first()
    )
    year = year_row["year"] if year_row else 2024
    query = urlencode({"actor": actor.slug, "date_from": str(year), "date_to": str(year)})
    # `/?page=1`, not `/`: the plain home page is rendered once per data version (the timeline phase
    # measures the same list the same way, `dashboard.timeline_urls`)
    return ScaleUrls("/?page=1", f"/?{query}", f"/actors/{actor.slug}/")


def _growth(p95: dict[str, float], sizes: tuple[int, ...]) -> float | None:
    if len(sizes) < 2 or not p95.get(str(sizes[-2])):
        return None
    return round(p95[str(sizes[-1])] / p95[str(sizes[-2])], 2)


def _database_load(*, name: str, size: int, actors: int, seed: int, log: Callable[[str], None]) -> Actor:
    """A fresh database `name` with `size` engagements, a tenth as many documents and `actors` actors,
    vacuumed and analyzed; the busiest actor (the skewed draw picks the first most)."""
    bench_database_use(name=name, reset=True)
    with connection.cursor() as cursor:  # the counts' rebuild sorts and hashes millions of rows
        cursor.execute("SET work_mem = '256MB'")
        cursor.execute("SET maintenance_work_mem = '256MB'")
    with stopwatch() as elapsed:
        actor_ids = actors_build(count=actors, seed=seed)
        loaded = _Loaded(actor_ids, [], [])
        with counts_paused():
            documents_add(loaded, count=max(10, int(size * DOCUMENTS_PER_ENGAGEMENT)), seed=seed)
            copied = elapsed()
            engagements_add(loaded, count=size, seed=seed)
            generated = elapsed()
        counted = elapsed()
        data_version_bump()  # COPY sends no signals: retire the cached aggregates
        tables_settle()
        log(
            f"scale: {name}: {size} engagements, {len(loaded.document_lengths)} documents, {actors} actors "
            f"in {elapsed():.0f} s (documents {copied:.0f} s, engagements {generated - copied:.0f} s, "
            f"counts {counted - generated:.0f} s, vacuum {elapsed() - counted:.0f} s)"
        )
    return Actor.objects.get(pk=actor_ids[0])


def scale_databases(*, base: str, sizes: tuple[int, ...]) -> dict[int, str]:
    """The database of each size, beside the benchmark's own."""
    return {size: f"{base}_scale_{size}" for size in sizes}


def _connection_to(name: str) -> BaseDatabaseWrapper:
    """A connection of its own to database `name`, to be made the default one by `_use`."""
    default = connections[DEFAULT_DB_ALIAS]
    return type(default)({**default.settings_dict, "NAME": name}, DEFAULT_DB_ALIAS)


def _use(wrapper: BaseDatabaseWrapper) -> None:
    """Serve the next requests from `wrapper`'s database, its cached aggregates under its own prefix."""
    connections[DEFAULT_DB_ALIAS] = wrapper
    cache.key_prefix = wrapper.settings_dict["NAME"]


def _database_reuse(*, name: str, size: int, actors: int, seed: int, log: Callable[[str], None]) -> Actor:
    """Database `name` as a previous run built it, or built now when it is missing or has another number
    of actors; its busiest actor (the first one built)."""
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
    if exists:
        bench_database_use(name=name)
        if Actor.objects.count() == actors:
            log(f"scale: {name}: reused")
            return Actor.objects.order_by("pk").first()
    return _database_load(name=name, size=size, actors=actors, seed=seed, log=log)


def scale_bench(
    *, sizes: tuple[int, ...], seed: int, repeat: int, log: Callable[[str], None], reuse: bool = False
) -> dict:
    """One database per size, then the three pages timed in rounds, each round one request of each page at
    every size in turn, so that the sizes share the machine's load (on a shared machine the load moves
    more between minutes than the pages do between sizes). Growth: p95 at the largest size over p95 at
    the one before (for the timeline, the worse of filtered and unfiltered). Search at each size with
    10,000 documents or more, one size after the other."""
    base = connection.settings_dict["NAME"]
    actors = max(60, int(max(sizes) * ACTORS_PER_ENGAGEMENT))
    names = {size: f"{base}_scale_{size}" for size in sizes}
    load = _database_reuse if reuse else _database_load
    busiest = {size: load(name=names[size], size=size, actors=actors, seed=seed, log=log) for size in sizes}
    original, original_prefix = connections[DEFAULT_DB_ALIAS], cache.key_prefix
    wrappers = {size: _connection_to(names[size]) for size in sizes}
    client = Client(HTTP_HOST="localhost")
    try:
        searches, loads = {}, {}
        for size in sizes:
            _use(wrappers[size])
            documents = Document.objects.count()
            if documents >= 10_000:
                loads[f"search {documents}"] = machine_load()
                searches[str(documents)] = search.search_bench(seed=seed, repeat=max(1, repeat // 5), log=log)
        runs = _pages_interleaved(client, wrappers, busiest, repeat=repeat, loads=loads, log=log)
    finally:
        connections[DEFAULT_DB_ALIAS], cache.key_prefix = original, original_prefix
        for wrapper in wrappers.values():
            wrapper.close()
    return _summary(runs, searches, loads, sizes)


PAGES = ("timeline", "timeline_filtered", "profile")


def _pages_interleaved(
    client: Client,
    wrappers: dict[int, BaseDatabaseWrapper],
    busiest: dict[int, Actor],
    *,
    repeat: int,
    loads: dict,
    log: Callable[[str], None],
) -> dict[str, dict[str, dict]]:
    largest = max(wrappers)
    _use(wrappers[largest])  # the same actor and year at every size: the largest's busiest year
    found = scale_urls(busiest[largest])
    same = dict(zip(PAGES, (found.timeline, found.timeline_filtered, found.profile), strict=True))
    urls, statements = {size: same for size in wrappers}, {}
    for size, wrapper in wrappers.items():
        _use(wrapper)
        for page, url in urls[size].items():
            page_get(client, url)()
            statements[size, page] = page_queries(client, url)
    page_samples = {key: [] for key in statements}
    sql_samples = {key: [] for key in statements}
    loads["pages before"] = machine_load()
    for _ in range(repeat + 2):  # the first two rounds warm up
        for size, wrapper in wrappers.items():
            _use(wrapper)
            for page, url in urls[size].items():
                page_samples[size, page].append(
                    timed(page_get(client, url), repeat=1, warmup=0).samples_ms[0]
                )
                replay = sql_replay(statements[size, page])
                sql_samples[size, page].append(timed(replay, repeat=1, warmup=0).samples_ms[0])
    loads["pages after"] = machine_load()
    runs: dict[str, dict[str, dict]] = {page: {} for page in PAGES}
    for (size, page), samples in page_samples.items():
        run = PageRun(
            urls[size][page],
            Timings(tuple(samples[2:])),
            Timings(tuple(sql_samples[size, page][2:])),
            len(statements[size, page]),
        )
        runs[page][str(size)] = run.as_dict()
        log(f"scale {size} {page}: {runs[page][str(size)]}")
    return runs


def _summary(runs: dict, searches: dict, loads: dict, sizes: tuple[int, ...]) -> dict:
    keys = [str(size) for size in sizes]
    timeline_p95 = {
        k: max(runs["timeline"][k]["p95_ms"], runs["timeline_filtered"][k]["p95_ms"]) for k in keys
    }
    growth = [
        g for g in (_growth(_p95(runs[name]), sizes) for name in ("timeline", "timeline_filtered")) if g
    ]
    queries = {name: {k: runs[name][k]["queries"] for k in keys} for name in runs}
    return {
        "timeline_p95_ms": timeline_p95,
        "profile_p95_ms": _p95(runs["profile"]),
        "timeline_growth": max(growth) if growth else None,
        "profile_growth": _growth(_p95(runs["profile"]), sizes),
        "timeline_ratio": {
            k: max(runs["timeline"][k]["ratio"] or 0, runs["timeline_filtered"][k]["ratio"] or 0)
            for k in keys
        },
        "queries": queries,
        "queries_constant": all(len(set(per_size.values())) == 1 for per_size in queries.values()),
        "search_p95_ms": {k: run["p95_ms"] for k, run in searches.items()},
        "load": loads,
        "pages": runs,
        "search": searches,
    }


def _p95(per_size: dict[str, dict]) -> dict[str, float]:
    return {k: run["p95_ms"] for k, run in per_size.items()}
