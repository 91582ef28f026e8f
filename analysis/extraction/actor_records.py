"""The records the actor stages build: one per actor, with its mentions, in a table keyed by name;
and the state the stages of `find_actors` share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.arabic import name_key
from analysis.extraction.actor_tokens import Token
from analysis.extraction.name_variants import variant_name, variant_spelling
from analysis.extraction.results import ActorKind, ExtractedActor


@dataclass(slots=True)
class Mention:
    """One stretch of text that denotes an actor (tokens `first..last`, inclusive)."""

    actor: str
    kind: ActorKind
    first: int
    last: int
    start: int  # offsets of the name (or of the whole mention when it has no title)
    end: int
    title_first: int | None = None  # a title chain before the name, when there is one
    embedded: bool = False  # inside another actor's title or name: not an engagement party
    title_only: bool = False


@dataclass(slots=True)
class ActorAnalysis:
    actors: list[ExtractedActor]
    mentions: list[Mention]  # sorted by position
    tokens: list[Token]


@dataclass(slots=True)
class _Record:
    name: str
    kind: ActorKind
    key: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    surname: tuple[str, ...] = ()
    first_name: str = ""
    known: bool = False


class _Table:
    def __init__(self) -> None:
        self.records: dict[str, _Record] = {}
        self.every_key: dict[str, _Record] = {}  # keys a record was ever filed under

    def add(self, name: str, kind: ActorKind, key: str | None = None) -> _Record:
        key = key or name_key(name)
        rec = self.records.get(key)
        if rec is None:
            rec = _Record(name=name, kind=kind, key=key)
            self.records[key] = rec
            self.every_key[key] = rec
        elif name != rec.name and name not in rec.aliases:
            rec.aliases.append(name)
        return rec


# Fuzzy linking of person names is for articles, not for lists of hundreds of names.
_FUZZY_LINK_LIMIT = 300


@dataclass(slots=True)
class _Doc:
    """What the stages of `find_actors` share: the text and its tokens, the tokens already taken by a
    person, the actor table and the mentions found so far."""

    text: str
    tokens: list[Token]
    covered: list[bool]  # token belongs to a person's name or title
    table: _Table = field(default_factory=lambda: _Table())
    mentions: list[Mention] = field(default_factory=list)
    person_by_key: dict[str, _Record] = field(default_factory=dict)

    def add_mention(self, rec: _Record, mention: Mention) -> None:
        rec.mentions.append(mention)
        self.mentions.append(mention)

    def cover(self, first: int, last: int) -> None:
        for k in range(first, last + 1):
            self.covered[k] = True

    def person_record(self, name: str) -> _Record:
        """The person `name` denotes: an earlier one with the same key, a spelling variant of it, or
        a longer or shorter form of it (the longest form names the person), else a new one."""
        key = name_key(name)
        by_key = self.person_by_key
        if key in by_key:
            rec = by_key[key]
            if name != rec.name and name not in rec.aliases:
                rec.aliases.append(name)
            return rec
        for other_key, rec in by_key.items() if len(by_key) < _FUZZY_LINK_LIMIT else ():
            if _same_person(other_key, key):
                if len(key) > len(rec.key) and not rec.known:
                    rec.aliases.append(rec.name)
                    rec.name, rec.key = name, key
                    self.table.records[key] = rec
                    self.table.every_key[key] = rec
                elif name != rec.name and name not in rec.aliases:
                    rec.aliases.append(name)
                by_key[key] = rec
                return rec
        rec = self.table.add(name, ActorKind.PERSON, key)
        by_key[key] = rec
        return rec


def _same_person(other_key: str, key: str) -> bool:
    if _fathers_name(other_key, key) or _fathers_name(key, other_key):
        return False  # `سلمان` is not `محمد بن سلمان`: what follows `بن` names his father
    other_key, key = _joined_abd(other_key), _joined_abd(key)
    return (
        other_key == key
        or variant_name(other_key, key)
        or other_key.endswith(" " + key)
        or key.endswith(" " + other_key)
        or _longer_lineage(other_key, key)
        or _longer_lineage(key, other_key)
        or " " not in key
        and variant_spelling(key, other_key.rsplit(" ", 1)[-1])  # `السفير ماكسيوف`
    )


def _longer_lineage(full: str, short: str) -> bool:
    """`فيصل بن فرحان بن عبدالله` and `فيصل بن فرحان`, `محمد بن راشد آل مكتوم` and `محمد بن راشد`: the
    same person, the longer form naming one more forefather or the family."""
    return " بن " in short and full.startswith((short + " بن ", short + " ال "))


def _joined_abd(key: str) -> str:
    """`عبد اللهيان` and `عبداللهيان`, `عبد الله` and `عبدالله`: one name, written apart or joined."""
    return re.sub(r"(?:^|(?<= ))عبد ", "عبد", key)


def _fathers_name(full: str, short: str) -> bool:
    """`full` ends with `بن` (or `ابن`) and `short`: the father's name (`سلمان`, `سلمان بن عبدالعزيز`
    in `فيصل بن سلمان بن عبدالعزيز`), not a short form of `full`."""
    return full.endswith((" بن " + short, " ابن " + short))
