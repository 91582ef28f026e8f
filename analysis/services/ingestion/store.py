"""Storing one document: its row, its actors' aliases, titles and mentions, and its engagements
merged into the stored ones by the one merge rule (`services.engagement_identity`).

`document_ingest` reads a file (`extraction.read`), extracts it and stores it in one transaction.
A document is identified by the sha256 of its text and re-extracted only when the extractor version
changes (or on request). Curated facts are never changed: verified, edited or rejected engagements,
curated actors and curated aliases. Rows are written in bulk (`services.rows`), so they start
without audit history; curation records a baseline before a curator's first change.
"""

from __future__ import annotations

import dataclasses
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django.db import IntegrityError, OperationalError, connection, transaction

from analysis.arabic import name_key, normalize
from analysis.extraction.read import DocumentError, article_read, text_sha256
from analysis.extraction.results import (
    ActorKind,
    ExtractedActor,
    ExtractedEngagement,
    ExtractionResult,
)
from analysis.models import ActorTitle, Alias, Document, Engagement, Evidence, Mention, Participation
from analysis.services.confidence import (
    actors_confidence_add,
    actors_confidence_refresh,
    engagements_confidence_refresh,
)
from analysis.services.engagement_identity import (
    Reported,
    engagement_fingerprint,
    engagement_refine,
    engagements_matching,
)
from analysis.services.ingestion.directory import (
    ACTOR_CREATE_LOCK,
    ActorDirectory,
    actor_upgrade,
    actors_create,
    stored_name,
)
from analysis.services.rows import rows_insert, rows_insert_returning
from analysis.services.versions import data_version_bump_on_commit

DEADLOCK_RETRIES = 3

Extractor = Callable[..., ExtractionResult]
"""`extract_document(raw_text, *, known_actors=..., metadata=...)`: the extraction pipeline's signature
(`metadata` is passed only for a file that has its own, such as a web page's meta tags)."""


class IngestStatus(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    path: str
    status: IngestStatus
    document_id: int | None = None
    reason: str = ""
    notices: tuple[str, ...] = ()  # what the reading noted (a page read without trafilatura ...)
    actors_created: int = 0
    engagements_created: int = 0
    evidence_created: int = 0


def _clip(value: str | None, length: int) -> str:
    return (value or "").strip()[:length]


@dataclass(slots=True)
class _PlannedEngagement:
    fingerprint: str
    extracted: ExtractedEngagement
    actor_ids: list[int]
    roles: dict[int, str]


@dataclass(slots=True)
class _Counts:
    actors: int = 0
    engagements: int = 0
    evidence: int = 0
    created: set[int] = dataclasses.field(default_factory=set)  # the engagements this document inserted


def _actors_store(
    *, document: Document, result: ExtractionResult, directory: ActorDirectory, rows: dict[type, list]
) -> tuple[dict[str, int], _Counts]:
    """Resolve the document's actors (creating the new ones); add their aliases, titles and mentions to `rows`."""
    counts = _Counts()
    resolved: dict[str, int] = {}
    unresolved: list[ExtractedActor] = []
    # What other ingests committed since the last look: resolving against a directory up to
    # REFRESH_SECONDS old folded a person another process had just stored into a namesake (two
    # `ingest --workers 1` at once over 200 articles: 1 run in 5 differed from a single run).
    directory.refresh()
    for extracted in result.actors:
        actor_id = directory.resolve(name=extracted.name, kind=str(extracted.kind), aliases=extracted.aliases)
        if actor_id is None:
            unresolved.append(extracted)
        else:
            resolved[extracted.name] = actor_id
    if unresolved:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ACTOR_CREATE_LOCK])
        directory.refresh()
        # full names first, so that a short form in the same document can resolve to them
        for batch in (
            [a for a in unresolved if " " in name_key(a.name)],
            [a for a in unresolved if " " not in name_key(a.name)],
        ):
            pending = []
            for extracted in batch:
                actor_id = directory.resolve(
                    name=extracted.name, kind=str(extracted.kind), aliases=extracted.aliases
                )
                if actor_id is None:
                    pending.append(extracted)
                else:
                    resolved[extracted.name] = actor_id
            if pending:
                ids, created = actors_create(directory=directory, pending=pending)
                resolved.update(ids)
                counts.actors += created

    aliases: dict[tuple[int, str], dict] = {}
    titles: dict[tuple[int, str], dict] = {}
    mentions: dict[tuple[int, int], dict] = {}
    for extracted in result.actors:
        actor_id = resolved.get(extracted.name)
        if actor_id is None:
            continue
        actor_upgrade(directory=directory, actor_id=actor_id, extracted=extracted)
        for surface in (extracted.name, *extracted.aliases):
            key = name_key(surface)[:300]
            if key and not directory.has_key(actor_id, key) and (actor_id, key) not in aliases:
                aliases[actor_id, key] = {"actor_id": actor_id, "name": stored_name(surface), "key": key}
        for title in extracted.titles:
            title = stored_name(title, 500)
            if title:
                titles.setdefault(
                    (actor_id, title),
                    {
                        "actor_id": actor_id,
                        "title": title,
                        "document_id": document.pk,
                        "seen_on": document.published_on,
                    },
                )
        for span in extracted.mentions:
            if span.end > span.start >= 0:
                mentions.setdefault(
                    (span.start, span.end),
                    {
                        "document_id": document.pk,
                        "actor_id": actor_id,
                        "start": span.start,
                        "end": span.end,
                        "surface": _clip(span.text, 300) or "-",
                        "confidence": extracted.confidence,
                    },
                )
    for alias in aliases.values():
        directory.add_alias(actor_id=alias["actor_id"], name=alias["name"], key=alias["key"])
    rows[Alias] = list(aliases.values())
    rows[ActorTitle] = list(titles.values())
    rows[Mention] = list(mentions.values())
    return resolved, counts


