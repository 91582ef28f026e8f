"""Sources that disagree: found when a document is stored, decided by a curator.

- `disagreements_detect`: for some engagements, what their sources disagree about (`Disagreement.Kind`):
  the place one engagement's sources name; two engagements of the same type and participants from
  different sources within `NEAR_DAYS` of each other (one event misdated); two of the same type and
  date from different sources, one's participants a part of the other's. Stored once per key; a
  flag that no longer holds, and that no curator decided, is dropped.
- `disagreement_resolve`: a curator picks the right reading; the engagement is fixed, or the two
  become one, through the curation services (so the audit history records it).
- `disagreement_dismiss`: the sources do not disagree (two events after all); never flagged again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from analysis.arabic import name_key
from analysis.models import Disagreement, Engagement, Evidence, Participation
from analysis.services import curation
from analysis.services.history import (
    CurationError,
    User,
    history_baseline_ensure,
    reason_clip,
    record_delete,
    record_save,
)
from analysis.services.versions import data_version_bump

NEAR_DAYS = 14  # "likely one event misdated": the window between two reports of one meeting
MIN_SHARED_PARTICIPANTS = 2  # one participant in common is every meeting a busy minister holds that day


@dataclass(frozen=True, slots=True)
class _Stored:
    """An engagement as detection compares it."""

    pk: int
    type: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    is_edited: bool
    actor_ids: frozenset[int]
    document_ids: frozenset[int]


# The places the evidence names come with the engagements asked about that no curator edited (one
# statement fewer per stored document: a round trip took ~4 ms of an ingest worker's ~90 under load).
_NEARBY_SQL = f"""
SELECT e.id, e.type, e.date_start, e.date_end, e.date_precision, e.is_edited,
       ARRAY(SELECT p.actor_id FROM analysis_participation p WHERE p.engagement_id = e.id) AS actor_ids,
       ARRAY(SELECT DISTINCT v.document_id FROM analysis_evidence v WHERE v.engagement_id = e.id) AS document_ids,
       CASE WHEN e.id = ANY(%s::bigint[]) AND NOT e.is_edited THEN
           ARRAY(SELECT v.location FROM analysis_evidence v WHERE v.engagement_id = e.id AND v.location <> '')
       END AS locations
FROM analysis_engagement e
WHERE e.review <> 'rejected' AND e.id IN (
    SELECT unnest(%s::bigint[])
    UNION
    SELECT nearby.id
    FROM analysis_engagement t
    CROSS JOIN LATERAL (
        -- By type, precision and date first (engagement_match_idx): a busy actor has thousands of
        -- engagements. A month-precise one starts on the first of a month that may begin before the window.
        SELECT c.id FROM analysis_engagement c
        WHERE c.type = t.type
          AND (
              (c.date_precision = 'day'
               AND c.date_start BETWEEN t.date_start - {NEAR_DAYS} AND t.date_end + {NEAR_DAYS})
              OR (c.date_precision = 'month'
                  AND c.date_start BETWEEN date_trunc('month', t.date_start - {NEAR_DAYS})::date
                                       AND t.date_end + {NEAR_DAYS})
          )
          AND c.id <> t.id
          AND EXISTS (
              SELECT 1 FROM analysis_participation q JOIN analysis_participation r ON r.actor_id = q.actor_id
              WHERE q.engagement_id = t.id AND r.engagement_id = c.id
          )
        OFFSET 0
    ) AS nearby
    WHERE t.id = ANY(%s::bigint[]) AND t.date_precision IN ('day', 'month')
)
"""


def _gap_days(a: _Stored, b: _Stored) -> int:
    """Days between two date ranges (0 when they overlap)."""
    if a.date_end < b.date_start:
        return (b.date_start - a.date_end).days
    if b.date_end < a.date_start:
        return (a.date_start - b.date_end).days
    return 0


def _pair_kind(a: _Stored, b: _Stored) -> str | None:
    """What two engagements' sources disagree about, if they look like one event reported two ways."""
    if a.type != b.type or not a.document_ids or not b.document_ids or a.document_ids & b.document_ids:
        return None  # one article reporting two meetings a week apart reports two meetings
    if a.date_start is None or b.date_start is None:
        return None
    gap = _gap_days(a, b)
    if a.actor_ids == b.actor_ids:
        same_date = (a.date_start, a.date_end) == (b.date_start, b.date_end)
        return Disagreement.Kind.DATE if gap <= NEAR_DAYS and not same_date else None
    smaller, larger = sorted((a.actor_ids, b.actor_ids), key=len)
    if gap == 0 and len(smaller) >= MIN_SHARED_PARTICIPANTS and smaller < larger:
        return Disagreement.Kind.PARTICIPANTS
    return None


