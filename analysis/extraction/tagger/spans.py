"""From the tagger's BIO labels to named spans, and from spans to the names they write.

Pure Python. A span is a run `B-X I-X ...` of one tag; an `I-X` with no `B-X` before it opens a
span too (the tagger may start a name with it). A span's name is its text with an attached
clitic dropped from the first word when the document also writes that word without it, or,
for the conjunctions و/ف, when the word without it is the commoner word (wordfreq) and the word
is no given name (pyarabic): `وبوتين` -> `بوتين`, `وفاليري` -> `فاليري`, while `بوتين` keeps its
`ب`, `باسم` its `ب` and `وليد` its `و`; `لل` is always `ال` (`للمالكي`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.arabic import normalize
from analysis.extraction.actors import Token
from analysis.extraction.lexical import is_given_name, word_zipf

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_BEFORE_LAM = ("ولل", "فلل", "لل")  # `لل`: the preposition took the article's alef
# A word inside a name never carries a conjunction or preposition with the article (`بالكاظمي`,
# `والعاهل`) or a conjunction before a name's first word (`وأبو`, `وعبد`): a new phrase starts there.
_ARTICLE_OPENERS = ("وبال", "وال", "بال", "ولل", "لل")
_NAME_OPENERS = ("وابو", "وعبد")  # normalized: `وأبو`, `وعبد`, `وعبدالله`
_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
_CONJUNCTIONS = ("و", "ف")


@dataclass(frozen=True, slots=True)
class Span:
    tag: str  # PER, ORG, GEO
    first: int  # token positions, `last` inclusive
    last: int


def spans(labels: Sequence[str]) -> list[Span]:
    """The tagged runs of `labels`, in order."""
    out: list[Span] = []
    tag, first = None, 0
    for k, label in enumerate((*labels, "O")):
        prefix, _, kind = label.partition("-")
        if tag is not None and (prefix != "I" or kind != tag):
            out.append(Span(tag, first, k - 1))
            tag = None
        if tag is None and prefix in ("B", "I"):
            tag, first = kind, k
    return out


def split_spans(found: Sequence[Span], tokens: Sequence[Token]) -> list[Span]:
    """Spans cut before an inner word that opens a new phrase (`أردوغان بالكاظمي` -> two spans)."""
    out: list[Span] = []
    for span in found:
        first = span.first
        for k in range(span.first + 1, span.last + 1):
            n = tokens[k].n
            if n.startswith(_NAME_OPENERS) or any(
                n.startswith(p) and len(n) > len(p) + 1 for p in _ARTICLE_OPENERS
            ):
                out.append(Span(span.tag, first, k - 1))
                first = k
        out.append(Span(span.tag, first, span.last))
    return out


def _first_word(word: str, written: frozenset[str]) -> str:
    """The first word of a name without an attached clitic (`word` as written, no diacritics)."""
    n = normalize(word)
    for prefix in _BEFORE_LAM:
        if n.startswith(prefix) and len(n) - len(prefix) >= 2:
            return "ال" + word[len(prefix) :]
    for clitic in _CLITICS:
        rest = n[len(clitic) :]
        if not n.startswith(clitic) or len(rest) < 3:
            continue
        commoner = clitic in _CONJUNCTIONS and not is_given_name(n) and word_zipf(rest) > word_zipf(n)
        if rest in written or commoner:
            return word[len(clitic) :]
    return word


def written_words(tokens: Sequence[Token]) -> frozenset[str]:
    """The words of a document, normalized (to see whether it writes a word without its clitic)."""
    return frozenset(t.n for t in tokens if t.kind == "w")


def span_name(text: str, tokens: Sequence[Token], span: Span, written: frozenset[str] | None = None) -> str:
    """The name a span writes, without a clitic attached to its first word (`written`: the document's
    `written_words`, computed here when not given)."""
    written = written_words(tokens) if written is None else written
    first = tokens[span.first]
    head = _first_word(_DIACRITICS.sub("", first.text), written)
    return (head + text[first.end : tokens[span.last].end]).strip()
