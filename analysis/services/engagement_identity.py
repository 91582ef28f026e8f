"""When two reported engagements are one event: the one merge rule, for ingestion and curation alike.

- `engagement_fingerprint`: type, participants and date at its precision (undated: the document too).
- `engagement_compatible`: the same date, or an adjacent precision (day/month, month/year) that
  contains it or lies within it.
- `engagement_refine`: what another report adds to a non-curated engagement (a finer date, a
  location, that it happened).
- `engagements_matching`: the stored engagement each report belongs to (ingestion).
- `engagements_fold` / `engagements_reidentify`: after participants or a date change (an actor
  merge or split, a curator's edit), engagements take the fingerprint a new report would compute,
  and those that became one event (by the same rule) are folded into one.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat

from analysis.arabic import DateValue, Precision
from analysis.models import Actor, Engagement, Evidence, Participation
from analysis.services.confidence import evidence_confidence
from analysis.services.history import (
    CurationError,
    User,
    history_baseline_ensure,
    record_delete,
    record_save,
)

PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}
ROLE_RANK = {
    Participation.Role.PARTICIPANT: 0,
    Participation.Role.GUEST: 1,
    Participation.Role.VISITOR: 1,
    Participation.Role.HOST: 2,
    Participation.Role.INITIATOR: 3,
}
DATE_TEXT_LENGTH = LOCATION_LENGTH = 200


def engagement_fingerprint(
    *, type: str, actor_ids: Sequence[int], when: DateValue, document_sha256: str, evidence_start: int
) -> str:
    """The identity of a reported engagement across sources: type, participants, date at its precision.

    An engagement with no known date (or no known participant) cannot be matched across
    sources, so its fingerprint includes the document (and, without participants, the sentence).
    """
    participants = ",".join(str(i) for i in sorted(set(actor_ids)))
    if when.iso and participants:
        identity = f"{type}|{participants}|{when.iso}"
    elif participants:
        identity = f"{type}|{participants}|undated|{document_sha256}"
    else:
        identity = f"{type}||{when.iso or 'undated'}|{document_sha256}|{evidence_start}"
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()


def engagement_when(engagement: Engagement) -> DateValue:
    """The engagement's date at its precision (for a range a curator set, its start at that precision)."""
    start = engagement.date_start
    if start is None:
        return DateValue()
    return {
        Precision.DAY: DateValue.of(start),
        Precision.MONTH: DateValue(start.year, start.month),
        Precision.YEAR: DateValue(start.year),
    }.get(engagement.date_precision, DateValue())


def engagement_compatible(engagement: Engagement, when: DateValue) -> bool:
    """Whether a stored engagement's date and `when` can be one event: the same date, or adjacent
    precisions (day and month, month and year) where the coarser contains the finer."""
    mine = PRECISION_RANK.get(when.precision)
    theirs = PRECISION_RANK.get(Precision(engagement.date_precision))
    if mine is None or theirs is None or abs(mine - theirs) > 1:
        return False
    if mine == theirs:
        return engagement.date_start == when.start
    if mine > theirs:
        return when.start <= engagement.date_start and engagement.date_end <= when.end
    return engagement.date_start <= when.start and when.end <= engagement.date_end


def engagement_refine(
    engagement: Engagement, *, when: DateValue, date_text: str, location: str, status: str
) -> bool:
    """What another report of the same event adds to a non-curated engagement: a finer date, a
    location, that it happened. Changes `engagement` in memory; returns whether anything changed."""
    changed = False
    rank = PRECISION_RANK.get(when.precision)
    if rank is not None and rank < PRECISION_RANK.get(Precision(engagement.date_precision), 9):
        engagement.date_start, engagement.date_end = when.start, when.end
        engagement.date_precision = str(when.precision)
        engagement.date_text = (date_text or "").strip()[:DATE_TEXT_LENGTH]
        changed = True
    if not engagement.location and location:
        engagement.location = location.strip()[:LOCATION_LENGTH]
        changed = True
    if engagement.status == Engagement.Status.PLANNED and str(status) == Engagement.Status.REPORTED:
        engagement.status = Engagement.Status.REPORTED
        changed = True
    return changed


def near_dates(when: DateValue) -> list[tuple[str, date, date]]:
    """Where a stored engagement's start may lie to be the same event: (precision, low, high).

    The same date, or an adjacent precision (day/month, month/year) that contains it or lies within it.
    """
    same = (str(when.precision), when.start, when.start)
    if when.precision == Precision.DAY:
        month = date(when.year, when.month, 1)
        return [same, (Precision.MONTH, month, month)]
    if when.precision == Precision.MONTH:
        year = date(when.year, 1, 1)
        return [same, (Precision.DAY, when.start, when.end), (Precision.YEAR, year, year)]
    return [same, (Precision.MONTH, when.start, when.end)]


