"""Persons named in a list under one title: the two names after a title in the dual (`استقبل النائبين
X وY`), and the next items of a list of persons each led by its nationality adjective for a title
(`مع وزراء الداخلية السعودي A، والتونسي B، والأردني C`: the plural title's head is left out)."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_tokens import _COMMAS, Token, _skip_quotes
from analysis.extraction.dual_parties import dual_head
from analysis.extraction.name_overlaps import Found
from analysis.extraction.person_names import _parse_name

# (first name's start, end, second name's start, end, whether the second name's first word carries `و`)
DualNames = tuple[int, int, int, int, bool]


def dual_title_names(tokens: Sequence[Token], i: int) -> DualNames | None:
    """A definite title head in the dual at `i` (`النائبين`, `الوزيران`) and two names joined by `و`
    right after it: the two persons it names."""
    if not tokens[i].article or dual_head(tokens[i]) is None:
        return None
    first_end = _parse_name(tokens, i + 1)
    if first_end is None or first_end >= len(tokens):
        return None
    second = second_name(tokens, first_end)
    if second is None:
        return None
    start, second_end, clitic = second
    return i + 1, first_end, start, second_end, clitic


def second_name(tokens: Sequence[Token], first_end: int) -> tuple[int, int, bool] | None:
    """The second of two names under a title in the dual, joined to the first at `first_end` by `و`
    alone, by `و` on the second name (`بطرس عساكر وزياد ميقاتي`) or by `و` on the second one's
    nationality (`أمير حاتمي والسوري علي عبد الله أيوب`): (start, end, whether `و` is on the name)."""
    if first_end >= len(tokens):
        return None
    joint = tokens[first_end]
    if joint.n == "و":
        start, clitic = first_end + 1, False
    elif joint.n[:1] == "و" and joint.n[1:] in lx.DEMONYM_FORMS:
        start, clitic = first_end + 1, False  # `والسوري X`: the second minister's nationality
    elif (
        joint.n[:1] == "و" and len(joint.n) > 3 and name_words.clitic_and_article(joint.text, joint.text[1:])
    ):
        start, clitic = first_end, True  # `وأسعد`: the conjunction on the second name
    else:
        return None
    start = _skip_quotes(tokens, start)
    second_end = _parse_name(tokens, start) if start < len(tokens) else None
    return None if second_end is None else (start, second_end, clitic)


def nationality_list_item(tokens: Sequence[Token], i: int, persons: Sequence[Found]) -> int | None:
    """`، والتونسي X Y،`: after a person of a list and a comma, `و` on a nationality adjective and a
    name closed by a mark, the next person of the list (his title is that adjective with the head the
    list left out). Where the name ends, or None."""
    tok = tokens[i]
    if (
        i < 2
        or tokens[i - 1].text not in _COMMAS
        or tok.n[:1] != "و"
        or tok.n[1:] not in lx.DEMONYM_FORMS
        or not any(name_end == i - 1 for _, _, _, name_end in persons)
    ):
        return None
    end = _parse_name(tokens, i + 1)
    if end is None or end >= len(tokens) or tokens[end].kind != "p":
        return None
    return end