def _engagements_store(
    *,
    document: Document,
    result: ExtractionResult,
    resolved: dict[str, int],
    directory: ActorDirectory,
    updating: bool,
    rows: dict[type, list],
) -> _Counts:
    """Merge the document's engagements into the stored ones by fingerprint; one evidence row per
    sentence. Participants of new engagements and the evidence go to `rows`."""
    counts = _Counts()
    planned: list[_PlannedEngagement] = []
    for extracted in result.engagements:
        roles: dict[int, str] = {}
        for participant in extracted.participants:
            actor_id = resolved.get(participant.name)
            if actor_id is None:
                actor_id = directory.resolve(name=participant.name, kind=ActorKind.PERSON) or next(
                    iter(directory.by_key.get(name_key(participant.name), ())), None
                )
            if actor_id is not None:
                roles.setdefault(actor_id, str(participant.role))
        fingerprint = engagement_fingerprint(
            type=str(extracted.type),
            actor_ids=list(roles),
            when=extracted.date,
            document_sha256=document.sha256,
            evidence_start=extracted.evidence.start,
        )
        if roles:  # an engagement with no actor the document names is no one's fact
            planned.append(_PlannedEngagement(fingerprint, extracted, sorted(roles), roles))
    if not planned:
        return counts

    targets = engagements_matching(
        [Reported(p.fingerprint, str(p.extracted.type), p.actor_ids, p.extracted.date) for p in planned]
    )
    if updating:
        # A sentence that already supports a curated engagement stays its report, even when a curator
        # has since changed what identifies it (its date or participants, so its fingerprint).
        supported = {
            (row.start, row.engagement.type): row.engagement
            for row in Evidence.objects.filter(document=document).select_related("engagement")
        }
        for plan in planned:
            kept = supported.get((plan.extracted.evidence.start, str(plan.extracted.type)))
            if plan.fingerprint not in targets and kept is not None:
                targets[plan.fingerprint] = kept

    new: dict[str, dict] = {}
    changed: dict[int, Engagement] = {}
    for plan in planned:
        target = targets.get(plan.fingerprint)
        if target is not None:
            extracted = plan.extracted
            if not target.is_curated and engagement_refine(
                target,
                when=extracted.date,
                date_text=extracted.date_text,
                location=extracted.location,
                status=str(extracted.status),
            ):
                changed[target.pk] = target
            continue
        if plan.fingerprint not in new:
            extracted, when = plan.extracted, plan.extracted.date
            new[plan.fingerprint] = {
                "fingerprint": plan.fingerprint,
                "type": str(extracted.type),
                "date_start": when.start,
                "date_end": when.end,
                "date_precision": str(when.precision),
                "date_text": _clip(extracted.date_text, 200),
                "location": _clip(extracted.location, 200),
                "status": str(extracted.status),
            }
    if changed:
        for engagement in changed.values():
            engagement.save(
                update_fields=[
                    "status",
                    "location",
                    "date_start",
                    "date_end",
                    "date_precision",
                    "date_text",
                    "updated_at",
                ]
            )
    if new:
        # In fingerprint order, so that two workers storing the same engagements lock them alike.
        inserted = rows_insert_returning(
            model=Engagement,
            rows=[new[fingerprint] for fingerprint in sorted(new)],
            returning=("id", "fingerprint"),
        )
        counts.engagements += len(inserted)
        counts.created = {engagement_id for engagement_id, _ in inserted}
        for engagement_id, fingerprint in inserted:
            targets[fingerprint] = Engagement(pk=engagement_id, **new[fingerprint])
        if len(inserted) < len(new):  # another worker stored some of them meanwhile
            targets.update(
                {e.fingerprint: e for e in Engagement.objects.filter(fingerprint__in=set(new) - set(targets))}
            )
        rows[Participation] = [
            {"engagement_id": targets[plan.fingerprint].pk, "actor_id": actor_id, "role": role}
            for plan in planned
            if plan.fingerprint in new
            for actor_id, role in plan.roles.items()
        ]

    # A new document has no evidence yet; a re-extracted one keeps only its curated engagements' evidence.
    curated_targets = {e.pk for e in targets.values() if e.is_curated}
    already = set()
    if updating and curated_targets:
        already = set(
            Evidence.objects.filter(document=document, engagement__in=curated_targets).values_list(
                "engagement_id", "start"
            )
        )
    documented = {engagement_id for engagement_id, _ in already}
    evidence: dict[tuple[int, int], dict] = {}
    for plan in planned:
        target = targets[plan.fingerprint]
        if target.review == Engagement.Review.REJECTED or (target.is_curated and target.pk in documented):
            continue
        span = plan.extracted.evidence
        if span.end <= span.start or (target.pk, span.start) in already:
            continue
        row = evidence.setdefault(
            (target.pk, span.start),
            {
                "engagement_id": target.pk,
                "document_id": document.pk,
                "start": span.start,
                "end": span.end,
                "sentence": span.text,
                "date_text": _clip(plan.extracted.date_text, 200),
                "location": _clip(plan.extracted.location, 200),
                "confidence": None,
                "cues": _clip(",".join(plan.extracted.cues), 400),
            },
        )
        if plan.extracted.confidence is not None:
            row["confidence"] = max(row["confidence"] or 0.0, plan.extracted.confidence)
    rows[Evidence] = list(evidence.values())
    return counts


