"""An engagement's or an actor's confidence: the extractor's calibrated probability for each sentence
that reports the engagement (kept on its evidence rows) or for the actor in each document that names
it (kept on its mention rows), combined over independent sources (issue 18).

Sources are independent when they are different outlets (a document with no outlet is a source of
its own); within one source the most confident sentence counts. Independent reports combine as
`1 - Π(1 - p)`: two outlets each right 80% of the time are both wrong 4% of the time. Only computed
values are stored: an engagement none of whose evidence has a confidence keeps none (null), and the
dashboard then states none.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.db import transaction

from analysis.extraction.calibration import stated_probability
from analysis.models import Actor, Document, Engagement, Evidence, Mention
from analysis.services.rows import rows_update


def corroborated(probabilities: Iterable[float]) -> float | None:
    """The chance that at least one of independent reports is right, as stated (never 1: two sources at
    0.98 make 0.9996, stated 0.999); None for no report."""
    ps = list(probabilities)
    if not ps:
        return None
    return stated_probability(1.0 - math.prod(1.0 - p for p in ps))


def source_key(document_id: int, outlet: str) -> str:
    """Which source a document belongs to: its outlet, else itself."""
    return outlet.strip() or f"document:{document_id}"


def _by_source(rows: Iterable[tuple[int, int, str, float]]) -> dict[int, dict[str, float]]:
    """`(engagement id, document id, outlet, confidence)` rows -> each engagement's best confidence
    per source."""
    out: dict[int, dict[str, float]] = defaultdict(dict)
    for engagement_id, document_id, outlet, p in rows:
        sources = out[engagement_id]
        key = source_key(document_id, outlet)
        sources[key] = max(sources.get(key, 0.0), p)
    return out


def engagement_sources(engagement_ids: Iterable[int]) -> dict[int, dict[str, float]]:
    """For each engagement, the best evidence confidence of each of its sources."""
    rows = Evidence.objects.filter(engagement_id__in=list(engagement_ids), confidence__isnull=False)
    return _by_source(rows.values_list("engagement_id", "document_id", "document__outlet", "confidence"))


def evidence_confidence(rows: Iterable[Evidence]) -> float | None:
    """The confidence of one engagement made of these evidence rows (engagements folded into one)."""
    rows = [row for row in rows if row.confidence is not None]
    outlets = dict(Document.objects.filter(pk__in={r.document_id for r in rows}).values_list("pk", "outlet"))
    sources = _by_source((0, r.document_id, outlets.get(r.document_id, ""), r.confidence) for r in rows)
    return corroborated(sources.get(0, {}).values())


@transaction.atomic(savepoint=False)
def engagements_confidence_refresh(
    *, engagement_ids: Iterable[int], created: Mapping[int, Iterable[tuple[int, str, float]]] | None = None
) -> int:
    """Recompute and store the confidence of these engagements from their evidence; how many changed.

    The engagements are locked (in id order) before their evidence is read: an ingest worker adding a
    sentence to one of them waits for the other's commit and then reads its sentence too. `created`:
    engagements this transaction inserted (no confidence yet), with all their evidence as `(document id,
    outlet, confidence)`; no other transaction sees them before the commit, so they are neither locked
    nor read (two statements of a stored document's ~16, each a ~4 ms round trip under load)."""
    created = created or {}
    ids = set(engagement_ids) - set(created)
    rows = []
    if ids:
        rows = list(
            Engagement.objects.select_for_update().filter(pk__in=ids).order_by("pk").only("pk", "confidence")
        )
        sources = engagement_sources(ids)
    changed = []
    for engagement in rows:
        value = corroborated(sources.get(engagement.pk, {}).values())
        if value != engagement.confidence:
            engagement.confidence = value
            changed.append(engagement)
    for pk, evidence in sorted(created.items()):
        value = corroborated(_by_source((pk, *row) for row in evidence).get(pk, {}).values())
        if value is not None:
            changed.append(Engagement(pk=pk, confidence=value))
    rows_update(model=Engagement, objects=changed, fields=["confidence"])
    return len(changed)


def actor_sources(actor_id: int) -> dict[str, float]:
    """An actor's best mention confidence per source, read from all its mentions."""
    rows = Mention.objects.filter(actor_id=actor_id, confidence__isnull=False)
    rows = rows.values_list("actor_id", "document_id", "document__outlet", "confidence")
    return _by_source(rows).get(actor_id, {})


@transaction.atomic(savepoint=False)
def actors_confidence_add(*, document_id: int, outlet: str, confidences: dict[int, float]) -> int:
    """Fold one new document's actor confidences (actor id -> p) into each actor's per-source bests;
    no mention is read, so the cost does not grow with how often an actor was named before. How many
    actors changed."""
    key = source_key(document_id, outlet)
    changed = []
    # locked in id order, so that two ingest workers storing documents at once neither write back the
    # sources they read before the other's commit nor wait on each other in a cycle
    rows = Actor.objects.select_for_update().filter(pk__in=list(confidences)).order_by("pk")
    for actor in rows.only("pk", "confidence", "confidence_sources"):
        sources = dict(actor.confidence_sources or {})
        best = max(sources.get(key, 0.0), confidences[actor.pk])
        if sources.get(key) == best:
            continue
        sources[key] = best
        actor.confidence_sources, actor.confidence = sources, corroborated(sources.values())
        changed.append(actor)
    rows_update(model=Actor, objects=changed, fields=["confidence", "confidence_sources"])
    return len(changed)


@transaction.atomic(savepoint=False)
def actors_confidence_refresh(*, actor_ids: Iterable[int]) -> int:
    """Recompute and store the confidence of these actors from all their mentions (after a document's
    facts were replaced, or actors merged or split); how many changed. Locked first, as above."""
    ids = set(actor_ids)
    if not ids:
        return 0
    actors = list(
        Actor.objects.select_for_update()
        .filter(pk__in=ids)
        .order_by("pk")
        .only("pk", "confidence", "confidence_sources")
    )
    rows = Mention.objects.filter(actor_id__in=ids, confidence__isnull=False)
    by_actor = _by_source(rows.values_list("actor_id", "document_id", "document__outlet", "confidence"))
    changed = []
    for actor in actors:
        sources = by_actor.get(actor.pk, {})
        if sources != (actor.confidence_sources or {}) or corroborated(sources.values()) != actor.confidence:
            actor.confidence_sources, actor.confidence = sources or None, corroborated(sources.values())
            changed.append(actor)
    rows_update(model=Actor, objects=changed, fields=["confidence", "confidence_sources"])
    return len(changed)