# ---------------------------------------------------------------------------------------------
# Ingestion: the stored engagement a report belongs to


@dataclass(frozen=True, slots=True)
class Reported:
    """One engagement as a document reports it: its fingerprint and what identifies it."""

    fingerprint: str
    type: str
    actor_ids: list[int]  # sorted
    when: DateValue


_ENGAGEMENTS_MATCHING_SQL = """
SELECT e.*,
       ARRAY(SELECT p.actor_id FROM analysis_participation p WHERE p.engagement_id = e.id) AS participant_ids
FROM analysis_engagement e
WHERE e.id IN (
    SELECT id FROM analysis_engagement WHERE fingerprint = ANY(%s::varchar[])
    UNION
    SELECT nearby.id
    FROM unnest(%s::bigint[], %s::varchar[], %s::varchar[], %s::date[], %s::date[])
         AS near(actor_id, type, date_precision, low, high)
    CROSS JOIN LATERAL (
        -- By date first (engagement_dates_idx): a busy actor has thousands of engagements.
        -- OFFSET 0 keeps the planner from starting at the actor's participations instead.
        SELECT c.id FROM analysis_engagement c
        WHERE c.date_start BETWEEN near.low AND near.high
          AND c.type = near.type AND c.date_precision = near.date_precision
          AND EXISTS (
              SELECT 1 FROM analysis_participation p WHERE p.engagement_id = c.id AND p.actor_id = near.actor_id
          )
        OFFSET 0
    ) AS nearby
)
"""


def engagements_matching(reports: Sequence[Reported]) -> dict[str, Engagement]:
    """The stored engagement each report belongs to, by fingerprint.

    Failing an exact match, a dated report joins the one stored engagement of the same type
    and participants whose date is the same (its participants or date were curated, or actors
    merged, since its fingerprint was taken) or compatible (`engagement_compatible`). One query,
    with each candidate's participants.
    """
    fingerprints = {report.fingerprint for report in reports}
    near: list[tuple[int, str, str, date, date]] = []
    for report in reports:
        if report.actor_ids and report.when.precision != Precision.UNKNOWN:
            near += [
                (report.actor_ids[0], report.type, str(precision), low, high)
                for precision, low, high in near_dates(report.when)
            ]
    columns = [list(column) for column in zip(*near, strict=True)] if near else [[]] * 5
    found = list(Engagement.objects.raw(_ENGAGEMENTS_MATCHING_SQL, [sorted(fingerprints), *columns]))
    targets = {e.fingerprint: e for e in found if e.fingerprint in fingerprints}
    candidates = [e for e in found if e.fingerprint not in fingerprints]
    for report in reports:
        if report.fingerprint in targets:
            continue
        matches = [
            c
            for c in candidates
            if c.type == report.type
            and sorted(c.participant_ids) == report.actor_ids
            and engagement_compatible(c, report.when)
        ]
        if len(matches) == 1:
            targets[report.fingerprint] = matches[0]
    return targets


# ---------------------------------------------------------------------------------------------
# Curation: engagements whose participants or date changed


@dataclass(slots=True)
class _Identity:
    participants: frozenset[int]
    fingerprint: str | None  # None: neither a date and participants nor a source to identify it by


def _identities(engagements: Sequence[Engagement]) -> dict[int, _Identity]:
    """What identifies each engagement as it stands now: its participants and the fingerprint
    ingestion would compute for it (the date unknown: from its first source)."""
    ids = [engagement.pk for engagement in engagements]
    participants: dict[int, list[int]] = defaultdict(list)
    for engagement_id, actor_id in Participation.objects.filter(engagement_id__in=ids).values_list(
        "engagement_id", "actor_id"
    ):
        participants[engagement_id].append(actor_id)
    first_source: dict[int, tuple[str, int]] = {}
    for engagement_id, sha256, start in (
        Evidence.objects.filter(engagement_id__in=ids)
        .order_by("engagement_id", "pk")
        .values_list("engagement_id", "document__sha256", "start")
    ):
        first_source.setdefault(engagement_id, (sha256, start))
    identities = {}
    for engagement in engagements:
        when, source = engagement_when(engagement), first_source.get(engagement.pk)
        actor_ids = participants[engagement.pk]
        fingerprint = None
        if source is not None or (when.iso and actor_ids):
            sha256, start = source or ("", 0)
            fingerprint = engagement_fingerprint(
                type=engagement.type,
                actor_ids=actor_ids,
                when=when,
                document_sha256=sha256,
                evidence_start=start,
            )
        identities[engagement.pk] = _Identity(frozenset(actor_ids), fingerprint)
    return identities