def _actor_confidences(result: ExtractionResult, resolved: dict[str, int]) -> dict[int, float]:
    """The document's calibrated confidence of each stored actor (the best when two names resolve to one)."""
    out: dict[int, float] = {}
    for extracted in result.actors:
        actor_id = resolved.get(extracted.name)
        if actor_id is not None and extracted.confidence is not None:
            out[actor_id] = max(out.get(actor_id, 0.0), extracted.confidence)
    return out


def _extracted_facts_clear(*, document: Document) -> list[int]:
    """Remove what the previous extraction stored for this document, except curated facts.

    Returns the engagements that lost evidence, to delete afterwards if nothing supports them.
    """
    Mention.objects.filter(document=document).delete()
    ActorTitle.objects.filter(document=document).delete()
    stale = Evidence.objects.filter(
        document=document, engagement__review=Engagement.Review.EXTRACTED, engagement__is_edited=False
    )
    engagement_ids = list(stale.values_list("engagement_id", flat=True).distinct())
    stale.delete()
    return engagement_ids


def _document_fields(result: ExtractionResult, version: str) -> dict:
    meta = result.metadata
    return {
        "title": meta.title or "",
        "outlet": _clip(meta.outlet, 200),
        "author": _clip(meta.author, 300),
        "published_on": meta.published,
        "text": result.text,
        "normalized_text": normalize(result.text),
        "extractor_version": version[:40],
    }


