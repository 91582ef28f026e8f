"""Read queries. Views and charts call these; they never write."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TypeVar

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Lookup,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, TruncMonth
from django.db.models.lookups import LessThan

from analysis.kept import Kept
from analysis.models import (
    UNDATED,
    Actor,
    ActorCounterpart,
    ActorDocument,
    ActorEngagement,
    ActorTitle,
    Alias,
    Disagreement,
    Document,
    Engagement,
    EngagementTally,
    Evidence,
    ImportBatch,
    ImportFile,
    Mention,
    Participation,
    Precision,
)
from analysis.services.versions import SHARED_VERSION_KEY, SHARED_VERSION_SECONDS


@dataclass(frozen=True)
class TimelineFilters:
    """What an analyst narrowed the timeline to; every field is optional."""

    actors: tuple[Actor, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    types: tuple[str, ...] = ()
    outlet: str = ""
    document_id: int | None = None
    status: str = ""
    review: str = ""
    disagree: bool = False
    min_confidence: float | None = None  # at least this computed confidence (0-1)
    extra: dict = field(default_factory=dict)


T = TypeVar("T")
CACHE_SECONDS = 600  # a bound for writes that bypass the services (shell, raw SQL)
ACTOR_CHOICES_CACHED = 60


def data_version() -> int:
    """The version the write services advance (`services.versions.data_version_bump`): one cheap read
    that every process sees, so a cached aggregate is dropped as soon as an ingest or a curation commits.
    With a shared cache (REDIS_URL) it is read there, and from the database only once it expires."""
    if not settings.CACHE_SHARED:
        return _data_version_stored()
    version = cache.get(SHARED_VERSION_KEY)
    if version is None:
        version = _data_version_stored()
        if not cache.add(SHARED_VERSION_KEY, version, SHARED_VERSION_SECONDS):
            version = cache.get(SHARED_VERSION_KEY, version)  # a write or another reader set it first
    return version


def _data_version_stored() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value, is_called FROM analysis_data_version")
        value, called = cursor.fetchone()
    return value if called else 0


def cached(name: str, compute: Callable[[], T]) -> T:
    """`compute()` cached under `name` and the current data version: for what only a write changes, such as
    an aggregate over all the data."""
    key = f"analysis:{name}:{data_version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


# Queries compiled once per shape -------------------------------------------------------------------

COMPILED_KEPT = 256  # compiled queries kept: the shapes of filters in use, at each page size and offset
_STAND_IN = "\u2063stand-in"


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    slots: tuple[tuple[str | None, int, object], ...]  # per parameter: value name, index in a tuple or -1
    # and the int type the ORM gives an integer column's value (psycopg's Int4), or no name and the constant
    order: tuple[int, ...] | None  # where each of the queryset's fields is in the SQL's columns, if moved
    converters: tuple  # (column, functions, expression) of the columns the ORM converts (a JSONField's text)


_compiled: Kept[_Compiled] = Kept(COMPILED_KEPT)


def compiled_rows(key: Hashable, build: Callable[..., QuerySet], **values: object) -> list[tuple]:
    """The rows of `build(**values)`, a `values_list` queryset, its SQL built and compiled once per `key`:
    `key` names all that shapes the SQL but `values` (scalars, or tuples of scalars for `__in`), which are
    its parameters. `build` is called with stand-in values and must put each in the SQL as it is. The ORM
    took ~10 times as long to build and compile the timeline's queries as PostgreSQL took to run them
    (the cards' query 2.0 ms of CPU against 0.2 ms, 100,000 engagements): issue 15's page/SQL ratio."""
    compiled = _compiled.get(key, lambda: _compile(build, values))
    params = [
        extra if name is None else _param(values[name] if index < 0 else values[name][index], extra)
        for name, index, extra in compiled.slots
    ]
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        rows = cursor.fetchall()
    if compiled.converters:
        rows = [_converted(row, compiled.converters) for row in rows]
    if compiled.order is not None:
        rows = [tuple(row[i] for i in compiled.order) for row in rows]
    return rows


_INT_BITS = {"Int2": 15, "Int4": 31, "Int8": 63}


def _param(value: object, int_type: type | None) -> object:
    """`value` as the ORM passes it: in its integer column's type when it fits (the ORM matches nothing,
    or everything, with a value that does not; PostgreSQL does the same with a plain integer)."""
    if int_type is None:
        return value
    bound = 1 << _INT_BITS[int_type.__name__]
    return int_type(value) if -bound <= value < bound else value


def _kind(value: object) -> type:
    """The plain type of a parameter (psycopg's Int4 is an int)."""
    return next(kind for kind in (str, date, float, int, object) if isinstance(value, kind))


def _converted(row: tuple, converters: tuple) -> tuple:
    values = list(row)
    for column, functions, expression in converters:
        for function in functions:
            values[column] = function(values[column], expression, connection)
    return tuple(values)


def _stand_in(value: object, number: int) -> object:
    """A parameter of `value`'s type that no real value takes, the `number`-th (dates on a month's first)."""
    if isinstance(value, bool) or not isinstance(value, int | float | date | str):
        raise TypeError(f"not a query parameter: {value!r}")
    if isinstance(value, int):
        return -2_000_000_000 + number
    if isinstance(value, float):
        return -2_000_000_000.5 + number
    if isinstance(value, date):
        return date(1001 + number, 1, 1)
    return f"{_STAND_IN} {number}"


def _compile(build: Callable[..., QuerySet], values: dict[str, object]) -> _Compiled:
    numbers = itertools.count()
    stand_ins: dict[str, object] = {}
    places: dict[tuple[type, object], tuple[str, int]] = {}
    for name, value in values.items():
        if isinstance(value, tuple):
            stand_ins[name] = items = tuple(_stand_in(item, next(numbers)) for item in value)
            places |= {(_kind(item), item): (name, index) for index, item in enumerate(items)}
        else:
            stand_ins[name] = item = _stand_in(value, next(numbers))
            places[_kind(item), item] = (name, -1)
    queryset = build(**stand_ins)
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    found = compiler.get_converters([column for column, _, _ in compiler.select])
    converters = tuple(
        (column, tuple(functions), expression) for column, (functions, expression) in found.items()
    )
    slots = []
    for param in params:
        place = places.get((_kind(param), param)) if isinstance(param, Hashable) else None
        if place is None:
            if isinstance(param, str) and _STAND_IN in param:
                raise ValueError(f"the ORM changed a stand-in: {param!r}")
            slots.append((None, -1, param))
        else:
            int_type = type(param) if isinstance(param, int) and type(param) is not int else None
            slots.append((*place, int_type))
    missing = set(places.values()) - {(name, index) for name, index, _ in slots if name is not None}
    if missing:
        raise ValueError(f"values the SQL does not take as they are: {sorted(missing)}")
    query = queryset.query
    selected = (
        query.selected if query.selected is not None else [*query.values_select, *query.annotation_select]
    )
    columns = [*query.extra_select, *selected]
    fields = list(queryset._fields or columns)
    order = None if fields == columns else tuple(columns.index(field) for field in fields)
    return _Compiled(sql, tuple(slots), order, converters)


def _filters_shape(filters: TimelineFilters) -> tuple:
    """What shapes the SQL of a query on `filters` besides `_filter_values`."""
    return (
        tuple(_filter_values(filters)),
        len(filters.actors),
        len(filters.types),
        filters.review,
        filters.disagree,
    )


def _filter_values(filters: TimelineFilters) -> dict[str, object]:
    """The filters' values a compiled query takes as parameters: those set, actors as their ids."""
    values: dict[str, object] = {
        "actors": tuple(actor.pk for actor in filters.actors),
        "types": filters.types,
    }
    for name in ("date_from", "date_to", "outlet", "document_id", "status"):
        if getattr(filters, name):
            values[name] = getattr(filters, name)
    if filters.min_confidence is not None:
        values["min_confidence"] = float(filters.min_confidence)
    return values


def _filters_of(values: dict[str, object], shape: tuple) -> TimelineFilters:
    """`TimelineFilters` of (stand-in) `_filter_values` and the rest of `shape`."""
    named = {name: values[name] for name in shape[0] if name not in ("actors", "types")}
    actors = _stand_in_actors(values["actors"])
    return TimelineFilters(actors=actors, types=values["types"], review=shape[3], disagree=shape[4], **named)


def _stand_in_actors(ids: tuple[int, ...]) -> tuple[Actor, ...]:
    return tuple(Actor(pk=pk) for pk in ids)


def search_key(text: str, *, for_names: bool = True) -> str:
    """A query folded the way stored text is: `name_key` for actor names, `normalize` for documents."""
    text = text.strip()
    if not text:
        return ""
    from analysis.arabic import name_key, normalize  # camel-tools loads on first search

    return name_key(text) if for_names else normalize(text)


def document_list() -> QuerySet[Document]:
    return Document.objects.only("id", "title", "source_path", "published_on")


def _source_count(engagement: str = "pk") -> Coalesce:
    """Distinct documents reporting the engagement (the outer query's field `engagement`), as a subquery:
    computed only for the rows shown."""
    sources = (
        Evidence.objects.filter(engagement=OuterRef(engagement))
        .order_by()
        .values("engagement")
        .annotate(n=Count("document_id", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(sources, output_field=IntegerField()), 0)


def _participations() -> Prefetch:
    return Prefetch(
        "participations",
        queryset=Participation.objects.select_related("actor").order_by("role", "actor__name"),
    )


def _engagements_matching(filters: TimelineFilters) -> QuerySet[Engagement]:
    engagements = Engagement.objects.all()
    if filters.disagree:  # the few flagged ids first: an EXISTS per engagement scans them all
        flagged = Disagreement.objects.filter(state=Disagreement.State.OPEN)
        engagements = engagements.filter(
            pk__in=flagged.values("engagement_id").union(flagged.exclude(other=None).values("other_id"))
        )
    if filters.review:
        engagements = engagements.filter(review=filters.review)
    else:
        engagements = engagements.exclude(review=Engagement.Review.REJECTED)
    for actor in filters.actors:
        engagements = engagements.filter(participations__actor=actor)
    if filters.date_from:
        engagements = engagements.filter(date_end__gte=filters.date_from)
    if filters.date_to:
        engagements = engagements.filter(date_start__lte=filters.date_to)
    if filters.types:
        engagements = engagements.filter(type__in=filters.types)
    if filters.status:
        engagements = engagements.filter(status=filters.status)
    if filters.outlet:
        engagements = engagements.filter(evidence__document__outlet=filters.outlet)
    if filters.document_id:
        engagements = engagements.filter(evidence__document_id=filters.document_id)
    if filters.min_confidence is not None:
        engagements = engagements.filter(confidence__gte=filters.min_confidence)
    return Engagement.objects.filter(pk__in=engagements.values("pk"))


CARD_FIELDS = (
    "id",
    "type",
    "date_start",
    "date_precision",
    "location",
    "status",
    "review",
    "source_count",
    "disagrees",
    "confidence",
)


def _disagrees() -> Subquery:
    """An open flag on the engagement (either side) or NULL, in the card's own query. A correlated subquery
    with a LIMIT runs only for the rows a page shows; an EXISTS was hashed and probed for every engagement
    (116 ms instead of 21 ms for the first page at 100,000 engagements)."""
    flags = Disagreement.objects.filter(state=Disagreement.State.OPEN).filter(
        Q(engagement=OuterRef("pk")) | Q(other=OuterRef("pk"))
    )
    return Subquery(flags.values("pk")[:1], output_field=IntegerField())


@dataclass(frozen=True, slots=True)
class EngagementPage:
    """One page of the timeline: card rows (`CARD_FIELDS`), newest first, and whether more follow."""

    rows: list[dict]
    has_next: bool
    previous: dict | None  # the row just before the page (its group heading goes on), None on the first


def _counted_by_tally(filters: TimelineFilters) -> bool:
    """Whether `EngagementTally` answers the filters: at most one actor, types, dates on month bounds."""
    if filters.outlet or filters.document_id or filters.status or filters.review or filters.disagree:
        return False
    if filters.min_confidence is not None or len(filters.actors) > 1:
        return False
    if filters.date_from and filters.date_from.day != 1:
        return False
    return not filters.date_to or (filters.date_to + timedelta(days=1)).day == 1


def _tally(filters: TimelineFilters) -> QuerySet[EngagementTally]:
    """The tally rows of the engagements matching `filters` (`_counted_by_tally`): an engagement overlaps
    [from, to] when it ends in from's month or later and starts in to's month or earlier. `date_from` is
    the first of a month (`compiled_rows` takes it as it is)."""
    actor = filters.actors[0].pk if filters.actors else EngagementTally.ALL_ACTORS
    rows = EngagementTally.objects.filter(actor_id=actor).exclude(count=0)
    if filters.types:
        rows = rows.filter(type__in=filters.types)
    if filters.date_from:
        rows = rows.filter(end_month__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(start_month__lte=filters.date_to)
    return rows


def _needs_matching(filters: TimelineFilters) -> bool:
    """Filters the walk down the timeline's index cannot check on the engagement row alone."""
    return bool(filters.outlet or filters.document_id or filters.disagree)


def _walk_key(filters: TimelineFilters) -> str:
    """The column the walk orders ties by: the actors' index's engagement, or the engagement's own id."""
    rejected = filters.review == Engagement.Review.REJECTED  # not in the actors' index
    return "engagement_id" if filters.actors and not rejected else "id"


def _walk_start(filters: TimelineFilters) -> date | None:
    """With a `date_from` (not for rejected engagements), the oldest timeline date a matching engagement
    can have: no engagement in the range starts before the earliest start month the tally holds for those
    that end in it or later, so the walk stops there, not at the actor's (or the data's) oldest."""
    if not filters.date_from or filters.review == Engagement.Review.REJECTED:
        return None

    def earliest(*, actors: tuple[int, ...], month: date) -> QuerySet:
        ending = _tally(TimelineFilters(actors=_stand_in_actors(actors), date_from=month))
        return (
            ending.order_by().values("actor_id").annotate(earliest=Min("start_month")).values_list("earliest")
        )

    month = filters.date_from.replace(day=1)
    actors = tuple(actor.pk for actor in filters.actors[:1])
    rows = compiled_rows(("walk-start", len(actors)), earliest, actors=actors, month=month)
    return (rows[0][0] if rows else None) or filters.date_from


def _timeline_walk(filters: TimelineFilters, *, start: date | None) -> QuerySet:
    """`(id, date_start, date_precision)` of the engagements matching `filters` in the timeline's order,
    from an index in that order: with actors, the first actor's `ActorEngagement` rows; otherwise the
    engagements' `engagement_timeline_idx`. A page reads its rows and stops (at `start`, `_walk_start`)."""
    rejected = filters.review == Engagement.Review.REJECTED  # not in the actors' index
    key = _walk_key(filters)
    if key == "engagement_id":
        first, *others = filters.actors
        rows = ActorEngagement.objects.filter(actor=first).annotate(timeline_date=F("sort_date"))
        for actor in others:
            rows = rows.filter(
                engagement_id__in=ActorEngagement.objects.filter(actor=actor).values("engagement_id")
            )
        prefix = "engagement__"
    else:
        rows = Engagement.objects.filter(
            Q(review=filters.review) if filters.review else ~Q(review=Engagement.Review.REJECTED)
        ).annotate(timeline_date=Coalesce("date_start", Value(UNDATED)))
        for actor in filters.actors:
            rows = rows.filter(pk__in=Participation.objects.filter(actor=actor).values("engagement_id"))
        prefix = ""
    if filters.review:
        rows = rows.filter(**{f"{prefix}review": filters.review})
    if filters.date_to:
        rows = rows.filter(timeline_date__lte=filters.date_to)
    if filters.date_from:
        rows = rows.filter(**{f"{prefix}date_end__gte": filters.date_from})
    if filters.date_from and not rejected:
        rows = rows.filter(timeline_date__gte=start)
    if filters.types:
        rows = rows.filter(**{f"{prefix}type__in": filters.types})
    if filters.status:
        rows = rows.filter(**{f"{prefix}status": filters.status})
    if filters.min_confidence is not None:
        rows = rows.filter(**{f"{prefix}confidence__gte": filters.min_confidence})
    if _needs_matching(filters):
        rows = rows.filter(**{f"{key}__in": _engagements_matching(replace(filters, actors=())).values("pk")})
    return rows.order_by(F("timeline_date").desc(), F(key).desc()).values_list(
        key, f"{prefix}date_start", f"{prefix}date_precision"
    )


class _Row(Func):
    function = "ROW"
    output_field = DateField()  # compared as a whole: `ROW(a, b) < ROW(c, d)` walks a two-column index


def engagement_page(*, filters: TimelineFilters, after: int | None, offset: int, size: int) -> EngagementPage:
    """A page of the engagements matching the filters, newest first: the `size` after engagement `after`
    (keyset: a page costs the same however far down it is), or without `after` the `size` after the first
    `offset` (a page number typed into the URL). At most four queries, whatever the data size, each
    compiled once per shape of the filters (`compiled_rows`)."""
    shape, values = _filters_shape(filters), _filter_values(filters)
    start = _walk_start(filters)
    if start is not None:  # only then in the walk's SQL
        values["start"] = start
    key = _walk_key(filters)
    cursor = None
    if after is not None:
        found = compiled_rows(("walk-cursor",), _engagement_position, pk=after)
        cursor = (
            {"id": found[0][0], "date_start": found[0][1], "date_precision": found[0][2]} if found else None
        )

    def walk(**stand_ins: object) -> QuerySet:
        return _timeline_walk(_filters_of(stand_ins, shape), start=stand_ins.get("start"))

    if cursor is not None:

        def walk_after(*, bound_date: date, bound_id: int, **stand_ins: object) -> QuerySet:
            bound = _Row(Value(bound_date), Value(bound_id))
            return walk(**stand_ins).filter(LessThan(_Row("timeline_date", key), bound))[: size + 1]

        values |= {"bound_date": cursor["date_start"] or UNDATED, "bound_id": cursor["id"]}
        rows, previous = compiled_rows(("walk-after", shape, size), walk_after, **values), cursor
    else:
        low, high = max(0, offset - 1), offset + size + 1
        rows = compiled_rows(("walk", shape, low, high), lambda **v: walk(**v)[low:high], **values)
        previous = None
        if offset and rows:
            (pk, day, precision), rows = rows[0], rows[1:]
            previous = {"id": pk, "date_start": day, "date_precision": precision}
    page_ids = tuple(pk for pk, _, _ in rows[:size])
    cards = {row[0]: dict(zip(CARD_FIELDS, row, strict=True)) for row in _card_rows(page_ids)}
    return EngagementPage([cards[pk] for pk in page_ids if pk in cards], len(rows) > size, previous)


def _engagement_position(*, pk: int) -> QuerySet:
    return (
        Engagement.objects.filter(pk=pk).order_by("pk").values_list("id", "date_start", "date_precision")[:1]
    )


def _card_rows(ids: tuple[int, ...]) -> list[tuple]:
    """`CARD_FIELDS` of the engagements `ids`, in no order."""
    if not ids:
        return []

    def cards(*, ids: tuple[int, ...]) -> QuerySet:
        return (
            Engagement.objects.filter(pk__in=ids)
            .annotate(source_count=_source_count(), disagrees=_disagrees())
            .values_list(*CARD_FIELDS)
        )

    return compiled_rows(("cards", len(ids)), cards, ids=ids)


def engagement_participants(*, engagement_ids: Iterable[int]) -> list[tuple[int, str, str]]:
    """`(engagement id, actor name, actor slug)` for the engagements' participants, in the order a card
    lists them (by role, then name)."""
    ids = tuple(dict.fromkeys(engagement_ids))
    if not ids:
        return []

    def participants(*, ids: tuple[int, ...]) -> QuerySet:
        return (
            Participation.objects.filter(engagement_id__in=ids)
            .order_by("role", "actor__name")
            .values_list("engagement_id", "actor__name", "actor__slug")
        )

    return compiled_rows(("participants", len(ids)), participants, ids=ids)


def engagement_count(*, filters: TimelineFilters) -> int:
    """How many engagements match the filters: summed from `EngagementTally` when it answers them."""
    if _counted_by_tally(filters):
        shape = _filters_shape(filters)

        def total(**stand_ins: object) -> QuerySet:
            rows = _tally(_filters_of(stand_ins, shape)).order_by().values("actor_id")
            return rows.annotate(total=Sum("count")).values_list("total")

        rows = compiled_rows(("count", shape), total, **_filter_values(filters))
        return rows[0][0] if rows else 0
    return _engagements_matching(filters).count()


def engagement_month_counts(*, filters: TimelineFilters) -> list[dict]:
    """`{"month", "year_only", "type", "count"}` rows for the dated engagements matching the filters. An
    engagement dated to a year only counts under its year's first month with `year_only`."""
    if _counted_by_tally(filters):
        shape = _filters_shape(filters)

        def months(**stand_ins: object) -> QuerySet:
            return (
                _tally(_filters_of(stand_ins, shape))
                .filter(start_month__isnull=False)
                .values("start_month", "year_only", "type")
                .annotate(total=Sum("count"))
                .order_by("start_month", "year_only", "type")
                .values_list("start_month", "year_only", "type", "total")
            )

        rows = compiled_rows(("months", shape), months, **_filter_values(filters))
        return [
            {"month": month, "year_only": year_only, "type": kind, "count": total}
            for month, year_only, kind, total in rows
            if total
        ]
    return list(_month_counts(filters))


def _month_counts(filters: TimelineFilters) -> QuerySet[dict]:
    return (
        _engagements_matching(filters)
        .filter(date_start__isnull=False)
        .annotate(
            month=TruncMonth("date_start"),
            year_only=ExpressionWrapper(Q(date_precision=Precision.YEAR), output_field=BooleanField()),
        )
        .values("month", "year_only", "type")
        .annotate(count=Count("pk"))
        .order_by("month", "year_only", "type")
    )


def engagement_detail(*, pk: int) -> Engagement:
    """One engagement with its participants and every evidence row with its document and mentions."""
    evidence = Evidence.objects.select_related("document").prefetch_related(
        Prefetch("document__mentions", queryset=Mention.objects.select_related("actor").order_by("start"))
    )
    return (
        Engagement.objects.prefetch_related(
            _participations(),
            "participations__actor__aliases",
            Prefetch(
                "evidence", queryset=evidence.order_by("document__published_on", "document_id", "start")
            ),
        )
        .annotate(source_count=_source_count())
        .get(pk=pk)
    )


def actor_choices() -> QuerySet[Actor]:
    """Actors that take part in at least one engagement, most active first."""
    return (
        Actor.objects.annotate(engagement_count=Count("participations"))
        .filter(engagement_count__gt=0)
        .order_by("-engagement_count", "name")
    )


def actor_choices_top(*, limit: int, exclude: Iterable[int] = ()) -> list[Actor]:
    """The first `limit` of `actor_choices()` not in `exclude`; the head of the list is cached."""
    exclude = set(exclude)
    if limit + len(exclude) > ACTOR_CHOICES_CACHED:
        return list(actor_choices().exclude(pk__in=exclude)[:limit])
    top = cached("actor-choices", lambda: list(actor_choices()[:ACTOR_CHOICES_CACHED]))
    return [actor for actor in top if actor.pk not in exclude][:limit]


def actors_by_slug(*, slugs: Iterable[str]) -> list[Actor]:
    """The actors with these slugs, by name as `Actor.objects` orders them, read with a query compiled once
    per number of slugs (`compiled_rows`): the timeline's actor filter checked with a queryset took ~1 ms
    of a ~7 ms page."""
    slugs = tuple(sorted(set(slugs)))
    if not slugs:
        return []
    names = [field.attname for field in Actor._meta.concrete_fields]

    def actors(*, slugs: tuple[str, ...]) -> QuerySet:
        return Actor.objects.filter(slug__in=slugs).values_list(*names)

    rows = compiled_rows(("actors-by-slug", len(slugs)), actors, slugs=slugs)
    return [Actor.from_db(connection.alias, names, row) for row in rows]


def actor_search(*, key: str) -> QuerySet[Actor]:
    """Actors whose normalized name or an alias resembles `key` (trigram word similarity or substring)."""
    if not key:
        return actor_choices()
    by_name = Actor.objects.filter(Q(name_key__contains=key) | Q(name_key__trigram_word_similar=key))
    by_alias = Alias.objects.filter(Q(key__contains=key) | Q(key__trigram_word_similar=key))
    alias_similarity = (
        Alias.objects.filter(actor=OuterRef("pk"))
        .annotate(similarity=TrigramWordSimilarity(key, "key"))
        .order_by("-similarity")
        .values("similarity")[:1]
    )
    engagements = (  # from the kept counts: a busy actor's participations are many
        EngagementTally.objects.filter(actor_id=OuterRef("pk"))
        .order_by()
        .values("actor_id")
        .annotate(n=Sum("count"))
        .values("n")
    )
    return (
        # The matching ids are fetched first: on their own, both lookups use the trigram indexes; folded
        # into this query, PostgreSQL scans every actor and computes each one's similarity.
        Actor.objects.filter(
            _AnyOf(
                F("pk"),
                _trigram_ids(
                    by_name.values_list("pk", flat=True), by_alias.values_list("actor_id", flat=True)
                ),
            )
        )
        .annotate(
            similarity=Greatest(
                TrigramWordSimilarity(key, "name_key"), Subquery(alias_similarity, output_field=FloatField())
            ),
            engagement_count=Coalesce(Subquery(engagements, output_field=IntegerField()), 0),
        )
        .order_by(F("similarity").desc(nulls_last=True), "-engagement_count", "name")
    )


class _AnyOf(Lookup):
    """`field = ANY(ids)`, the ids as one array parameter: `pk__in` makes a parameter of each id, and 500
    of them took ~2 ms of Python to build and send, a seventh of a search page. The same plan as `IN`."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection) -> tuple[str, tuple]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def _trigram_ids(*querysets: QuerySet) -> list[int]:
    """The ids the querysets match, each through its trigram index. With a few thousand actors the
    planner prefers a sequential scan (or, in a UNION, a walk of the primary key), pricing each row's
    similarity at nothing: ~30 ms where the index takes ~1 ms."""
    with _planner_without("enable_seqscan"):
        found = {pk for queryset in querysets for pk in queryset.order_by()}
    return sorted(found)


@contextmanager
def _planner_without(*methods: str, work_mem: str = "") -> Iterator[None]:
    """The queries inside planned with `methods` (`enable_seqscan`...) off, and run with `work_mem` when
    given: SET LOCAL in a transaction of their own, which ends them. Only inside an outer transaction (a
    test's), which would keep them, are they set back: two round trips fewer a search."""
    nested = connection.in_atomic_block
    settings = [f"SET LOCAL {method} = off" for method in methods]
    restore = [f"SET LOCAL {method} = on" for method in methods]
    if work_mem:
        settings.append(f"SET LOCAL work_mem = '{work_mem}'")
    with transaction.atomic(), connection.cursor() as cursor:
        if nested and work_mem:  # back to what the session or the outer transaction had, not the default
            cursor.execute("SELECT current_setting('work_mem')")
            restore.append(f"SET LOCAL work_mem = '{cursor.fetchone()[0]}'")
        cursor.execute("; ".join(settings))
        yield
        if nested:
            cursor.execute("; ".join(restore))


def outlet_choices() -> list[str]:
    return cached(
        "outlets",
        lambda: list(
            Document.objects.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True).distinct()
        ),
    )


def document_choices() -> QuerySet[tuple[int, str, str]]:
    """`(id, title, source_path)` of documents, for the source filter."""
    return Document.objects.values_list("id", "title", "source_path")


def document_choices_recent(*, limit: int) -> list[tuple[int, str, str]]:
    """The newest `limit` documents for the source filter, cached until the data changes."""
    return cached(f"document-choices-recent:{limit}", lambda: list(document_choices()[:limit]))


def actor_profile(*, slug: str) -> Actor:
    """An actor with aliases and titles (with their documents' outlet and date) prefetched."""
    return Actor.objects.prefetch_related(
        "aliases",
        Prefetch(
            "titles",
            queryset=ActorTitle.objects.select_related("document")
            .only("actor_id", "title", "seen_on", "document__outlet", "document__published_on")
            .order_by(F("seen_on").desc(nulls_last=True), "title"),
        ),
    ).get(slug=slug)


@dataclass(frozen=True, slots=True)
class ActorEngagementRow:
    """An engagement as an actor's profile lists it: its date and type, its number of sources and the
    names of its other participants (by role, then name)."""

    pk: int
    type: str
    date_start: date | None
    date_precision: str
    source_count: int
    others: tuple[str, ...]


def actor_engagements(*, actor: Actor, limit: int) -> list[ActorEngagementRow]:
    """The actor's newest `limit` engagements (not rejected): read from `ActorEngagement`'s index in the
    timeline's order, so the actor's history is not sorted. Rows, not models: 25 `Engagement`s with their
    participants' `Actor`s took 5.8 ms of a 23 ms profile at 100,000 engagements. Its query is compiled
    once (`compiled_rows`)."""

    def newest(*, actor_id: int) -> QuerySet:
        return (
            ActorEngagement.objects.filter(actor_id=actor_id)
            .order_by("-sort_date", "-engagement_id")
            .annotate(source_count=_source_count(engagement="engagement_id"))
            .values_list(
                "engagement_id",
                "engagement__type",
                "engagement__date_start",
                "engagement__date_precision",
                "source_count",
            )[:limit]
        )

    rows = compiled_rows(("actor-engagements", limit), newest, actor_id=actor.pk)
    others: dict[int, list[str]] = {row[0]: [] for row in rows}
    for engagement_id, name, slug in engagement_participants(engagement_ids=others):
        if slug != actor.slug:
            others[engagement_id].append(name)
    return [ActorEngagementRow(*row, tuple(others[row[0]])) for row in rows]


def actor_engagement_count(*, actor: Actor) -> int:
    """How many engagements (not rejected) the actor takes part in, from `EngagementTally`."""
    return engagement_count(filters=TimelineFilters(actors=(actor,)))


def actor_counterparts(*, actor: Actor, limit: int = 10) -> list[Actor]:
    """Actors (their name and slug) who shared the most engagements with `actor` (`shared_count`), ties by
    name: the counts `ActorCounterpart` keeps, read from its index down to the `limit`-th count, with a
    query compiled once (`compiled_rows`)."""

    def top(*, actor_id: int) -> QuerySet:
        pairs = ActorCounterpart.objects.filter(actor_id=actor_id, count__gt=0)
        cutoff = pairs.order_by("-count").values_list("count", flat=True)[limit - 1 : limit]
        return (
            pairs.filter(count__gte=Coalesce(Subquery(cutoff), 1))
            .order_by("-count", "other__name")
            .values_list("other_id", "other__name", "other__slug", "count")[:limit]
        )

    counterparts = []
    for pk, name, slug, count in compiled_rows(("actor-counterparts", limit), top, actor_id=actor.pk):
        other = Actor(pk=pk, name=name, slug=slug)
        other.shared_count = count
        counterparts.append(other)
    return counterparts


def actor_documents(*, actor: Actor, limit: int) -> list[Document]:
    """The newest `limit` documents that mention the actor or report one of its engagements, with the
    number of mentions (`mention_count`): `ActorDocument` in the documents' order, with a query compiled
    once (`compiled_rows`)."""

    def newest(*, actor_id: int) -> QuerySet:
        return (
            ActorDocument.objects.filter(Q(mentions__gt=0) | Q(reports__gt=0), actor_id=actor_id)
            .order_by("-published_sort", "-document_id")
            .values_list(
                "document_id",
                "document__title",
                "document__source_path",
                "document__outlet",
                "document__published_on",
                "mentions",
            )[:limit]
        )

    documents = []
    for pk, title, source_path, outlet, published_on, mentions in compiled_rows(
        ("actor-documents", limit), newest, actor_id=actor.pk
    ):
        document = Document(
            pk=pk, title=title, source_path=source_path, outlet=outlet, published_on=published_on
        )
        document.mention_count = mentions
        documents.append(document)
    return documents


def document_detail(*, pk: int) -> Document:
    """A document with its mentions (and their actors) and its evidence (and their engagements)."""
    return Document.objects.prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.select_related("actor").order_by("start")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("engagement").order_by("start")),
    ).get(pk=pk)


def document_engagements(*, document: Document) -> QuerySet[dict]:
    """The engagements the document reports, newest first, as `engagement_page` gives them (`CARD_FIELDS`)."""
    return (
        Engagement.objects.filter(evidence__document=document)
        .distinct()
        .annotate(source_count=_source_count(), disagrees=_disagrees())
        .order_by(F("date_start").desc(nulls_last=True), "-id")
        .values(*CARD_FIELDS)
    )


SEARCH_CANDIDATES = 500  # the matching documents a search ranks
SEARCH_BITMAP_MEMORY = "256kB"  # work_mem for finding them: see `_first_matches`


def document_search(*, query: str) -> QuerySet[Document]:
    """Documents matching an already-normalized query in Arabic full text, with their text (for
    `highlight.search_snippet`): best first among the first `SEARCH_CANDIDATES` matches in the table's
    order (fewer matches: all of them, as before). Ranking every match read each one's row and search
    vector: a name matching 16,754 of 100,000 documents took 92-141 ms."""
    search = SearchQuery(query, config="arabic", search_type="websearch")
    return (
        Document.objects.filter(_AnyOf(F("pk"), _first_matches(search)))
        .annotate(rank=SearchRank(F("search_vector"), search))
        .only("id", "title", "source_path", "outlet", "published_on", "text")
        .order_by("-rank", "-id")
    )


def _first_matches(search: SearchQuery) -> list[int]:
    """The ids of the first `SEARCH_CANDIDATES` documents matching `search`, read through the full-text
    index: at most that many table rows whatever the size. Left to itself the planner may walk the table
    (or its primary key) and test each document's search vector: 60 ms for a name in 1 document in 20,
    227 ms to take the newest 500 of 44,412 matches, at 100,000 documents.
    A small `work_mem` keeps the bitmap of a common word's matches lossy (a range of pages, not each
    page): the same rows in the same order, its pages rechecked only until the limit, where building and
    sorting an exact bitmap of every matching page took 23 ms for `العراق` (68,232 of 100,000 documents,
    9.7 ms at 256kB; a rare word's bitmap is exact either way)."""
    matches = Document.objects.filter(search_vector=search).order_by().values_list("pk", flat=True)
    with _planner_without("enable_seqscan", "enable_indexscan", work_mem=SEARCH_BITMAP_MEMORY):
        return list(matches[:SEARCH_CANDIDATES])


def search_lexemes(*, text: str) -> list[str]:
    """The stems PostgreSQL's `arabic` configuration makes of `text`: what a search matches on."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector('arabic', %s))", [text])
        row = cursor.fetchone()
    return list(row[0] or []) if row else []


# Sources that disagree -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reading:
    """What one side of a disagreement says, and the source sentences that say it."""

    value: str  # what a curator chooses: the place, or the id of the engagement whose reading it is
    engagement: Engagement
    location: str
    evidence: list[Evidence]


@dataclass(frozen=True, slots=True)
class DisagreementReadings:
    disagreement: Disagreement
    readings: list[Reading]


def _readings(disagreement: Disagreement, engagements: dict[int, Engagement]) -> list[Reading]:
    if disagreement.kind == Disagreement.Kind.PLACE:
        engagement = engagements[disagreement.engagement_id]
        by_place: dict[str, list[Evidence]] = {}
        for row in engagement.evidence.all():
            by_place.setdefault(row.location, []).append(row)
        return [
            Reading(place, engagement, place, rows)
            for place, rows in sorted(by_place.items(), key=lambda i: i[0] == "")
        ]
    sides = [engagements.get(disagreement.engagement_id), engagements.get(disagreement.other_id)]
    return [Reading(str(e.pk), e, e.location, list(e.evidence.all())) for e in sides if e is not None]


def disagreement_readings(*, disagreements: Iterable[Disagreement]) -> list[DisagreementReadings]:
    """Each disagreement with its readings side by side: for a place, the sources grouped by the place
    they name; for a date or participants, each engagement with its date, participants and sources."""
    disagreements = list(disagreements)
    ids = {d.engagement_id for d in disagreements} | {d.other_id for d in disagreements if d.other_id}
    engagements = Engagement.objects.filter(pk__in=ids).prefetch_related(
        _participations(),
        Prefetch(
            "evidence",
            queryset=Evidence.objects.select_related("document").order_by(
                "document__published_on", "document_id", "start"
            ),
        ),
    )
    by_id = {engagement.pk: engagement for engagement in engagements}
    return [DisagreementReadings(d, _readings(d, by_id)) for d in disagreements if d.engagement_id in by_id]


def engagement_disagreements(*, engagement_id: int) -> list[DisagreementReadings]:
    """The open disagreements the engagement is part of, with their readings."""
    flags = Disagreement.objects.filter(
        Q(engagement_id=engagement_id) | Q(other_id=engagement_id), state=Disagreement.State.OPEN
    ).order_by("pk")
    return disagreement_readings(disagreements=flags)


# Imports ----------------------------------------------------------------------------------------


def import_batches_recent(*, limit: int) -> QuerySet[ImportBatch]:
    """The latest import batches, with how many files each holds."""
    return ImportBatch.objects.select_related("created_by").annotate(file_count=Count("files"))[:limit]


def import_batch_files(*, batch: ImportBatch) -> QuerySet[ImportFile]:
    """A batch's files in upload order, without their bytes."""
    return batch.files.defer("content").select_related("document").order_by("position")


@dataclass(frozen=True, slots=True)
class StoredTotals:
    documents: int
    actors: int
    engagements: int
    evidence: int


def stored_totals() -> StoredTotals:
    """How much is stored: documents, actors, engagements not rejected, evidence rows."""
    return StoredTotals(
        documents=Document.objects.count(),
        actors=Actor.objects.count(),
        engagements=Engagement.objects.exclude(review=Engagement.Review.REJECTED).count(),
        evidence=Evidence.objects.count(),
    )
