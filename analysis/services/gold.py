"""Curated documents as gold files (issue 18): what curators verified, edited and rejected becomes
training data for the extractor, in `../shared/gold/CONVENTIONS.md`'s format, so that
`manage.py train_extractor --gold-dir PATH --text-dir PATH` learns from a team's own curation.

A document is exported when a curator decided on one of its engagements (verified, rejected or
edited). Its gold file lists the engagements it supports except the rejected ones: a rejected fact is
left out of `engagements` (and kept under `rejected`, which score.py ignores), so the candidate the
extractor made of it is labelled wrong, a negative example. Engagements nobody reviewed stay in, as
the extractor stated them (`"reviewed": false`): a curator who left them standing did not reject
them. The text goes beside it as `<name>.txt` (the raw text the extractor reads).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from django.db.models import Q

from analysis.models import Actor, ActorTitle, Document, Engagement, Evidence, Mention, Participation
from analysis.services.export import _iso_date


def curated_documents() -> list[Document]:
    """Documents with at least one engagement a curator decided on, oldest first."""
    decided = Q(engagement__is_edited=True) | ~Q(engagement__review=Engagement.Review.EXTRACTED)
    ids = Evidence.objects.filter(decided).values("document_id")
    return list(Document.objects.filter(pk__in=ids).order_by("id"))


def _engagement_gold(engagement: Engagement, evidence: Evidence, names: dict[int, str]) -> dict:
    return {
        "type": engagement.type,
        "participants": [names[p.actor_id] for p in engagement.participations.all()],
        "date": _iso_date(engagement),
        "date_text": engagement.date_text or None,
        "location": engagement.location or None,
        "evidence": evidence.sentence,
        "status": engagement.status,
        "core": True,
        "reviewed": engagement.is_curated,
    }


def document_gold(document: Document) -> dict:
    """The gold annotation of one document, from its stored facts and their curation."""
    evidence = (
        Evidence.objects.filter(document=document)
        .select_related("engagement")
        .prefetch_related("engagement__participations")
        .order_by("start")
    )
    first: dict[int, Evidence] = {}
    for row in evidence:
        first.setdefault(row.engagement_id, row)
    actor_ids = set(Mention.objects.filter(document=document).values_list("actor_id", flat=True))
    actor_ids |= set(Participation.objects.filter(engagement_id__in=first).values_list("actor_id", flat=True))
    titles = defaultdict(list)
    for actor_id, title in ActorTitle.objects.filter(document=document).values_list("actor_id", "title"):
        titles[actor_id].append(title)
    surfaces = defaultdict(set)
    for actor_id, surface in Mention.objects.filter(document=document).values_list("actor_id", "surface"):
        surfaces[actor_id].add(surface)
    actors, names = [], {}
    for actor in Actor.objects.filter(pk__in=actor_ids).prefetch_related("aliases").order_by("name"):
        names[actor.pk] = actor.name
        forms = {a.name for a in actor.aliases.all()} | surfaces[actor.pk]
        aliases = sorted(f for f in forms if f != actor.name and f in document.raw_text)
        title = next(iter(titles[actor.pk]), None)
        actors.append({"name": actor.name, "aliases": aliases, "kind": actor.kind, "title": title})
    kept, rejected = [], []
    for row in first.values():
        record = _engagement_gold(row.engagement, row, names)
        (rejected if row.engagement.review == Engagement.Review.REJECTED else kept).append(record)
    return {
        "url": document.source_path,
        "outlet": document.outlet or None,
        "published": document.published_on.isoformat() if document.published_on else None,
        "actors": actors,
        "engagements": kept,
        "rejected": rejected,
        "notes": "exported from curation (manage.py export gold)",
    }


def gold_export(*, path: Path) -> int:
    """Write `<name>.json` (gold) and `<name>.txt` (text) into `path` for each curated document; how many."""
    path.mkdir(parents=True, exist_ok=True)
    documents = curated_documents()
    for document in documents:
        name = f"curated-{document.pk:06d}"
        gold = document_gold(document)
        text = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        (path / f"{name}.json").write_text(text, encoding="utf-8")
        (path / f"{name}.txt").write_text(document.raw_text, encoding="utf-8")
    return len(documents)