def document_insert(*, path: Path, raw_text: str, sha256: str, **fields) -> Document:
    """Insert a new document row; the instance returned carries its id.

    One INSERT that reads back only the id: `Document.objects.create` also reads back the
    generated search vector, a few kilobytes per article that nothing here uses.
    """
    values = {"source_path": str(path)[:1024], "sha256": sha256, "raw_text": raw_text, **fields}
    ((document_id,),) = rows_insert_returning(
        model=Document, rows=[values], returning=("id",), conflicts="raise"
    )
    return Document(pk=document_id, **values)


def _document_store(
    *,
    path: Path,
    raw_text: str,
    sha256: str,
    result: ExtractionResult,
    version: str,
    directory: ActorDirectory,
    reextract: bool,
    stored_id: int | None,
) -> IngestOutcome:
    """Write one document and its facts; the caller holds the transaction."""
    if stored_id is None:
        # The transaction's first statement: when another worker stores the same text at the same
        # time, it fails on document_unique_sha256 before anything else is written.
        document = document_insert(
            path=path, raw_text=raw_text, sha256=sha256, **_document_fields(result, version)
        )
        status, stale, stale_actors = IngestStatus.NEW, [], set()
    else:
        document = Document.objects.select_for_update().get(pk=stored_id)
        if document.extractor_version == version and not reextract:
            return IngestOutcome(str(path), IngestStatus.UNCHANGED, document.pk)
        for name, value in _document_fields(result, version).items():
            setattr(document, name, value)
        document.save()
        stale_actors = set(Mention.objects.filter(document=document).values_list("actor_id", flat=True))
        stale = _extracted_facts_clear(document=document)
        status = IngestStatus.UPDATED
    rows: dict[type, list] = {}
    resolved, actor_counts = _actors_store(document=document, result=result, directory=directory, rows=rows)
    counts = _engagements_store(
        document=document,
        result=result,
        resolved=resolved,
        directory=directory,
        updating=status is IngestStatus.UPDATED,
        rows=rows,
    )
    counts.evidence = rows_insert(rows=rows).get(Evidence, 0)
    if stale:
        Engagement.objects.filter(
            pk__in=stale, review=Engagement.Review.EXTRACTED, is_edited=False, evidence__isnull=True
        ).delete()
    touched = {row["engagement_id"] for row in rows.get(Evidence, [])} | set(stale)
    # the engagements it created have only the evidence just written (a new engagement's rows skip no
    # conflict): their confidence needs neither a lock nor a read
    created: dict[int, list[tuple[int, str, float]]] = {pk: [] for pk in counts.created & touched}
    for row in rows.get(Evidence, []):
        if row["engagement_id"] in created and row["confidence"] is not None:
            created[row["engagement_id"]].append((document.pk, document.outlet, row["confidence"]))
    engagements_confidence_refresh(engagement_ids=touched, created=created)
    if status is IngestStatus.UPDATED:  # replaced facts: recompute from the mentions
        actors_confidence_refresh(actor_ids={*resolved.values(), *stale_actors})
    else:
        actors_confidence_add(
            document_id=document.pk, outlet=document.outlet, confidences=_actor_confidences(result, resolved)
        )
    # Imported here: the disagreement service decides through curation, which imports ingestion.
    from analysis.services.disagreement import disagreements_detect

    if status is IngestStatus.NEW:  # a new document's evidence is the rows just written, none skipped
        reported = [row["engagement_id"] for row in rows.get(Evidence, [])]  # (evidence_unique_span has it)
    else:
        reported = Evidence.objects.filter(document=document).values_list("engagement_id", flat=True)
    disagreements_detect(engagement_ids=[*reported, *stale])
    return IngestOutcome(
        str(path),
        status,
        document.pk,
        actors_created=actor_counts.actors,
        engagements_created=counts.engagements,
        evidence_created=counts.evidence,
    )


def _constraint(error: Exception) -> str | None:
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None)


def _is_retryable(error: OperationalError) -> bool:
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    return sqlstate in {"40P01", "40001"}  # deadlock detected, serialization failure


def _default_extractor() -> tuple[Extractor, str]:
    from analysis.extraction import pipeline

    return pipeline.extract_document, pipeline.EXTRACTOR_VERSION


