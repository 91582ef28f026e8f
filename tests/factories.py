"""Small factories for the analysis models: each builds one valid row with sensible defaults."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Sequence

from django.utils.text import slugify

from analysis.arabic import DateValue, name_key, normalize
from analysis.models import Actor, Alias, Document, Engagement, Evidence, Participation

_sequence = itertools.count(1)


def actor_create(
    *, name: str, kind: str = "person", is_curated: bool = False, aliases: Iterable[str] = (), **fields
) -> Actor:
    n = next(_sequence)
    actor = Actor.objects.create(
        name=name,
        name_key=name_key(name),
        kind=kind,
        slug=fields.pop("slug", f"{slugify(name, allow_unicode=True) or 'actor'}-{n}"),
        is_curated=is_curated,
        **fields,
    )
    for alias in aliases:
        Alias.objects.create(
            actor=actor,
            name=alias,
            key=name_key(alias),
            source=Alias.Source.CURATED if is_curated else Alias.Source.EXTRACTED,
        )
    return actor


def document_create(*, text: str | None = None, **fields) -> Document:
    n = next(_sequence)
    text = text if text is not None else f"نص الوثيقة رقم {n}"
    fields.setdefault("source_path", f"/tmp/document-{n}.txt")
    fields.setdefault("sha256", hashlib.sha256(f"{text}\n{n}".encode()).hexdigest())
    return Document.objects.create(raw_text=text, text=text, normalized_text=normalize(text), **fields)


def engagement_create(
    *,
    actors: Sequence[Actor] = (),
    type: str = "meeting",
    date: str | None = None,
    document: Document | None = None,
    sentence: str = "التقى الطرفان.",
    **fields,
) -> Engagement:
    """An engagement on an ISO prefix date (`2024`, `2024-02`, `2024-02-01` or None), with its
    participants and, when a document is given, one evidence sentence from it."""
    when = DateValue.from_iso(date)
    fields.setdefault("fingerprint", hashlib.sha256(f"engagement-{next(_sequence)}".encode()).hexdigest())
    engagement = Engagement.objects.create(
        type=type,
        date_start=when.start,
        date_end=when.end,
        date_precision=str(when.precision),
        date_text=date or "",
        **fields,
    )
    for actor in actors:
        Participation.objects.create(engagement=engagement, actor=actor)
    if document is not None:
        Evidence.objects.create(
            engagement=engagement, document=document, start=0, end=len(sentence), sentence=sentence
        )
    return engagement


# ---------------------------------------------------------------------------------------------
# Hand-made extraction: an article whose lines say what a pipeline would find in it.
#   actor|<kind>|<name>|<alias>,<alias>|<title>
#   <type>|<date or ->|<participant>,<participant>|<location>|<status>
# `scripted_extract` reads those lines back as an ExtractionResult with real offsets.


def article_text(
    *,
    actors: Sequence[tuple] = (),
    engagements: Sequence[tuple] = (),
    published: str | None = None,
    body: str = "",
) -> str:
    """actors: (name, kind, aliases, title); engagements: (type, iso date or None, participants,
    location, status)."""
    lines = [f"published|{published}"] if published else []
    for name, kind, *rest in actors:
        aliases = rest[0] if rest else ()
        title = rest[1] if len(rest) > 1 else ""
        lines.append(f"actor|{kind}|{name}|{','.join(aliases)}|{title or ''}")
    for type_, when, participants, *rest in engagements:
        location = rest[0] if rest else ""
        status = rest[1] if len(rest) > 1 else "reported"
        lines.append(f"{type_}|{when or '-'}|{','.join(participants)}|{location or ''}|{status}")
    if body:
        lines.append(body)
    return "\n".join(lines) + "\n"


def scripted_extract(raw_text: str, *, known_actors=()):
    """A stand-in for `extract_document` that reads `article_text` lines."""
    from datetime import date as date_type

    from analysis.extraction.results import (
        DocumentMetadata,
        EngagementType,
        ExtractedActor,
        ExtractedEngagement,
        ExtractionResult,
        Participant,
        Span,
        Status,
    )

    scripted_extract.calls.append(tuple(known_actors))
    actors: dict[str, ExtractedActor] = {}
    engagements: list[ExtractedEngagement] = []
    metadata = DocumentMetadata(title="مقال تجريبي", outlet="وكالة الاختبار")
    offset = 0
    for line in raw_text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        fields = line.rstrip("\n").split("|")
        if fields[0] == "published":
            metadata.published = date_type.fromisoformat(fields[1])
        elif fields[0] == "actor":
            _, kind, name, aliases, title = fields
            begin = start + line.index(name)
            actors[name] = ExtractedActor(
                name=name,
                kind=kind,
                aliases=[a for a in aliases.split(",") if a],
                titles=[title] if title else [],
                mentions=[Span(name, begin, begin + len(name))],
            )
        elif fields[0] in {t.value for t in EngagementType}:
            type_, when, participants, location, status = fields
            sentence = line.rstrip("\n")
            engagements.append(
                ExtractedEngagement(
                    type=EngagementType(type_),
                    participants=[Participant(p) for p in participants.split(",") if p],
                    evidence=Span(sentence, start, start + len(sentence)),
                    date=DateValue.from_iso(None if when == "-" else when),
                    date_text=None if when == "-" else when,
                    location=location or None,
                    status=Status(status),
                )
            )
    return ExtractionResult(
        text=raw_text, metadata=metadata, actors=list(actors.values()), engagements=engagements
    )


scripted_extract.calls = []