def _near_starts(when: DateValue) -> set[date]:
    """Every start a compatible engagement may have (`near_dates` as single days)."""
    starts: set[date] = set()
    for _precision, low, high in near_dates(when):
        starts.update(low + timedelta(days=n) for n in range((high - low).days + 1))
    return starts


def engagements_reidentify(
    *, engagement_ids: Iterable[int], user: User, reason: str, keep: int | None = None
) -> None:
    """Give engagements whose participants or date changed the fingerprint a new report of them
    would compute, so that it joins them; engagements that became one event become one.

    One event as at ingestion: the same fingerprint, or the same type and participants at a
    compatible date when exactly one such event is there (a day and a month report of a meeting).
    `keep`: the engagement that survives when its group is folded (the one a curator is editing).
    """
    engagements = list(Engagement.objects.select_for_update().filter(pk__in=set(engagement_ids)))
    identities = _identities(engagements)
    changing = [
        e
        for e in engagements
        if identities[e.pk].fingerprint is not None and identities[e.pk].fingerprint != e.fingerprint
    ]
    if not changing:
        return
    changing_ids = {e.pk for e in changing}
    wanted = {identities[e.pk].fingerprint for e in changing}
    starts = set().union(*(_near_starts(engagement_when(e)) for e in changing if e.date_start))
    # Those holding a fingerprint wanted, and the same event whose stored fingerprint is out of date
    # or at another precision: same type, a participant in common, a start where it could be one.
    others = list(
        Engagement.objects.select_for_update()
        .filter(
            Q(fingerprint__in=wanted)
            | Q(
                type__in={e.type for e in changing},
                date_start__in=starts,
                pk__in=Participation.objects.filter(
                    actor_id__in=Participation.objects.filter(engagement_id__in=changing_ids).values(
                        "actor_id"
                    )
                ).values("engagement_id"),
            )
        )
        .exclude(pk__in=changing_ids)
    )
    pool = {e.pk: e for e in [*changing, *others]}
    identities.update(_identities(others))

    # Groups of one event (union-find over the pool).
    parent = {pk: pk for pk in pool}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    by_fingerprint: dict[str, list[int]] = defaultdict(list)
    for pk, engagement in pool.items():
        if pk in changing_ids:
            by_fingerprint[identities[pk].fingerprint].append(pk)
            continue
        for fingerprint in {engagement.fingerprint, identities[pk].fingerprint} & wanted:
            by_fingerprint[fingerprint].append(pk)
    for pks in by_fingerprint.values():
        for pk in pks[1:]:
            parent[root(pk)] = root(pks[0])
    for engagement in changing:
        when = engagement_when(engagement)
        if when.precision == Precision.UNKNOWN:
            continue
        mine = identities[engagement.pk].participants
        compatible = {
            root(pk)
            for pk, other in pool.items()
            if root(pk) != root(engagement.pk)
            and other.type == engagement.type
            and identities[pk].participants == mine
            and engagement_compatible(other, when)
        }
        if len(compatible) == 1:  # as ingestion: only when the event is not ambiguous
            parent[compatible.pop()] = root(engagement.pk)
    groups: dict[int, list[Engagement]] = defaultdict(list)
    for pk in sorted(pool):
        groups[root(pk)].append(pool[pk])
    groups = {key: group for key, group in groups.items() if len(group) > 1 or group[0].pk in changing_ids}

    history_baseline_ensure(model=Engagement, pks=[e.pk for group in groups.values() for e in group])
    # Free the old fingerprints first: one engagement may take the one another is giving up.
    Engagement.objects.filter(pk__in=[e.pk for group in groups.values() for e in group]).update(
        fingerprint=Concat(Value("refingerprint:"), Cast("pk", CharField()))
    )
    for group in groups.values():
        if len(group) == 1:  # bookkeeping, not a curator's decision: no history row of its own
            (engagement,) = group
            engagement.fingerprint = identities[engagement.pk].fingerprint
            Engagement.objects.filter(pk=engagement.pk).update(fingerprint=engagement.fingerprint)
            continue
        survivor = engagements_fold(group, user=user, reason=reason, keep=keep)
        survivor.fingerprint = _identities([survivor])[survivor.pk].fingerprint or group_fingerprint(group)
        record_save(survivor, user=user, reason=reason)


