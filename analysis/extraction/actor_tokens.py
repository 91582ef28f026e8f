"""Tokens of a document for the actor rules: words, digit runs and punctuation with their offsets,
and the readings of a word with its clitics (`والدفاع` -> `الدفاع`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from analysis.arabic import normalize
from analysis.extraction import lexicon as lx

_TOKEN_RE = re.compile(
    r"(?P<w>[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\ufdf2A-Za-z]+)"  # with the ligature ﷲ
    r"|(?P<d>[0-9\u0660-\u0669\u06f0-\u06f9]+)"
    r"|(?P<p>[^\s\w\u0600-\u06ff]|[\u060c\u061b\u061f\u066a-\u066d\u06d4])"
)
_ARTICLE = "ال"
_DIACRITICS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_QUOTES = set("()\"'“”«»‘’[]")
_TANWEEN_RE = re.compile("[\u064b-\u064d]")
_COMMAS = {"،", ","}


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    n: str  # normalized
    kind: str  # "w" word, "d" digits, "p" punctuation
    article: bool = False  # written with the article `ال` (bare alef), not `أل`/`إل`
    line_start: bool = (
        False  # the first token of a line (not of a wrapped one): no title or name runs on across it
    )


@lru_cache(maxsize=65536)
def _word_reading(word: str) -> tuple[str, bool]:
    """A token's normalized form, and whether it is written with the bare article (words recur)."""
    return normalize(word), _DIACRITICS_RE.sub("", word).startswith(_ARTICLE)


# A break after a line of this many words or more with no closing mark wraps a sentence (a hard-wrapped
# page: `الأمين العام\nلجامعة ...`, `فائز\n\nالسراج`) when the page has at least WRAPPED_LINES such
# lines; a headline is shorter or ends in a mark, and one long open line alone may be a headline.
WRAPPED_LINE_WORDS = 8
WRAPPED_LINES = 3


def _wrapped(text: str) -> bool:
    """Whether the page is hard-wrapped: WRAPPED_LINES lines or more of WRAPPED_LINE_WORDS words or more
    end in a letter, not a mark."""
    lines = text.split("\n")
    open_lines = sum(
        1
        for line in lines
        if len(line.split()) >= WRAPPED_LINE_WORDS and re.search(r"[\u0621-\u064a]\s*$", line)
    )
    return open_lines >= WRAPPED_LINES


def tokenize(text: str) -> list[Token]:
    """Words, digit runs and punctuation marks with their offsets into `text`."""
    tokens: list[Token] = []
    last_end = 0
    line_words = 0
    wrapped = _wrapped(text)
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        n, article = _word_reading(word)
        line_start = "\n" in text[last_end : m.start()]
        if line_start and wrapped and tokens and tokens[-1].kind == "w" and line_words >= WRAPPED_LINE_WORDS:
            line_start = False
        line_words = (0 if "\n" in text[last_end : m.start()] else line_words) + (m.lastgroup == "w")
        tokens.append(Token(word, m.start(), m.end(), n, m.lastgroup or "p", article, line_start))
        last_end = m.end()
    return tokens


@lru_cache(maxsize=65536)
def _forms(n: str) -> tuple[str, ...]:
    """The token and its clitic-stripped readings, most literal first."""
    out = [n]
    if n.startswith(("ولل", "فلل")) and len(n) > 4:
        out.append(_ARTICLE + n[3:])
    elif n.startswith("لل") and len(n) > 3:
        out.append(_ARTICLE + n[2:])
    if len(n) > 3 and n[0] in "وف":
        out.append(n[1:])
        if len(n) > 4 and n[1] in "بل":
            out.append(n[2:])
    if len(n) > 3 and n[0] in "بلك":
        out.append(n[1:])
    return tuple(dict.fromkeys(out))


def _definite(n: str) -> str | None:
    """The article-bearing reading of a token (`والدفاع` -> `الدفاع`), or None."""
    for f in _forms(n):
        if f.startswith(_ARTICLE) and len(f) > 3:
            return f
    return None


def _is_stop(n: str) -> bool:
    return n in lx.STOPWORDS or (n[:1] in "وف" and n[1:] in lx.STOPWORDS)


def _is_trigger(n: str) -> bool:
    return any(f in lx.TRIGGERS for f in _forms(n))


_CLOSERS = {"(": ")", "«": "»", "“": "”", '"': '"', "'": "'", "[": "]"}


def _closing(tokens: Sequence[Token], j: int, reach: int = 6) -> int | None:
    """Index of the mark closing the quote or parenthesis opened at `j`, within `reach` tokens."""
    want = _CLOSERS.get(tokens[j].text)
    if want is None:
        return None
    for k in range(j + 1, min(j + reach + 2, len(tokens))):
        if tokens[k].text == want:
            return k
        if tokens[k].kind == "p" and tokens[k].text not in "-/":
            return None
    return None


def _skip_quotes(tokens: Sequence[Token], k: int) -> int:
    while k < len(tokens) and tokens[k].kind == "p" and tokens[k].text in _QUOTES:
        k += 1
    return k


def _span_text(text: str, tokens: Sequence[Token], a: int, b: int) -> str:
    return text[tokens[a].start : tokens[b - 1].end]


def _strip_clitic_offset(tok: Token, bare: str) -> int:
    """Characters of `tok.text` taken by a clitic, given the reading `bare` of it."""
    extra = len(tok.n) - len(bare)
    if extra <= 0:
        return 0
    seen = 0
    for idx, ch in enumerate(tok.text):
        if normalize(ch):
            seen += 1
        if seen == extra:
            return idx + 1
    return 0
