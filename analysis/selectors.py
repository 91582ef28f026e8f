"""Read queries. Views and charts call these; they never write."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Greatest, TruncMonth

from analysis.models import (
    Actor,
    ActorTitle,
    Alias,
    Disagreement,
    Document,
    Engagement,
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


def search_key(text: str, *, for_names: bool = True) -> str:
    """A query folded the way stored text is: `name_key` for actor names, `normalize` for documents."""
    text = text.strip()
    if not text:
        return ""
    from analysis.arabic import name_key, normalize  # camel-tools loads on first search

    return name_key(text) if for_names else normalize(text)


def document_list() -> QuerySet[Document]:
    return Document.objects.only("id", "title", "source_path", "published_on")


def _source_count() -> Coalesce:
    """Distinct documents reporting the engagement, as a subquery: computed only for the rows shown."""
    sources = (
        Evidence.objects.filter(engagement=OuterRef("pk"))
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


def engagement_list(*, filters: TimelineFilters) -> QuerySet[dict]:
    """Engagements matching the filters, newest first: what a timeline card prints, with a count of sources
    (their participants come from `engagement_participants`)."""
    return (
        _engagements_matching(filters)
        .annotate(source_count=_source_count(), disagrees=_disagrees())
        .order_by(F("date_start").desc(nulls_last=True), "-id")
        .values(*CARD_FIELDS)
    )


def engagement_participants(*, engagement_ids: Iterable[int]) -> QuerySet[tuple[int, str, str]]:
    """`(engagement id, actor name, actor slug)` for the engagements' participants, in the order a card
    lists them (by role, then name)."""
    return (
        Participation.objects.filter(engagement_id__in=list(engagement_ids))
        .order_by("role", "actor__name")
        .values_list("engagement_id", "actor__name", "actor__slug")
    )


def engagement_count(*, filters: TimelineFilters) -> int:
    """How many engagements match the filters (cached unfiltered: a count over every engagement)."""
    if filters == TimelineFilters():
        return cached("engagement-count", lambda: _engagements_matching(filters).count())
    return _engagements_matching(filters).count()


def engagement_month_counts(*, filters: TimelineFilters) -> list[dict]:
    """`{"month", "year_only", "type", "count"}` rows for the dated engagements matching the filters. An
    engagement dated to a year only counts under its year's first month with `year_only`."""
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
    engagements = (
        Participation.objects.filter(actor=OuterRef("pk"))
        .order_by()
        .values("actor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        # The matching ids are fetched first: on their own, both lookups use the trigram indexes; folded
        # into this query, PostgreSQL scans every actor and computes each one's similarity.
        Actor.objects.filter(
            pk__in=_trigram_ids(
                by_name.values_list("pk", flat=True), by_alias.values_list("actor_id", flat=True)
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


def _trigram_ids(*querysets: QuerySet) -> list[int]:
    """The ids the querysets match, each through its trigram index. With a few thousand actors the
    planner prefers a sequential scan (or, in a UNION, a walk of the primary key), pricing each row's
    similarity at nothing: ~30 ms where the index takes ~1 ms."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        found = {pk for queryset in querysets for pk in queryset.order_by()}
        cursor.execute("SET LOCAL enable_seqscan = on")
    return sorted(found)


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
    """An actor with aliases and titles (with their documents) prefetched."""
    return Actor.objects.prefetch_related(
        "aliases",
        Prefetch(
            "titles",
            queryset=ActorTitle.objects.select_related("document").order_by(
                F("seen_on").desc(nulls_last=True), "title"
            ),
        ),
    ).get(slug=slug)


def actor_engagements(*, actor: Actor) -> QuerySet[Engagement]:
    """The actor's engagements (not rejected), newest first, with participants and source counts."""
    return (
        Engagement.objects.filter(participations__actor=actor)
        .exclude(review=Engagement.Review.REJECTED)
        .annotate(source_count=_source_count())
        .prefetch_related(_participations())
        .order_by(F("date_start").desc(nulls_last=True), "-id")
    )


def actor_counterparts(*, actor: Actor, limit: int = 10) -> QuerySet[Actor]:
    """Actors who shared the most engagements with `actor`."""
    shared = Engagement.objects.filter(participations__actor=actor).exclude(review=Engagement.Review.REJECTED)
    return (
        Actor.objects.exclude(pk=actor.pk)
        .filter(participations__engagement__in=shared)
        .annotate(shared_count=Count("participations"))
        .order_by("-shared_count", "name")[:limit]
    )


def actor_documents(*, actor: Actor) -> QuerySet[Document]:
    """Documents that mention the actor or report one of its engagements, with the number of mentions."""
    return (
        Document.objects.filter(
            Q(mentions__actor=actor) | Q(evidence__engagement__participations__actor=actor)
        )
        .annotate(mention_count=Count("mentions", filter=Q(mentions__actor=actor), distinct=True))
        .only("id", "title", "source_path", "outlet", "published_on")
        .distinct()
        .order_by(F("published_on").desc(nulls_last=True), "-id")
    )


def document_detail(*, pk: int) -> Document:
    """A document with its mentions (and their actors) and its evidence (and their engagements)."""
    return Document.objects.prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.select_related("actor").order_by("start")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("engagement").order_by("start")),
    ).get(pk=pk)


def document_engagements(*, document: Document) -> QuerySet[dict]:
    """The engagements the document reports, newest first, as `engagement_list` gives them."""
    return (
        Engagement.objects.filter(evidence__document=document)
        .distinct()
        .annotate(source_count=_source_count(), disagrees=_disagrees())
        .order_by(F("date_start").desc(nulls_last=True), "-id")
        .values(*CARD_FIELDS)
    )


def document_search(*, query: str) -> QuerySet[Document]:
    """Documents matching an already-normalized query in Arabic full text, best first, with their text
    (for `highlight.search_snippet`)."""
    search = SearchQuery(query, config="arabic", search_type="websearch")
    return (
        Document.objects.filter(search_vector=search)
        .annotate(rank=SearchRank(F("search_vector"), search))
        .only("id", "title", "source_path", "outlet", "published_on", "text")
        .order_by("-rank", "-id")
    )


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
