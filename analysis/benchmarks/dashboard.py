"""The timeline page with many engagements: bulk-built data, server time against the SQL it runs.

The data is written directly with `bulk_create` (actors, engagements, participations, evidence
pointing into the benchmark's documents). A page is timed through Django's test `Client`
(middleware, view, template); its baseline replays the exact SQL the page ran and fetches
every row.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from analysis.arabic import months, name_key, normalize
from analysis.benchmarks import corpus, vocabulary
from analysis.benchmarks.harness import Timings, analyze, tables_settle, timed
from analysis.models import Actor, Document, Engagement, Evidence, Participation, Precision
from analysis.services.versions import data_version_bump

BATCH = 5000
TYPES = [choice for choice, _ in Engagement.Type.choices]
TYPE_WEIGHTS = [30, 18, 16, 10, 8, 5, 3, 3, 3, 4]
ROLES_FIRST = (Participation.Role.INITIATOR, Participation.Role.HOST, Participation.Role.VISITOR)
ROLES_OTHER = (Participation.Role.GUEST, Participation.Role.PARTICIPANT)


def actors_build(*, count: int, seed: int) -> list[int]:
    """`count` actors: every corpus state, organisations and ministries, then persons of the corpus pool."""
    pool = corpus.ActorPool(seed)
    named: list[tuple[str, str]] = [(state.name, Actor.Kind.STATE) for state in vocabulary.STATES]
    named += [(org, Actor.Kind.ORGANIZATION) for org in vocabulary.ORGANIZATIONS]
    named += [
        (f"{ministry} {state.adj_f}", Actor.Kind.ORGANIZATION)
        for ministry in vocabulary.MINISTRIES
        for state in vocabulary.STATES
    ]
    seen = {name for name, _ in named}
    for person in pool.persons:
        if person.name not in seen:
            seen.add(person.name)
            named.append((person.name, Actor.Kind.PERSON))
    rng = random.Random(f"{seed}:timeline-actors")
    while len(named) < count:  # beyond the pool: new first/last combinations
        culture = rng.choice(list(vocabulary.FIRST))
        first, middle = rng.choice(vocabulary.FIRST[culture]), rng.choice(vocabulary.FIRST["arab"])
        name = f"{first} {middle} {rng.choice(vocabulary.LAST[culture])}"
        if name not in seen:
            seen.add(name)
            named.append((name, Actor.Kind.PERSON))
    # Persons first in the skewed draw, so the busiest actors are people, as in the news.
    named = sorted(named[:count], key=lambda item: item[1] != Actor.Kind.PERSON)
    actors = [
        Actor(name=name, name_key=name_key(name), kind=kind, slug=f"{slugify(name, allow_unicode=True)}-{i}")
        for i, (name, kind) in enumerate(named)
    ]
    return [actor.pk for actor in Actor.objects.bulk_create(actors, batch_size=BATCH)]


def documents_ensure(*, count: int, seed: int) -> list[tuple[int, str]]:
    """At least `count` documents (the ingested ones, topped up with corpus articles); (id, text) pairs."""
    have = Document.objects.count()
    if have < count:
        pool = corpus.ActorPool(seed)
        new = []
        for index in range(have, count):
            text = corpus.article(pool, 100_000 + index).text
            digest = hashlib.sha256(text.encode()).hexdigest()
            new.append(
                Document(
                    source_path=f"bench/{index}.txt",
                    sha256=digest,
                    raw_text=text,
                    text=text,
                    normalized_text=normalize(text),
                    outlet=vocabulary.OUTLETS[index % len(vocabulary.OUTLETS)][1],
                )
            )
        Document.objects.bulk_create(new, batch_size=1000)
    return list(Document.objects.order_by("id").values_list("id", "text"))


def _dates(rng: random.Random) -> tuple[date | None, date | None, str, str]:
    if rng.random() < 0.08:
        return None, None, Precision.UNKNOWN, ""
    day = date(2014, 1, 1) + timedelta(days=rng.randrange(0, 12 * 365))
    roll = rng.random()
    month_name = months.LEVANTINE[day.month - 1]
    if roll < 0.7:
        return day, day, Precision.DAY, f"{day.day} {month_name} {day.year}"
    if roll < 0.9:
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first, last, Precision.MONTH, f"{month_name} {day.year}"
    return date(day.year, 1, 1), date(day.year, 12, 31), Precision.YEAR, f"عام {day.year}"


def engagements_build(
    *, start: int, stop: int, seed: int, actor_ids: list[int], documents: list[tuple[int, str]]
) -> int:
    """Engagements number `start`..`stop-1` with 2-3 participants and 1-3 evidence rows each."""
    rng = random.Random(f"{seed}:timeline:{start}:{stop}")
    cities = [state.capital for state in vocabulary.STATES]
    for lo in range(start, stop, BATCH):
        hi = min(stop, lo + BATCH)
        engagements = []
        for index in range(lo, hi):
            date_start, date_end, precision, date_text = _dates(rng)
            review = rng.random()
            engagements.append(
                Engagement(
                    type=rng.choices(TYPES, weights=TYPE_WEIGHTS)[0],
                    date_start=date_start,
                    date_end=date_end,
                    date_precision=precision,
                    date_text=date_text,
                    location=rng.choice(cities),
                    status=Engagement.Status.PLANNED if rng.random() < 0.05 else Engagement.Status.REPORTED,
                    review=Engagement.Review.REJECTED
                    if review < 0.03
                    else Engagement.Review.VERIFIED
                    if review < 0.08
                    else Engagement.Review.EXTRACTED,
                    confidence=round(rng.uniform(0.3, 0.95), 2),
                    fingerprint=hashlib.sha1(f"{seed}:{index}".encode()).hexdigest(),
                )
            )
        Engagement.objects.bulk_create(engagements, batch_size=BATCH)
        participations, evidence = [], []
        for engagement in engagements:
            wanted = 3 if rng.random() < 0.15 else 2
            chosen: list[int] = []
            while len(chosen) < wanted:
                actor_id = actor_ids[int(len(actor_ids) * rng.random() ** 2.5)]
                if actor_id not in chosen:
                    chosen.append(actor_id)
            for n, actor_id in enumerate(chosen):
                role = rng.choice(ROLES_FIRST) if n == 0 else rng.choice(ROLES_OTHER)
                participations.append(Participation(engagement=engagement, actor_id=actor_id, role=role))
            sources = 1 if rng.random() < 0.6 else 2 if rng.random() < 0.75 else 3
            for document_id, text in rng.sample(documents, min(sources, len(documents))):
                begin = rng.randrange(0, max(1, len(text) - 120))
                end = min(len(text), begin + rng.randrange(60, 200))
                evidence.append(
                    Evidence(
                        engagement=engagement,
                        document_id=document_id,
                        start=begin,
                        end=max(end, begin + 1),
                        sentence=text[begin:end] or "…",
                        date_text=engagement.date_text,
                    )
                )
        Participation.objects.bulk_create(participations, batch_size=BATCH)
        Evidence.objects.bulk_create(evidence, batch_size=BATCH)
    return stop - start


@dataclass(frozen=True, slots=True)
class PageRun:
    """One page measured: its server time, the time of its own SQL, and how many queries it ran."""

    url: str
    page: Timings
    sql: Timings
    queries: int

    def as_dict(self) -> dict:
        return {
            "url": self.url,
            "median_ms": round(self.page.median_ms, 2),
            "p95_ms": round(self.page.p95_ms, 2),
            "sql_median_ms": round(self.sql.median_ms, 2),
            "ratio": round(self.page.median_ms / self.sql.median_ms, 2) if self.sql.median_ms else None,
            "queries": self.queries,
        }


def page_get(client: Client, url: str) -> Callable[[], None]:
    def get() -> None:
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url}: HTTP {response.status_code}")

    return get


def page_queries(client: Client, url: str) -> list[str]:
    """The SQL one request of `url` runs, with its parameters in place."""
    with CaptureQueriesContext(connection) as captured:
        page_get(client, url)()
    return [query["sql"] for query in captured.captured_queries]


def sql_replay(statements: list[str]) -> Callable[[], None]:
    """Run the statements on a plain cursor and fetch every row they return."""
    # Reads, and the transaction and planner settings around them (`SET LOCAL enable_seqscan`).
    kept = ("SELECT", "WITH", "SET LOCAL", "BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT")
    selects = [sql for sql in statements if sql.lstrip().upper().startswith(kept)]

    def replay() -> None:
        with connection.cursor() as cursor:
            for sql in selects:
                cursor.execute(sql)
                if cursor.description is not None:
                    cursor.fetchall()

    return replay


def page_measure(client: Client, url: str, *, repeat: int) -> PageRun:
    """Warm up, capture the SQL of a steady-state request, then time the page and its SQL alike."""
    page_get(client, url)()
    statements = page_queries(client, url)
    page = timed(page_get(client, url), repeat=repeat)
    sql = timed(sql_replay(statements), repeat=repeat)
    return PageRun(url, page, sql, len(statements))


def timeline_urls() -> dict[str, str]:
    """The unfiltered timeline, and the timeline of the busiest actor in that actor's busiest year."""
    busiest = Actor.objects.annotate(n=Count("participations")).order_by("-n", "id").first()
    year_row = (
        Engagement.objects.filter(participations__actor=busiest, date_start__isnull=False)
        .annotate(year=ExtractYear("date_start"))
        .values("year")
        .annotate(n=Count("id"))
        .order_by("-n", "year")
        .first()
    )
    year = year_row["year"] if year_row else 2024
    query = urlencode({"actor": busiest.slug, "date_from": str(year), "date_to": str(year)})
    # `/` itself is the plain workspace, served from the cache once per data version (views._home_workspace;
    # its ratio to its 5 small queries was 10 at 100,000 engagements): `?page=1`, the same list, measures
    # the work of the unfiltered timeline
    return {"unfiltered": "/?page=1", "filtered": f"/?{query}"}


