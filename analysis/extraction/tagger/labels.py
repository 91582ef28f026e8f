"""BIO labels from gold annotations: each gold name or alias located in the tokens of its text.

Pure Python. A gold actor's `name` and `aliases` are literal substrings of the article
(../shared/gold/CONVENTIONS.md), except that an attached `ل` may be dropped; an occurrence is
tagged when the form's words equal a run of tokens (normalized), the first token allowed one
attached clitic `و`/`ف`/`ل`/`ب` (or `لل` for a form that starts with the article). Longer forms are
placed first and occurrences never overlap, so `نوري المالكي` wins over `المالكي`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from analysis.extraction.actors import Token, tokenize

OUTSIDE = "O"
# Gold kinds -> tag names; states and places are one tag (a capital is a state in the gold).
KIND_TAGS = {"person": "PER", "organization": "ORG", "state": "GEO", "place": "GEO"}
_CLITICS = ("و", "ف", "ل", "ب", "وب", "ول", "فل", "وف")


def _first_matches(token_n: str, word: str) -> bool:
    """The first word of a form, as written in the token or behind one clitic."""
    if token_n == word:
        return True
    if word.startswith("ال") and token_n == "لل" + word[2:]:
        return True
    return any(token_n == clitic + word for clitic in _CLITICS)


def _occurrences(tokens: Sequence[Token], words: Sequence[str]) -> Iterable[int]:
    """Token positions where the form `words` starts."""
    size = len(words)
    for i in range(len(tokens) - size + 1):
        if not _first_matches(tokens[i].n, words[0]):
            continue
        if all(tokens[i + s].n == words[s] for s in range(1, size)):
            yield i


def gold_forms(gold: dict) -> list[tuple[tuple[str, ...], str]]:
    """(normalized words, tag) of every gold name and alias, longest first."""
    forms: dict[tuple[str, ...], str] = {}
    for actor in gold.get("actors", []):
        tag = KIND_TAGS.get(actor.get("kind", ""))
        if tag is None:
            continue
        for form in (actor.get("name"), *actor.get("aliases", [])):
            words = tuple(t.n for t in tokenize(form or ""))
            if words and words not in forms:
                forms[words] = tag
    return sorted(forms.items(), key=lambda item: (-len(item[0]), item[0]))


def bio_labels(tokens: Sequence[Token], gold: dict) -> list[str]:
    """One label per token: `B-PER`, `I-PER`, `B-ORG` ... or `O`."""
    labels = [OUTSIDE] * len(tokens)
    for words, tag in gold_forms(gold):
        for i in _occurrences(tokens, words):
            span = range(i, i + len(words))
            if any(labels[k] != OUTSIDE for k in span):
                continue
            labels[i] = f"B-{tag}"
            for k in span[1:]:
                labels[k] = f"I-{tag}"
    return labels