def _place_key(location: str) -> str:
    return name_key(location) or location.strip()


def _places_differ(locations: Iterable[str]) -> bool:
    """Whether two places differ beyond one naming the other more fully (`بغداد`, `العاصمة بغداد`)."""
    keys = {_place_key(location) for location in locations if location.strip()}
    return any(a not in b and b not in a for a in keys for b in keys)


def disagreements_detect(*, engagement_ids: Iterable[int]) -> int:
    """Find and store what the sources of these engagements (and of their near neighbours) disagree
    about; drop open flags on them that no longer hold. Returns how many new flags were stored."""
    ids = sorted(set(engagement_ids))
    if not ids:
        return 0
    found: dict[str, Disagreement] = {}
    stored: dict[int, _Stored] = {}
    places: dict[int, list[str]] = {}  # the places each unedited engagement's evidence names
    for row in Engagement.objects.raw(_NEARBY_SQL, [ids, ids, ids]):
        stored[row.id] = _Stored(
            row.id,
            row.type,
            row.date_start,
            row.date_end,
            row.date_precision,
            row.is_edited,
            frozenset(row.actor_ids),
            frozenset(row.document_ids),
        )
        if row.locations:
            places[row.id] = row.locations
    for pk in ids:
        mine = stored.get(pk)
        if mine is None or mine.date_precision not in ("day", "month"):
            continue
        for other in stored.values():
            if other.pk == pk or other.date_precision not in ("day", "month"):
                continue
            kind = _pair_kind(mine, other)
            if kind is not None:
                low, high = sorted((pk, other.pk))
                key = f"{kind}:{low}:{high}"
                found[key] = Disagreement(kind=kind, engagement_id=low, other_id=high, key=key)

    for engagement_id, locations in sorted(places.items()):
        if _places_differ(locations):
            key = f"{Disagreement.Kind.PLACE}:{engagement_id}"
            found[key] = Disagreement(kind=Disagreement.Kind.PLACE, engagement_id=engagement_id, key=key)

    Disagreement.objects.filter(
        Q(engagement_id__in=ids) | Q(other_id__in=ids), state=Disagreement.State.OPEN
    ).exclude(key__in=found).delete()
    if not found:
        return 0
    known = set(Disagreement.objects.filter(key__in=found).values_list("key", flat=True))
    created = Disagreement.objects.bulk_create(
        [flag for key, flag in found.items() if key not in known], ignore_conflicts=True
    )
    return len(created)


# Decisions ------------------------------------------------------------------------------------


def _decided(disagreement: Disagreement, *, state: str, resolution: str, user: User) -> None:
    disagreement.state = state
    disagreement.resolution = resolution[:300]
    disagreement.resolved_by = user if user is not None and user.is_authenticated else None
    disagreement.resolved_at = timezone.now()
    disagreement.save()


def _participants_copy(*, source: Engagement, target: Engagement, user: User, reason: str) -> bool:
    """Give `target` exactly `source`'s participants (with their roles); returns whether any changed."""
    wanted = {p.actor_id: p.role for p in Participation.objects.filter(engagement=source)}
    current = list(Participation.objects.filter(engagement=target))
    history_baseline_ensure(model=Participation, pks=[p.pk for p in current])
    changed = False
    for participation in current:
        if participation.actor_id not in wanted:
            record_delete(participation, user=user, reason=reason)
            changed = True
    have = {p.actor_id for p in current}
    for actor_id, role in wanted.items():
        if actor_id not in have:
            record_save(
                Participation(engagement=target, actor_id=actor_id, role=role), user=user, reason=reason
            )
            changed = True
    return changed


