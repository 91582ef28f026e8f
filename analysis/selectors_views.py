"""Reads for the time axis and the who-meets-whom networks (issue 14). Views and figures call these;
they never write. Each costs a fixed number of queries whatever the number of engagements: rows are
aggregated in SQL (participants as arrays, pairs of actors counted by the database)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, F, QuerySet
from django.db.models.functions import TruncMonth

from analysis.models import Actor, Engagement, Participation
from analysis.selectors import TimelineFilters, _engagements_matching, cached

AXIS_MAX_EVENTS = 2000  # more than this and the axis draws the number of engagements per month
NETWORK_EDGES = 60
COUNTERPARTS = 20


def _axis_engagements(filters: TimelineFilters) -> QuerySet[Engagement]:
    """The dated engagements the axis draws: the timeline's filters, except that with actors selected each
    actor's engagements count (one lane each), not only those in which all of them take part."""
    engagements = _engagements_matching(replace(filters, actors=())).filter(date_start__isnull=False)
    if filters.actors:
        with_actor = Participation.objects.filter(actor__in=filters.actors).values("engagement_id")
        engagements = engagements.filter(pk__in=with_actor)
    return engagements


def _cached_unfiltered(name: str, filters: TimelineFilters, compute):
    return cached(name, compute) if filters == TimelineFilters() else compute()


def axis_count(*, filters: TimelineFilters) -> int:
    """How many dated engagements the axis would draw (cached unfiltered)."""
    return _cached_unfiltered("axis-count", filters, lambda: _axis_engagements(filters).count())


@dataclass(frozen=True, slots=True)
class AxisEvent:
    pk: int
    type: str
    date_start: date
    date_end: date
    precision: str
    date_text: str
    status: str
    participants: tuple[str, ...]
    actor_ids: tuple[int, ...]


def axis_events(*, filters: TimelineFilters) -> list[AxisEvent]:
    """The axis's engagements, oldest first, each with its participants' names and ids (one query)."""
    order = ("participations__role", "participations__actor__name")
    rows = (
        _axis_engagements(filters)
        .annotate(
            names=ArrayAgg("participations__actor__name", order_by=order, default=[]),
            ids=ArrayAgg("participations__actor_id", order_by=order, default=[]),
        )
        .order_by("date_start", "id")
        .values_list(
            "id", "type", "date_start", "date_end", "date_precision", "date_text", "status", "names", "ids"
        )
    )
    return [
        AxisEvent(
            pk,
            kind,
            start,
            end or start,
            precision,
            text,
            status,
            tuple(n for n in names if n),
            tuple(i for i in ids if i),
        )
        for pk, kind, start, end, precision, text, status, names, ids in rows
    ]


@dataclass(frozen=True, slots=True)
class MonthDensity:
    lane: str  # an engagement type, or an actor's id as text
    month: date
    precision: str
    count: int


def axis_density(*, filters: TimelineFilters) -> list[MonthDensity]:
    """Engagements per lane (type, or selected actor), month of their start and precision (one query)."""
    engagements = _axis_engagements(filters)
    if filters.actors:
        rows = (
            Participation.objects.filter(actor__in=filters.actors, engagement__in=engagements)
            .values_list("actor_id", TruncMonth("engagement__date_start"), "engagement__date_precision")
            .annotate(n=Count("id"))
            .order_by()
        )
    else:
        rows = (
            engagements.values_list("type", TruncMonth("date_start"), "date_precision")
            .annotate(n=Count("id"))
            .order_by()
        )
    return [MonthDensity(str(lane), month, precision, n) for lane, month, precision, n in rows]


@dataclass(frozen=True, slots=True)
class NetworkActor:
    pk: int
    name: str
    slug: str


@dataclass(frozen=True, slots=True)
class Network:
    """Actors and how many engagements each pair shares: `edges` are `(actor id, actor id, count)`."""

    actors: dict[int, NetworkActor]
    edges: list[tuple[int, int, int]]
    center: int | None = None


def _pairs(engagements: QuerySet[Engagement]) -> QuerySet:
    """`(actor id, other actor id, engagements)` for every pair taking part in `engagements` together."""
    return (
        Participation.objects.filter(engagement__in=engagements)
        .annotate(other=F("engagement__participations__actor_id"))
        .filter(other__gt=F("actor_id"))
        .values_list("actor_id", "other")
        .annotate(n=Count("engagement_id", distinct=True))
        .order_by("-n", "actor_id", "other")
    )


def _actors(ids: set[int]) -> dict[int, NetworkActor]:
    return {
        pk: NetworkActor(pk, name, slug)
        for pk, name, slug in Actor.objects.filter(pk__in=ids).values_list("pk", "name", "slug")
    }


def timeline_network(*, filters: TimelineFilters, limit: int = NETWORK_EDGES) -> Network:
    """The pairs of actors who share the most engagements matching the timeline's filters (two queries;
    cached unfiltered)."""

    def compute() -> Network:
        edges = list(_pairs(_engagements_matching(filters))[:limit])
        return Network(_actors({pk for a, b, _ in edges for pk in (a, b)}), edges)

    return _cached_unfiltered("timeline-network", filters, compute)


def counterpart_network(
    *, actor: Actor, date_from: date | None = None, date_to: date | None = None, limit: int = COUNTERPARTS
) -> Network:
    """The actor's counterparts in the date range with the engagements shared with each, and the
    engagements the counterparts share with one another in that range (three queries)."""
    in_range = TimelineFilters(date_from=date_from, date_to=date_to)
    shared = _engagements_matching(replace(in_range, actors=(actor,)))
    counterparts = list(
        Participation.objects.filter(engagement__in=shared)
        .exclude(actor=actor)
        .values_list("actor_id")
        .annotate(n=Count("engagement_id", distinct=True))
        .order_by("-n", "actor_id")[:limit]
    )
    ids = [pk for pk, _ in counterparts]
    among = Participation.objects.filter(actor_id__in=ids).values("engagement_id")
    between = _pairs(_engagements_matching(in_range).filter(pk__in=among)).filter(
        actor_id__in=ids, other__in=ids
    )
    edges = [(actor.pk, pk, n) for pk, n in counterparts] + list(between) if ids else []
    return Network(_actors({actor.pk, *ids}), edges, center=actor.pk)
