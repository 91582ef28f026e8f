"""Persons the title scan does not reach: a name with a patronymic connector and no title
(`، هيثم بن طارق،`), the name of the one who leads a government or a rule in construct with it
(`حكومة X Y`, `نظام X Y`), and the name after a title that read as common words until another person of the
document showed its first word to be a given name (`ووزير الخارجية ناصر جودة` beside `ناصر اللوزي`)."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import name_key
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_tokens import Token, _forms
from analysis.extraction.name_overlaps import Found
from analysis.extraction.name_tokens import _valid_name_token
from analysis.extraction.person_names import _parse_name
from analysis.extraction.person_titles import _clitic_first


def lineage_name(tokens: Sequence[Token], i: int, persons: list[Found]) -> int | None:
    """`، هيثم بن طارق،`, `مرشحها سيدي ولد التاه،`: a name word, a patronymic connector (`بن`, `ولد`)
    and the father's name is a person named with no title; not a verb or a particle before a surname
    that begins with the connector (`وجدد بن مبارك`, `مع بن ناصر`), nor a place or body named after
    him (`مطار`, `مؤسسة` before it). Appends the person to `persons`; where the scan goes on."""
    tok = tokens[i]
    if (
        tok.kind != "w"
        or tok.article
        or not _valid_name_token(tok)
        or name_words.never_in_name(tok.text)
        or _clitic_first(tok)
        or i > 0
        and any(f in lx.EPONYM_NOUNS or f in lx.ORG_HEADS for f in _forms(tokens[i - 1].n))
    ):
        return None
    end = _parse_name(tokens, i)
    if end is None or end < i + 3:
        return None
    persons.append((i, i, i, end))
    return end


def ruler_name(tokens: Sequence[Token], i: int, persons: list[Found]) -> int | None:
    """`تدعم حكومة فتحي باشاغا`, `سقوط نظام صدام حسين`: a noun of a government or a rule (titles.json
    rule_nouns) in construct with a name of two words or more, some word of it a name by the lexicons
    and not all of them common words: the person who leads it. Appends him to `persons`; where the scan
    goes on."""
    tok = tokens[i]
    if tok.kind != "w" or tok.article or not any(f in lx.RULE_NOUNS for f in _forms(tok.n)):
        return None
    start = i + 1
    if start >= len(tokens) or tokens[start].line_start or not _valid_name_token(tokens[start]):
        return None
    end = _parse_name(tokens, start)
    words = [t.text for t in tokens[start:end]] if end is not None else []
    if not words or not any(name_words.name_evidence(w) for w in words) or name_words.common_phrase(words):
        return None
    persons.append((start, start, start, end))
    return end


def names_after_titles(
    tokens: Sequence[Token], persons: list[Found], title_only: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Titles that found no name because the words after them read as common words (`ناصر`, `جودة`),
    where the first of them opens another person's name in the same document — a given name there,
    so one here (one sense of a word per document): the title's person is appended to `persons`.
    The titles still with no name."""
    given = {name_key(tokens[nf].n) for _, _, nf, ne in persons if ne - nf >= 2}
    starts = {nf for _, _, nf, _ in persons}
    kept: list[tuple[int, int]] = []
    for first, end in title_only:
        name_end = _parse_name(tokens, end) if end < len(tokens) else None
        if (
            name_end is None
            or name_key(tokens[end].n) not in given
            or tokens[end].line_start
            or end in starts
        ):
            kept.append((first, end))
            continue
        persons.append((first, end, end, name_end))
    return kept
