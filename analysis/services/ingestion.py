"""Ingestion: article files in; documents, resolved actors and cross-source engagements stored.

One transaction per document. A document is identified by the sha256 of its decoded text and
re-extracted only when the extractor version changes (or on request). Curated facts are never
changed: verified, edited or rejected engagements, curated actors and curated aliases.

Rows are written in bulk (`services.rows`: a document's facts in one statement), so they start
without audit history; curation records a baseline ("as ingested") before a curator's first
change (`curation.history_baseline_ensure`).
"""

from __future__ import annotations

import codecs
import hashlib
import multiprocessing
import os
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from html.parser import HTMLParser
from pathlib import Path

from asgiref.local import Local
from django.db import IntegrityError, InterfaceError, OperationalError, connection, connections, transaction
from django.utils.text import slugify

from analysis.extraction.clean import key_variants, name_key, normalize
from analysis.extraction.lexicon import HONORIFICS
from analysis.extraction.results import (
    ActorKind,
    DateValue,
    ExtractedActor,
    ExtractedEngagement,
    ExtractionResult,
    KnownActor,
    Precision,
)
from analysis.models import (
    Actor,
    ActorTitle,
    Alias,
    Document,
    Engagement,
    Evidence,
    Mention,
    Participation,
)
from analysis.services.rows import rows_insert, rows_insert_returning
from analysis.services.versions import data_version_bump_on_commit

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MAX_FILE_BYTES = 10 * 1024 * 1024  # a news article is a few KB; the pipeline reads at most 400,000 characters
DEADLOCK_RETRIES = 3
PARALLEL_MIN_FILES = 200  # below this, starting worker processes costs more than it saves
REFRESH_SECONDS = 5.0  # how stale the known actors passed to extraction may get during a run
# Serializes the creation of new actors across processes, so that two workers never create
# the same person twice under different forms (`فالح الفياض` here, `الفياض` there).
ACTOR_CREATE_LOCK = 0x4A1C_70A5

Extractor = Callable[..., ExtractionResult]
"""`extract_document(raw_text, *, known_actors=...)`: the extraction pipeline's signature."""


class DocumentError(Exception):
    """An expected reason not to ingest a file (empty, binary, undecodable, unreadable ...)."""


class IngestInterrupted(Exception):
    """The database went away during a run: the run stops; `summary` says what was done before."""

    def __init__(self, reason: str, summary: IngestSummary) -> None:
        super().__init__(reason)
        self.reason = reason
        self.summary = summary


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
    actors_created: int = 0
    engagements_created: int = 0
    evidence_created: int = 0


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    actors_created: int = 0
    engagements_created: int = 0
    evidence_created: int = 0
    failures: list[IngestOutcome] = field(default_factory=list)

    def add(self, outcome: IngestOutcome) -> None:
        setattr(self, outcome.status.value, getattr(self, outcome.status.value) + 1)
        self.actors_created += outcome.actors_created
        self.engagements_created += outcome.engagements_created
        self.evidence_created += outcome.evidence_created
        if outcome.status is IngestStatus.FAILED:
            self.failures.append(outcome)


# ---------------------------------------------------------------------------------------------
# Files -> text