@transaction.atomic
def disagreement_resolve(*, disagreement: Disagreement, reading: str, user: User) -> Engagement:
    """Make the reading a curator chose the engagement's: for `place`, `reading` is the place; for
    `date` and `participants`, the id of the engagement whose reading is right, and the other one
    takes its date (and participants) and so becomes the same event, folded into one. Returns the
    engagement that remains."""
    disagreement = Disagreement.objects.select_for_update().get(pk=disagreement.pk)
    if disagreement.state != Disagreement.State.OPEN:
        raise CurationError("حُسم هذا الاختلاف من قبل.")
    if disagreement.kind == Disagreement.Kind.PLACE:
        engagement = Engagement.objects.get(pk=disagreement.engagement_id)
        place = reading.strip()
        places = set(Evidence.objects.filter(engagement=engagement).values_list("location", flat=True))
        if not place or place not in places:
            raise CurationError("اختر أحد الأماكن التي ذكرتها المصادر.")
        reason = reason_clip(f"حسم اختلاف المصادر: المكان «{place}»")
        _decided(disagreement, state=Disagreement.State.RESOLVED, resolution=f"المكان: {place}", user=user)
        engagement.location = place
        curation.engagement_update(
            engagement=engagement, user=user, changed_fields=["location"], reason=reason
        )
        return engagement

    pair = {
        e.pk: e for e in Engagement.objects.filter(pk__in=[disagreement.engagement_id, disagreement.other_id])
    }
    if not str(reading).isdigit() or int(reading) not in pair or len(pair) != 2:
        raise CurationError("اختر إحدى الروايتين.")
    right = pair.pop(int(reading))
    (corrected,) = pair.values()
    what = "التاريخ" if disagreement.kind == Disagreement.Kind.DATE else "المشاركون"
    reason = reason_clip(f"حسم اختلاف المصادر ({what}): حدث واحد هو #{right.pk}")
    # The corrected engagement survives the fold (`keep`), so the decision stays linked to a stored row.
    _decided(
        disagreement,
        state=Disagreement.State.RESOLVED,
        resolution=f"{what}: رواية الحدث #{right.pk}؛ دُمج معه الحدث #{corrected.pk}",
        user=user,
    )
    Disagreement.objects.filter(pk=disagreement.pk).update(engagement=corrected, other=None)
    participants_changed = False
    if disagreement.kind == Disagreement.Kind.PARTICIPANTS:
        participants_changed = _participants_copy(source=right, target=corrected, user=user, reason=reason)
    changed = [
        field
        for field in ("date_start", "date_end", "date_precision", "date_text")
        if getattr(corrected, field) != getattr(right, field)
    ]
    for field in changed:
        setattr(corrected, field, getattr(right, field))
    if changed:
        curation.engagement_update(engagement=corrected, user=user, changed_fields=changed, reason=reason)
    if participants_changed or not changed:
        curation.engagement_mark_edited(engagement=corrected, user=user, reason=reason)
    disagreements_detect(engagement_ids=[corrected.pk])
    return corrected


@transaction.atomic
def disagreement_dismiss(*, disagreement: Disagreement, user: User, reason: str = "") -> Disagreement:
    """Record that the sources do not disagree (two events after all): the flag leaves the queue, the card
    and the timeline filter, and detection never raises it again."""
    disagreement = Disagreement.objects.select_for_update().get(pk=disagreement.pk)
    if disagreement.state != Disagreement.State.OPEN:
        raise CurationError("حُسم هذا الاختلاف من قبل.")
    data_version_bump()
    default = "حدثان مختلفان" if disagreement.other_id else "لا تعارض بين المصادر"
    _decided(disagreement, state=Disagreement.State.DISMISSED, resolution=reason or default, user=user)
    return disagreement
