"""Two states named by one dual word and two nationality adjectives joined by `و`: `وزيرا الدفاع
التركي والسوري وقّعا`, `الجانبان الروسي والمصري اتفقا` (the two sides, the Russian and the
Egyptian). When the text names no two persons for the dual word (`dual_parties` finds none), the
parties it stands for are the two states, as for an unnamed official whose nationality names his
state (../shared/gold/CONVENTIONS.md: unnamed ambassadors of named states make the states the
participants). The dual words besides the titles (`وزيرا`, `الرئيسان`) are in
`data/triggers.json` (`paired_nouns`)."""

from __future__ import annotations

from analysis.extraction import lexicon as lx
from analysis.extraction.actor_records import Mention
from analysis.extraction.actor_tokens import Token, _forms
from analysis.extraction.dual_parties import dual_head
from analysis.extraction.frame_doc import Doc, pseudo_mention

_CONSTRUCT_DUAL = ("ا", "ي")  # `وزيرا الدفاع`, `وزيري الخارجية`: the dual before its genitive
_REACH = 2  # words between the dual word and the first adjective (`الدفاع`, `الوزاريان`)


def _dual_word(tok: Token) -> bool:
    if tok.kind != "w":
        return False
    if tok.n in lx.PAIRED_NOUNS or dual_head(tok) is not None:
        return True
    return any(
        f.endswith(_CONSTRUCT_DUAL) and len(f) > 4 and f[:-1] in lx.PERSON_TITLE_HEADS for f in _forms(tok.n)
    )


def _nation(tok: Token, *, joined: bool) -> str | None:
    """The state of a definite nationality adjective (`التركي`; with `joined`, `والسوري`)."""
    n = tok.n
    if joined:
        if n[:1] != "و":
            return None
        n = n[1:]
    return lx.DEMONYM_FORMS.get(n) if tok.kind == "w" and n.startswith("ال") else None


def states_of_pair(doc: Doc, j: int, stop: int) -> tuple[list[Mention], int] | None:
    """The two states the dual word at `j` names by its adjectives (the two persons it stands for
    when the document names them: `dual_parties`), and the index after them; None when `j` is no
    such word."""
    tokens = doc.tokens
    if not _dual_word(tokens[j]) or doc.inside[j] is not None:
        return None
    for k in range(j + 1, min(j + 2 + _REACH, stop - 1)):
        if doc.inside[k] is not None or doc.inside[k + 1] is not None or tokens[k].kind != "w":
            return None
        first, second = _nation(tokens[k], joined=False), _nation(tokens[k + 1], joined=True)
        if first is None:
            continue
        if second is None or second == first:
            return None
        if j in doc.pair_at:  # `وزيرا الخارجية الجزائري والمغربي` of a text that names them
            return list(doc.pair_at[j]), k + 2
        return [pseudo_mention(first, j), pseudo_mention(second, j)], k + 2
    return None


def paired_subject_before(doc: Doc, i: int, rng: range) -> list[Mention]:
    """`وزيرا الدفاع التركي والسوري وقّعا`: the two states the phrase right before the verb `i` names."""
    for j in range(i - 2, max(rng.start, i - 3 - _REACH) - 1, -1):
        found = states_of_pair(doc, j, i)
        if found is not None and found[1] == i:
            return found[0]
    return []


def paired_subject_after(doc: Doc, i: int, rng: range) -> list[Mention]:
    """`ووقّع الجانبان العراقي والتركي مذكرة`: the two states named right after the verb `i`."""
    found = states_of_pair(doc, i + 1, rng.stop) if i + 1 < rng.stop else None
    return found[0] if found is not None else []