def article_paths(*, paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The files to ingest: each file given, and the .txt/.html files under each folder given.

    Symbolic links to folders are not followed, so a folder that loops through a link ends.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            found.append(path)
            continue
        for root, dirs, files in os.walk(path):
            dirs.sort()
            found.extend(
                Path(root) / name for name in sorted(files) if Path(name).suffix.lower() in ARTICLE_SUFFIXES
            )
    return found


def _plausible_share(text: str) -> float:
    """The share of characters that belong in Arabic or Latin prose (letters, digits, punctuation)."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        code = ord(ch)
        if ch in "\n\r\t\f" or (0x20 <= code < 0x7F) or (0xA0 <= code < 0x250):
            good += 1
        elif 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F or 0x8A0 <= code <= 0x8FF:
            good += 1
        elif 0x2000 <= code <= 0x206F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
            good += 1
    return good / len(text)


_CONTROL_CHAR_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls except \t \n \f \r


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_CHAR_RE.findall(text)) / len(text)


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if 0x600 <= ord(ch) <= 0x6FF or 0xFB50 <= ord(ch) <= 0xFEFF) / len(letters)


def text_decode(*, data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; returns (text, encoding).

    UTF-8 with or without BOM, UTF-16 with a BOM or recognised by its byte pattern, else
    Windows-1256 when the result reads as Arabic. Raises DocumentError otherwise.
    """
    if not data.strip():
        raise DocumentError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(data, "utf-16"), "utf-16"
    sample = data[:65536]
    if b"\x00" in sample or _control_share(sample[:4096].decode("latin-1")) > 0.05:
        if len(data) % 2 == 0:
            for encoding in ("utf-16-le", "utf-16-be"):
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError:
                    continue
                if _plausible_share(text[:20000]) >= 0.95 and _control_share(text[:20000]) < 0.01:
                    return text, encoding
        raise DocumentError("binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _utf8_damaged(data)
    if text is not None:
        if _control_share(text[:20000]) > 0.01:
            raise DocumentError("binary file (not text)")
        return text, "utf-8"
    text = data.decode("cp1256")
    if _control_share(text[:20000]) > 0.01:
        raise DocumentError("binary file (not text)")
    if _arabic_share(text[:20000]) < 0.3:
        raise DocumentError("undecodable: not UTF-8, UTF-16 or Windows-1256 Arabic text")
    return text, "windows-1256"


def _utf8_damaged(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a last character cut off, a stray byte), or None.

    Another encoding read as UTF-8 breaks at nearly every non-ASCII byte; a few errors among many
    well-formed multi-byte characters is UTF-8 damaged on the way: kept, a cut-off end dropped, a
    stray byte as U+FFFD. (Read as Windows-1256 instead, the whole article would be mojibake.)
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    well_formed = sum(1 for ch in text if ord(ch) > 0x7F) - broken
    if well_formed == 0 or broken > max(3, well_formed // 100):
        return None
    return text.rstrip("\ufffd")


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(f"undecodable: invalid {encoding} at byte {error.start}") from None


class _HtmlText(HTMLParser):
    """HTML to text with the standard library: scripts and styles dropped, blocks on their own lines."""

    BLOCKS = frozenset(
        "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 "
        "h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr td th title ul".split()
    )
    SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(*, html: str) -> str:
    """The visible text of an HTML page, one block per line."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text, blank = [], False
    for line in lines:
        if line:
            text.append(line)
            blank = False
        elif not blank and text:
            text.append("")
            blank = True
    return "\n".join(text).strip()


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def document_read(*, path: str | os.PathLike) -> str:
    """The text of an article file, decoded and (for HTML) stripped of markup. Raises DocumentError."""
    path = Path(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except OSError as error:
        raise DocumentError(f"unreadable: {error.strerror or error}") from None
    if not path.is_file():
        raise DocumentError("not a regular file")
    if status.st_size > MAX_FILE_BYTES:
        size, limit = status.st_size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
        raise DocumentError(f"too large ({size} MB; the limit is {limit} MB)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"unreadable: {error.strerror or error}") from None
    text, _encoding = text_decode(data=data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
        text = html_to_text(html=text)
    text = text.strip()
    if not text:
        raise DocumentError("empty: no text")
    return text


def text_sha256(*, text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------
# Actor resolution


_HONORIFIC_KEYS = frozenset(name_key(word) for word in HONORIFICS)


def _last_token(key: str) -> str:
    return key.rsplit(" ", 1)[-1]


@dataclass(slots=True)
class _StoredActor:
    id: int
    name: str
    kind: str
    key: str
    is_curated: bool
    alias_keys: set[str] = field(default_factory=set)
    alias_names: list[str] = field(default_factory=list)
    has_curated_alias: bool = False


# What `ActorDirectory.refresh` reads: actors first, then aliases, each in the order stored.
_DIRECTORY_CHANGES_SQL = """
SELECT 'actor' AS row_table, id, id, name, kind, name_key, is_curated FROM analysis_actor WHERE id > %s
UNION ALL
SELECT 'alias', id, actor_id, name, '', key, source = %s FROM analysis_alias WHERE id > %s
ORDER BY 1, 2
"""


class ActorDirectory:
    """The stored actors and their aliases, loaded once per run and kept current cheaply.

    Resolves an extracted actor to a stored one by name key, alias key, clitic-free key, and
    for persons by last name (when exactly one stored person of the kind has it). Tells the
    extraction what analysts know: curated actors and actors with curated aliases (or every
    stored actor with `known="all"`).
    """

    def __init__(self, *, known: str = "curated") -> None:
        self.known = known
        self.actors: dict[int, _StoredActor] = {}
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_last_name: dict[str, set[int]] = defaultdict(set)
        self._max_actor_id = 0
        self._max_alias_id = 0
        self._known_by_id: dict[int, KnownActor] = {}
        self._known: tuple[KnownActor, ...] | None = None
        self._refreshed_at = 0.0

    @classmethod
    def load(cls, *, known: str = "curated") -> ActorDirectory:
        directory = cls(known=known)
        directory.refresh()
        return directory

    def reload(self) -> None:
        self.__init__(known=self.known)
        self.refresh()

    def refresh_if_stale(self, *, seconds: float = REFRESH_SECONDS) -> None:
        if time.monotonic() - self._refreshed_at > seconds:
            self.refresh()

    def refresh(self) -> None:
        """Pick up actors and aliases stored since the last look (by this or another process)."""
        self._refreshed_at = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute(
                _DIRECTORY_CHANGES_SQL, [self._max_actor_id, Alias.Source.CURATED, self._max_alias_id]
            )
            rows = cursor.fetchall()
        for table, row_id, actor_id, name, kind, key, curated in rows:
            if table == "actor":
                self._remember_actor(_StoredActor(row_id, name, kind, key, curated))
            else:
                self._max_alias_id = max(self._max_alias_id, row_id)
                self._remember_alias(actor_id, name, key, curated=curated)

    def _changed(self, actor_id: int) -> None:
        self._known_by_id.pop(actor_id, None)
        self._known = None

    def _remember_actor(self, actor: _StoredActor) -> None:
        self.actors[actor.id] = actor
        self._max_actor_id = max(self._max_actor_id, actor.id)
        if actor.key:
            self.by_key[actor.key].add(actor.id)
            if actor.kind == ActorKind.PERSON:
                self.by_last_name[_last_token(actor.key)].add(actor.id)
        self._changed(actor.id)

    def _remember_alias(self, actor_id: int, name: str, key: str, *, curated: bool = False) -> None:
        actor = self.actors.get(actor_id)
        if actor is None or not key:
            return
        actor.has_curated_alias |= curated
        if key not in actor.alias_keys:
            actor.alias_keys.add(key)
            actor.alias_names.append(name)
            self.by_key[key].add(actor_id)
        self._changed(actor_id)

    def known_actors(self) -> tuple[KnownActor, ...]:
        """The stored actors to pass to the extraction as `KnownActor`s, with their alias names."""
        if self._known is None:
            for actor in self.actors.values():
                if actor.id in self._known_by_id:
                    continue
                if self.known == "all" or actor.is_curated or actor.has_curated_alias:
                    self._known_by_id[actor.id] = KnownActor(
                        name=actor.name, kind=ActorKind(actor.kind), aliases=tuple(actor.alias_names)
                    )
            self._known = tuple(self._known_by_id.values())
        return self._known

    def _pick(self, ids: Iterable[int], kind: str) -> int | None:
        same_kind = [i for i in ids if i in self.actors and self.actors[i].kind == kind]
        if not same_kind:
            return None
        if len(same_kind) == 1:
            return same_kind[0]
        curated = [i for i in same_kind if self.actors[i].is_curated]
        return min(curated or same_kind)

    def _unique(self, ids: Iterable[int], kind: str | None = None) -> int | None:
        found = {i for i in ids if i in self.actors and (kind is None or self.actors[i].kind == kind)}
        return found.pop() if len(found) == 1 else None

    def resolve(self, *, name: str, kind: str, aliases: Sequence[str] = ()) -> int | None:
        """The stored actor this name stands for, or None when there is none (or no single one)."""
        key = name_key(name)
        if not key:
            return None
        alias_keys = {k for k in (name_key(a) for a in aliases) if k and k != key}
        if found := self._resolve_key(key, kind, alias_keys):
            return found
        if kind == ActorKind.PERSON:
            tokens = key.split()
            while len(tokens) > 1 and tokens[0] in _HONORIFIC_KEYS:
                tokens.pop(0)
            if len(tokens) < len(
                key.split()
            ):  # `السيد الفياض`, `الجنرال مكنزي`: the name after the honorific
                return self._resolve_key(" ".join(tokens), kind, set())
        return None

    def _resolve_key(self, key: str, kind: str, alias_keys: set[str]) -> int | None:
        if found := self._pick(self.by_key.get(key, ()), kind):
            return found
        if found := self._unique((i for k in alias_keys for i in self.by_key.get(k, ())), kind):
            return found
        first, _, rest = key.partition(" ")
        variants = {f"{v} {rest}".strip() for v in key_variants(first)} - {key}
        if found := self._unique((i for k in variants for i in self.by_key.get(k, ())), kind):
            return found
        if kind == ActorKind.PERSON:
            if " " not in key:
                last_names = {key} | set(key_variants(key))
                if found := self._unique(i for k in last_names for i in self.by_last_name.get(k, ())):
                    return found
            else:
                short = [i for i in self.by_key.get(_last_token(key), ()) if " " not in self.actors[i].key]
                if found := self._unique(short, kind):
                    return found
        return self._unique(self.by_key.get(key, ()))

    def remember(self, *, actor_id: int, name: str, kind: str, key: str, curated: bool = False) -> None:
        """An actor just stored (or found) by this process."""
        self._remember_actor(_StoredActor(actor_id, name, kind, key, curated))

    def add_alias(self, *, actor_id: int, name: str, key: str) -> None:
        self._remember_alias(actor_id, name, key)

    def rename(self, *, actor_id: int, name: str, key: str) -> None:
        actor = self.actors[actor_id]
        self.by_key[key].add(actor_id)
        if actor.kind == ActorKind.PERSON:
            self.by_last_name[_last_token(key)].add(actor_id)
        actor.alias_keys.add(actor.key)
        actor.alias_names.append(actor.name)
        actor.name, actor.key = name, key
        self._changed(actor_id)

    def key_of(self, actor_id: int) -> str:
        return self.actors[actor_id].key

    def has_key(self, actor_id: int, key: str) -> bool:
        actor = self.actors[actor_id]
        return key == actor.key or key in actor.alias_keys

    def is_curated(self, actor_id: int) -> bool:
        return self.actors[actor_id].is_curated


def _clip(value: str | None, length: int) -> str:
    return (value or "").strip()[:length]


_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def _name(value: str | None, length: int = 300) -> str:
    """A name as stored: no bidi controls (they would reorder what the analyst sees), trimmed."""
    return " ".join((value or "").translate(_BIDI_CONTROLS).split())[:length]


def _actor_slug(key: str, attempt: int = 1) -> str:
    base = slugify(key, allow_unicode=True)[:300] or "actor"
    return base if attempt == 1 else f"{base}-{attempt}"


def _actors_create(
    *, directory: ActorDirectory, pending: Sequence[ExtractedActor]
) -> tuple[dict[str, int], int]:
    """Store new actors in one insert, each under a slug made from its name key.

    Returns (extracted name -> actor id, number of actors created).

    Called under ACTOR_CREATE_LOCK, so no other ingestion creates actors meanwhile. An actor whose
    slug is taken by the same name and kind (stored by another worker) is reused; by another
    actor, it gets the next free numbered slug.
    """
    wanted: dict[tuple[str, str], list[ExtractedActor]] = {}
    for extracted in pending:
        key = name_key(extracted.name)[:300]
        if key:
            wanted.setdefault((key, str(extracted.kind)), []).append(extracted)
    ids: dict[str, int] = {}
    attempt, created_count = 1, 0
    while wanted and attempt < 100:
        slugs = {_actor_slug(identity[0], attempt): identity for identity in wanted}
        created = rows_insert_returning(
            model=Actor,
            rows=[
                {
                    "name": _name(wanted[identity][0].name),
                    "name_key": identity[0],
                    "kind": identity[1],
                    "slug": slug,
                }
                for slug, identity in slugs.items()
            ],
            returning=("id", "slug"),
        )
        for actor_id, slug in created:
            key, kind = identity = slugs.pop(slug)
            directory.remember(actor_id=actor_id, name=_name(wanted[identity][0].name), kind=kind, key=key)
            ids.update({e.name: actor_id for e in wanted[identity]})
        created_count += len(created)
        retry: dict[tuple[str, str], list[ExtractedActor]] = {}
        if slugs:  # slugs already taken: by the same actor (reuse it) or by another (number the slug)
            for actor_id, slug, key, kind, name, curated in Actor.objects.filter(slug__in=slugs).values_list(
                "id", "slug", "name_key", "kind", "name", "is_curated"
            ):
                identity = slugs[slug]
                if (key, kind) == identity:
                    directory.remember(actor_id=actor_id, name=name, kind=kind, key=key, curated=curated)
                    ids.update({e.name: actor_id for e in wanted[identity]})
                else:
                    retry[identity] = wanted[identity]
        wanted, attempt = retry, attempt + 1
    return ids, created_count


# ---------------------------------------------------------------------------------------------
# Engagement identity


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


_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


def _compatible(candidate: Engagement, when: DateValue) -> bool:
    """Whether two dates can be one event: the same date, or adjacent precisions (day and month,
    month and year) where the coarser contains the finer."""
    mine = _PRECISION_RANK.get(when.precision)
    theirs = _PRECISION_RANK.get(Precision(candidate.date_precision))
    if mine is None or theirs is None or abs(mine - theirs) > 1:
        return False
    if mine == theirs:
        return candidate.date_start == when.start
    if mine > theirs:
        return when.start <= candidate.date_start and candidate.date_end <= when.end
    return candidate.date_start <= when.start and when.end <= candidate.date_end


@dataclass(slots=True)
class _PlannedEngagement:
    fingerprint: str
    extracted: ExtractedEngagement
    actor_ids: list[int]
    roles: dict[int, str]


# ---------------------------------------------------------------------------------------------
# Storing one document


@dataclass(slots=True)
class _Counts:
    actors: int = 0
    engagements: int = 0
    evidence: int = 0


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
                ids, created = _actors_create(directory=directory, pending=pending)
                resolved.update(ids)
                counts.actors += created

    aliases: dict[tuple[int, str], dict] = {}
    titles: dict[tuple[int, str], dict] = {}
    mentions: dict[tuple[int, int], dict] = {}
    for extracted in result.actors:
        actor_id = resolved.get(extracted.name)
        if actor_id is None:
            continue
        _actor_upgrade(directory=directory, actor_id=actor_id, extracted=extracted)
        for surface in (extracted.name, *extracted.aliases):
            key = name_key(surface)[:300]
            if key and not directory.has_key(actor_id, key) and (actor_id, key) not in aliases:
                aliases[actor_id, key] = {"actor_id": actor_id, "name": _name(surface), "key": key}
        for title in extracted.titles:
            title = _name(title, 500)
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
                    },
                )
    for alias in aliases.values():
        directory.add_alias(actor_id=alias["actor_id"], name=alias["name"], key=alias["key"])
    rows[Alias] = list(aliases.values())
    rows[ActorTitle] = list(titles.values())
    rows[Mention] = list(mentions.values())
    return resolved, counts


def _actor_upgrade(*, directory: ActorDirectory, actor_id: int, extracted: ExtractedActor) -> None:
    """A non-curated actor known only by a one-word name takes the fuller name a document gives."""
    if directory.is_curated(actor_id):
        return
    current = directory.key_of(actor_id)
    key = name_key(extracted.name)[:300]
    if " " in current or " " not in key or _last_token(key) != current or key.split()[0] in _HONORIFIC_KEYS:
        return
    name = _name(extracted.name)
    actor = Actor.objects.get(pk=actor_id)
    old = Alias(actor_id=actor_id, name=actor.name, key=current)
    actor.name, actor.name_key = name, key
    actor.save(update_fields=["name", "name_key", "updated_at"])
    Alias.objects.bulk_create([old], ignore_conflicts=True)
    directory.rename(actor_id=actor_id, name=name, key=key)


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

    targets = _engagements_matching(planned)

    new: dict[str, dict] = {}
    changed: dict[int, Engagement] = {}
    for plan in planned:
        target = targets.get(plan.fingerprint)
        if target is not None:
            if not target.is_curated:
                _engagement_refine(target, plan.extracted, changed)
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
        evidence.setdefault(
            (target.pk, span.start),
            {
                "engagement_id": target.pk,
                "document_id": document.pk,
                "start": span.start,
                "end": span.end,
                "sentence": span.text,
                "date_text": _clip(plan.extracted.date_text, 200),
            },
        )
    rows[Evidence] = list(evidence.values())
    return counts


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


def _near_dates(when: DateValue) -> list[tuple[str, date, date]]:
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


def _engagements_matching(planned: list[_PlannedEngagement]) -> dict[str, Engagement]:
    """The stored engagement each planned one belongs to, by fingerprint.

    Failing an exact match, a dated engagement joins the one stored engagement of the same type
    and participants whose date is the same (its participants or date were curated, or actors
    merged, since its fingerprint was taken) or, at an adjacent precision (day/month, month/year),
    contains it or lies within it. One query, with each candidate's participants.
    """
    fingerprints = {plan.fingerprint for plan in planned}
    near: list[tuple[int, str, str, date, date]] = []
    for plan in planned:
        when = plan.extracted.date
        if plan.actor_ids and when.precision != Precision.UNKNOWN:
            near += [
                (plan.actor_ids[0], str(plan.extracted.type), str(precision), low, high)
                for precision, low, high in _near_dates(when)
            ]
    columns = [list(column) for column in zip(*near, strict=True)] if near else [[]] * 5
    found = list(Engagement.objects.raw(_ENGAGEMENTS_MATCHING_SQL, [sorted(fingerprints), *columns]))
    targets = {e.fingerprint: e for e in found if e.fingerprint in fingerprints}
    candidates = [e for e in found if e.fingerprint not in fingerprints]
    for plan in planned:
        if plan.fingerprint in targets:
            continue
        matches = [
            c
            for c in candidates
            if c.type == str(plan.extracted.type)
            and sorted(c.participant_ids) == plan.actor_ids
            and _compatible(c, plan.extracted.date)
        ]
        if len(matches) == 1:
            targets[plan.fingerprint] = matches[0]
    return targets


def _engagement_refine(
    engagement: Engagement, extracted: ExtractedEngagement, changed: dict[int, Engagement]
) -> None:
    """What another source adds to a non-curated engagement: a finer date, a location, that it happened."""
    when = extracted.date
    rank = _PRECISION_RANK.get(when.precision)
    if rank is not None and rank < _PRECISION_RANK.get(Precision(engagement.date_precision), 9):
        engagement.date_start, engagement.date_end = when.start, when.end
        engagement.date_precision = str(when.precision)
        engagement.date_text = _clip(extracted.date_text, 200)
        changed[engagement.pk] = engagement
    if not engagement.location and extracted.location:
        engagement.location = _clip(extracted.location, 200)
        changed[engagement.pk] = engagement
    if engagement.status == Engagement.Status.PLANNED and str(extracted.status) == Engagement.Status.REPORTED:
        engagement.status = Engagement.Status.REPORTED
        changed[engagement.pk] = engagement


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
        status, stale = IngestStatus.NEW, []
    else:
        document = Document.objects.select_for_update().get(pk=stored_id)
        if document.extractor_version == version and not reextract:
            return IngestOutcome(str(path), IngestStatus.UNCHANGED, document.pk)
        for name, value in _document_fields(result, version).items():
            setattr(document, name, value)
        document.save()
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
) -> IngestOutcome:
    """Ingest one article file in one transaction. Expected failures come back as a FAILED outcome."""
    path = Path(path)
    if extractor is None:
        extractor, default_version = _default_extractor()
        extractor_version = extractor_version or default_version
    version = extractor_version or "unversioned"
    directory = directory if directory is not None else ActorDirectory.load()
    try:
        raw_text = document_read(path=path)
    except DocumentError as error:
        return IngestOutcome(str(path), IngestStatus.FAILED, reason=str(error))
    sha256 = text_sha256(text=raw_text)
    stored = Document.objects.filter(sha256=sha256).values_list("pk", "extractor_version").first()
    if stored is not None and stored[1] == version and not reextract:
        return IngestOutcome(str(path), IngestStatus.UNCHANGED, stored[0])
    directory.refresh_if_stale()
    result = extractor(raw_text, known_actors=directory.known_actors())
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
                    stored_id=stored[0] if stored else None,
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


def documents_ingest(
    *,
    paths: Iterable[str | os.PathLike],
    reextract: bool = False,
    extractor: Extractor | None = None,
    extractor_version: str | None = None,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Ingest files and folders, one transaction per document; a failing document is skipped.

    With `workers` > 1 the documents are shared out to that many forked processes (each with its
    own connection and actor directory); outcomes still arrive in file order.
    """
    if extractor is None:
        extractor, default_version = _default_extractor()
        extractor_version = extractor_version or default_version
    files = article_paths(paths=paths)
    summary = IngestSummary()
    if workers > 1 and len(files) > 1 and not connection.in_atomic_block:
        return _documents_ingest_parallel(
            files,
            workers=workers,
            reextract=reextract,
            extractor=extractor,
            extractor_version=extractor_version,
            on_outcome=on_outcome,
            summary=summary,
        )
    directory = ActorDirectory.load()
    for path in files:
        outcome, database_down = _document_ingest_guarded(
            path=path,
            reextract=reextract,
            directory=directory,
            extractor=extractor,
            extractor_version=extractor_version,
        )
        _outcome_add(summary, outcome, on_outcome, database_down=database_down)
    return summary


def ingest_workers_default(*, files: int) -> int:
    """Processes worth starting for a batch: one per CPU (at most four) for a few hundred files or more."""
    return 1 if files < PARALLEL_MIN_FILES else max(1, min(4, os.cpu_count() or 1))


def _document_ingest_guarded(
    *,
    path: Path,
    reextract: bool,
    directory: ActorDirectory,
    extractor: Extractor,
    extractor_version: str | None,
) -> tuple[IngestOutcome, bool]:
    """`document_ingest` with every failure as an outcome; True beside it when the database is gone."""
    try:
        outcome = document_ingest(
            path=path,
            reextract=reextract,
            directory=directory,
            extractor=extractor,
            extractor_version=extractor_version,
        )
    except (OperationalError, InterfaceError) as error:
        if _database_reachable():
            return IngestOutcome(str(path), IngestStatus.FAILED, reason=_reason(error)), False
        reason = f"database unavailable ({_reason(error)})"
        return IngestOutcome(str(path), IngestStatus.FAILED, reason=reason), True
    except Exception as error:  # an unexpected failure skips this document, not the batch
        return IngestOutcome(str(path), IngestStatus.FAILED, reason=_reason(error)), False
    return outcome, False


def _outcome_add(
    summary: IngestSummary,
    outcome: IngestOutcome,
    on_outcome: Callable[[IngestOutcome], None] | None,
    *,
    database_down: bool,
) -> None:
    summary.add(outcome)
    if on_outcome is not None:
        on_outcome(outcome)
    if database_down:
        raise IngestInterrupted(outcome.reason, summary)


# What a forked worker needs, set in the parent just before the fork.
_WORKER: dict = {}
# Connection objects a worker inherited: kept referenced and never closed, since closing one
# would end the parent's session on the shared socket.
_INHERITED_CONNECTIONS: list = []


def worker_start() -> None:
    """Pool initializer: the forked worker opens connections of its own."""
    _INHERITED_CONNECTIONS.append(connections._connections)
    connections._connections = Local(connections.thread_critical)


def _worker_ingest(path: Path) -> tuple[IngestOutcome, bool]:
    if "directory" not in _WORKER:
        _WORKER["directory"] = ActorDirectory.load()
    return _document_ingest_guarded(
        path=path,
        reextract=_WORKER["reextract"],
        directory=_WORKER["directory"],
        extractor=_WORKER["extractor"],
        extractor_version=_WORKER["extractor_version"],
    )


def _documents_ingest_parallel(
    files: list[Path],
    *,
    workers: int,
    reextract: bool,
    extractor: Extractor,
    extractor_version: str | None,
    on_outcome: Callable[[IngestOutcome], None] | None,
    summary: IngestSummary,
) -> IngestSummary:
    """Forked workers share the files out; new actors stay single (ACTOR_CREATE_LOCK), documents are
    unique by content hash, so any order gives the same facts."""
    connection.ensure_connection()  # an embedded server is up and located before the fork
    connections.close_all()  # a child must never reuse the parent's socket
    _WORKER.clear()
    _WORKER.update(reextract=reextract, extractor=extractor, extractor_version=extractor_version)
    context = multiprocessing.get_context("fork")
    with context.Pool(min(workers, len(files)), initializer=worker_start) as pool:
        for outcome, database_down in pool.imap(_worker_ingest, files, chunksize=4):
            _outcome_add(summary, outcome, on_outcome, database_down=database_down)
    return summary


def _reason(error: BaseException) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).split())[:300]}"


def _database_reachable() -> bool:
    """Whether a fresh connection to the database works (after an error on the current one)."""
    try:
        connection.close()
    except Exception:
        pass
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return False
    return True


@dataclass(frozen=True, slots=True)
class StoredTotals:
    documents: int
    actors: int
    engagements: int
    evidence: int


def stored_totals() -> StoredTotals:
    return StoredTotals(
        documents=Document.objects.count(),
        actors=Actor.objects.count(),
        engagements=Engagement.objects.exclude(review=Engagement.Review.REJECTED).count(),
        evidence=Evidence.objects.count(),
    )


__all__ = [
    "ActorDirectory",
    "DocumentError",
    "IngestInterrupted",
    "IngestOutcome",
    "IngestStatus",
    "IngestSummary",
    "StoredTotals",
    "article_paths",
    "document_ingest",
    "document_read",
    "documents_ingest",
    "engagement_fingerprint",
    "html_to_text",
    "stored_totals",
    "text_decode",
    "text_sha256",
]