def views_urls() -> dict[str, str]:
    """The time axis and the networks (issue 14), unfiltered and for the busiest actor's busiest year."""
    filtered = timeline_urls()["filtered"]
    query = filtered.partition("?")[2]
    busiest = Actor.objects.annotate(n=Count("participations")).order_by("-n", "id").first()
    year = query.rpartition("=")[2]
    return {
        "axis": "/axis/",
        "axis_filtered": f"/axis/?{query}",
        "network": "/network/",
        "network_filtered": f"/network/?{query}",
        "actor_network": f"/actors/{busiest.slug}/network/?date_from={year}&date_to={year}",
    }


def timeline_query_counts(client: Client, urls: dict[str, str] | None = None) -> dict[str, int]:
    """Queries of a steady-state request (after one that fills the cache), as `page_measure` counts them."""
    counts = {}
    for name, url in (urls or timeline_urls()).items():
        page_get(client, url)()
        counts[name] = len(page_queries(client, url))
    return counts


def timeline_bench(*, engagements: int, seed: int, repeat: int, log: Callable[[str], None]) -> dict:
    """Build the engagements in two steps, count queries at a tenth and at full size, time the pages."""
    client = Client(HTTP_HOST="localhost")
    actor_ids = actors_build(count=max(60, engagements // 25), seed=seed)
    documents = documents_ensure(count=max(10, engagements // 10), seed=seed)
    small = max(1, engagements // 10)
    engagements_build(start=0, stop=small, seed=seed, actor_ids=actor_ids, documents=documents)
    data_version_bump()  # bulk_create bypasses the services: retire the cached aggregates
    analyze()
    counts_small = timeline_query_counts(client)
    views_small = timeline_query_counts(client, views_urls())
    log(f"timeline: {small} engagements built; queries {counts_small}, axis and networks {views_small}")
    engagements_build(start=small, stop=engagements, seed=seed, actor_ids=actor_ids, documents=documents)
    data_version_bump()
    del documents
    tables_settle(models=("actor", "engagement", "participation", "evidence"))
    log(
        f"timeline: {engagements} engagements, {Participation.objects.count()} participations, "
        f"{Evidence.objects.count()} evidence rows"
    )
    runs = {}
    for name, url in timeline_urls().items():
        runs[name] = page_measure(client, url, repeat=repeat).as_dict()
        runs[name]["queries_at_tenth"] = counts_small[name]
        log(f"timeline {name}: {runs[name]}")
    views = {}
    for name, url in views_urls().items():
        views[name] = page_measure(client, url, repeat=max(1, repeat // 2)).as_dict()
        views[name]["queries_at_tenth"] = views_small[name]
        log(f"timeline {name}: {views[name]}")
    worst = max(runs.values(), key=lambda run: run["ratio"] or 0)
    return {
        "median_ms": worst["median_ms"],
        "p95_ms": worst["p95_ms"],
        "sql_median_ms": worst["sql_median_ms"],
        "ratio": worst["ratio"],
        "queries": max(run["queries"] for run in runs.values()),
        "queries_constant": all(run["queries"] == run["queries_at_tenth"] for run in runs.values()),
        "engagements": engagements,
        **runs,
        "views": views,
        "views_queries_constant": all(run["queries"] == run["queries_at_tenth"] for run in views.values()),
    }