def document_ingest(
    *,
    path: str | os.PathLike,
    reextract: bool = False,
    directory: ActorDirectory | None = None,
    extractor: Extractor | None = None,
    extractor_version: str | None = None,
    source_path: str | None = None,
) -> IngestOutcome:
    """Ingest one article file in one transaction. Expected failures come back as a FAILED outcome.

    `source_path`: where the document comes from when not `path` (an upload's name, not its temporary file).
    """
    path = Path(path)
    if extractor is None:
        extractor, default_version = _default_extractor()
        extractor_version = extractor_version or default_version
    version = extractor_version or "unversioned"
    directory = directory if directory is not None else ActorDirectory.load()
    try:
        article = article_read(path=path)
    except DocumentError as error:
        return IngestOutcome(str(path), IngestStatus.FAILED, reason=str(error))
    raw_text = article.text
    path = Path(source_path) if source_path else path
    sha256 = text_sha256(text=raw_text)
    stored = Document.objects.filter(sha256=sha256).values_list("pk", "extractor_version").first()
    if stored is not None and stored[1] == version and not reextract:
        return IngestOutcome(str(path), IngestStatus.UNCHANGED, stored[0])
    directory.refresh_if_stale()
    page = {"metadata": article.metadata} if article.metadata is not None else {}
    result = extractor(raw_text, known_actors=directory.known_actors(), **page)
    outcome = _extracted_store(
        path=path,
        raw_text=raw_text,
        sha256=sha256,
        result=result,
        version=version,
        directory=directory,
        reextract=reextract,
        stored_id=stored[0] if stored else None,
    )
    return dataclasses.replace(outcome, notices=article.notices) if article.notices else outcome


def document_reextract(
    *,
    document_id: int,
    directory: ActorDirectory | None = None,
    extractor: Extractor | None = None,
    extractor_version: str | None = None,
) -> IngestOutcome:
    """Run the extractor again over one stored document's text; curated facts are kept as at re-ingestion."""
    if extractor is None:
        extractor, default_version = _default_extractor()
        extractor_version = extractor_version or default_version
    directory = directory if directory is not None else ActorDirectory.load()
    document = Document.objects.values("source_path", "raw_text", "sha256").get(pk=document_id)
    directory.refresh_if_stale()
    result = extractor(document["raw_text"], known_actors=directory.known_actors())
    return _extracted_store(
        path=Path(document["source_path"]),
        raw_text=document["raw_text"],
        sha256=document["sha256"],
        result=result,
        version=extractor_version or "unversioned",
        directory=directory,
        reextract=True,
        stored_id=document_id,
    )


def _extracted_store(
    *,
    path: Path,
    raw_text: str,
    sha256: str,
    result: ExtractionResult,
    version: str,
    directory: ActorDirectory,
    reextract: bool,
    stored_id: int | None,
) -> IngestOutcome:
    """Store one extraction result in its own transaction, retrying deadlocks and slug races."""
    if not result.text.strip():
        return IngestOutcome(str(path), IngestStatus.FAILED, reason="no article text (only page chrome)")
    for attempt in range(DEADLOCK_RETRIES + 1):
        try:
            with transaction.atomic():
                data_version_bump_on_commit()  # one advance when the document commits
                return _document_store(
                    path=path,
                    raw_text=raw_text,
                    sha256=sha256,
                    result=result,
                    version=version,
                    directory=directory,
                    reextract=reextract,
                    stored_id=stored_id,
                )
        except IntegrityError as error:
            if _constraint(error) == "document_unique_sha256":  # another worker stored it meanwhile
                return IngestOutcome(
                    str(path), IngestStatus.UNCHANGED, Document.objects.get(sha256=sha256).pk
                )
            directory.reload()
            if _constraint(error) != "actor_unique_slug" or attempt == DEADLOCK_RETRIES:
                raise
        except OperationalError as error:
            directory.reload()
            if not _is_retryable(error) or attempt == DEADLOCK_RETRIES:
                raise
            time.sleep(random.uniform(0.05, 0.3) * (attempt + 1))
        except Exception:
            directory.reload()
            raise
    raise AssertionError("unreachable")
