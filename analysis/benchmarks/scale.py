"""Pages whose work does not grow with the data (issue 15): the timeline (unfiltered, and one actor in one
year) and that actor's profile at 10,000, 100,000 and 1,000,000 engagements, search at the documents
beside them (a tenth as many: 10,000 and 100,000).

The data grows in place: each size adds engagements (2-3 participants, 1-3 evidence rows each) and
documents with `COPY`, the count triggers paused and the counts rebuilt once (`services.counts`), then
VACUUM (ANALYZE) before anything is timed. The actors are made once for the largest size, so the busiest
actor keeps its share of the engagements: at ten times the data it takes part in ten times as many.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import connection
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
    _dates,
    actors_build,
    page_measure,
)
from analysis.benchmarks.harness import analysis_tables_clear, machine_load, tables_settle
from analysis.models import Actor, EngagementTally
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
    """The timeline, the timeline of `actor` in its busiest year (from the counts), the actor's profile."""
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
    return ScaleUrls("/", f"/?{query}", f"/actors/{actor.slug}/")


def _growth(p95: dict[str, float], sizes: tuple[int, ...]) -> float | None:
    if len(sizes) < 2 or not p95.get(str(sizes[-2])):
        return None
    return round(p95[str(sizes[-1])] / p95[str(sizes[-2])], 2)


def scale_bench(*, sizes: tuple[int, ...], seed: int, repeat: int, log: Callable[[str], None]) -> dict:
    """Grow the data through `sizes`, timing the three pages (and search) at each; the growth ratios are
    p95 at the largest size over p95 at the one before (the worse of filtered and unfiltered timeline)."""
    analysis_tables_clear()
    client = Client(HTTP_HOST="localhost")
    actor_ids = actors_build(count=max(60, int(max(sizes) * ACTORS_PER_ENGAGEMENT)), seed=seed)
    loaded = _Loaded(actor_ids, [], [])
    busiest = Actor.objects.get(pk=actor_ids[0])  # the skewed draw picks the first actor most
    urls: ScaleUrls | None = None
    runs: dict[str, dict[str, dict]] = {"timeline": {}, "timeline_filtered": {}, "profile": {}}
    searches: dict[str, dict] = {}
    loads: dict[str, dict] = {}
    for size in sizes:
        with counts_paused():
            documents_add(loaded, count=max(10, int(size * DOCUMENTS_PER_ENGAGEMENT)), seed=seed)
            engagements_add(loaded, count=size, seed=seed)
        data_version_bump()  # COPY sends no signals: retire the cached aggregates
        tables_settle()
        log(f"scale: {size} engagements, {len(loaded.document_lengths)} documents loaded and vacuumed")
        urls = urls or scale_urls(busiest)  # the same actor and year at every size
        loads[str(size)] = machine_load()
        for name, url in (
            ("timeline", urls.timeline),
            ("timeline_filtered", urls.timeline_filtered),
            ("profile", urls.profile),
        ):
            runs[name][str(size)] = page_measure(client, url, repeat=repeat).as_dict()
            log(f"scale {size} {name}: {runs[name][str(size)]}")
        documents = len(loaded.document_lengths)
        if documents >= 10_000:
            searches[str(documents)] = search.search_bench(seed=seed, repeat=max(1, repeat // 5), log=log)
    return _summary(runs, searches, loads, sizes)


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
