"""Features of each token for the sequence tagger: the word, its shape, the lexicons, the rules.

Pure Python. A token's own features (form, clitic-stripped form, affixes, lexicon membership,
word frequency, given-name list) depend only on its text and are cached once per process; the
features of its position (sentence start, the rules' mention tags) and of its neighbours are
added per document. The rules' mentions (`find_actors`) are features, not the answer: the tagger
learns where the rules are right (stacking).

Lexical resources through `analysis.extraction.lexical`: word frequency (wordfreq, Apache-2.0,
lists CC-BY-SA 4.0), given, family and place names (pyarabic, GPL-3.0), verb/noun readings
(qalsadi, GPL-3.0).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx
from analysis.extraction.actors import Mention, Token
from analysis.extraction.lexical import is_family_name, is_given_name, is_place_name, reading, word_zipf

SENTENCE_ENDS = frozenset(".!?؟\n:")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_CLITICS = ("وال", "فال", "بال", "لل", "ول", "وب", "فل", "فب", "و", "ف", "ب", "ل")
_GEO_PHRASES = (
    *lx.STATES,
    *(alt for alts in lx.STATES.values() for alt in alts),
    *lx.PLACES,
    *lx.PLACE_PHRASES,
)
_GEO_WORDS = frozenset(word for phrase in _GEO_PHRASES for word in normalize(phrase).split())
# Lexicons as (feature name, set of normalized words).
_LEXICONS: tuple[tuple[str, frozenset[str]], ...] = (
    ("title", lx.PERSON_TITLE_HEADS),
    ("titleword", lx.TITLE_WORDS),
    ("rank", lx.RANKS),
    ("honorific", lx.HONORIFICS | lx.ADDRESS_HONORIFICS),
    ("stop", lx.STOPWORDS),
    ("speech", lx.SPEECH_VERBS),
    ("connector", lx.NAME_CONNECTORS),
    ("speaker", lx.SPEAKER_NOUNS),
    ("nonname", lx.NON_NAME_NOUNS),
    ("orghead", lx.ORG_HEADS | lx.DEFINITE_ORG_HEADS),
    ("institution", lx.INSTITUTION_WORDS),
    ("demonym", frozenset(lx.DEMONYM_FORMS)),
    ("geo", _GEO_WORDS),
    ("trigger", frozenset(lx.TRIGGERS)),
)
# Features a neighbour contributes (with its offset): its word and its word-class flags.
_NEIGHBOUR_PREFIXES = ("w=", "lex=", "art", "k=")


def readings(n: str) -> tuple[str, ...]:
    """The token and its readings without one leading clitic (`والمالكي` -> `المالكي`)."""
    out = [n]
    for clitic in _CLITICS:
        if n.startswith(clitic) and len(n) - len(clitic) >= 3:
            rest = n[len(clitic) :]
            out.append("ال" + rest if clitic in ("وال", "فال", "بال", "لل") else rest)
    return tuple(dict.fromkeys(out))


def _bare(n: str) -> str:
    """The stem of a name word: no clitic, no article."""
    stem = readings(n)[-1]
    return stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem


@lru_cache(maxsize=65536)
def word_features(text: str, n: str, kind: str) -> tuple[str, ...]:
    """The features of a word that do not depend on where it stands."""
    if kind != "w":
        return (f"k={kind}", f"w={n}" if kind == "p" else "w=<num>")
    bare = _bare(n)
    feats = [f"w={n}", f"b={bare}", f"p3={n[:3]}", f"x3={n[-3:]}"]
    if n.startswith("ال"):
        feats.append("art")
    if bare != n:
        feats.append(f"clitic={n[: len(n) - len(bare)]}")
    if text.isascii():
        feats.append("latin")
    forms = readings(n)
    feats += [f"lex={name}" for name, words in _LEXICONS if any(f in words for f in forms)]
    feats.append(f"zipf={int(word_zipf(text))}")
    feats.append(f"read={reading(text)}")
    if is_given_name(bare):
        feats.append("lex=givenname")
    if is_family_name(bare) or is_family_name(readings(n)[-1]):
        feats.append("lex=familyname")
    if is_place_name(bare) or is_place_name(readings(n)[-1]):
        feats.append("lex=place")
    return tuple(feats)


@lru_cache(maxsize=65536)
def lexicon_word(text: str, n: str, kind: str) -> bool:
    """A word of the lexicons (a title, an institution, a place, a trigger, a stop word ...); given
    and family names from pyarabic do not count, nor a stop word written with alef maksura when the
    text writes ي (`على` is a preposition, `علي` a name)."""
    if n in lx.MAKSURA_STOPWORDS and _DIACRITICS.sub("", text).endswith("ي"):
        return False
    return any(
        f.startswith("lex=") and f not in ("lex=givenname", "lex=familyname")
        for f in word_features(text, n, kind)
    )


def rule_tags(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[str]:
    """What the rules say of each token: `B-person`, `I-person`, `title`, `B-state` ... or ``."""
    tags = [""] * len(tokens)
    for m in mentions:
        inside = False
        for k in range(m.first, m.last + 1):
            tok = tokens[k]
            if tok.start >= m.start and tok.end <= m.end:
                tags[k] = f"{'I' if inside else 'B'}-{m.kind}{'-only' if m.title_only else ''}"
                inside = True
            elif not tags[k]:
                tags[k] = "title"
    return tags


@lru_cache(maxsize=131072)
def _neighbour(text: str, n: str, kind: str, offset: int) -> tuple[str, ...]:
    """What a word tells its neighbour at `offset`: its word and word-class features, prefixed."""
    return tuple(f"{offset}:{f}" for f in word_features(text, n, kind) if f.startswith(_NEIGHBOUR_PREFIXES))


@lru_cache(maxsize=1024)
def _rule_feature(tag: str, offset: int) -> str:
    return f"{offset}:rule={tag}" if offset else f"rule={tag}"


_EDGES = {offset: (f"{offset}:edge",) for offset in (-2, -1, 1, 2)}


def sentence_features(
    tokens: Sequence[Token], mentions: Sequence[Mention], rows: range | None = None
) -> list[list[str]]:
    """Every token's features (only those of `rows` when given): its own, its position's, and its
    neighbours' (offsets -2..+2)."""
    return token_rows(tokens, rule_tags(tokens, mentions), range(len(tokens)) if rows is None else rows)


def token_rows(tokens: Sequence[Token], tags: Sequence[str], rows: range) -> list[list[str]]:
    """The features of the tokens of `rows`, given the rules' tags of the document (`rule_tags`).
    Word features are cached per word and offset, so a document costs little more than its length."""
    size = len(tokens)
    out = []
    for k in rows:
        tok = tokens[k]
        row = ["bias", *word_features(tok.text, tok.n, tok.kind)]
        if k == 0 or tokens[k - 1].text in SENTENCE_ENDS:
            row.append("first")
        for offset in (-2, -1, 0, 1, 2):
            j = k + offset
            if not 0 <= j < size:
                row += _EDGES[offset]
                continue
            if offset:
                other = tokens[j]
                row += _neighbour(other.text, other.n, other.kind, offset)
            if tags[j]:
                row.append(_rule_feature(tags[j], offset))
        out.append(row)
    return out
