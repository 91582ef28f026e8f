"""A title in apposition right after a person's name (`كوريلا قائد القيادة المركزية`, `شنقريحة، رئيس
أركان الجيش`, `وقال X رئيس كتلة ...`): where it starts and ends."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction.actor_tokens import _COMMAS, Token
from analysis.extraction.person_titles import _head_at, _parse_title


def _joined_head(tok: Token) -> bool:
    """A title head read only with `و` taken off (`والعاهل`, `ووزير`): after a name it opens a
    second party joined to the first (`بين X والعاهل الأردني`), not the first one's title."""
    return (
        tok.n[:1] == "و"
        and tok.n not in lx.PERSON_TITLE_HEADS
        and _strip_article(tok.n) not in lx.PERSON_TITLE_HEADS
    )


def _apposition(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """A title without a name right after a name (`كوريلا قائد القيادة المركزية`,
    `شنقريحة، رئيس أركان الجيش`): (start, end) of that title, or None. Without a comma only
    a head in the construct state, so a definite title-only object (`السفير الأمريكي`) is not taken."""
    n_tok = len(tokens)
    comma = k < n_tok and tokens[k].text in _COMMAS
    a = k + 1 if comma else k
    if a >= n_tok or tokens[a].kind != "w" or tokens[a].n not in lx.PERSON_TITLE_HEADS:
        return None
    if not comma and tokens[a].article:
        return None
    title_end, name_first, _ = _parse_title(tokens, a)
    if name_first is not None and not comma:
        # `محمد بن سلمان ولي العهد رئيس مجلس الوزراء، رئيس وزراء ماليزيا أنور إبراهيم`: the title
        # right after a name is that name's; the one after the comma opens the next person
        cut = next((c for c in range(a + 2, name_first) if tokens[c].text in _COMMAS), None)
        if cut is None or cut + 1 >= n_tok or not _head_at(tokens, cut + 1):
            return None  # `أمين عام الأمم المتحدة، سامي المطيري`: a title and, after the comma, its name
        return a, cut
    if name_first is not None or title_end - a < 2:
        return None
    if comma and not (title_end >= n_tok or tokens[title_end].kind == "p"):
        return None  # `، رئيس الوزراء يستقبل`: not a closed apposition
    return a, title_end


def _title_after_name(tokens: Sequence[Token], end: int, *, comma: bool) -> tuple[int, int, int] | None:
    """The title in apposition after a name ending at `end` (after a comma, or, when `comma` is
    False, also right after it): (title start, title end, where the scan goes on). When the title
    ends in another person's name (`مستشار رئيس الوزراء العراقي نوري المالكي`) the scan goes on at
    the inner title (`رئيس ...`) to find that person."""
    n_tok = len(tokens)
    has_comma = end < n_tok and tokens[end].text in _COMMAS
    if comma and not has_comma:
        return None
    k = end + 1 if has_comma else end
    if k >= n_tok or not _head_at(tokens, k) or _joined_head(tokens[k]):
        return None
    title_end, name_first, _ = _parse_title(tokens, k)
    if name_first is None:
        return (k, title_end, title_end) if title_end - k >= 2 else None
    inner = next((h for h in range(k + 1, name_first) if _head_at(tokens, h)), None)
    return (k, name_first, inner) if inner is not None else None
