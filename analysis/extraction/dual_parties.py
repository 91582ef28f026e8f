"""Two persons named by one word: a title in the dual (`بين الرئيسين`, `جمع الوزيرين`) stands for the
two persons of the document named before it whose titles have that head (or are its counterpart:
`نظيره`); `وضيفيه المصري والأردني`
(his two guests, the Egyptian and the Jordanian) for the one person of each state named before.
Resolved only when exactly two persons fit; else the word names no one."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_records import Mention
from analysis.extraction.actor_tokens import Token, _forms
from analysis.extraction.results import ActorKind, ExtractedActor
from analysis.extraction.title_holders import COUNTERPARTS, title_head, title_nation

_DUAL_ENDINGS = ("ان", "ين")
_GUESTS = frozenset(normalize(w) for w in "ضيفيه ضيفيها ضيفاه ضيفاها".split())


def dual_parties(
    tokens: Sequence[Token], mentions: Sequence[Mention], actors: Sequence[ExtractedActor]
) -> dict[int, list[Mention]]:
    """The two persons each dual word of the text stands for, by its token index."""
    first_seen: dict[str, int] = {}
    covered = [False] * len(tokens)
    for m in mentions:
        for k in range(m.first, m.last + 1):
            covered[k] = True
        if m.kind == ActorKind.PERSON and not m.embedded:
            first_seen[m.actor] = min(first_seen.get(m.actor, m.first), m.first)
    persons = [a for a in actors if a.kind == ActorKind.PERSON and a.name in first_seen]
    found: dict[int, list[Mention]] = {}
    for k, tok in enumerate(tokens):
        if tok.kind != "w" or covered[k]:
            continue
        before = [a for a in persons if first_seen[a.name] < k]
        pair = _by_head(tok, before) or _guests(tokens, k, before) or _by_nations(tokens, k, before)
        if pair is not None:
            found[k] = [Mention(a.name, ActorKind.PERSON, k, k, tok.start, tok.end) for a in pair]
    return found


def dual_head(tok: Token) -> str | None:
    """`الرئيسين`, `للوزيرين`, `الزعيمان`: the title head a word gives in the dual."""
    for f in _forms(tok.n):
        if f.endswith(_DUAL_ENDINGS) and len(f) > 4 and f[:-2] in lx.PERSON_TITLE_HEADS:
            return title_head(f[:-2])
    return None


def _by_head(tok: Token, persons: list[ExtractedActor]) -> list[ExtractedActor] | None:
    head = dual_head(tok)
    if head is None:
        return None
    # a counterpart (`نظيره السوري`) holds the office of the one he is the counterpart of
    holders = [a for a in persons if any(title_head(t) in (head, *COUNTERPARTS) for t in a.titles)]
    return holders if len(holders) == 2 else None


def _guests(tokens: Sequence[Token], k: int, persons: list[ExtractedActor]) -> list[ExtractedActor] | None:
    """`ضيفيه المصري والأردني`: the one person of each of the two states named before."""
    if not any(f in _GUESTS for f in _forms(tokens[k].n)) or k + 2 >= len(tokens):
        return None
    states = [lx.DEMONYM_FORMS.get(f) for q in (k + 1, k + 2) for f in _forms(tokens[q].n)[-1:]]
    if None in states or states[0] == states[1]:
        return None
    pair = []
    for state in states:
        holders = [a for a in persons if any(title_nation(t) == state for t in a.titles)]
        if len(holders) != 1:
            return None
        pair.append(holders[0])
    return pair if pair[0] is not pair[1] else None


_CONSTRUCT_DUAL = ("ا", "ي")  # `وزيرا الخارجية`, `وزيري الدفاع`: the dual before its genitive
_NATION_REACH = 2  # words between the dual title and its first adjective (`الخارجية`)


def _construct_dual_head(tok: Token) -> str | None:
    for f in _forms(tok.n):
        if f.endswith(_CONSTRUCT_DUAL) and len(f) > 4 and f[:-1] in lx.PERSON_TITLE_HEADS:
            return title_head(f[:-1])
    return None


def _by_nations(
    tokens: Sequence[Token], k: int, persons: list[ExtractedActor]
) -> list[ExtractedActor] | None:
    """`وزيرا الخارجية الجزائري والمغربي`: the one person of each state whose title has that head."""
    head = dual_head(tokens[k]) or _construct_dual_head(tokens[k])
    if head is None:
        return None
    for q in range(k + 1, min(k + 2 + _NATION_REACH, len(tokens) - 1)):
        first = lx.DEMONYM_FORMS.get(tokens[q].n)
        if first is None:
            continue
        second = tokens[q + 1].n
        state = lx.DEMONYM_FORMS.get(second[1:]) if second[:1] == "و" else None
        if state is None or state == first:
            return None
        pair = []
        for nation in (first, state):
            holders = [
                a
                for a in persons
                if any(title_nation(t) == nation and title_head(t) == head for t in a.titles)
            ]
            if len(holders) != 1:
                return None
            pair.append(holders[0])
        return pair
    return None
