"""Known actors (curated by analysts) found in a document by their names and aliases, with the same
normalization as the rules; a person the rules found under a known alias takes the known name."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis.arabic import key_variants, name_key
from analysis.arabic import strip_article as _strip_article
from analysis.extraction.actor_records import Mention, _Doc, _Record
from analysis.extraction.actor_tokens import _forms, _strip_clitic_offset
from analysis.extraction.results import ActorKind, KnownActor


@lru_cache(maxsize=200_000)
def _known_keys(known: KnownActor) -> tuple[tuple[str, ...], ...]:
    """The name keys of a known actor's name and aliases, as token tuples; kept across documents."""
    keys = (name_key(form) for form in (known.name, *known.aliases))
    return tuple(tuple(key.split()) for key in keys if key)


_KnownIndex = tuple[dict[str, list[tuple[int, int, tuple[str, ...]]]], dict[str, int]]
# The last known-actors tuple and its index: ingestion passes the same actors document after document.
_LAST_KNOWN: list = [None, ({}, {})]


def _known_index(known_actors: Sequence[KnownActor]) -> _KnownIndex:
    """First key token -> [(known actor's position, key's position, key)], and for persons each full key ->
    the position of the first known actor that has it.

    Kept between calls: when the next tuple keeps the previous one's actors (the same objects) and only
    appends actors or replaces one with a version that has more aliases, the index is extended, not rebuilt.
    """
    if not known_actors:
        return {}, {}
    last, (by_first, person_keys) = _LAST_KNOWN
    if last is known_actors:
        return by_first, person_keys
    changed = _known_changes(last, known_actors)
    if changed is None:
        last, by_first, person_keys, changed = None, {}, {}, range(len(known_actors))
    for a in changed:
        known = known_actors[a]
        before = set(_known_keys(last[a])) if last is not None and a < len(last) else set()
        is_person = ActorKind(known.kind) == ActorKind.PERSON
        for b, key in enumerate(_known_keys(known)):
            if key in before:
                continue
            by_first.setdefault(key[0], []).append((a, b, key))
            full = " ".join(key)
            if is_person and (full not in person_keys or a < person_keys[full]):
                person_keys[full] = a
    if isinstance(known_actors, tuple):
        _LAST_KNOWN[:] = [known_actors, (by_first, person_keys)]
    return by_first, person_keys


def _known_changes(last: Sequence[KnownActor] | None, new: Sequence[KnownActor]) -> list[int] | None:
    """Positions to (re)index when `new` grows `last`: appended actors, and actors replaced by a version with
    the same name and kind and more aliases. None when the index must be rebuilt."""
    if not isinstance(last, tuple) or not isinstance(new, tuple) or len(new) < len(last):
        return None
    changed = [a for a, (old, cur) in enumerate(zip(last, new, strict=False)) if old is not cur]
    for a in changed:
        old, cur = last[a], new[a]
        if (old.name, old.kind) != (cur.name, cur.kind) or cur.aliases[: len(old.aliases)] != old.aliases:
            return None
    return changed + list(range(len(last), len(new)))


def match_known(doc: _Doc, known_actors: Sequence[KnownActor]) -> None:
    """Mentions of the known actors, through an index of their first key tokens (one pass over the
    tokens); known actors are applied in the order given, each left to right, so an earlier known
    actor wins an overlap. Then the persons found under a known alias take the known name."""
    index, person_keys = _known_index(known_actors)
    matches = _known_matches(doc, index)
    for a in sorted(matches):
        known = known_actors[a]
        for k_idx in sorted(matches[a]):
            if not doc.covered[k_idx]:
                _add_known_mention(doc, known, k_idx, matches[a][k_idx][1])
    _claim_known_aliases(doc, known_actors, person_keys)


def _known_matches(
    doc: _Doc, index: dict[str, list[tuple[int, int, tuple[str, ...]]]]
) -> dict[int, dict[int, tuple[int, tuple[str, ...]]]]:
    """Known actor -> token -> (key position, key) of each place a known name or alias is written."""
    tokens = doc.tokens
    n_tok = len(tokens)
    matches: dict[int, dict[int, tuple[int, tuple[str, ...]]]] = {}
    for k_idx in range(n_tok) if index else ():
        tok = tokens[k_idx]
        if tok.kind != "w":
            continue
        for variant in key_variants(tok.n):
            for a, b, key in index.get(variant, ()):
                size = len(key)
                if k_idx + size > n_tok:
                    continue
                if all(name_key(tokens[k_idx + s].n) == key[s] for s in range(1, size)):
                    at = matches.setdefault(a, {})
                    if k_idx not in at or b < at[k_idx][0]:
                        at[k_idx] = (b, key)
    return matches


def _add_known_mention(doc: _Doc, known: KnownActor, k_idx: int, key: tuple[str, ...]) -> None:
    size = len(key)
    kind = ActorKind(known.kind)
    if kind == ActorKind.PERSON:
        rec = doc.person_by_key.get(name_key(known.name))
        if rec is None:
            rec = doc.table.add(known.name, kind)
            doc.person_by_key[rec.key] = rec
    else:
        rec = doc.table.add(known.name, kind)
    if rec.name != known.name:
        rec.aliases.append(rec.name)
        rec.name = known.name
    rec.known = True
    for t in known.titles:
        if t not in rec.titles:
            rec.titles.append(t)
    tokens = doc.tokens
    tok = tokens[k_idx]
    off = _strip_clitic_offset(
        tok, next((f for f in _forms(tok.n) if _strip_article(f) == key[0] or f == key[0]), tok.n)
    )
    doc.add_mention(
        rec, Mention(rec.key, kind, k_idx, k_idx + size - 1, tok.start + off, tokens[k_idx + size - 1].end)
    )
    doc.cover(k_idx, k_idx + size - 1)


def _claim_known_aliases(doc: _Doc, known_actors: Sequence[KnownActor], person_keys: dict[str, int]) -> None:
    """Persons whose discovered name is a known actor's alias take the known name (the first such)."""
    claims: dict[int, tuple[int, _Record]] = {}
    for key, rec in list(doc.person_by_key.items()):
        a = person_keys.get(key)
        if a is not None and not rec.known and (id(rec) not in claims or a < claims[id(rec)][0]):
            claims[id(rec)] = (a, rec)
    for a, rec in claims.values():
        known = known_actors[a]
        if rec.name != known.name:
            rec.aliases.append(rec.name)
            rec.name = known.name
        rec.known = True
