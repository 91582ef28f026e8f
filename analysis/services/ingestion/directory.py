"""Actor resolution: which stored actor an extracted name stands for, and storing the new ones.

`ActorDirectory` holds the stored actors and aliases of a run (refreshed cheaply from the rows
added since it last looked) and resolves a name by key, alias, spelling variant and, for a person,
by last name. `actors_create` stores new actors under unique slugs (`actor_slug`, also used by
curation); `actor_upgrade` gives a one-word actor the full name a later source writes.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.utils.text import slugify

from analysis.arabic import key_variants, name_key, strip_bidi
from analysis.extraction.lexicon import HONORIFICS
from analysis.extraction.results import ActorKind, ExtractedActor, KnownActor
from analysis.models import Actor, Alias
from analysis.services.rows import rows_insert_returning

REFRESH_SECONDS = 5.0  # how stale the known actors passed to extraction may get during a run
# Serializes the creation of new actors across processes, so that two workers never create
# the same person twice under different forms (`فالح الفياض` here, `الفياض` there).
ACTOR_CREATE_LOCK = 0x4A1C_70A5
NAME_LENGTH = 300

HONORIFIC_KEYS = frozenset(name_key(word) for word in HONORIFICS)


def last_token(key: str) -> str:
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
                self.by_last_name[last_token(actor.key)].add(actor.id)
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
            while len(tokens) > 1 and tokens[0] in HONORIFIC_KEYS:
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
                short = [i for i in self.by_key.get(last_token(key), ()) if " " not in self.actors[i].key]
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
            self.by_last_name[last_token(key)].add(actor_id)
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


def stored_name(value: str | None, length: int = 300) -> str:
    """A name as stored: no bidi controls (they would reorder what the analyst sees), trimmed."""
    return " ".join(strip_bidi(value or "", marks=True).split())[:length]


def actor_slug(key: str, attempt: int = 1) -> str:
    """The slug of an actor with this name key: the key itself, numbered from the second attempt on."""
    base = slugify(key, allow_unicode=True)[:NAME_LENGTH] or "actor"
    return base if attempt == 1 else f"{base}-{attempt}"


def actor_slug_unique(*, name: str, exclude_pk: int | None = None) -> str:
    """A slug for an actor named `name` that no other actor uses (the first free `actor_slug`)."""
    key = name_key(name)[:NAME_LENGTH]
    base = actor_slug(key)
    taken = set(
        Actor.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    attempt = 1
    while actor_slug(key, attempt) in taken:
        attempt += 1
    return actor_slug(key, attempt)


def actors_create(
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
        slugs = {actor_slug(identity[0], attempt): identity for identity in wanted}
        created = rows_insert_returning(
            model=Actor,
            rows=[
                {
                    "name": stored_name(wanted[identity][0].name),
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
            directory.remember(
                actor_id=actor_id, name=stored_name(wanted[identity][0].name), kind=kind, key=key
            )
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


def actor_upgrade(*, directory: ActorDirectory, actor_id: int, extracted: ExtractedActor) -> None:
    """A non-curated actor known only by a one-word name takes the fuller name a document gives."""
    if directory.is_curated(actor_id):
        return
    current = directory.key_of(actor_id)
    key = name_key(extracted.name)[:300]
    if " " in current or " " not in key or last_token(key) != current or key.split()[0] in HONORIFIC_KEYS:
        return
    name = stored_name(extracted.name)
    actor = Actor.objects.get(pk=actor_id)
    old = Alias(actor_id=actor_id, name=actor.name, key=current)
    actor.name, actor.name_key = name, key
    actor.save(update_fields=["name", "name_key", "updated_at"])
    Alias.objects.bulk_create([old], ignore_conflicts=True)
    directory.rename(actor_id=actor_id, name=name, key=key)