def group_fingerprint(group: Sequence[Engagement]) -> str:
    """The fingerprint a group keeps when the survivor cannot be identified (no date, no source)."""
    return min(e.fingerprint for e in group)


def engagements_fold(
    group: list[Engagement], *, user: User, reason: str, keep: int | None = None
) -> Engagement:
    """Make engagements that turned out to be one event one, and return it (unsaved).

    It keeps every source and participant, and every curator's decision: the curated engagement
    survives (`keep` first), and decisions that contradict each other are refused rather than one of
    them dropped. A non-curated survivor takes what the others add, as ingestion refines an engagement.
    """
    survivor = min(
        group, key=lambda e: (e.pk != keep, not e.is_edited, e.review == Engagement.Review.EXTRACTED, e.pk)
    )
    losers = [e for e in group if e is not survivor]
    participations = defaultdict(list)
    for participation in Participation.objects.filter(engagement__in=group).order_by("pk"):
        participations[participation.engagement_id].append(participation)
    evidence = defaultdict(list)
    for row in Evidence.objects.filter(engagement__in=group).order_by("pk"):
        evidence[row.engagement_id].append(row)

    reviews = {e.review for e in group} - {Engagement.Review.EXTRACTED}
    edited = [e for e in group if e.is_edited]
    roles: dict[int, set[str]] = defaultdict(set)
    for engagement in edited:
        for participation in participations[engagement.pk]:
            roles[participation.actor_id].add(participation.role)
    if (
        len(reviews) > 1
        or len({(e.location, e.status, e.date_start, e.date_end) for e in edited}) > 1
        or any(len(actor_roles) > 1 for actor_roles in roles.values())
    ):
        numbers = "، ".join(f"#{e.pk}" for e in sorted(group, key=lambda e: e.pk))
        raise CurationError(
            f"بعد الدمج تصير الأحداث {numbers} حدثًا واحدًا، لكن ما قرّره المحللون فيها متعارض "
            "(المراجعة أو المكان أو الحالة أو التاريخ أو الأدوار). وحِّدها أولًا ثم أعد الدمج."
        )
    history_baseline_ensure(model=Participation, pks=[p.pk for e in group for p in participations[e.pk]])
    history_baseline_ensure(model=Evidence, pks=[row.pk for e in losers for row in evidence[e.pk]])

    if not survivor.is_curated:
        for loser in sorted(losers, key=lambda e: e.pk):
            engagement_refine(
                survivor,
                when=engagement_when(loser),
                date_text=loser.date_text,
                location=loser.location,
                status=loser.status,
            )
    if reviews:
        survivor.review = reviews.pop()
    survivor.confidence = evidence_confidence(row for e in group for row in evidence[e.pk])

    kept = {p.actor_id: p for p in participations[survivor.pk]}
    spans = {(row.document_id, row.start) for row in evidence[survivor.pk]}
    for loser in losers:
        for participation in participations[loser.pk]:
            kept[participation.actor_id] = participation_join(
                participation,
                engagement=survivor,
                existing=kept.get(participation.actor_id),
                roles_open=not survivor.is_edited,
                user=user,
                reason=reason,
            )
        for row in evidence[loser.pk]:
            if (row.document_id, row.start) in spans:
                record_delete(row, user=user, reason=reason)
                continue
            row.engagement = survivor
            record_save(row, user=user, reason=reason)
            spans.add((row.document_id, row.start))
        record_delete(loser, user=user, reason=reason)
    return survivor


def participation_join(
    participation: Participation,
    *,
    engagement: Engagement | None = None,
    actor: Actor | None = None,
    existing: Participation | None,
    roles_open: bool,
    user: User,
    reason: str,
) -> Participation:
    """Move a participation to another engagement or actor; where that actor already takes part in
    that engagement (`existing`), the two become one, with the more specific role unless the roles
    are a curator's (`roles_open` false). Returns the participation kept."""
    if existing is None:
        if engagement is not None:
            participation.engagement = engagement
        if actor is not None:
            participation.actor = actor
        record_save(participation, user=user, reason=reason)
        return participation
    if roles_open and ROLE_RANK.get(participation.role, 0) > ROLE_RANK.get(existing.role, 0):
        existing.role = participation.role
        record_save(existing, user=user, reason=reason)
    record_delete(participation, user=user, reason=reason)
    return existing
