"""A title before a name that is the office of a person named before with another name: a title-only
mention of that holder. The words after it are another person (`كما استقبل رئيس الوزراء الباكستاني
المهندس X، نائب أمين جدة،` beside `رئيس وزراء باكستان Y`: Y received X) or no name at all (`للرئيس
العراقي بدوام التوفيق`, `وزير الخارجية الأميركي طالب البرهان`: a verb or a noun after the title)."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.extraction import lexicon as lx
from analysis.extraction.actor_tokens import Token, _forms
from analysis.extraction.title_holders import span_parts

_ADDRESS = lx.RANKS | lx.PERSONAL_HONORIFICS | lx.ADDRESS_HONORIFICS | lx.TITLES_AS_SURNAMES
Found = tuple[int, int, int, int]  # title start, title end, name start, name end
_Office = tuple[frozenset[str], frozenset[str], str]  # states, words, head (`title_holders.span_parts`)


def held_before_names(
    tokens: Sequence[Token], persons: list[Found], after_titles: dict[int, tuple[int, int]]
) -> list[tuple[int, int]]:
    """The titles before a name whose office, by its words and a state it names (`رئيس الوزراء
    الباكستاني` = `رئيس وزراء باكستان`), a person named before with other words holds: taken out of
    `persons` and returned as title-only mentions; the name stays a person, with the forms of address
    after the office (`المهندس`) for its title (dropping the ones that are no name, `غادر مطار`, cost
    the CHECK pool's person recall)."""
    holders = _holders(tokens, persons, after_titles)
    found: list[tuple[int, int]] = []
    kept: list[Found] = []
    for title_first, title_end, name_first, name_end in persons:
        cut = _office_end(tokens, title_first, title_end)
        office = span_parts(tokens, title_first, cut) if cut - title_first >= 2 else None
        name = _name(tokens, name_first, name_end)
        if office is None or not office[0] or not _held_by_other(holders.get(office, []), name, title_first):
            kept.append((title_first, title_end, name_first, name_end))
            continue
        found.append((title_first, cut))
        kept.append((cut, title_end, name_first, name_end))
    persons[:] = kept
    return found


def _holders(
    tokens: Sequence[Token], persons: Sequence[Found], after_titles: dict[int, tuple[int, int]]
) -> dict[_Office, list[tuple[int, tuple[str, ...]]]]:
    """Each office of a title before or after a name: where each of its holders is named, and his name."""
    holders: dict[_Office, list[tuple[int, tuple[str, ...]]]] = {}
    for title_first, title_end, name_first, name_end in persons:
        spans = [(title_first, _office_end(tokens, title_first, title_end))]
        if name_first in after_titles:
            spans.append(after_titles[name_first])
        for a, b in spans:
            if b - a >= 2:
                holders.setdefault(span_parts(tokens, a, b), []).append(
                    (min(a, name_first), _name(tokens, name_first, name_end))
                )
    return holders


def _held_by_other(holders: list[tuple[int, tuple[str, ...]]], name: tuple[str, ...], first: int) -> bool:
    """A holder named before `first` whose name shares no word with `name`, and none other that shares one."""
    others = [(at, other) for at, other in holders if other != name]
    if any(set(other) & set(name) for _, other in others):
        return False
    return any(at < first for at, _ in others)


def _office_end(tokens: Sequence[Token], a: int, b: int) -> int:
    """The end of a title's office, before the forms of address and ranks that end it (`المهندس`,
    `الفريق أول`) and a comma."""
    while b > a and (tokens[b - 1].kind != "w" or _address(tokens[b - 1])):
        b -= 1
    return b


def _address(tok: Token) -> bool:
    """A rank or a form of address (`المهندس`, a title that is also a family name, among them)."""
    return any(f in _ADDRESS for f in _forms(tok.n))


def _name(tokens: Sequence[Token], a: int, b: int) -> tuple[str, ...]:
    return tuple(t.n for t in tokens[a:b])
