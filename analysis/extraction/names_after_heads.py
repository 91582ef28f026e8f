"""Names right after a title that the name grammar alone does not read: a foreign name whose first
word has the shape of a particle (`السفير ما X`, `الإثيوبي أبي أحمد`), a given name that is also a
title word (`الإيراني أمير حاتمي`), and a compound given name alone after a personal honorific
(`الملك عبد الله،`). `person_titles` asks when no name parsed."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_tokens import Token
from analysis.extraction.lexical import governing_particle, reading
from analysis.extraction.name_tokens import _valid_name_token
from analysis.extraction.person_names import _NAME_OR_TITLE, _name_ends_after, _parse_name


def compound_given_name_alone(tokens: Sequence[Token], j: int) -> bool:
    """`الملك عبد الله،`, `الشيخ عبد العزيز و`: right after a personal honorific, `عبد` and a word with
    the article where a name ends: the one given name he is named by (two words, one name)."""
    return (
        j > 0
        and j + 2 <= len(tokens)
        and tokens[j - 1].n in lx.PERSONAL_HONORIFICS
        and tokens[j].n == "عبد"
        and tokens[j + 1].kind == "w"
        and tokens[j + 1].article
        and _name_ends_after(tokens, j + 2)
    )


def particle_shaped_name(tokens: Sequence[Token], j: int) -> int | None:
    """A short word qalsadi reads as a particle (`ما`, `لي`, `أبي`: also Chinese and Ethiopian names)
    that governs no case in the word after it (not `على`, `مع`, `أن`: Arabic-Stopwords), right
    after a title, then a word that is a name by the lexicons, no ordinary word nor a noun with a
    pronoun, where a name ends (`السفير ما شينمين سفير ...`, `النائب السابق لي هاملتون.`): the name's
    first word. Where the name ends, or None."""
    tok = tokens[j]
    if len(tok.n) > 3 or "S" not in reading(tok.text) or governing_particle(tok.text):
        return None
    return _name_from_second_word(tokens, j)


def title_shaped_given_name(tokens: Sequence[Token], j: int) -> int | None:
    """`وزير الدفاع الإيراني أمير حاتمي،`, `العميد امير حاتمي`: `أمير` without the article inside a
    title, then a word that is a name by the lexicons rather than the place or the body a prince
    rules (`أمير قطر`, `أمير منطقة مكة`, `أمير الكويت`): his given name. Where the name ends, or None."""
    if tokens[j].article or tokens[j].n not in _NAME_OR_TITLE:
        return None
    return _name_from_second_word(tokens, j)


def _name_from_second_word(tokens: Sequence[Token], j: int) -> int | None:
    """A name whose first word at `j` the grammar does not read: the next word is a name by the
    lexicons, no ordinary word nor a noun with a pronoun, and the name ends after it or goes on.
    Where it ends, or None."""
    if j + 1 >= len(tokens):
        return None
    nxt = tokens[j + 1]
    if (
        nxt.kind != "w"
        or nxt.line_start
        or not _valid_name_token(nxt)
        or not name_words.name_evidence(nxt.text)
        or name_words.ordinary(nxt.text)
        or name_words.noun_and_pronoun(nxt.text)
    ):
        return None
    end = _parse_name(tokens, j + 1)
    if end is None and _name_ends_after(tokens, j + 2):
        end = j + 2
    return end
