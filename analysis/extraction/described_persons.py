"""Persons named with no title before them: after a description of who they are (`المغني الكردي X`),
or as the one foreign word that speaks after a speech verb (`وقال باتيلي:`) or is the subject of a
pluperfect (`وكان باتيلي قد أجرى`)."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_geo import _is_geo, _reads_as
from analysis.extraction.actor_tokens import Token, _forms
from analysis.extraction.lexical import reading
from analysis.extraction.name_tokens import _known_word, _valid_name_token

_THAT = frozenset(normalize(w) for w in "أن إن بأن".split())


def described_person_at(tokens: Sequence[Token], i: int) -> bool:
    """`المغني الكردي`, `الفنان العراقي`: a definite noun of no title list and a masculine nisba
    adjective of a people (a nationality, or a proper-noun reading: `الكردي`), which describe the
    person named right after them."""
    if i + 2 >= len(tokens) or tokens[i + 1].kind != "w" or not tokens[i + 1].article:
        return False
    noun, adjective = tokens[i].n, tokens[i + 1].n
    return (
        adjective.endswith("ي")  # masculine singular, as a person's description is (not `القوات الروسية`)
        and len(adjective) > 4
        and not _known_word(noun)
        and not _reads_as(noun, "org")
        and not _reads_as(noun, "definite_org")
        and noun not in lx.INSTITUTION_WORDS
        and not _is_geo(adjective)
        and (adjective in lx.DEMONYM_FORMS or "P" in reading(tokens[i + 1].text))  # a people, not `الماضي`
    )


def single_speaker_at(tokens: Sequence[Token], j: int) -> bool:
    """One foreign word right after a speech verb and before a colon or `أن`/`إن` (its speaker), or
    after `كان` and before `قد` (`وكان باتيلي قد أجرى`: the subject of a pluperfect)."""
    if j + 1 >= len(tokens) or not (
        tokens[j + 1].text == ":"
        or tokens[j + 1].n in _THAT
        or tokens[j + 1].n == "قد"
        and tokens[j - 1].n in lx.AUXILIARY_KANA
    ):
        return False
    tok = tokens[j]
    codes = reading(tok.text)
    return (
        _valid_name_token(tok)
        and (codes in ("", "U") or "P" in codes)
        and not name_words.ordinary(tok.text)
        and not any(f in lx.SPEAKER_NOUNS for f in _forms(tok.n))
    )
