"""The extraction contract: plain dataclasses that carry facts out of a document.

Pure Python. Everything downstream (the `extract` command, ingestion, tests) reads these,
so fields may be added but not renamed. Dates are `analysis.arabic.DateValue`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from analysis.arabic import DateValue, Precision

UNKNOWN_DATE = DateValue()


class DateSource(StrEnum):
    """How a date mention got its value."""

    EXPLICIT = "explicit"  # every part written in the phrase
    CARRIED_YEAR = "carried_year"  # day/month written, year from earlier text or publication
    WEEKDAY = "weekday"  # a weekday resolved against the publication date
    RELATIVE = "relative"  # أمس، اليوم، الأسبوع الماضي ... resolved against the publication date
    UNRESOLVED = "unresolved"  # a date phrase with no anchor to resolve it


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text, with its offsets into that text."""

    text: str
    start: int
    end: int
    value: DateValue
    source: DateSource = DateSource.EXPLICIT

    @property
    def precision(self) -> Precision:
        return self.value.precision


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    STATE = "state"
    PLACE = "place"


class Role(StrEnum):
    INITIATOR = "initiator"
    HOST = "host"
    GUEST = "guest"
    VISITOR = "visitor"
    PARTICIPANT = "participant"


class EngagementType(StrEnum):
    MEETING = "meeting"
    VISIT = "visit"
    TALKS = "talks"
    CALL = "call"
    STATEMENT = "statement"
    AGREEMENT = "agreement"
    ARMS_TRANSFER = "arms_transfer"
    TRAINING = "training"
    ATTACK = "attack"
    OTHER = "other"


class Status(StrEnum):
    REPORTED = "reported"
    PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor the caller already knows (curated in the database), passed in to improve recall."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned text: `text == document_text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class ExtractedActor:
    name: str  # the fullest form the document gives
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)  # other surface forms in this document
    titles: list[str] = field(default_factory=list)  # titles that introduce the actor, as written
    mentions: list[Span] = field(default_factory=list)
    # the calibrated probability that this actor is right (None: no calibrator judged it) and what it
    # rests on (`actor_cues`): how it was found, the tagger's agreement, its mentions
    confidence: float | None = None
    cues: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return self.titles[0] if self.titles else None


@dataclass(frozen=True, slots=True)
class Participant:
    name: str  # an `ExtractedActor.name` of the same result
    role: Role = Role.PARTICIPANT


@dataclass(slots=True)
class ExtractedEngagement:
    type: EngagementType
    participants: list[Participant]
    evidence: Span  # the sentence that says so
    date: DateValue = UNKNOWN_DATE
    date_text: str | None = None
    location: str | None = None
    status: Status = Status.REPORTED
    # later sentences of the same document that report the same engagement again
    more_evidence: list[Span] = field(default_factory=list)
    # the calibrated probability that this engagement is right (None: no calibrator judged it)
    confidence: float | None = None
    # what the confidence rests on (`interactions.cues`, `calibration.engagement_party_cues`): how it
    # was found, its trigger, its parties
    cues: list[str] = field(default_factory=list)

    @property
    def date_precision(self) -> Precision:
        return self.date.precision


@dataclass(slots=True)
class DocumentMetadata:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None


@dataclass(slots=True)
class ExtractionResult:
    text: str  # the cleaned body; every offset points into it
    metadata: DocumentMetadata
    actors: list[ExtractedActor] = field(default_factory=list)
    engagements: list[ExtractedEngagement] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # e.g. optional models that were absent

    def to_contract(self, path: str) -> dict:
        """The JSON shape of `manage.py extract --json` (see ARCHITECTURE.md)."""
        meta = self.metadata
        return {
            "path": path,
            "title": meta.title,
            "outlet": meta.outlet,
            "author": meta.author,
            "published": meta.published.isoformat() if meta.published else None,
            "actors": [
                {
                    "name": a.name,
                    "aliases": a.aliases,
                    "kind": str(a.kind),
                    "title": a.title,
                    "confidence": a.confidence,
                    "cues": a.cues,
                }
                for a in self.actors
            ],
            "engagements": [
                {
                    "date": e.date.iso,
                    "date_precision": str(e.date_precision),
                    "date_text": e.date_text,
                    "participants": [p.name for p in e.participants],
                    "roles": {p.name: str(p.role) for p in e.participants},
                    "type": str(e.type),
                    "location": e.location,
                    "status": str(e.status),
                    "confidence": e.confidence,
                    "cues": e.cues,
                    "evidence": {"text": e.evidence.text, "start": e.evidence.start, "end": e.evidence.end},
                    "more_evidence": [
                        {"text": s.text, "start": s.start, "end": s.end} for s in e.more_evidence
                    ],
                }
                for e in self.engagements
            ],
        }
